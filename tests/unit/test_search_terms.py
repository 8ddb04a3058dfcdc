"""A page's search_terms (the words staff use for it): checked like the rest
of the front matter, each fault named with its file, line and fix; the build
stops on them; each language keeps its own, so they are no translation."""

from __future__ import annotations

import pytest

from playbook import translations
from playbook.checks import front_matter
from support.sites import ICONS, apply, base_files, catalogue, replace

PAGE = "factores.es.md"
GOOD = "search_terms:\n  - buen trato\n  - colas\ntitle:"


def problems(new: str) -> list[str]:
    edits = {PAGE: replace("title:", new)}
    found = front_matter.check(catalogue(apply(base_files(), edits)), ICONS)
    return [str(problem) for problem in found if problem.path == PAGE]


def test_a_list_of_words_is_valid():
    assert problems(GOOD) == []


@pytest.mark.parametrize(
    ("new", "expected", "fix"),
    [
        ("search_terms: buen trato\ntitle:", "must be a list, not a text", "starting with '- '"),
        ("search_terms: []\ntitle:", "is an empty list; it needs at least 1", "Add items"),
        ("search_terms:\n  - ''\ntitle:", "Item 1 of 'search_terms' ('') is not written as expected", "not blank"),
        ("search_terms:\n  - " + "x" * 61 + "\ntitle:", "is 61 characters long; at most 60 fit", "Shorten"),
        ("search_terms:\n  - <b>colas</b>\ntitle:", "is not written as expected", "no '<' or '>'"),
        ("search_terms:\n  - yes\ntitle:", "must be a text, not yes/no", "put it in quotes"),
        ("search_terms:\n" + "".join(f"  - palabra {n}\n" for n in range(31)) + "title:",
         "has 31 items; at most 30 fit", "Keep the 30"),
    ],
    ids=["a text", "empty list", "empty word", "too long", "html", "yes-no", "31 words"],
)
def test_bad_search_terms_are_named_with_their_line_and_fix(new, expected, fix):
    found = problems(new)
    assert len(found) == 1, found  # each mistake once
    for text in found:
        assert text.startswith(f"docs/{PAGE}:"), text
        # The line of the field or of the item at fault.
        assert 2 <= int(text.split(":")[1]) <= 2 + new.count("\n"), text
        assert "search_terms" in text and "How to fix:" in text
    assert any(expected in text and fix in text for text in found), found


def test_each_language_keeps_its_own_words():
    """Changing the Spanish page's words does not make its translation stale."""
    files = base_files()
    before = translations.fingerprint(catalogue(files).page("factores", "es"))
    edited = apply(files, {PAGE: replace("title:", GOOD)})
    assert translations.fingerprint(catalogue(edited).page("factores", "es")) == before
    # What readers see still counts.
    other = apply(files, {PAGE: replace("title: ", "title: Nuevo ")})
    assert translations.fingerprint(catalogue(other).page("factores", "es")) != before
