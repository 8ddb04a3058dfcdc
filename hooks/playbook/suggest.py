"""Did you mean: the one near-match policy behind every check's suggestion (a misspelt field,
page, anchor, icon, emoji, menu entry or list marker), so that they all suggest alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# About one typo in four characters at most (difflib's ratio of 0.75: "rapides" finds "rapidez",
# "grdi" finds "grid"), the same for every check. A looser one offers a page or icon that merely
# shares a folder or an icon set's prefix ("tipos/lento.md" would find "tipos/index.md").
CUTOFF = 0.75


def closest(word, choices: Iterable) -> str | None:
    """The choice nearest to ``word``, compared without case ("Fila.png" finds "fila.png"), or None."""
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(str(choice).lower(), str(choice))
    found = difflib.get_close_matches(str(word).lower(), by_lower, n=1, cutoff=CUTOFF)
    return by_lower[found[0]] if found else None
