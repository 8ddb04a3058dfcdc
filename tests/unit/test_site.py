"""The sources of the built site: every page of docs/ in both languages. The
built pages are checked in tests/build/test_site.py."""

from __future__ import annotations

from support import LANGUAGES, ROOT, source_pages

PAGES = source_pages()


def test_every_source_page_exists_in_both_languages():
    docs = ROOT / "docs"
    for key in PAGES:
        for language in LANGUAGES:
            assert (docs / f"{key}.{language}.md").exists(), f"{key}.{language}.md is missing"
