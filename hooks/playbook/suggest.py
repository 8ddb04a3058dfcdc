"""Did you mean: the one near-match policy behind every check's suggestion (a misspelt field,
page, anchor, icon, emoji, menu entry or list marker), so that they all suggest alike.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .label_files import said

# difflib's own cut-off (0.6) for a word: "titulo" finds "title", "cuenta" finds "count",
# "rapides" finds "rapidez". A path shares its folders with its neighbours, which makes any two
# alike, so it must be nearer (0.8): "tipos/lento.md" does not find "tipos/index.md".
CUTOFF = 0.6
PATH_CUTOFF = 0.8


def closest(word, choices: Iterable) -> str | None:
    """The choice nearest to ``word``, compared without case ("Fila.png" finds "fila.png"), or None."""
    by_lower: dict[str, str] = {}
    for choice in choices:
        by_lower.setdefault(str(choice).lower(), str(choice))
    word = str(word).lower()
    cutoff = PATH_CUTOFF if "/" in word else CUTOFF
    found = difflib.get_close_matches(word, by_lower, n=1, cutoff=cutoff)
    return by_lower[found[0]] if found else None


def did_you_mean(near: str | None) -> str:
    """A message's "did you mean" clause naming ``near``, or nothing when no choice was near."""
    return said("did_you_mean", near=near) if near else ""
