"""Search speed in Chromium: how soon after load search answers, and how soon after a
keystroke the results show. Times are taken inside the page (performance.now()), not by the
driver, and each load uses a fresh browser context, as on a kiosk's first visit.
"""

from __future__ import annotations

import statistics
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote

from tests.support.chromium import NOT_FOUND, chromium_path

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


def measure_search(browser, base: str, pages: dict[str, str], loads: int) -> SearchTimes:
    """``pages``: a content page's address below ``base`` per language."""
    times = SearchTimes()
    for language, address in pages.items():
        queries = QUERIES[language]
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            try:
                page = context.new_page()
                page.set_default_timeout(120_000)
                page.add_init_script(PROBE)
                if not times.requests:
                    page.on("request", lambda request: times.requests.append(request.url))
                page.goto(f"{base}{address}?q={quote(queries[0])}", wait_until="load")
                page.wait_for_function("window.__bench.results !== null")
                results, load_end = page.evaluate(
                    "[window.__bench.results,"
                    " performance.getEntriesByType('navigation')[0].loadEventEnd]"
                )
                times.after_load.setdefault(language, []).append(results - load_end)
                times.from_navigation.setdefault(language, []).append(results)
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
