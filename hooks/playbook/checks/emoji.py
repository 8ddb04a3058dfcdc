"""Emoji and icons: every `:shortcode:` names an emoji or icon of the index that
pymdownx.emoji uses (mkdocs.yml: Material's twemoji, with Material's icon sets). An unknown one
is printed as it is written, colons and all.
"""

from __future__ import annotations

from .. import cache
from ..catalogue import Catalogue, Problem
from ..suggest import closest, did_you_mean


@cache.kept()
def material_index() -> frozenset[str]:
    """The shortcodes of Material's twemoji index, its icons included."""
    from material.extensions.emoji import twemoji

    return names(twemoji({}, None))


def names(index: dict) -> frozenset[str]:
    """The names (without colons) of a pymdownx.emoji index: emoji and aliases."""
    return frozenset(name.strip(":") for part in ("emoji", "aliases") for name in index.get(part, {}))


def check(catalogue: Catalogue, known: frozenset[str] | None = None) -> list[Problem]:
    known = material_index() if known is None else known
    problems = []
    for page in catalogue.pages.values():
        # Digits alone (the `:30:` of "10:30:45") are a time, not a mistake.
        for code in page.document.shortcodes:
            if code.name in known or code.name.isdigit():
                continue
            # Icons share their set's prefix ("material-"): compared within it, it is quicker.
            prefix = code.name.split("-", 1)[0] + "-" if "-" in code.name else ""
            near = closest(code.name, [n for n in known if n.startswith(prefix)] if prefix else known)
            problems.append(Problem.of(page.path, code.line, "unknown_emoji", name=code.name,
                                       near=did_you_mean(near and f":{near}:")))
    return problems
