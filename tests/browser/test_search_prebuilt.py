"""The lunr index the build makes (hooks/playbook/search_index.py) is the one
the browser would make: the same terms, stems, positions and scores, every
word of the corpus stemmed alike by Python and by the browser's stemmer; the
worker loads it instead of building one, and Material's features (results,
highlights, "missing" terms, suggestions, counts) answer as they did."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from playbook import search_index
from support import lunr_index, page_url, relevance

LANGUAGES = ("es", "en")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# A worker made of the site's search worker script, to run lunr as the
# browser runs it: it answers {stem: words} and captures the index Material's
# worker builds when sent the search index (no address: it waits for that).
HARNESS = """
importScripts(%s)
const harnessBuild = lunr.Builder.prototype.build
lunr.Builder.prototype.build = function () {
  const index = harnessBuild.call(this)
  postMessage({ built: JSON.stringify(index) })
  return index
}
addEventListener("message", event => {
  const { words, language } = event.data
  if (!words) return
  const steps = language === "en"
    ? { trimmer: lunr.trimmer, stopWordFilter: lunr.stopWordFilter, stemmer: lunr.stemmer }
    : { trimmer: lunr[language].trimmer, stopWordFilter: lunr[language].stopWordFilter,
        stemmer: lunr[language].stemmer }
  const run = (fn, word) => { const token = fn(new lunr.Token(word)); return token ? token.toString() : null }
  postMessage({ words: words.map(word => [run(steps.trimmer, word), run(steps.stopWordFilter, word),
                                           run(steps.stemmer, word)]) })
})
"""

START_HARNESS = """
([source, message]) => new Promise((resolve, reject) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })))
  worker.onerror = event => reject(new Error(event.message))
  worker.onmessage = event => {
    if (message.words ? event.data.words : event.data.built) {
      resolve(event.data.words || JSON.parse(event.data.built))
      worker.terminate()
    }
  }
  worker.postMessage(message)
})
"""


def worker_script(site: Path, language: str) -> str:
    """The address of a language's search worker script below the site root."""
    html = (site / page_url("index", language) / "index.html").read_text(encoding="utf-8")
    address = json.loads(CONFIG.search(html).group(1))["search"].partition("?")[0]
    return (Path(page_url("index", language)) / address).as_posix().replace("en/../", "")


def language_folder(site: Path, language: str) -> Path:
    return site / page_url("index", language) / "search"


def run_in_worker(page, server, site, language, message):
    page.goto(server + page_url("referencias", language))
    source = HARNESS % json.dumps(server + worker_script(site, language))
    return page.evaluate(START_HARNESS, [source, message])


# In Chromium


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_browser_builds_the_same_index(server, site, page, language):
    """Material's worker, sent the search index, builds in Chromium exactly
    the index the build wrote: terms, positions, scores, pipeline."""
    folder = language_folder(site, language)
    docs = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    ours = search_index.expanded(json.loads((folder / "lunr_index.json").read_text(encoding="utf-8")),
                                 docs["docs"])
    theirs = run_in_worker(page, server, site, language, {
        "type": 0, "data": {"config": docs["config"], "docs": docs["docs"], "options": {"suggest": False}}})
    assert theirs["fields"] == ours["fields"]
    assert theirs["pipeline"] == ours["pipeline"]
    assert [term for term, _ in theirs["invertedIndex"]] == [term for term, _ in ours["invertedIndex"]]
    for (term, posting), (_, expected) in zip(theirs["invertedIndex"], ours["invertedIndex"], strict=True):
        assert posting == expected, term
    assert dict(theirs["fieldVectors"]) == dict(ours["fieldVectors"])
    assert len(ours["invertedIndex"]) > 500


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_python_and_the_browser_stem_every_word_alike(server, site, page, language):
    """Every word of the language's corpus, and of the staff queries of the
    relevance suite, through the trimmer, the stop-word filter and the
    stemmer of Python and of the browser."""
    folder = language_folder(site, language)
    docs = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    separator = search_index.js_regex(docs["config"]["separator"])
    words = {word for doc in docs["docs"] for field in docs["config"]["fields"]
             for word, _ in search_index.tokenize(doc.get(field), separator)}
    words |= {word.lower() for case in relevance.cases(language) for word in case.query.split()}
    words = sorted(words)
    assert len(words) > 1000
    script = (site / "assets/javascripts/lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    steps, _ = search_index.pipelines(language, ["trimmer", "stopWordFilter", "stemmer"], script)
    theirs = run_in_worker(page, server, site, language, {"words": words, "language": language})

    def run(fn, word):
        token = fn(search_index.Token(word))
        return None if token is None else str(token)

    differ = [(word, [run(fn, word) for fn in steps], browser)
              for word, browser in zip(words, theirs, strict=True) if [run(fn, word) for fn in steps] != browser]
    assert differ == [], differ[:20]


# Material's worker, started by a page of the site as Material starts it;
# it answers each query (Material's message types: 0 setup, 1 ready, 2 query, 3 result).
ASK_WORKER = """
async ([address, queries]) => {
  const worker = new Worker(address)
  const answers = []
  await new Promise((resolve, reject) => {
    worker.onerror = event => reject(new Error(event.message))
    worker.onmessage = event => { if (event.data.type === 1) resolve() }
  })
  for (const query of queries) {
    answers.push(await new Promise(resolve => {
      worker.onmessage = event => { if (event.data.type === 3) resolve(event.data.data) }
      worker.postMessage({ type: 2, data: query })
    }))
  }
  worker.terminate()
  return answers
}
"""

QUERIES = {
    "es": ["cliente enojado", "quejas", "fidelización", "kotl", "cliente xyzzy", "momento de la verdad",
           "atención personalizada", "c"],
    "en": ["angry customer", "complaints", "Pérez", "kotl", "customer xyzzy", "moment of truth",
           "listening actively", "c"],
}


def ask(page, server, site, language, queries, suggest=True):
    """The worker's answers to ``queries``, asked from the language's referencias page."""
    page.goto(server + page_url("referencias", language))
    html = (site / page_url("referencias", language) / "index.html").read_text(encoding="utf-8")
    address = json.loads(CONFIG.search(html).group(1))["search"] + ("&suggest" if suggest else "")
    return page.evaluate(ASK_WORKER, [address, queries])


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_loaded_index_answers_as_the_one_built_in_the_browser(server, site, context, language):
    """The same queries, to a worker that loads the build's index and to one
    that cannot fetch it and builds its own: the same results, scores,
    highlights, found and missing words, suggestions."""
    loaded_requests = []
    loaded = context.new_page()
    loaded.on("request", lambda request: loaded_requests.append(request.url))
    built = context.browser.new_context().new_page()
    built.route(re.compile(r"/lunr_index\.json$"), lambda route: route.abort())
    warnings = []
    built.on("console", lambda message: warnings.append(message.text))
    ours = ask(loaded, server, site, language, QUERIES[language])
    theirs = ask(built, server, site, language, QUERIES[language])
    assert any(url.endswith("/search/lunr_index.json") for url in loaded_requests)
    assert any("no prebuilt index" in text for text in warnings), warnings
    assert ours == theirs
    by_query = dict(zip(QUERIES[language], ours, strict=True))
    # Each kind of answer is there to compare: suggestions, missing words, many results.
    assert by_query["kotl"]["suggest"] and all(word.startswith("kotl") for word in by_query["kotl"]["suggest"])
    assert any(item["terms"].get("xyzzy") is False for group in by_query[QUERIES[language][4]]["items"]
               for item in group)
    assert len(by_query["c"]["items"]) >= 10
    assert "<mark>" in json.dumps(by_query[QUERIES[language][0]]["items"])
    built.context.close()


@pytest.mark.browser
def test_the_worker_searches_the_index_the_build_made(server, site, page):
    """Served a build's index without the word "kotler", the worker finds no
    Kotler: it searches the index it loaded, not one of its own."""
    index = json.loads((language_folder(site, "es") / "lunr_index.json").read_text(encoding="utf-8"))
    # (Terms are the first item of each entry, in lunr's form as in the build's compact one.)
    index["invertedIndex"] = [entry for entry in index["invertedIndex"] if not entry[0].startswith("kotl")]
    page.route(re.compile(r"/search/lunr_index\.json$"),
               lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(index)))
    kotler, enojado = ask(page, server, site, "es", ["kotler", "enojado"], suggest=False)
    assert kotler["items"] == []
    assert enojado["items"][0][0]["location"].startswith("tipos/enojado/")


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_box_counts_and_marks_results_from_the_loaded_index(server, site, page, language):
    problems = []
    page.on("console", lambda message: message.type in ("warning", "error") and problems.append(message.text))
    query = {"es": "cliente enojado", "en": "angry customer"}[language]
    page.goto(server + page_url("factores", language))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    meta = page.locator(".md-search-result__meta").inner_text()
    count = int(re.search(r"\d+", meta).group())
    # Material counts the pages found, as lunr.py finds them in the same index.
    index, _ = lunr_index.load(site, language)
    assert count == len(lunr_index.pages(index, query)) >= 6
    assert page.locator(".md-search-result mark").count() > 0
    assert problems == []


@pytest.mark.browser
def test_a_section_found_carries_its_pages_address_and_title_not_its_text(server, site, page):
    """The page's scripts never read a result's parent document: a section
    found names its page, without the page's text copied on each keystroke."""
    (answer,) = ask(page, server, site, "es", ["cliente"], suggest=False)
    sections = [item for group in answer["items"] for item in group if "#" in item["location"]]
    assert len(sections) >= 10
    docs = {doc["location"]: doc for doc in json.loads(
        (language_folder(site, "es") / "search_index.json").read_text(encoding="utf-8"))["docs"]}
    for item in sections:
        page_doc = docs[item["location"].split("#")[0]]
        assert item["parent"] == {"location": page_doc["location"], "title": page_doc["title"]}
