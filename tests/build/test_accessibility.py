"""Accessibility in the built HTML, without a browser: every written page
has Material's skip link. What Chromium and axe-core find is in
tests/browser/test_accessibility.py."""

from __future__ import annotations

from support import LANGUAGES, page_url, source_pages


def test_every_written_page_has_a_skip_link(site):
    # Material writes one on every page with a table of contents: all of ours.
    missing = [
        page_url(key, language)
        for key in source_pages()
        for language in LANGUAGES
        if 'class="md-skip"' not in (site / page_url(key, language) / "index.html").read_text()
    ]
    assert missing == []
