"""Relevance: what staff type (tests/search_queries.yml) finds its page among
the first three results, in both languages, a third of the queries or more in
words the page's text does not hold (the page's search_terms find it). Every
query is searched in the built index with lunr.py as the browser searches it
(tests/lunr_index.py); a sample goes through the real search box too."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import lunr_index
import relevance
from conftest import page_url
from lunr_index import search_index

LANGUAGES = ("es", "en")
CASES = [(language, case) for language in LANGUAGES for case in relevance.cases(language)]
# A sample for the browser: one of each kind of page, both languages.
SAMPLE = {
    "es": ["cliente grosero", "cliente que me tutea", "cliente sabelotodo", "libro de reclamaciones",
           "cliente indeciso", "primera impresión"],
    "en": ["rude customer", "indecisive customer", "know-it-all", "refund", "chatty customer",
           "first impression"],
}


@pytest.fixture(scope="module")
def indexes(site):
    return {language: lunr_index.load(site, language) for language in LANGUAGES}


@pytest.fixture(scope="module")
def pipelines(site):
    script = (site / "assets/javascripts/lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    return {language: search_index.pipelines(language, ["trimmer", "stopWordFilter", "stemmer"], script)[0]
            for language in LANGUAGES}


def page_lacks_a_word(index, steps, case) -> bool:
    """Whether a word of the query, stemmed as the index is, is in neither the
    title nor the text of the page or its sections (its search_terms aside)."""
    for word in lunr_index.words(index, case.query):
        token = search_index.Token(word)
        for step in steps:
            token = step(token)
            if token is None:
                break
        if token is None:
            continue
        posting = index.inverted_index.get(str(token), {})
        locations = [ref for field in ("title", "text") for ref in posting.get(field, {})]
        if not any(location.split("#")[0] == case.page for location in locations):
            return True
    return False


@pytest.mark.parametrize(("language", "case"), CASES, ids=[f"{lang}-{case.query}" for lang, case in CASES])
def test_staff_queries_find_their_page_in_the_first_three(indexes, language, case):
    index, _ = indexes[language]
    found = lunr_index.pages(index, case.query)
    assert case.page in found[:3], f"{case.query!r} ({language}) -> {found[:5]}, not {case.page!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_suite_holds_forty_queries_a_third_in_words_the_page_lacks(indexes, pipelines, language):
    index, data = indexes[language]
    cases = relevance.cases(language)
    assert len(cases) >= 40
    assert len({case.query.lower() for case in cases}) == len(cases), "a query is listed twice"
    pages = {doc["location"].split("#")[0] for doc in data["docs"]}
    assert not [case.page for case in cases if case.page not in pages], "a page of the suite does not exist"
    lacking = [case.query for case in cases if page_lacks_a_word(index, pipelines[language], case)]
    assert len(lacking) * 3 >= len(cases), f"only {len(lacking)} of {len(cases)}: {lacking}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_words_are_in_the_index_not_on_the_page(site, indexes, language):
    """The angry customer's page is found by "furious" alone, which the page never shows."""
    index, data = indexes[language]
    word = {"es": "furioso", "en": "furious"}[language]
    assert lunr_index.pages(index, word)[0] == "tipos/enojado/"
    html = (site / page_url("tipos/enojado", language) / "index.html").read_text(encoding="utf-8")
    assert word not in html.lower()
    page = next(doc for doc in data["docs"] if doc["location"] == "tipos/enojado/")
    assert word in page["keywords"] and word not in page["text"].lower()


@pytest.mark.browser
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
