"""Relevance: what staff type (tests/search_queries.yml) finds its page among
the first three results, in both languages, a third of the queries or more in
words the page's text does not hold (the page's search_terms find it); two
words that name a customer type find its page first. Every
query is searched in the built index with lunr.py as the browser searches it
(tests/support/lunr_index.py); tests/browser/test_search_relevance.py types a sample
in the real search box."""

from __future__ import annotations

import pytest
from lunr.token import Token

from playbook import search_index
from support import lunr_index, page_url, relevance

LANGUAGES = ("es", "en")
CASES = [(language, case) for language in LANGUAGES for case in relevance.cases(language)]


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
        token = Token(word)
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


FIRST = [(language, case) for language, case in CASES if case.first]


@pytest.mark.parametrize(("language", "case"), FIRST, ids=[f"{lang}-{case.query}" for lang, case in FIRST])
def test_two_words_naming_a_type_find_its_page_first(indexes, language, case):
    """"cliente grosero" is the sarcastic customer's page before the pages that only say "cliente"."""
    index, _ = indexes[language]
    found = lunr_index.pages(index, case.query)
    assert found[:1] == [case.page], f"{case.query!r} ({language}) -> {found[:5]}, not {case.page!r} first"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_suite_says_which_two_word_queries_come_first(language):
    firsts = [case.query for case in relevance.cases(language) if case.first]
    assert {"es": "cliente grosero", "en": "rude customer"}[language] in firsts
    assert len(firsts) >= 10, firsts


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
