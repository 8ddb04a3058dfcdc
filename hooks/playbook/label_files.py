"""Label files: the words a feature shows, in every language of the site, in
one YAML file of ``language: {key: text}`` in labels/. Both languages always
move together, so a file that leaves a language, or a key in one language,
out, or a label empty, is refused with a message that names the file, the line
and what to add. ``labels`` is the one way the hooks read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from . import cache
from .catalogue import Problem

FOLDER = Path(__file__).with_name("labels")


class LabelError(ValueError):
    """A label file that cannot be used: the message names the file, the line and the fix."""


def file(name: str) -> Path:
    """labels/<name>.yml: "cards" -> the cards' and type pages' words."""
    return FOLDER / f"{name}.yml"


def _read(path: Path, languages: Iterable[str]) -> tuple[dict, list[tuple[int, str, str]]]:
    """The labels of ``path`` and what keeps them from being used: (line, what, fix) for YAML
    that cannot be read, a language left out, a key one language lacks, or a label left empty.
    ``languages``: those that must be there (besides those the file has)."""
    try:
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return {}, [(1, f"The labels cannot be read ({error}).", "Save the file as UTF-8 text.")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [((mark.line + 1) if mark else 1,
                     f"The labels are not valid YAML: {getattr(error, 'problem', error)}.",
                     "Check the indentation and put text that contains ':' or '#' in quotes.")]
    if not isinstance(labels, dict):
        return {}, [(1, "The file holds no 'language:' blocks.",
                     "Write one block per language, with 'key: text' lines.")]
    found, languages = [], tuple(languages)
    for language in languages:
        if not isinstance(labels.get(language), dict):
            found.append((1, f"There are no labels for '{language}'.",
                          f"Add a '{language}:' block with the same keys as the others, translated."))
    present = [language for language in languages or labels if isinstance(labels.get(language), dict)]
    keys = set().union(*(labels[language] for language in present))
    for language in present:
        for key in sorted(keys - set(labels[language])):
            found.append((1, f"'{language}' has no '{key}'.", f"Add '{key}:' to the '{language}:' block, translated."))
        for key, text in labels[language].items():
            if text is None or (isinstance(text, str) and not text.strip()):
                found.append((1, f"'{language}' leaves '{key}' empty.", f"Write the text of '{key}'."))
    return labels, found


def problems(path: Path, languages: Iterable[str]) -> list[tuple[int, str, str]]:
    """What keeps the label file at ``path`` from being used: (line, what, fix)."""
    return _read(path, languages)[1]


# Read again when the file changes (under `mkdocs serve` too).
@cache.kept(files=lambda name, languages=(): [file(name)], size=8)
def labels(name: str, languages: tuple[str, ...] = ()) -> dict[str, dict]:
    """The words of labels/<name>.yml, by language: {"es": {...}, "en": {...}}; ``languages``
    must all be there. A file that cannot be used raises LabelError."""
    words, found = _read(file(name), languages)
    if found:
        where = file(name).relative_to(FOLDER.parents[2]).as_posix()  # from the project's folder
        raise LabelError("\n".join(str(Problem(where, *problem, in_docs=False)) for problem in found))
    return words
