"""Label files: the words a feature shows, in every language of the site, in
one YAML file of ``language: {key: text}`` in labels/. Both languages always
move together, so a file that leaves a language, or a key in one language,
out, or a label empty, is refused with a message that names the file, the line
and what to add. ``labels`` is the one way the hooks read them; ``said`` reads
labels/messages.yml, every message the build gives an editor, in the editor's language.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import yaml
from babel.numbers import format_decimal

from . import cache, catalogue

FOLDER = Path(__file__).with_name("labels")
# The languages of the build's messages, the editor's choice among them: PLAYBOOK_MESSAGES, else the locale.
MESSAGES = ("es", "en")
MESSAGES_FILE = FOLDER / "messages.yml"
LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides


class LabelError(ValueError):
    """A label file that cannot be used: the message names the file, the line and the fix."""


def file(name: str) -> Path:
    """labels/<name>.yml: "cards" -> the cards' and type pages' words."""
    return FOLDER / f"{name}.yml"


def language() -> str:
    """The editor's language for the build's messages: PLAYBOOK_MESSAGES (es or en) when set, else
    English for a locale that starts with 'en', else Spanish, the playbook's first language."""
    chosen = os.environ.get("PLAYBOOK_MESSAGES") or next(
        (os.environ[name] for name in LOCALE if os.environ.get(name)), "")
    return "en" if chosen.strip().lower().startswith("en") else "es"


def said(key: str, /, **values) -> str:
    """The text ``key`` of labels/messages.yml in the editor's language, its {placeholders} filled.
    Never raises for a broken messages file (the build reports it like any label file): what the
    file still holds is used, else the key itself."""
    words = _messages()
    block = words.get(language()) if isinstance(words, dict) else None
    text = block.get(key) if isinstance(block, dict) else None
    return (text if isinstance(text, str) else key).format(**values)


def decimal(value: float, digits: int = 1) -> str:
    """A number the build works out, for a message, as the editor's language writes it: 0,7 in Spanish,
    0.7 in English (a value the editor wrote is quoted as written)."""
    return format_decimal(round(value, digits), locale=language())


def said_with_fix(key: str, /, **values) -> str:
    """A line the build logs that stops nothing (a stale translation, an overdue review): the text
    ``key`` and, when the catalogue has one, ``key_fix``, in the editor's language."""
    words = _messages().get(language())
    keys = (key, f"{key}_fix") if isinstance(words, dict) and f"{key}_fix" in words else (key,)
    return " ".join(said(name, **values).strip() for name in keys)


def counted(word: str, count: int) -> str:
    """"1 item", "3 items": labels/messages.yml's ``<word>_one`` or ``<word>_many`` with the count."""
    return said(f"{word}_{'one' if count == 1 else 'many'}", count=count)


@cache.kept(files=lambda: [MESSAGES_FILE])
def _messages() -> dict:
    words = _read(MESSAGES_FILE, MESSAGES)[0]
    if words:
        return words
    # YAML that cannot be read (a translator's slip) must still word its own problem: each
    # "  key: text" line that reads alone is kept, under the language block it is in.
    words, language = {}, None
    for line in MESSAGES_FILE.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.rstrip(":") in MESSAGES:
            language = words.setdefault(line.rstrip(":"), {})
        elif language is not None and ": " in line and line.startswith("  ") and not line.startswith("   "):
            try:
                read = yaml.safe_load(line.strip())
            except yaml.YAMLError:
                continue
            language.update(read if isinstance(read, dict) else {})
    return words


def _read(path: Path, languages: Iterable[str]) -> tuple[dict, list[tuple[int, str, dict]]]:
    """The labels of ``path`` and what keeps them from being used: (line, message key, values) for
    YAML that cannot be read, a language left out, a key one language lacks, or a label left empty.
    ``languages``: those that must be there (besides those the file has)."""
    try:
        # libyaml's parser, as for front matter: every small build reads these files, 109 KB of YAML.
        labels = yaml.load(path.read_text(encoding="utf-8"), Loader=catalogue.LOADER)
    except (OSError, UnicodeDecodeError) as error:
        return {}, [(1, "label_unreadable", {"error": error})]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [((mark.line + 1) if mark else 1, "label_yaml", {"error": getattr(error, "problem", error)})]
    if not isinstance(labels, dict):
        return {}, [(1, "label_no_languages", {})]
    found, languages = [], tuple(languages)
    for lang in languages:
        if not isinstance(labels.get(lang), dict):
            found.append((1, "label_language_missing", {"language": lang}))
    present = [lang for lang in languages or labels if isinstance(labels.get(lang), dict)]
    keys = set().union(*(labels[lang] for lang in present))
    for lang in present:
        found += [(1, "label_key_missing", {"language": lang, "key": key}) for key in sorted(keys - set(labels[lang]))]
        found += [(1, "label_empty", {"language": lang, "key": key}) for key, text in labels[lang].items()
                  if text is None or (isinstance(text, str) and not text.strip())]
    return labels, found


def problems(path: Path, languages: Iterable[str], where: str | None = None) -> list[catalogue.Problem]:
    """What keeps the label file at ``path`` from being used; ``where`` names it (else its path in the project)."""
    where = where or path.relative_to(FOLDER.parents[2]).as_posix()
    return [catalogue.Problem.of(where, line, key, in_docs=False, **values)
            for line, key, values in _read(path, languages)[1]]


# Read again when the file changes (under `mkdocs serve` too).
@cache.kept(files=lambda name, languages=(): [file(name)], size=8)
def labels(name: str, languages: tuple[str, ...] = ()) -> dict[str, dict]:
    """The words of labels/<name>.yml, by language: {"es": {...}, "en": {...}}; ``languages``
    must all be there. A file that cannot be used raises LabelError."""
    words, found = _read(file(name), languages)
    if found:
        raise LabelError("\n".join(problem.text() for problem in problems(file(name), languages)))
    return words
