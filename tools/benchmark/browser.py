"""Search in Chromium: how soon after load search answers, how soon after a keystroke the
results show, what the browser fetched (gzip, as sent) until the first result showed, on
localhost or a phone's network; how many of the relevance suite's queries find their page in
the first three results; and what a first visit stores for offline reading. Times are taken
inside the page (performance.now()), not by the driver, and each load uses a fresh browser
context, as on a kiosk's first visit.
"""

from __future__ import annotations

import statistics
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

from tests.support.chromium import NOT_FOUND, WORKER_ANSWERS, chromium_path

# Queries staff type, with plain keys only (an accented letter is no single key press).
QUERIES = {
    "es": ["cliente enojado", "quejas", "momento de la verdad"],
    "en": ["angry customer", "complaints", "moment of truth"],
}

# A MutationObserver notes when Material's result list changes, a key-up listener each keystroke
# (Material queries on key-up).
PROBE = """
window.__bench = {results: null, pending: null, keystrokes: []};
window.addEventListener("keyup", (event) => {
  if (event.target.matches && event.target.matches("input.md-search__input"))
    window.__bench.pending = performance.now();
}, true);
new MutationObserver((records) => {
  const now = performance.now();
  const bench = window.__bench;
  if (!records.some((r) => r.target.closest && r.target.closest(".md-search-result"))) return;
  if (bench.results === null && document.querySelector(".md-search-result__item"))
    bench.results = now;
  if (bench.pending !== null) {
    bench.keystrokes.push(now - bench.pending);
    bench.pending = null;
  }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""

# Lighthouse's mobile preset, as Chrome DevTools applies it (Network.emulateNetworkConditions): 150 ms
# round trip, 1.6 Mbit/s down (200,000 bytes/s), 750 kbit/s up. It slows the page and its workers;
# a service worker's own fetches (the offline store) are not slowed.
MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750}
RESULT_LINKS = ".md-search-result__list > .md-search-result__item > a"


@dataclass
class SearchTimes:
    # Per language: ms from the end of the load event until the first results show, for a query given
    # in the address (?q=), which Material runs as soon as its search worker is ready.
    after_load: dict[str, list[float]] = field(default_factory=dict)
    from_navigation: dict[str, list[float]] = field(default_factory=dict)
    keystrokes: list[float] = field(default_factory=list)  # ms, key-up to results
    # Everything the first load of the first language's page asked for,
    # its search worker's requests included (for the page's weight).
    requests: list[str] = field(default_factory=list)
    # Per language, on its first load: bytes the browser received (gzip as sent, headers included) and
    # files, from the navigation until the first results showed (every response, whatever its name).
    fetched: dict[str, tuple[int, int]] = field(default_factory=dict)

    def after_load_median(self) -> dict[str, float]:
        return {lang: statistics.median(times) for lang, times in self.after_load.items()}

    def keystroke_median(self) -> float:
        return statistics.median(self.keystrokes)


@contextmanager
def chromium(args: list[str]):
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        raise SystemExit(NOT_FOUND)
    # Other hosts fail at once instead of waiting on a network this machine may not have
    # (vanilla Material asks fonts.googleapis.com for Roboto).
    args = [*args, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=args)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, network: dict | None):
    """A page in a fresh context; on ``network``'s conditions (DevTools' throttling) if given.
    The site's content security policy forbids the evaluated strings the timing waits on, as
    in the tests (tests/conftest.py): the browser is told to let the driver's scripts run."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(300_000)
    if network:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send("Network.emulateNetworkConditions", network)
    return context, page


def fetched_before(finished: list, until_ms: float) -> tuple[int, int]:
    """Bytes received (body as sent, and headers) and files, of the requests that ended
    before ``until_ms`` (ms since the epoch)."""
    total = count = 0
    for request in finished:
        timing = request.timing
        if timing["responseEnd"] < 0 or timing["startTime"] + timing["responseEnd"] > until_ms:
            continue
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        count += 1
    return total, count


def measure_search(browser, base: str, pages: dict[str, str], loads: int,
                   network: dict | None = None) -> SearchTimes:
    """``pages``: a content page's address below ``base`` per language (or the benchmark's
    Pagefind page: it has the same search box and result list)."""
    times = SearchTimes()
    for language, address in pages.items():
        queries = QUERIES[language]
        for load in range(loads):
            context, page = new_page(browser, network)
            try:
                page.add_init_script(PROBE)
                if not times.requests:
                    page.on("request", lambda request: times.requests.append(request.url))
                finished: list = []
                if load == 0:
                    page.on("requestfinished", lambda request, into=finished: into.append(request))
                page.goto(f"{base}{address}?q={quote(queries[0])}", wait_until="load")
                page.wait_for_function("window.__bench.results !== null")
                results, load_end, origin = page.evaluate(
                    "[window.__bench.results,"
                    " performance.getEntriesByType('navigation')[0].loadEventEnd, performance.timeOrigin]"
                )
                times.after_load.setdefault(language, []).append(results - load_end)
                times.from_navigation.setdefault(language, []).append(results)
                if load == 0:
                    times.fetched[language] = fetched_before(finished, origin + results)
                # Every load types the queries: the median of a few hundred keystrokes moves by a tenth
                # of a ms from run to run, that of one load's forty by more than half a ms.
                times.keystrokes += type_queries(page, queries)
            finally:
                context.close()
    return times


def type_queries(page, queries: list[str]) -> list[float]:
    """Type each query key by key; the time from each key-up to its results."""
    box = page.locator("input.md-search__input")
    page.evaluate("window.__bench.keystrokes = []")
    for query in queries:
        box.fill("")  # no key-up: Material does not search for it
        for character in query:
            page.keyboard.press(character)
            page.wait_for_function("window.__bench.pending === null", timeout=30_000)
    return page.evaluate("window.__bench.keystrokes")


def relevance(browser, base: str, pages: dict[str, str], cases: dict[str, list[tuple[str, str]]], top: int = 3,
              pagefind: bool = False) -> dict[str, tuple[int, int]]:
    """Per language: how many of ``cases`` (query, its page's address below ``base``) find
    their page among the first ``top`` results, and how many there are. Ours: each query typed in the
    content page's search box (results shown once the first query's have); Pagefind: its
    API on the benchmark's page."""
    found = {}
    for language, address in pages.items():
        context, page = new_page(browser, None)
        try:
            page.add_init_script(PROBE)
            # The relevance suite types its next query once our worker's whole answer has come.
            page.add_init_script(WORKER_ANSWERS)
            page.goto(f"{base}{address}?q={quote(QUERIES[language][0])}", wait_until="load")
            page.wait_for_function("window.__bench.results !== null")
            hits, shown = 0, QUERIES[language][0]
            for query, target in cases[language]:
                if pagefind:
                    urls = page.evaluate("([query, top]) => window.__top(query, top)", [query, top])
                else:
                    # Material searches on key-up, when the query changed.
                    if query != shown:
                        page.wait_for_function("!window.__lastPartial", timeout=30_000)
                        page.locator("input.md-search__input").fill(query)
                        page.keyboard.press("End")
                        page.wait_for_function("window.__bench.pending === null", timeout=30_000)
                        shown = query
                    urls = page.locator(RESULT_LINKS).evaluate_all(
                        f"(links) => links.slice(0, {top}).map((link) => link.href)")
                expected = urljoin(base, target)
                hits += any(urlsplit(urljoin(base, url))._replace(query="", fragment="").geturl() == expected
                            for url in urls)
            found[language] = (hits, len(cases[language]))
        finally:
            context.close()
    return found


def offline_store(browser, base: str, address: str, timeout_s: int = 600) -> tuple[int, int] | None:
    """What a first visit of ``address`` stores for offline reading: bytes and entries of the
    page's whole Cache Storage once its service worker is installed and active (None when
    none became active within ``timeout_s``)."""
    context, page = new_page(browser, None)
    try:
        page.goto(base + address, wait_until="load")
        active = page.evaluate("""(timeout) => Promise.race([
          navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
            const worker = registration.active;
            if (worker.state === "activated") resolve(true);
            worker.addEventListener("statechange", () => worker.state === "activated" && resolve(true));
          })),
          new Promise((resolve) => setTimeout(() => resolve(false), timeout)),
        ])""", timeout_s * 1000)
        if not active:
            return None
        return tuple(page.evaluate("""async () => {
          let bytes = 0, entries = 0;
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              bytes += (await (await cache.match(request)).blob()).size;
              entries += 1;
            }
          }
          return [bytes, entries];
        }"""))
    finally:
        context.close()
