"""Label files: the words a feature shows, in every language of the site, in
one YAML file of ``language: {key: text}``. Both languages always move
together, so a file that leaves a language, or a key in one language, out is
refused with a message that names the file and what to add.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class LabelError(ValueError):
    """A label file that cannot be used: the message names the file and the fix."""


def read(path: Path, languages: list[str]) -> dict[str, dict[str, str]]:
    """Every language's labels from ``path``; each of ``languages`` must be there, with the same keys."""
    try:
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise LabelError(f"{path}: the labels cannot be read ({error}).") from None
    if not isinstance(labels, dict):
        raise LabelError(f"{path}: write one 'language:' block per language, each with 'key: text' lines.")
    missing = [language for language in languages if not isinstance(labels.get(language), dict)]
    if missing:
        raise LabelError(f"{path}: no labels for {', '.join(missing)}: add a block for each, "
                         "with the same keys as the others.")
    keys = set().union(*(labels[language] for language in languages))
    for language in languages:
        lacking = sorted(keys - set(labels[language]))
        if lacking:
            raise LabelError(f"{path}: '{language}' has no {', '.join(lacking)}: "
                             "add them, translated, so every language has the same keys.")
        blank = sorted(key for key, text in labels[language].items() if not isinstance(text, str) or not text.strip())
        if blank:
            raise LabelError(f"{path}: '{language}' leaves {', '.join(blank)} empty: write the text.")
    return {language: labels[language] for language in languages}


def problems(path: Path, languages) -> list[tuple[int, str, str]]:
    """What keeps a label file of any shape from being used: (line, what, fix) for
    YAML that cannot be read, a language left out, or a key one language lacks."""
    try:
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        return [(1, f"The labels cannot be read ({error}).", "Save the file as UTF-8 text.")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [((mark.line + 1) if mark else 1, f"The labels are not valid YAML: {getattr(error, 'problem', error)}.",
                 "Check the indentation and put text that contains ':' or '#' in quotes.")]
    if not isinstance(labels, dict):
        return [(1, "The file holds no 'language:' blocks.", "Write one block per language, with 'key: text' lines.")]
    found = []
    for language in languages:
        if not isinstance(labels.get(language), dict):
            found.append((1, f"There are no labels for '{language}'.",
                          f"Add a '{language}:' block with the same keys as the others, translated."))
    present = [language for language in languages if isinstance(labels.get(language), dict)]
    keys = set().union(*(labels[language] for language in present)) if present else set()
    for language in present:
        for key in sorted(keys - set(labels[language])):
            found.append((1, f"'{language}' has no '{key}'.", f"Add '{key}:' to the '{language}:' block, translated."))
    return found
