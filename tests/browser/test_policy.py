"""The site under its Content-Security-Policy, enforced as a host sends it: served with the headers
of its _headers file (tests/support/static_host.py), each page with its own <meta> policy too.
Every page of both languages loads under it in tests/browser/test_accessibility.py, on the same
page loads as axe-core; here search in both languages, the language switch, the palette toggle, the kiosk
rotating, every card printed and the offline worker installing work: each fails on any
`securitypolicyviolation` event, console error or uncaught exception. And the policy has teeth:
an inline script added to a page does not run, under the header alone and under the <meta> alone,
while the page's own inline scripts do."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import DEFAULT_LANGUAGE, LANGUAGES, page_url
from support.chromium import SCHEMES
from support.offline import stored
from support.static_host import watch_policy

SECOND = 1000
QUERIES = {"es": ("cliente enojado", "tipos/enojado/"), "en": ("angry customer", "en/tipos/enojado/")}
SHOWN = """() => [...document.querySelectorAll('.qc-slide')].filter((s) => !s.hidden)
  .map((s) => s.dataset.lang + ':' + s.querySelector('.qc-card').dataset.card)"""
# Each card's print scale as its page prints it, and as its data-qc-print says (hundredths).
PRINT_SCALES = """() => [...document.querySelectorAll('.qc-card')].map((card) => [card.dataset.card,
  getComputedStyle(card).getPropertyValue('--qc-print').trim(), card.dataset.qcPrint])"""
INJECTED = '<script>document.documentElement.dataset.injected = "ran"</script>'
META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


class Policed:
    """A browser context that enforces the pages' policies (the tests' default bypasses them),
    and every violation, console error and uncaught exception of its pages."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(bypass_csp=False, **options)
        self.problems: list[str] = []
        watch_policy(self.context, self.problems)
        self.context.on("page", self.watch)

    def watch(self, page):
        page.set_default_timeout(15 * SECOND)
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"{page.url}: console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"{page.url}: script: {e}"))

    def page(self):
        return self.context.new_page()


@pytest.fixture
def policed(browser):
    watched = Policed(browser, viewport={"width": 1280, "height": 900}, service_workers="block")
    yield watched
    watched.context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_the_language_switch_and_the_palette_work_under_the_policy(host, policed, language):
    page = policed.page()
    page.goto(host + page_url("factores", language) + "#factores", wait_until="load")
    query, expected = QUERIES[language]
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    # Results show as each letter is answered: the whole query's first result must come.
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", re.compile("^" + re.escape(host + expected)), timeout=15_000)
    page.keyboard.press("Escape")

    # The palette: from the system's preference to light, then dark, kept for the next page.
    for scheme in SCHEMES.values():
        page.locator("form[data-md-component=palette] label:visible").click()
        page.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=scheme)
    other = next(other for other in LANGUAGES if other != language)
    # The switch: the same page in the other language, in the scheme chosen (Material's inline
    # scripts read it back).
    page.locator(f".md-select__link[hreflang='{other}']").first.dispatch_event("click")
    page.wait_for_url(host + page_url("factores", other))
    assert page.locator("html").get_attribute("lang") == other
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert policed.problems == [], "\n".join(policed.problems)


def test_the_kiosk_rotates_under_the_policy(host, policed):
    page = policed.page()
    page.clock.install(time=1_800_000_000_000)
    page.goto(host + "kiosk/?interval=5&lang=both", wait_until="load")
    shown = [tuple(page.evaluate(SHOWN))]
    for _ in range(3):
        page.clock.run_for(6 * SECOND)
        shown.append(tuple(page.evaluate(SHOWN)))
    assert len(set(shown)) == len(shown), shown
    assert policed.problems == [], "\n".join(policed.problems)


def test_every_card_prints_at_its_scale_under_the_policy(site, host, policed):
    pages = sorted({path.parent.relative_to(site).as_posix() + "/"
                    for path in site.glob("**/index.html") if 'data-qc-print="' in path.read_text(encoding="utf-8")})
    assert {"cards/enojado/", "en/cards/enojado/", "kiosk/", "en/kiosk/"} <= set(pages), pages
    page = policed.page()
    page.emulate_media(media="print")
    for address in pages:
        page.goto(host + address, wait_until="load")
        for card, printed, wanted in page.evaluate(PRINT_SCALES):
            assert printed and float(printed) == int(wanted) / 100, (address, card, printed, wanted)
    assert page.pdf(format="A6")[:4] == b"%PDF"
    assert policed.problems == [], "\n".join(policed.problems)


def test_the_offline_worker_installs_under_the_policy(browser, host):
    policed = Policed(browser, viewport={"width": 1280, "height": 900}, service_workers="allow")
    policed.context.clock.install()
    try:
        # The worker stores the reader's language, says so, and serves the other language's pages too.
        page = policed.page()
        page.goto(host + page_url("factores", DEFAULT_LANGUAGE), wait_until="load")
        stored(page, DEFAULT_LANGUAGE, timeout=60 * SECOND)
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)") == "activated"
        for language in LANGUAGES:
            page.goto(host + page_url("tipos/enojado", language), wait_until="load")
            assert page.evaluate("Boolean(navigator.serviceWorker.controller)"), language
        assert policed.problems == [], "\n".join(policed.problems)
    finally:
        policed.context.close()


@pytest.mark.parametrize("policy_from", ["header", "meta"])
def test_an_inline_script_added_to_a_page_is_blocked(host, server, policed, policy_from):
    """Under the header alone (the page's <meta> taken out) and the <meta> alone (a server that
    sends no headers, as GitHub Pages), the added script does not run and is reported; the page's
    own inline scripts run (Material's __md_get, which its search needs)."""
    base = host if policy_from == "header" else server
    page = policed.page()

    def injected(route):
        response = route.fetch()
        html = response.text().replace("</head>", INJECTED + "</head>", 1)
        if policy_from == "header":
            html = META.sub("", html)
        route.fulfill(response=response, body=html)

    page.route(base + "factores/", injected)
    response = page.goto(base + "factores/", wait_until="load")
    assert ("content-security-policy" in response.headers) == (policy_from == "header")
    assert page.evaluate("document.documentElement.dataset.injected") is None, "the added script ran"
    assert page.evaluate("typeof __md_get") == "function", "the page's own inline script was blocked"
    assert any("script-src" in problem and "inline" in problem for problem in policed.problems), policed.problems
