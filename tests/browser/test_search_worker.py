"""The search worker in Chromium (hooks/playbook/search_worker.py and
overrides/partials/material-page.html): each page starts it as its head is
read and hands it to Material's script; it reads its manifest, fetches
only the chunks a query needs, answers from its files alone, tries a failed
fetch again, and never sets up from the page's search settings."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from playbook import search_index
from support import lunr_index, page_url

# Counts the workers started, whether Material's script had been read when
# each was, the workers' own "ready" messages (Material's type 1; the early
# script gives the first again, untrusted, once Material listens), and the
# setup messages (type 0) Material's script sends once it listens.
COUNTERS = """
window.__workers = [];
window.__ready = 0;
window.__replayed = 0;
window.__setups = 0;
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    window.__workers.push({ url: String(args[0]), beforeMaterial: !document.querySelector("script[src*='bundle.']") });
    this.addEventListener("message", (event) => {
      if (event.data && event.data.type === 1) event.isTrusted ? window.__ready++ : window.__replayed++;
    });
  }
  postMessage(message, ...rest) {
    if (message && message.type === 0) window.__setups++;
    return super.postMessage(message, ...rest);
  }
};
"""


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_page_starts_its_worker_before_materials_script_and_hands_it_over(server, page, language):
    """One worker per page, started while the head is read (before the parser
    reaches Material's script), and it is the one Material's search uses."""
    page.add_init_script(COUNTERS)
    query, expected = {"es": ("cliente enojado", "tipos/enojado/"),
                       "en": ("angry customer", "en/tipos/enojado/")}[language]
    page.goto(server + page_url("factores", language) + "?q=" + query.replace(" ", "%20"))
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + expected)))
    workers = page.evaluate("window.__workers")
    assert len(workers) == 1, workers
    assert workers[0]["beforeMaterial"], "the worker was started by Material's script, not the page's head"
    assert f"search.{language}." in workers[0]["url"]
    assert page.evaluate("window.__ready") == 1
    assert page.locator("script[data-search-worker][data-ready]").count() == 1


def test_search_answers_before_the_page_has_its_settings(server, page):
    """The page's own request (Material's, for the search settings) is held:
    results show anyway, and once the page's setup comes, search goes on
    answering from the one index."""
    held = []
    page.add_init_script(COUNTERS)

    def hold_the_pages_request(route):
        if route.request.resource_type == "xhr":
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/search_index\.json$"), hold_the_pages_request)
    page.goto(server + page_url("factores", "es") + "?q=cliente%20enojado")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "tipos/enojado/")))
    assert len(held) == 1, "the page's own request for the settings was not held"
    assert page.evaluate("window.__setups") == 0, "Material's script set up before it had its settings"
    held[0].continue_()
    # Material's script sends its setup once the settings come: the state to wait on.
    page.wait_for_function("window.__setups === 1")
    search = page.locator("input.md-search__input")
    search.fill("")
    search.press_sequentially("quejas")
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")))
    assert page.evaluate("window.__ready") == 1, "the worker set up twice"


def failing_once(failed: list):
    """A route handler that aborts the first request it gets (its address kept in ``failed``)."""
    def handle(route):
        if not failed:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()
    return handle


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_failed_fetch_is_tried_again(server, page, language):
    """The worker's request for its file fails once (the network dropped):
    it asks again, and search answers."""
    failed = []

    page.route(lunr_index.is_worker_file, failing_once(failed))
    query, expected = {"es": ("cliente enojado", "tipos/enojado/"),
                       "en": ("angry customer", "en/tipos/enojado/")}[language]
    page.goto(server + page_url("factores", language))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + expected)))
    assert len(failed) == 1, "the worker did not ask for its file"


@pytest.mark.parametrize("kind", [r"[0-9a-f]+/t\d+\.json", r"pages/.+"])
def test_a_failed_chunk_is_tried_again(server, page, kind):
    """The first request for a chunk of terms or for a page's documents
    fails: the worker says so, asks again, and the query is answered."""
    failed, warnings = [], []
    page.on("console", lambda message: warnings.append(message.text))

    page.route(lambda url: re.fullmatch(kind, lunr_index.search_file(url)), failing_once(failed))
    page.goto(server + page_url("factores", "es") + "?q=quejas")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")))
    assert len(failed) == 1, "the worker asked for no such file"
    assert sum("could not read its index" in text for text in warnings) == 1, warnings


def test_the_worker_keeps_trying_until_its_file_comes(server, page):
    """The worker's first two requests fail (a network down for a few
    seconds): it asks again after each, waiting longer, says so in the console, and search
    answers once the file comes; until then the box does not claim nothing matches."""
    warnings, failed = [], []
    page.on("console", lambda message: warnings.append(message.text))

    def fail_twice(route):
        if len(failed) < 2:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route(lunr_index.is_worker_file, fail_twice)
    page.goto(server + page_url("factores", "es"))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("quejas")
    assert page.locator(".md-search-result__meta").inner_text() != "No se encontraron documentos"
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")), timeout=15_000)
    assert len(failed) == 2
    # Each failure said, with a longer wait after the second.
    said = [text for text in warnings if "could not read its index" in text]
    assert len(said) == 2 and "in 1 s" in said[0] and "in 2 s" in said[1], warnings


def test_a_worker_ready_before_materials_script_is_handed_over_ready(server, page):
    """Material's script is held until the worker is ready: the worker's
    "ready", sent before anyone listened, is given to Material's script once
    it listens, once."""
    held = []
    page.add_init_script(COUNTERS)
    bundle = re.compile(r"/bundle\.[0-9a-f]+\.min\.js$")
    page.route(bundle, lambda route: held.append(route))
    # Both must have happened, in either order: the page asked for Material's script (held here),
    # and the worker said it is ready. On a busy machine the worker can be ready before the page
    # has even asked for the script.
    with page.expect_request(lambda request: bundle.search(request.url)):
        page.goto(server + page_url("factores", "es") + "?q=quejas", wait_until="commit")
    page.wait_for_function("document.querySelector('script[data-search-worker][data-ready]') !== null")
    assert len(held) == 1, "Material's script was not held"
    held[0].continue_()
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")))
    assert page.evaluate("[window.__ready, window.__replayed]") == [1, 1]


def test_a_worker_ready_after_materials_script_listens(server, page):
    """The worker's file is held until Material's script has set up: the
    worker's "ready" then reaches Material's script directly, and nothing is
    given again."""
    held = []
    page.add_init_script(COUNTERS)
    page.route(lunr_index.is_worker_file, lambda route: held.append(route))
    with page.expect_request_finished(lambda request: request.url.endswith("/search/search_index.json")):
        page.goto(server + page_url("factores", "es") + "?q=quejas")
    # Material's script has set up (it sends its setup once it listens).
    page.wait_for_function("window.__setups === 1")
    assert len(held) == 1
    held[0].continue_()
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")))
    assert page.evaluate("[window.__ready, window.__replayed]") == [1, 0]


def test_the_worker_searches_the_file_it_read(server, site, page):
    """Served a file whose index lacks every "kotl" term, the worker finds no
    Kotler: it searches the index it read, not one it built."""
    data = lunr_index.read(site / "search")
    for n, term in enumerate(data["terms"]):
        if term.startswith("kotl"):
            data["postings"][n] = [[] for _ in data["fields"]]
    lunr_index.route(page, data)
    page.goto(server + page_url("factores", "es"))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("enojado")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "tipos/enojado/")))
    search.fill("")
    search.press_sequentially("kotler")
    expect(page.locator(".md-search-result__meta")).to_have_text("No se encontraron documentos")


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_query_fetches_only_the_chunks_it_needs(server, site, page, language):
    """Before its first result, the worker fetches its manifest, the chunks of
    terms that hold the query's words (and their stems), and the documents of
    the pages it shows: not the whole index, and far fewer bytes."""
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    word, stem, expected = {"es": ("quejas", "quej", "funciones/"),
                            "en": ("complaints", "complaint", "en/funciones/")}[language]
    page.goto(server + page_url("factores", language) + f"?q={word}")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_have_attribute("href", re.compile(re.escape(server + expected)))
    fetched = {lunr_index.search_file(request.url): len(gzip.compress(request.response().body()))
               for request in list(requests) if lunr_index.search_file(request.url)}
    folder = site / ("en/" if language == "en" else "") / "search"
    manifest = json.loads((folder / "lunr_index.json").read_text(encoding="utf-8"))
    chunks = {f"{manifest['folder']}/{path.name}": json.loads(path.read_text(encoding="utf-8"))
              for path in (folder / manifest["folder"]).glob("t*.json")}
    terms = {name for name in fetched if name in chunks}
    # Each chunk of terms fetched holds a term the query asks for, and there are others.
    assert terms and all(any(term.startswith(stem) for term in chunks[name][0]) for name in terms), terms
    assert len(terms) < len(chunks) == len(manifest["terms"])
    # A page's documents, for the pages shown only.
    shown = {unquote(href.removeprefix(server).split("?")[0]).removeprefix("en/")
             for href in (results.nth(n).get_attribute("href") for n in range(results.count()))}
    assert {name for name in fetched if name.startswith("pages/")} == {
        search_index.page_file({"location": location}) for location in shown}
    assert set(fetched) - terms - {"lunr_index.json", "search_index.json", f"{manifest['folder']}/pages.json"} <= {
        search_index.page_file({"location": location}) for location in shown}
    whole = sum(len(gzip.compress(path.read_bytes())) for path in folder.rglob("*.json"))
    assert sum(fetched.values()) < whole / 2, (sum(fetched.values()), whole)


# The site's search worker, asked one query twice (the second time with every
# file it needs at hand); each RESULT message (type 3) it sends is kept.
ASK_TWICE = """
([address, query]) => {
  window.__answers = []
  const worker = new Worker(address)
  worker.onmessage = event => {
    if (event.data.type === 1)
      worker.postMessage({ type: 2, data: query })
    else if (event.data.type === 3 && window.__answers.push(event.data.data) === 2)
      worker.postMessage({ type: 2, data: query })
  }
}
"""
FIRST = 10  # the pages Material's list shows before the reader scrolls (hooks/playbook/search_worker.js)


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_first_pages_answer_first_and_the_whole_answer_follows(server, site, page, language):
    """A query that finds more pages than Material's list shows at first: the
    worker asks for the documents of the first FIRST pages first and answers
    as soon as they come (the other pages it shows in full held back: those
    are their titles meanwhile, the count and order already the whole
    answer's), then answers again once every document has come, as a worker
    that had every file at hand answers."""
    page.goto(server + page_url("factores", language))
    html = (site / page_url("factores", language) / "index.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    asked, held = [], []

    def hold_past_the_first(route):
        asked.append(lunr_index.search_file(route.request.url))
        if len(asked) <= FIRST:
            route.continue_()
        else:
            held.append(route)

    page.route(lambda url: lunr_index.search_file(url).startswith("pages/"), hold_past_the_first)
    page.evaluate(ASK_TWICE, [json.loads(config.group(1))["search"], {"es": "cliente", "en": "customer"}[language]])
    page.wait_for_function("window.__answers.length >= 1")
    first = page.evaluate("window.__answers[0]")
    assert first.get("partial") and held, (len(asked), len(held))
    for route in held:
        route.continue_()
    page.wait_for_function("window.__answers.length >= 3")
    whole, at_hand = page.evaluate("window.__answers.slice(1)")
    assert "partial" not in whole and whole == at_hand
    assert len(first["items"]) == len(whole["items"]) > FIRST
    assert first["items"][:FIRST] == whole["items"][:FIRST] and first["items"] != whole["items"]
    pages = [[group[0]["location"].split("#")[0] for group in answer["items"]] for answer in (first, whole)]
    assert pages[0] == pages[1]
