"""In Chromium: search results mark each word found once, in titles and
snippets, for one word, several words, a stemmed word and an accented one,
in both languages: no mark inside a mark, no stray ">", no markup shown as
text."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import page_url

pytestmark = pytest.mark.browser

# (language, what staff type, kind, the starts every marked word must have,
# whether a result's title holds the words)
QUERIES = [
    ("es", "Kotler", "one word", ["kotler"], True),
    ("es", "cliente enojado", "several words", ["client", "enoj"], True),
    ("es", "quejas", "stemmed", ["quej"], True),
    ("es", "fidelización", "accented", ["fideli"], True),
    ("es", "atención personalizada", "accented, several words", ["atenc", "personaliz"], True),
    ("en", "Kotler", "one word", ["kotler"], True),
    ("en", "angry customer", "several words", ["angr", "custom"], True),
    ("en", "complaints", "stemmed", ["complain"], True),
    ("en", "Pérez", "accented", ["pérez"], False),
    ("en", "listening actively", "stemmed, several words", ["listen", "activ"], False),
]

# Every result's title and snippets, their markup, and what a reader sees.
READ_RESULTS = """
list => [...list.querySelectorAll(".md-search-result__article")].map(article => ({
  html: article.innerHTML,
  title: article.querySelector("h1, h2").innerHTML,
  snippet: [...article.children].filter(child => !child.matches("h1, h2")).map(child => child.outerHTML).join(""),
  text: article.innerText,
  marks: [...article.querySelectorAll("mark")].map(mark => ({
    text: mark.textContent,
    inside: mark.parentElement.closest("mark") !== null,
    children: mark.children.length,
  })),
}))
"""


def search(page, server, language, query):
    page.goto(server + page_url("factores", language))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    # Results render as they come: wait for the list to stop changing.
    page.wait_for_function(
        """() => { const now = document.querySelector(".md-search-result__list").innerHTML;
                   const same = window.__last === now; window.__last = now; return same; }""",
        polling=200)
    return page.locator(".md-search-result__list").evaluate(READ_RESULTS)


@pytest.mark.parametrize(("language", "query", "kind", "starts", "in_titles"), QUERIES,
                         ids=[f"{q[0]}-{q[2]}-{q[1]}" for q in QUERIES])
def test_each_word_found_is_marked_once(server, page, language, query, kind, starts, in_titles):
    articles = search(page, server, language, query)
    assert articles, f"{query!r} found nothing"
    marks = [mark for article in articles for mark in article["marks"]]
    assert marks, f"{query!r}: nothing marked"
    # Titles are marked as well as snippets.
    if in_titles:
        assert any("<mark>" in article["title"] for article in articles), f"{query!r}: no title marked"
    # And the text below a title: the heading is left out as an element, not as words (a reference's
    # text starts with its heading's words, "Kotler (2007)", and a search for the author shows that
    # entry; the passages that cite an author show no citation, hooks/playbook/search_index.py).
    assert any("<mark>" in article["snippet"] for article in articles), f"{query!r}: no snippet marked"
    for article in articles:
        where = f"{query!r}, result {article['title']!r}"
        assert not any(mark["inside"] or mark["children"] for mark in article["marks"]), \
            f"{where}: a mark inside a mark: {article['html'][:300]}"
        # What a reader sees holds no markup and no stray ">".
        assert not re.search(r"<\s*/?\s*mark|&[lg]t;|mark=", article["text"]), f"{where}: {article['text'][:200]}"
        assert not re.search(r"(^|\s)>", article["text"]), f"{where}: a stray '>': {article['text'][:200]}"
        assert not re.search(r"<mark[^>]*<", article["html"]), f"{where}: broken mark: {article['html'][:300]}"
        # Each mark is a whole word the query found (Material marks the
        # word with the punctuation around it: «quejas»,).
        for mark in article["marks"]:
            word = re.sub(r"^\W+|\W+$", "", mark["text"].lower())
            assert any(word.startswith(start) for start in starts), f"{where}: marked {mark['text']!r}"
