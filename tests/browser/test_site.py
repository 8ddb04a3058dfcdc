"""In Chromium: the language switcher keeps the reader on the same page, and
search answers in the reader's language. (That every page loads from
127.0.0.1 alone with no console error is tested in test_accessibility.py,
on the same page loads as axe-core.)"""

import re

import pytest
from playwright.sync_api import expect

from support import lunr_index, page_url
from support.chromium import WORKER_ANSWERS


@pytest.mark.parametrize("key", ["factores", "tipos/enojado", "index"])
def test_switcher_keeps_the_reader_on_the_same_page(server, page, key):
    page.goto(server + page_url(key, "es"))
    page.locator(".md-select__link[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url(server + page_url(key, "en"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select__link[hreflang='es']").first.dispatch_event("click")
    page.wait_for_url(server + page_url(key, "es"))
    assert page.locator("html").get_attribute("lang") == "es"


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("es", "cliente enojado", "tipos/enojado/"),
        ("es", "quejas", "funciones/"),
        # Stemmed: the singular finds the page that says "quejas".
        ("es", "queja", "funciones/"),
        ("es", "momento de la verdad", "momento-de-la-verdad/"),
        ("en", "angry customer", "en/tipos/enojado/"),
        ("en", "complaint", "en/funciones/"),
        ("en", "loyalty", "en/estrategias/"),
        ("en", "moment of truth", "en/momento-de-la-verdad/"),
    ],
)
def test_search_box_finds_the_page_in_the_readers_language(
    server, page, language, query, expected
):
    page.goto(server + page_url("factores", language))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile("^" + re.escape(server + expected) + r"(\?|#|$)"))
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    in_english = [href.startswith(server + "en/") for href in hrefs]
    assert all(in_english) if language == "en" else not any(in_english)


@pytest.mark.parametrize(("language", "query"), [("en", "angry"), ("es", "quejas"), ("en", "complaints")])
def test_results_found_through_a_stem_do_not_call_the_word_missing(site, server, page, language, query):
    """Material lists a typed word as "Missing" unless a matched term starts
    with it; stems often do not ("angry" is indexed as "angri")."""
    page.goto(server + page_url("factores", language))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    # Results show as each letter is answered (a prefix's say nothing of the stem): the whole word's
    # come when Material counts the pages lunr.py finds for it in the same index.
    found = len(lunr_index.pages(lunr_index.load(site, language)[0], query))
    assert found > 0
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(rf"(^|\D){found}(\D|$)"))
    missing = page.locator(".md-search-result__item:first-child .md-search-result__terms")
    assert missing.count() == 0, missing.first.inner_text()


def test_results_further_down_the_list_show_when_scrolled_to(server, page):
    """Results out of view skip layout until scrolled to (content-visibility):
    scrolled to, each shows its title and text."""
    # Our worker answers first with the first pages' text, then whole, and Material draws the list
    # again for each: the list scrolled is the whole answer's.
    page.add_init_script(WORKER_ANSWERS)
    page.goto(server + page_url("index", "es") + "?q=cliente")
    page.wait_for_function("window.__wholeAnswers > 0")
    items = page.locator(".md-search-result__item")
    expect(items.nth(9)).to_be_attached()
    last = items.nth(items.count() - 1)
    last.scroll_into_view_if_needed()
    expect(last).to_be_visible()
    box = last.bounding_box()
    assert box and box["height"] > 40
    # Its title and its text (a customer type's: its summary, which need not say "cliente").
    title, *text = [line for line in last.inner_text().split("\n") if line.strip()]
    assert title and text and len(text[0]) > 20, last.inner_text()
