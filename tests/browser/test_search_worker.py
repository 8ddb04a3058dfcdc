"""The search worker in Chromium (hooks/playbook/search_worker.py): it builds the
index as soon as the page starts it, and still sets up from the page's own
message when it cannot fetch the index itself."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from support import page_url

# Counts the worker's "ready" messages (Material's type 1): one per index built.
READY_COUNTER = """
window.__ready = 0;
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => { if (event.data && event.data.type === 1) window.__ready++; });
  }
};
"""


def test_search_answers_before_the_page_has_its_index(server, page):
    """The worker fetches and builds the index itself: results show while the
    page's own request for the index is held, and search goes on answering,
    from the one index, once the page sends its index too."""
    held = []
    page.add_init_script(READY_COUNTER)

    def hold_the_pages_request(route):
        if route.request.resource_type == "xhr":
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/search_index\.json$"), hold_the_pages_request)
    page.goto(server + page_url("factores", "es") + "?q=cliente%20enojado")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "tipos/enojado/")))
    assert len(held) == 1, "the page's own request for the index was not held"
    held[0].continue_()
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.fill("")
    search.press_sequentially("quejas")
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "funciones/")))
    assert page.evaluate("window.__ready") == 1, "the worker built the index twice"


@pytest.mark.parametrize("language", ["es", "en"])
def test_search_answers_when_the_worker_cannot_fetch_the_index(server, page, language):
    """The worker's own request fails: it sets up from the page's message."""
    failed = []

    def fail_the_workers_request(route):
        if route.request.resource_type == "fetch":
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route(re.compile(r"/search_index\.json$"), fail_the_workers_request)
    query, expected = {"es": ("cliente enojado", "tipos/enojado/"),
                       "en": ("angry customer", "en/tipos/enojado/")}[language]
    page.goto(server + page_url("factores", language))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + expected)))
    assert failed, "the worker did not ask for the index"


def test_search_answers_when_the_workers_request_stalls(server, page):
    """The worker's own request is held (a stalled network): after a while the
    page's setup builds the index; the worker drops its request, and builds
    no second index."""
    held = []

    def hold_the_workers_request(route):
        if route.request.resource_type == "fetch":
            held.append(route)
        else:
            route.continue_()

    dropped = []
    page.on("requestfailed", lambda request: request.resource_type == "fetch" and dropped.append(request))
    page.add_init_script(READY_COUNTER)
    page.route(re.compile(r"/search_index\.json$"), hold_the_workers_request)
    page.goto(server + page_url("factores", "en") + "?q=angry%20customer")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "en/tipos/enojado/")))
    assert len(held) == 1, "the worker did not ask for the index"
    search = page.locator("input.md-search__input")
    search.fill("")
    search.press_sequentially("complaints")
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "en/funciones/")))
    # The worker dropped its request for the index (and for the lunr index,
    # unless that had come already).
    urls = [request.url for request in dropped]
    assert held[0].request.url in urls
    assert all(re.search(r"/en/search/(search|lunr)_index\.json$", url) for url in urls), urls
    assert page.evaluate("window.__ready") == 1, "the worker built the index twice"


def test_the_pages_setup_that_comes_first_waits_for_the_build_index(server, site, page):
    """The page has its index before the worker has the build's lunr index
    (at 1,000 pages per language it always has): the page's setup waits, and
    search answers from the build's index, built once. The index served has
    no "kotl" terms: a worker that built its own would find Kotler."""
    index = json.loads((site / "search" / "lunr_index.json").read_text(encoding="utf-8"))
    index["invertedIndex"] = [entry for entry in index["invertedIndex"] if not entry[0].startswith("kotl")]
    held = []
    page.route(re.compile(r"/search/lunr_index\.json$"), lambda route: held.append(route))
    page.add_init_script(READY_COUNTER)
    with page.expect_request_finished(lambda request: request.url.endswith("/search/search_index.json")
                                      and request.resource_type == "xhr"):
        page.goto(server + page_url("factores", "es"))
    page.wait_for_timeout(300)  # the page's setup message is sent
    assert len(held) == 1, "the worker did not ask for the build's lunr index"
    held[0].fulfill(status=200, content_type="application/json", body=json.dumps(index))
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("enojado")
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile(re.escape(server + "tipos/enojado/")))
    search.fill("")
    search.press_sequentially("kotler")
    expect(page.locator(".md-search-result__meta")).to_have_text("No se encontraron documentos")
    assert page.evaluate("window.__ready") == 1, "the worker built the index twice"
