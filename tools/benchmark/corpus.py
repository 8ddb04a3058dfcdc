"""Synthetic corpora: the playbook grown to N pages per language, a copy of its own pages (so
what our hooks expect is there) plus generated pages in both languages under
``biblioteca/tema-XX/``. A generated page is about a playbook page's size (3 KB of Markdown)
and has what playbook pages have: front matter, headings with ids, lists, a table, an
admonition, links to anchors and citations.
"""

from __future__ import annotations

import os
import posixpath
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

LANGUAGES = ("es", "en")
PER_FOLDER = 25
SECTIONS = 4  # headings per page: {#punto-1} .. {#punto-4}

WORDS = {
    "es": (
        "cliente clientes atención servicio amable rápida queja reclamo pedido entrega "
        "producto venta tienda personal equipo escuchar preguntar responder resolver "
        "confianza calidad precio garantía devolución cambio pago caja turno espera "
        "saludo sonrisa trato cortés claro breve paciencia empatía solución opción "
        "registro seguimiento llamada correo mensaje horario local vitrina pasillo "
        "consulta duda necesidad gusto preferencia experiencia momento verdad promesa "
        "valor marca imagen ambiente comodidad seguridad rapidez amabilidad fidelidad "
        "recomendación encuesta opinión mejora proceso trámite formulario firma"
    ).split(),
    "en": (
        "customer customers attention service friendly quick complaint claim order delivery "
        "product sale store staff team listen ask answer solve trust quality price "
        "warranty return exchange payment till queue wait greeting smile manner polite "
        "clear brief patience empathy solution option record follow-up call email message "
        "hours shop window aisle enquiry doubt need taste preference experience moment "
        "truth promise value brand image atmosphere comfort safety speed kindness loyalty "
        "recommendation survey opinion improvement process procedure form signature"
    ).split(),
}
JOINERS = {
    "es": "y con para sin sobre cuando porque después antes durante".split(),
    "en": "and with for without about when because after before during".split(),
}
LABELS = {
    "es": {"topic": "Tema", "page": "Página", "index": "Resumen del tema", "see": "Ver también",
           "tip": "Consejo", "col": ("Situación", "Qué hacer"),
           "desc": "Página de ejemplo del tema"},
    "en": {"topic": "Topic", "page": "Page", "index": "Topic overview", "see": "See also",
           "tip": "Tip", "col": ("Situation", "What to do"),
           "desc": "Example page of topic"},
}


def sentence(rng: random.Random, language: str, words: int = 12) -> str:
    vocabulary, joiners = WORDS[language], JOINERS[language]
    picked = [rng.choice(joiners) if i % 4 == 3 else rng.choice(vocabulary) for i in range(words)]
    return " ".join(picked).capitalize() + "."


def paragraph(rng: random.Random, language: str, sentences: int = 4) -> str:
    return " ".join(sentence(rng, language, rng.randint(9, 15)) for _ in range(sentences))


def references(docs: Path) -> dict[str, dict[str, str]]:
    """The references page's entries (its ### headings), id -> heading, by language."""
    entries = {}
    for language in LANGUAGES:
        path = docs / f"referencias.{language}.md"
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        found = re.findall(r"^###\s+(.*?)\s*\{#([\w-]+)\}\s*$", text, re.M)
        entries[language] = {id_: title for title, id_ in found}
    return entries


def page_keys(count: int) -> list[str]:
    """Keys of ``count`` generated pages: each folder's index, then its pages."""
    keys = []
    for number in range(count):
        folder, position = divmod(number, PER_FOLDER)
        name = "index" if position == 0 else f"pagina-{position:02d}"
        keys.append(f"biblioteca/tema-{folder + 1:02d}/{name}")
    return keys


def link(source_key: str, target_key: str, anchor: str) -> str:
    """A relative link from one page to another's anchor, without language suffix."""
    relative = posixpath.relpath(target_key + ".md", posixpath.dirname(source_key))
    return f"{relative}#{anchor}"


# It must pass our content checks, or our build stops: relative ``.md`` links without a language,
# to anchors that exist in both languages.
def page_text(keys: list[str], number: int, language: str, citations: dict[str, str]) -> str:
    """One generated page: the same structure, ids and links in every language."""
    key = keys[number]
    labels = LABELS[language]
    # The same seed for both languages: same links, same anchors, same shape.
    shape = random.Random(number)
    words = random.Random(f"{number}-{language}")
    folder = key.split("/")[1].removeprefix("tema-")
    title_words = " ".join(words.choice(WORDS[language]) for _ in range(3))
    if key.endswith("/index"):
        title = f"{labels['topic']} {folder}: {labels['index']}"
    else:
        title = f"{labels['topic']} {folder} · {labels['page']} {key[-2:]}: {title_words}"
    description = f"{labels['desc']} {folder}: {sentence(words, language, 10)}"

    def target(anchor_number: int | None = None) -> str:
        other = keys[shape.randrange(len(keys))]
        return link(key, other, f"punto-{anchor_number or shape.randint(1, SECTIONS)}")

    def cite() -> str:
        if not citations:
            return ""
        # Cited as the playbook cites: the entry's heading, linked to it.
        anchor = sorted(citations)[shape.randrange(len(citations))]
        return f" ([{citations[anchor]}]({link(key, 'referencias', anchor)}))"

    lines = ["---", f'title: "{title}"', f'description: "{description}"', "---", ""]
    lines += [paragraph(words, language, 3) + f" {labels['see']}: [{title_words}]({target()}).", ""]
    for section in range(1, SECTIONS + 1):
        heading = " ".join(words.choice(WORDS[language]) for _ in range(3)).capitalize()
        lines += [f"## {heading} {{#punto-{section}}}", "", paragraph(words, language) + cite(), ""]
        if section == 1:
            lines += [f"- {sentence(words, language, 7)} [{labels['see']}]({target()})."
                      for _ in range(4)] + [""]
        elif section == 2:
            lines += [f"{step}. {sentence(words, language, 8)}" for step in range(1, 4)] + [""]
            lines += [f'!!! tip "{labels["tip"]}"', "", f"    {sentence(words, language, 14)}", ""]
        elif section == 3:
            first, second = labels["col"]
            lines += [f"| {first} | {second} |", "| --- | --- |"]
            lines += [f"| {sentence(words, language, 4)} | {sentence(words, language, 7)} |"
                      for _ in range(3)] + [""]
        else:
            lines += [paragraph(words, language, 2) + f" [{labels['see']}]({target()}).", ""]
    return "\n".join(lines)


def source_pages(docs: Path) -> int:
    """How many pages per language a docs folder holds."""
    return len(list(docs.rglob(f"*.{LANGUAGES[0]}.md")))


def write_corpus(playbook_docs: Path, target: Path, pages_per_language: int) -> int:
    """Copy the playbook's docs to ``target`` and grow them to ``pages_per_language``.

    Returns how many pages per language were generated.
    """
    shutil.copytree(playbook_docs, target)
    count = max(0, pages_per_language - source_pages(playbook_docs))
    keys = page_keys(count)
    entries = references(playbook_docs)
    # Entries that exist in every language: a citation must resolve in both.
    shared = set.intersection(*(set(found) for found in entries.values()))
    for number, key in enumerate(keys):
        for language in LANGUAGES:
            path = target / f"{key}.{language}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            citations = {id_: entries[language][id_] for id_ in shared}
            path.write_text(page_text(keys, number, language, citations), encoding="utf-8")
    return count


def mark_translated(root: Path, config: Path, docs: Path) -> str | None:
    """Record every generated translation as reviewed, as editors do after
    translating (``make translated``), so that the corpus's English pages are
    as up to date as the playbook's. Returns a note when that could not be done."""
    command = root / "hooks" / "translations.py"
    if not command.exists():
        return None
    pages = [str(path) for path in sorted((docs / "biblioteca").rglob(f"*.{LANGUAGES[1]}.md"))]
    if not pages:
        return None
    result = subprocess.run([sys.executable, str(command), "-f", str(config), "mark", *pages],
                            cwd=config.parent, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        return ("The corpus's translations could not be marked reviewed; its English pages "
                "count as never reviewed:\n" + (result.stderr or result.stdout)[-1000:])
    return None


def commit_to_git(folder: Path) -> None:
    """Make ``folder`` a git repository with everything in it committed.

    A real playbook of this size lives in git, and our build reads its
    history (each page's last change): without a repository it would skip
    that work and look faster than it is.
    """
    env = {**os.environ, "GIT_AUTHOR_NAME": "Benchmark", "GIT_AUTHOR_EMAIL": "benchmark@example.org",
           "GIT_COMMITTER_NAME": "Benchmark", "GIT_COMMITTER_EMAIL": "benchmark@example.org"}
    for command in (["init", "--quiet"], ["add", "--all"],
                    ["-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "Corpus"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)
