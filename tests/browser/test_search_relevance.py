"""In Chromium: a sample of the relevance suite's staff queries
(tests/search_queries.yml) typed in the search box shows its page among the
first three results."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import page_url, relevance

SAMPLE = {
    "es": ["cliente grosero", "cliente que me tutea", "cliente sabelotodo", "libro de reclamaciones",
           "cliente indeciso", "primera impresión"],
    "en": ["rude customer", "indecisive customer", "know-it-all", "refund", "chatty customer",
           "first impression"],
}
LANGUAGES = ("es", "en")


@pytest.mark.parametrize(("language", "query"), [(lang, q) for lang in LANGUAGES for q in SAMPLE[lang]])
def test_the_search_box_shows_the_page_in_the_first_three(server, page, language, query):
    expected = next(case.page for case in relevance.cases(language) if case.query == query)
    page.goto(server + page_url("factores", language))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    items = page.locator(".md-search-result__list > .md-search-result__item > a")
    expect(items.first).to_be_visible()
    # Results come as they are found: wait until the list holds its final first three.
    address = re.escape(server + page_url(expected.removesuffix("/") or "index", language))
    expect(page.locator(".md-search-result__list")).to_contain_text(re.compile(r"\S"))
    page.wait_for_function(
        "([n, pattern]) => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item > a')]"
        ".slice(0, n).some(a => new RegExp(pattern).test(a.href))",
        arg=[3, "^" + address + r"(\?|#|$)"], timeout=10_000)
