"""Placeholders: no text of templates/ reaches the site. A page copied from a template and
left half filled in would publish "Cliente de ejemplo" on the site, its quick card,
cards.json and the kiosk. The placeholder texts are read from the templates themselves, so a
template that changes is checked as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .. import cache
from ..catalogue import Catalogue, Problem, SourcePage, parse_page, strings
from ..markdown import inline_text

# A front-matter text is a placeholder where it is a field's whole value; a sentence or table cell
# of MIN_WORDS words or more, wherever it appears in a page's text.
MIN_WORDS = 3
# Front-matter fields whose template values are fine to keep as they are.
KEPT = {"id", "icon", "kind", "related", "owner", "review_by", "translated_from", "answer"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Placeholders:
    values: dict[str, str]  # normalised front-matter text -> template it comes from
    sentences: dict[str, str]  # normalised sentence of the text -> template


def _normal(text: str, lower: bool = True) -> str:
    # Link addresses are blanked by the scanner: their brackets are left.
    text = " ".join(inline_text(text).replace("[", "").replace("]", "").split())
    return text.lower() if lower else text


def blocks(page: SourcePage) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph, list item and table row, without markup."""
    doc = page.document
    found, lines, start = [], [], None

    def close():
        if lines:
            found.append((start, " ".join(lines)))

    rows = doc.prose.split("\n") + [""]
    for index, line in enumerate(rows):
        stripped = line.strip()
        item = re.match(r"^(?:[-*+]|\d+[.)])\s+|^>\s?", stripped)
        if not stripped or stripped.startswith(("!!!", "???", "|")) or item or re.match(r"^#{1,6}", stripped):
            close()
            lines, start = [], None
            header = index + 1 < len(rows) and re.fullmatch(r"\|?[|:\s-]+", rows[index + 1].strip())
            if stripped.startswith("|") and not re.fullmatch(r"[|:\s-]+", stripped) and not header:
                found.extend((doc.body_start + index, cell) for cell in stripped.split("|"))
            elif item:
                lines, start = [stripped[item.end() :]], doc.body_start + index
            continue
        start = doc.body_start + index if start is None else start
        lines.append(stripped)
    close()
    return found


def _sentences(text: str) -> list[str]:
    return [s for s in (_normal(part) for part in SENTENCE_END.split(text)) if len(re.findall(r"\w+", s)) >= MIN_WORDS]


def _templates(folder, languages=()) -> list[Path]:
    return sorted(Path(folder).glob("*.md"))


# Read again only when a template changes.
@cache.kept(files=_templates, size=8)
def from_folder(folder: Path, languages: tuple) -> Placeholders:
    """The placeholders of the templates in ``folder``."""
    values, sentences = {}, {}
    for file in _templates(folder):
        name = f"templates/{file.name}"
        page, problems = parse_page(file.name, file.read_bytes(), languages)
        if problems:
            continue
        for _, value in strings(page.meta, skip=KEPT):
            if _normal(value):
                values.setdefault(_normal(value), name)
        for _, text in blocks(page):
            for sentence in _sentences(text):
                sentences.setdefault(sentence, name)
    return Placeholders(values, sentences)


def check(catalogue: Catalogue, placeholders: Placeholders | None) -> list[Problem]:
    if placeholders is None:
        return []
    problems = []
    for page in catalogue.pages.values():
        problems += [
            Problem.of(page.path, page.line_of(*path), "placeholder_value", text=value, template=template)
            for path, value in strings(page.meta, skip=KEPT)
            if (template := placeholders.values.get(_normal(value)))
        ]
        for line, text in blocks(page):
            normal = " " + _normal(text) + " "
            # The first sentence of a template found in the block is said.
            found = next(((sentence, template) for sentence, template in placeholders.sentences.items()
                          if f" {sentence} " in normal or normal.strip() == sentence), None)
            if found:
                sentence, template = found
                # Quoted as the page writes it, so that a search of the file finds it.
                written = f" {_normal(text, lower=False)} "
                at = written.lower().find(f" {sentence} ") if len(written) == len(written.lower()) else -1
                sentence = written[at + 1:at + 1 + len(sentence)] if at >= 0 else sentence
                problems.append(Problem.of(page.path, line, "placeholder_text", template=template,
                                           text=sentence[:60] + "…" * (len(sentence) > 60)))
    return problems
