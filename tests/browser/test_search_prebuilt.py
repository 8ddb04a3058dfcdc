"""The lunr index the build makes (hooks/playbook/search_index.py) is the one
the browser would make: the same terms, stems, positions and scores, every
word of the corpus, and some 50,000 more, stemmed alike by Python and by the
browser's stemmer; the worker searches it as it comes instead of building one,
and answers as Material's worker with lunr answers (results, order, scores,
highlights, "missing" terms, suggestions, counts)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from pydoc_data import topics

import pytest
from lunr.token import Token
from playwright.sync_api import expect

from playbook import search_index
from support import lunr_index, page_url, relevance
from tools.benchmark import corpus

LANGUAGES = ("es", "en")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)

# A worker made of the site's search worker script, to run lunr as the
# browser runs it: it answers {stem: words} with the worker's own lunr and
# captures the index Material's worker builds when sent the search index (no
# address: the worker loads Material's for that). Made from a blob, it
# resolves the scripts it loads against the site's script, as the site's
# worker does.
HARNESS = """
const site = %s
const load = self.importScripts
self.importScripts = (...urls) => {
  load(...urls.map(url => new URL(url, site).href))
  if (!lunr.Builder || lunr.Builder.prototype.harnessed)
    return
  const harnessBuild = lunr.Builder.prototype.build
  lunr.Builder.prototype.harnessed = true
  lunr.Builder.prototype.build = function () {
    const index = harnessBuild.call(this)
    postMessage({ built: JSON.stringify(index) })
    return index
  }
}
importScripts(site)
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
    docs = lunr_index.read(folder)
    script = site / "assets/javascripts/lunr/min/lunr.es.min.js"
    ours = search_index.build(docs["config"], docs["docs"],
                              script.read_text(encoding="utf-8") if language != "en" else None)
    # The worker's files are that index, in chunks.
    assert search_index.compact(ours, docs) == docs
    written = {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
               for path in folder.rglob("*.json") if path.name != "search_index.json"}
    assert search_index.chunks(docs) == written
    theirs = run_in_worker(page, server, site, language, {
        "type": 0, "data": {"config": docs["config"], "docs": docs["docs"], "options": {"suggest": False}}})
    assert theirs["fields"] == ours["fields"]
    assert theirs["pipeline"] == ours["pipeline"]
    assert [term for term, _ in theirs["invertedIndex"]] == [term for term, _ in ours["invertedIndex"]]
    for (term, posting), (_, expected) in zip(theirs["invertedIndex"], ours["invertedIndex"], strict=True):
        assert posting == expected, term
    assert dict(theirs["fieldVectors"]) == dict(ours["fieldVectors"])
    assert len(ours["invertedIndex"]) > 500


# Porter's suffixes, and the endings around them where stemmers part ways
# (a "y" after a vowel or a consonant, doubled letters, short words).
SUFFIXES = ("s es ies sses ed eed ing y ly ely ational tional enci anci izer bli alli entli eli ousli ization "
            "ation ator alism iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical ful "
            "ness al ance ence er ic able ible ant ement ment ent ou ism ate iti ous ive ize sion tion e ll at bl "
            "iz yed ying yly eys ays fully ably ity ities").split()


def words_beyond_the_corpus(site: Path) -> list[str]:
    """Every word of the built site's pages and of the benchmark's corpus, a
    few thousand English words (Python's own documentation), and 10,000 made
    of random letters and Porter's suffixes."""
    text = " ".join([*topics.topics.values(), *corpus.WORDS["en"], *corpus.WORDS["es"],
                     *(re.sub(r"<[^>]*>", " ", html.read_text(encoding="utf-8")) for html in site.rglob("*.html"))])
    words = {word.lower() for word in re.findall(r"[^\W_]+", text)}
    made, wanted = random.Random(20), len(words) + 10_000
    letters, weights = "aeiouybcdlnrstwxzgkmpfhvjqáéñü0", [6] * 5 + [8] + [2] * 25
    while len(words) < wanted:
        word = "".join(made.choices(letters, weights, k=made.randint(0, 8))) + made.choice(SUFFIXES)
        words.add(word + made.choice(SUFFIXES) if made.random() < 0.3 else word)
    return sorted(words)


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_python_and_the_browser_stem_every_word_alike(server, site, page, language):
    """Every word of the language's corpus, of the staff queries of the
    relevance suite, and beyond (words_beyond_the_corpus), through the
    trimmer, the stop-word filter and the stemmer of Python and of the
    browser. No library's stemmer agrees with lunr.js's English one (each of
    Snowball's and NLTK's Porter and lunr.py's turns "day" into "dai"): the
    build carries its own port, which must agree on any word."""
    docs = lunr_index.read(language_folder(site, language))
    separator = search_index.js_regex(docs["config"]["separator"])
    words = {word for doc in docs["docs"] for field in docs["config"]["fields"]
             for word, _ in search_index.tokenize(doc.get(field), separator)}
    words |= {word.lower() for case in relevance.cases(language) for word in case.query.split()}
    assert len(words) > 1000
    words = sorted(words | set(words_beyond_the_corpus(site)))
    script = (site / "assets/javascripts/lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    steps, _ = search_index.pipelines(language, ["trimmer", "stopWordFilter", "stemmer"], script)
    theirs = run_in_worker(page, server, site, language, {"words": words, "language": language})

    def run(fn, word):
        token = fn(Token(word))
        return None if token is None else str(token)

    differ = [(word, [run(fn, word) for fn in steps], browser)
              for word, browser in zip(words, theirs, strict=True) if [run(fn, word) for fn in steps] != browser]
    assert differ == [], differ[:20]


# Material's worker, started by a page of the site as Material starts it;
# it answers each query (Material's message types: 0 setup, 1 ready, 2 query, 3 result;
# ours may send a partial result first, marked so, then the whole: the whole is compared).
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
      worker.onmessage = event => { if (event.data.type === 3 && !event.data.data.partial) resolve(event.data.data) }
      worker.postMessage({ type: 2, data: query })
    }))
  }
  worker.terminate()
  return answers
}
"""

QUERIES = {
    "es": ["cliente enojado", "quejas", "fidelización", "kotl", "cliente xyzzy", "momento de la verdad",
           "atención personalizada", "c", "+cliente -enojado", "title:quejas", "reclamo~1", "reclamo~2",
           "servicio^3 cliente", "servicio^0 cliente", "*jado", "cliente cliente", "de la", "la -cliente",
           "constructor cliente", '"servicio al cliente"'],
    "en": ["angry customer", "complaints", "Pérez", "kotl", "customer xyzzy", "moment of truth",
           "listening actively", "c", "+customer -angry", "title:complaints", "complait~1", "complait~2",
           "service^3 customer", "service^0 customer", "*gry", "customer customer", "of the", "the -customer",
           "constructor customer", '"customer service"'],
}
SHOWN = 30  # pages whose results carry their text and marks (hooks/playbook/search_worker.js)


def ask(page, server, site, language, queries, suggest=True):
    """The worker's answers to ``queries``, asked from the language's referencias page."""
    page.goto(server + page_url("referencias", language))
    html = (site / page_url("referencias", language) / "index.html").read_text(encoding="utf-8")
    address = json.loads(CONFIG.search(html).group(1))["search"] + ("&suggest" if suggest else "")
    return page.evaluate(ASK_WORKER, [address, queries])


def shown(answer: dict, close: bool = False) -> list:
    """What the page shows of an answer, to compare: per page found, its
    results' addresses, titles, texts, scores and words found or missing; past
    the first SHOWN pages, the page's address and title (ours carry no more
    there). ``close``: scores compare equal to within twelve significant
    digits (the two workers sum the same floats in their own order, a last
    digit apart; rounding both to a number of places splits them whenever a
    score falls on the rounding's edge)."""
    def score(value):
        value = value if value == value else 0  # (Material's NaN: a query of "-word" only)
        return pytest.approx(value, rel=1e-12, abs=1e-12) if close else value
    return [[(item["location"], item["title"], item["text"], score(item["score"]), item["terms"])
             for item in group] if n < SHOWN else
            [(item["location"], re.sub(r"</?mark>", "", item["title"]))
             for item in group if "#" not in item["location"]]
            for n, group in enumerate(answer["items"])]


def larger_file(site: Path, language: str, copies: int = 3) -> dict:
    """The language's worker file, built by the build's own code, with every
    page copied ``copies`` times (under copia-N/), copy N naming the
    customer N more times: more pages found than shown in full, and no two
    that score alike."""
    data = lunr_index.read(language_folder(site, language))
    word = {"es": "cliente", "en": "customer"}[language]
    docs = list(data["docs"])
    for copy in range(1, copies + 1):
        docs += [{**doc, "location": f"copia-{copy}/{doc['location']}",
                  "text": doc.get("text", "") + f" {word}" * copy} for doc in data["docs"]]
    script = site / "assets/javascripts/lunr/min/lunr.es.min.js"
    index = search_index.build(data["config"], docs, script.read_text(encoding="utf-8") if language != "en" else None)
    return search_index.compact(index, {"config": data["config"], "docs": docs})


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worker_answers_as_materials_worker_with_lunr(server, site, context, language):
    """The same queries, to our worker and to one whose file is in another
    form, so that Material's worker builds a lunr index and answers: the same
    pages in the same order, the same results, scores, highlights, found and
    missing words, suggestions and counts; lunr's query syntax too."""
    loaded_requests = []
    loaded = context.new_page()
    loaded.on("request", lambda request: loaded_requests.append(request.url))
    built = context.browser.new_context().new_page()
    other_form = {**lunr_index.read(language_folder(site, language)), "format": "another"}
    built.route(lunr_index.is_worker_file, lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(other_form)))
    warnings = []
    built.on("console", lambda message: warnings.append(message.text))
    ours = ask(loaded, server, site, language, QUERIES[language])
    theirs = ask(built, server, site, language, QUERIES[language])
    assert any(lunr_index.is_worker_file(url) for url in loaded_requests)
    assert any("no prebuilt index" in text for text in warnings), warnings
    for query, mine, material in zip(QUERIES[language], ours, theirs, strict=True):
        assert shown(mine) == shown(material, close=True), query
        assert mine.get("suggest") == material.get("suggest"), query
    by_query = dict(zip(QUERIES[language], ours, strict=True))
    # Each kind of answer is there to compare: suggestions, missing words, many results.
    assert by_query["kotl"]["suggest"] and all(word.startswith("kotl") for word in by_query["kotl"]["suggest"])
    assert any(item["terms"].get("xyzzy") is False for group in by_query[QUERIES[language][4]]["items"]
               for item in group)
    assert len(by_query["c"]["items"]) >= 10
    assert "<mark>" in json.dumps(by_query[QUERIES[language][0]]["items"])
    built.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_past_the_pages_shown_in_full_the_order_and_count_are_lunrs(server, site, context, language):
    """An index of 64 pages (the playbook's, copied): more pages found than
    shown in full. Ours and Material's worker with lunr find the same pages
    in the same order; the first SHOWN come whole, the rest as their titles."""
    data = larger_file(site, language)
    other_form = {**data, "format": "another"}
    ours_page, theirs_page = context.new_page(), context.browser.new_context().new_page()
    lunr_index.route(ours_page, data)
    theirs_page.route(lunr_index.is_worker_file, lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(other_form)))
    queries = {"es": ["cliente", "cliente enojado", "c"], "en": ["customer", "angry customer", "c"]}[language]
    ours = ask(ours_page, server, site, language, queries, suggest=False)
    theirs = ask(theirs_page, server, site, language, queries, suggest=False)
    for query, mine, material in zip(queries, ours, theirs, strict=True):
        assert len(mine["items"]) > SHOWN, query
        assert shown(mine) == shown(material, close=True), query
        for group in mine["items"][SHOWN:]:
            (article,) = group
            assert "#" not in article["location"] and article["text"] == "" and "<mark>" not in article["title"]
    theirs_page.context.close()


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
    # Material counts the pages found, as lunr.py finds them in the same index. Results show
    # while the query is typed: wait for the whole query's count, which must come.
    index, _ = lunr_index.load(site, language)
    found = len(lunr_index.pages(index, query))
    assert found >= 6
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(rf"(^|\D){found}(\D|$)"))
    assert page.locator(".md-search-result mark").count() > 0
    assert problems == []


@pytest.mark.browser
def test_an_answer_carries_what_the_page_shows(server, site, page):
    """Per result, what Material's page shows, no more (no page copied into
    each section, no staff words); past the first SHOWN pages, a page's
    title alone: an answer's size grows with the results shown, not with
    those found."""
    data = larger_file(site, "es", copies=6)
    lunr_index.route(page, data)
    (few,) = ask(page, server, site, "es", ["cliente"], suggest=False)
    items = [item for group in few["items"] for item in group]
    assert len(few["items"]) > 100
    for item in items:
        assert set(item) <= {"location", "title", "text", "score", "terms", "tags"}, item
    assert all(len(group) == 1 for group in few["items"][SHOWN:])
    assert any("<mark>" in item["text"] for group in few["items"][:SHOWN] for item in group)
    # Six copies more than the first SHOWN pages' worth: the answer grows by titles only.
    whole = sum(len(json.dumps(group)) for group in few["items"][:SHOWN])
    rest = sum(len(json.dumps(group)) for group in few["items"][SHOWN:])
    assert rest < whole, (rest, whole)
