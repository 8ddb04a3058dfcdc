"""The search worker: one script per language (hooks/search_worker.py), which
builds the index as soon as the page starts it, and still sets up from the
page's own message when it cannot."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from playwright.sync_api import expect

from conftest import ROOT, page_url

sys.path.insert(0, str(ROOT / "hooks"))
import search_per_language  # noqa: E402
import search_worker  # noqa: E402

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
MATERIAL = "/* Material's worker */ self.lunr = {}\n//# sourceMappingURL=search.0123abcd.min.js.map\n"
LUNR = {"lunr.stemmer.support.min.js": "/* support */ lunr.support = 1",
        "lunr.es.min.js": "/* es */ lunr.es = 1"}


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


def worker_address(site: Path, key: str, language: str) -> str:
    """The search worker's address as the page gives it, relative to the page."""
    html = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
    return json.loads(CONFIG.search(html).group(1))["search"]


# The script, made


def test_the_script_holds_materials_worker_and_lunrs_at_the_mark():
    source = search_worker.SOURCE.read_text(encoding="utf-8")
    script = search_worker.bundle(source, MATERIAL, LUNR)
    material = script.index("self.lunr = {}")
    # Ours before Material's (it listens first), the language's after it
    # (they need lunr), the query stemming last (it patches lunr).
    assert script.index("addEventListener(") < material < script.index("lunr.support = 1") \
        < script.index("lunr.es = 1") < script.index("lunr.Index.prototype.query")
    assert 'const BUNDLED = ["lunr.stemmer.support.min.js", "lunr.es.min.js"]' in script
    assert "sourceMappingURL" not in script
    # Material's "use strict" holds in a function of its own.
    assert '(function () {\n/* Material\'s worker */ self.lunr = {}\n})();' in script
    # Our comments go; Material's and lunr's scripts go in as they are.
    assert "MARK" not in script and "/* Material appends" not in script
    assert "/* support */" in script


def test_a_worker_source_without_its_mark_stops_the_build():
    with pytest.raises(PluginError, match=re.escape(search_worker.MARK)):
        search_worker.bundle("const address = 1\n", MATERIAL, LUNR)


def test_english_needs_no_lunr_script_and_other_languages_lunrs_two():
    assert search_worker.lunr_scripts("en") == []
    assert search_worker.lunr_scripts("es") == ["lunr.stemmer.support.min.js", "lunr.es.min.js"]


# The built site


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("key", ["index", "tipos/enojado"])
def test_each_page_starts_its_languages_worker_with_its_languages_index(site, key, language):
    address = worker_address(site, key, language)
    folder = site / page_url(key, language)
    path, _, query = address.partition("?")
    script = (folder / path).resolve()
    assert script.is_file(), address
    assert re.fullmatch(rf"search\.{language}\.[0-9a-f]{{8}}\.min\.js", script.name)
    # Named by its contents: a changed script gets a new name.
    assert script.name.split(".")[2] == hashlib.sha256(script.read_bytes()).hexdigest()[:8]
    index = (script.parent / query.removeprefix("index=")).resolve()
    root = site if language == "es" else site / language
    assert index == (root / "search" / "search_index.json").resolve()
    text = script.read_text(encoding="utf-8")
    assert ("lunr.es" in text) == (language == "es")


def test_every_page_with_search_starts_a_languages_worker(site):
    pages = 0
    for html in site.rglob("*.html"):
        match = CONFIG.search(html.read_text(encoding="utf-8"))
        # The 404 pages are Material's, written outside any language's pages:
        # they keep Material's own worker.
        if match and html.name != "404.html":
            pages += 1
            assert re.search(r"/search\.(es|en)\.[0-9a-f]{8}\.min\.js\?index=",
                             json.loads(match.group(1))["search"]), html
    assert pages >= 40


def test_the_worker_is_told_whether_the_site_suggests_terms():
    html = ('<script id="__config" type="application/json">'
            '{"base": "..", "search": "../assets/javascripts/workers/search.0123abcd.min.js"}</script>')
    for suggest, query in ((False, "?index=../../../search/search_index.json"),
                           (True, "?index=../../../search/search_index.json&suggest")):
        app = json.loads(CONFIG.search(search_per_language.configure_search(
            html, "", "search.es.89abcdef.min.js", suggest)).group(1))
        assert app["search"] == "../assets/javascripts/workers/search.es.89abcdef.min.js" + query


# In Chromium


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
def test_search_answers_when_the_pages_setup_comes_first(server, page):
    """The worker's own request is held until the page's setup has built the
    index: the worker drops its request, and builds no second index."""
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
    assert [request.url for request in dropped] == [held[0].request.url]
    assert page.evaluate("window.__ready") == 1, "the worker built the index twice"
