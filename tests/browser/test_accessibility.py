"""Accessibility in Chromium: axe-core finds no violation of the WCAG 2.2 A
and AA rules on any built page, in either language, in the light scheme, nor of
its colour rules in the dark one (a scheme changes colours alone), and the
keyboard reaches every control with a visible focus and can skip to content.
The same one load of each page also shows it loads cleanly (no console
error, nothing from another host) and under its Content-Security-Policy,
enforced as a host sends it (header and <meta>).

Pages are found in the built site, not listed here: whatever the build makes
(content pages, cards, kiosk, 404) is checked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest

from support import DEFAULT_LANGUAGE, LANGUAGES, page_url, source_pages
from support import built_pages as policed_pages
from support.chromium import AXE, END_ANIMATIONS, axe_in_each_scheme, axe_violations, search_ready
from support.chromium import axe_source as chromium_axe_source
from support.static_host import watch_policy

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
# Playwright's own default for a page's load and each step. A page that never loads still fails;
# one slow to load while the other test process keeps both cores busy does not (in one full run of
# three, /traducciones/ took more than 10 s to load early on, where both processes run Chromium).
PAGE_TIMEOUT = 30_000
# The walks of the sample pages (the keyboard, the skip link, the phone layout) test markup, not
# offline: without the service worker, which the kiosk page registers at once and which then
# stores the site in the background while the walk goes on: under a full run's load, the skip-link
# walk has at times waited more than 30 s for the page it opened then (/traducciones/) to load.
# Cause not found; tests/browser/test_offline.py covers the worker.
NO_WORKER = "block"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.exit(
            "axe-core is not installed: run `make test` (it runs `npm ci`), "
            "or `npm ci` in the project folder.",
            returncode=3,
        )
    return chromium_axe_source()


def built_pages(site) -> list[str]:
    """Every HTML page of the built site, as an address below its root."""
    addresses = []
    for path in sorted(site.rglob("*.html")):
        address = path.relative_to(site).as_posix()
        addresses.append(address.removesuffix("index.html"))
    return addresses


def axe_context(browser, axe_source: str, viewport: dict, **options):
    """A browser context whose pages all have axe-core from their start: handed
    to Chromium once, not sent with each page (half a megabyte; sending it
    took as long as two axe runs). axe-core does nothing until it is run."""
    context = browser.new_context(viewport=viewport, **options)
    context.add_init_script(script=axe_source)
    return context


def open_page(context, url: str):
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT)
    page.goto(url, wait_until="load")
    return page


# --- Every page, loaded once at the desktop size ------------------------------


@dataclass
class Walk:
    """What loading each built page once found, by address: axe-core's
    violations (every rule in the light scheme, the colour rules in the dark), what went wrong as it loaded, what broke
    its Content-Security-Policy, and the policy it came with (header, <meta>)."""

    axe: dict[str, list[str]] = field(default_factory=dict)
    loading: dict[str, list[str]] = field(default_factory=dict)
    policy: dict[str, list[str]] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    metas: dict[str, int] = field(default_factory=dict)


class Requests:
    """Every request a page (and its search worker) starts, until it ends: a
    page has settled when its search worker, if it has one, is ready and has
    asked for its list of pages (what every answer lists), and every request
    started has ended. State, not a quiet spell on the clock."""

    def __init__(self, page):
        self.page = page
        self.started: list[str] = []
        self.pending: set = set()
        page.on("request", lambda r: (self.started.append(r.url), self.pending.add(r)))
        page.on("requestfinished", lambda r: self.pending.discard(r))
        page.on("requestfailed", lambda r: self.pending.discard(r))

    def clear(self):
        self.started.clear()
        self.pending.clear()

    def settle(self):
        search_ready(self.page)
        if self.page.locator("script[data-search-worker]").count():
            self.wait_until(lambda: any(url.endswith("/pages.json") for url in self.started), "the list of pages")
        # Until a frame passes with nothing pending and nothing new started: a request one
        # ending starts counts too.
        while True:
            self.wait_until(lambda: not self.pending, "every request to end")
            started = len(self.started)
            self.page.evaluate("() => new Promise(requestAnimationFrame)")
            if not self.pending and len(self.started) == started:
                return

    def wait_until(self, done, what: str):
        # Each round trip to the page hands over the events that came meanwhile; one per frame.
        deadline = time.monotonic() + PAGE_TIMEOUT / 1000
        while not done():
            assert time.monotonic() < deadline, (
                f"{self.page.url}: waited {PAGE_TIMEOUT // 1000} s for {what}; still pending: "
                + ", ".join(r.url for r in self.pending))
            self.page.evaluate("() => new Promise(requestAnimationFrame)")


@pytest.fixture(scope="module")
def desktop_walk(site, host, browser, axe_source) -> Walk:
    """Each page the build made, loaded once at the desktop size from a host
    that sends the site's _headers, its policy enforced (the tests' contexts
    bypass it elsewhere): what a reader's browser reports while it loads and
    until it has settled (a console error, an uncaught exception, a
    request to another host, an HTTP error, a policy violation), and axe-core
    on it in the light scheme, then its colour rules in the dark (one load:
    Material follows the reader's colour-scheme preference as it changes). The tests below read
    one check each, every page's failures named."""
    walk = Walk()
    context = axe_context(browser, axe_source, DESKTOP, bypass_csp=False)
    violations: list[str] = []
    watch_policy(context, violations)
    page = context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT)
    found: list[str] = []
    page.on("console", lambda m: m.type == "error" and found.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: found.append(f"script: {e}"))
    page.on(
        "request",
        lambda r: r.url.startswith(host) or r.url.startswith("data:")
        or found.append(f"other host: {r.url}"),
    )
    page.on("response", lambda r: r.status >= 400 and found.append(f"{r.status}: {r.url}"))
    requests = Requests(page)
    try:
        for address in built_pages(site):
            found.clear()
            violations.clear()
            requests.clear()
            page.emulate_media(color_scheme="light")
            response = page.goto(host + address, wait_until="load")
            walk.headers[address] = response.headers
            walk.metas[address] = page.locator('meta[http-equiv="Content-Security-Policy"]').count()
            walk.axe[address] = axe_in_each_scheme(page)
            # What the page still asks for after load (its search index, its worker) counts too.
            requests.settle()
            walk.loading[address] = list(found)
            walk.policy[address] = list(violations)
    finally:
        context.close()
    return walk


def test_axe_finds_no_wcag_violation_on_any_page(site, desktop_walk):
    addresses = built_pages(site)
    # Every source page in every language, at least: the discovery works.
    assert len(addresses) > len(source_pages()) * len(LANGUAGES)
    problems = [f"/{address} {line}" for address, lines in desktop_walk.axe.items() for line in lines]
    assert not problems, f"{len(problems)} violations:\n" + "\n".join(problems)


def test_every_page_loads_cleanly(site, desktop_walk):
    """Every page loads from 127.0.0.1 alone, with no console error, script
    error or failed request (tests/browser/test_site.py has the rest of the
    site's behaviour; this check shares the accessibility walk's page loads)."""
    pages = [address for address in built_pages(site) if not address.endswith(".html")]
    assert len(pages) >= 2 * len(source_pages())
    problems = [f"/{address}: {line}" for address, lines in desktop_walk.loading.items() for line in lines]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_runs_under_the_policy(site, desktop_walk, language):
    """Every page the sitemaps list, and the not-found pages, under the policy a host sends with
    it (the _headers file) and its own <meta> policy, enforced: no violation while it loads and
    axe-core runs (tests/browser/test_policy.py has the rest of the site under the policy)."""
    addresses = policed_pages(site)[language]
    assert page_url("cards", language) in addresses and len(addresses) > 10, addresses
    problems = []
    for address in addresses:
        headers = desktop_walk.headers[address]
        # The header and the page's own <meta> both hold.
        if "script-src 'self'" not in headers.get("content-security-policy", "") \
                or "frame-ancestors 'none'" not in headers["content-security-policy"] \
                or headers.get("x-content-type-options") != "nosniff":
            problems.append(f"/{address}: headers {headers}")
        if desktop_walk.metas[address] != 1:
            problems.append(f"/{address}: {desktop_walk.metas[address]} <meta> policies")
        problems += [f"/{address}: {line}" for line in desktop_walk.policy[address]]
    assert problems == [], "\n".join(problems)


@dataclass
class MobileWalk:
    """What loading one page of each kind once at a phone's size found: axe-core's violations (all
    in the light, colour in the dark) and what the keyboard could not reach or see (dark)."""

    axe: list[str] = field(default_factory=list)
    keyboard: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def mobile_walk(site, server, browser, axe_source) -> MobileWalk:
    """The mobile layout comes from the same templates on every page: one page of each kind
    (sample_pages), loaded once at a phone's size, gets axe-core in the light scheme, then its
    colour rules in the dark (Material follows the reader's preference as it changes), then the keyboard, in
    the dark, through every control."""
    walk = MobileWalk()
    context = axe_context(browser, axe_source, MOBILE, reduced_motion="reduce", service_workers=NO_WORKER)
    try:
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT)
        for address in sample_pages(site):
            page.emulate_media(color_scheme="light")
            page.goto(server + address, wait_until="load")
            walk.axe += [f"/{address} {line}" for line in axe_in_each_scheme(page)]
            walk.keyboard += [f"/{address}: {line}" for line in keyboard_problems(page)]
    finally:
        context.close()
    return walk


def test_axe_finds_no_wcag_violation_in_the_mobile_layout(site, mobile_walk):
    # The sample holds the generated kinds too, not only the four written kinds the list names: the
    # cards, a page below them, the kiosk and the 404 page, in each language.
    sample = sample_pages(site)
    for root in ("", "en/"):
        assert {root + "cards/", root + "kiosk/", root + "404.html"} <= set(sample), sample
        assert any(address.startswith(root + "cards/") and address.count("/") == root.count("/") + 2
                   for address in sample), sample
    assert not mobile_walk.axe, f"{len(mobile_walk.axe)} violations:\n" + "\n".join(mobile_walk.axe)


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_search_results_open(server, browser, axe_source, language):
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = open_page(context, server + page_url("factores", language))
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("cliente" if language == "es" else "customer")
        page.locator(".md-search-result__item").first.wait_for()
        assert page.locator(".md-search").get_attribute("aria-label")
        assert axe_in_each_scheme(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_with_the_mobile_menu_open(server, browser, axe_source, language):
    context = browser.new_context(viewport=MOBILE)
    try:
        page = open_page(context, server + page_url("tipos/enojado", language))
        page.locator("label.md-header__button[for='__drawer']").click()
        page.locator(".md-sidebar--primary .md-nav__link--active").first.wait_for()
        assert axe_in_each_scheme(page) == []
    finally:
        context.close()


def test_axe_reports_what_it_finds(browser, axe_source):
    """The harness itself: a page with known faults gives their violations."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            """<!doctype html><html lang="en"><head><title>Faults</title></head><body>
            <main><h1>Faults</h1>
            <p style="color:#aaa;background:#fff">Grey on white, too faint.</p>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color:#333">A sentence with <a href="#x" style="color:#444;
               text-decoration:none">a link that looks like text</a> in the middle.</p>
            </main></body></html>"""
        )
        found = "\n".join(axe_violations(page))
    finally:
        context.close()
    for rule in ("color-contrast", "image-alt", "link-in-text-block"):
        assert rule in found


def test_each_scheme_gets_its_own_colour_faults(browser, axe_source):
    """Every rule in the light scheme, the colour rules again in the dark one: a fault of the dark
    scheme's colours alone is found there, and in the light scheme's alone there."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            """<!doctype html><html lang="en"><head><title>Schemes</title><style>
              #day { color: #bbb; background: #fff }
              @media (prefers-color-scheme: dark) { #day { color: #eee; background: #000 }
                                                    #night { color: #333; background: #000 } }
            </style></head><body><main><h1>Schemes</h1>
            <p id="day">Faint in the light.</p><p id="night">Faint in the dark.</p>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            </main></body></html>""")
        found = axe_in_each_scheme(page)
    finally:
        context.close()
    assert [line.split(" (")[0] + " " + line.split(" at ")[1].split(":")[0] for line in found] == [
        "(light) color-contrast #day", "(light) image-alt img", "(dark) color-contrast #night"], found


# --- The keyboard ------------------------------------------------------------

# The element that shows a control's focus: the control itself or, for a
# visually hidden input, the label drawn beside it (Material's palette and
# navigation toggles).
INDICATOR = """el => {
    const tiny = r => r.width < 2 || r.height < 2;
    if (!tiny(el.getBoundingClientRect()) && getComputedStyle(el).opacity !== '0') return el;
    const next = el.nextElementSibling;
    const labels = [...(next && next.tagName === 'LABEL' ? [next] : []), ...(el.labels || [])];
    return labels.find(l => l.checkVisibility() && !tiny(l.getBoundingClientRect())) || el;
}"""

# Whether a control is one a keyboard user must be able to reach: rendered,
# enabled, not taken out of the tab order, and (for a radio group) the one
# option Tab stops at.
REACHABLE = (
    """el => {
    const indicator = ("""
    + INDICATOR
    + """)(el);
    const rect = indicator.getBoundingClientRect();
    return !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]') && !el.hidden
        && el.checkVisibility({visibilityProperty: true})
        && indicator.checkVisibility({visibilityProperty: true})
        && rect.width >= 2 && rect.height >= 2
        && (el.type !== 'radio' || !el.name || el === tabStopOf(el.name));
    function tabStopOf(name) {
        const group = [...document.querySelectorAll(`input[type=radio][name="${name}"]`)];
        return group.find(radio => radio.checked) || group[0];
    }
}"""
)

MARK_CONTROLS = (
    """() => {
    const reachable = """
    + REACHABLE
    + """;
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
    let count = 0;
    for (const el of document.querySelectorAll(selector)) {
        if (reachable(el)) el.dataset.pbControl = String(count++);
    }
    return count;
}"""
)

# What the focused element shows: an outline at least 2px wide that stands
# out 3:1 from what lies just outside it, on most of its sides. The page is
# looked at there (elementsFromPoint), so a header or overlay behind the
# element counts, not only its parents.
FOCUS_STATE = (
    """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const shown = ("""
    + INDICATOR
    + """)(el);
    const style = getComputedStyle(shown);
    const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
    const channel = v => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]) =>
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const over = (top, bottom) => {
        const a = top.length > 3 ? top[3] : 1;
        return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
    };
    const backdropAt = (x, y) => {
        const behind = document.elementsFromPoint(x, y)
            .find(e => e !== shown && !shown.contains(e)) || document.documentElement;
        const layers = [];
        for (let node = behind; node; node = node.parentElement) {
            const bg = parse(getComputedStyle(node).backgroundColor);
            if (bg.length === 3 || (bg.length === 4 && bg[3] > 0)) layers.push(bg);
            if (bg.length === 3 || (bg.length === 4 && bg[3] === 1)) break;
        }
        let backdrop = [255, 255, 255];
        for (const layer of layers.reverse()) backdrop = over(layer, backdrop);
        return backdrop;
    };
    const width = parseFloat(style.outlineWidth) || 0;
    const ring = parse(style.outlineColor);
    const drawn = style.outlineStyle !== 'none' && width > 0 && (ring.length === 3 || ring[3] > 0);
    const reach = width + (parseFloat(style.outlineOffset) || 0) + 1;
    const r = shown.getBoundingClientRect();
    const midX = r.left + r.width / 2, midY = r.top + r.height / 2;
    const sides = [[midX, r.top - reach], [midX, r.bottom + reach],
                   [r.left - reach, midY], [r.right + reach, midY]]
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const contrasts = sides.map(([x, y]) => {
        if (!drawn) return 0;
        const backdrop = backdropAt(x, y);
        const [l1, l2] = [luminance(over(ring, backdrop)), luminance(backdrop)]
            .sort((a, b) => b - a);
        return (l1 + 0.05) / (l2 + 0.05);
    }).sort((a, b) => b - a);
    // The contrast on the middle side of those measured: most of the ring shows.
    const contrast = contrasts.length ? contrasts[Math.floor((contrasts.length - 1) / 2)] : 0;
    return {
        control: el.dataset.pbControl ?? null,
        name: (el.outerHTML.match(/^<[^>]*>/) || [''])[0].slice(0, 160),
        outlineWidth: width,
        contrast: Math.round(contrast * 100) / 100,
        onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
}"""
)


def tab_through(page) -> tuple[int, list[dict]]:
    """Press Tab from the top of the page until focus comes round again."""
    controls = page.evaluate(MARK_CONTROLS)
    stops = []
    seen = set()
    for _ in range(controls + 50):
        page.keyboard.press("Tab")
        # Once settled (the drawer slid in, the search box widened), in one call.
        state = page.evaluate(f"() => {{ ({END_ANIMATIONS})(); return ({FOCUS_STATE})(); }}")
        if state is None:  # the page itself, between the last control and the first
            continue
        key = state["control"] or state["name"]
        if key in seen:
            break
        seen.add(key)
        stops.append(state)
    return controls, stops


def keyboard_problems(page) -> list[str]:
    controls, stops = tab_through(page)
    problems = []
    reached = {s["control"] for s in stops if s["control"] is not None}
    missed = [str(i) for i in range(controls) if str(i) not in reached]
    for index in missed:
        control = page.locator(f"[data-pb-control='{index}']")
        # A control that went away while tabbing (Material's back-to-top button
        # hides itself again) was not there to reach.
        if not control.evaluate(REACHABLE):
            continue
        element = control.evaluate("el => el.outerHTML.match(/^<[^>]*>/)[0].slice(0, 160)")
        problems.append(f"not reachable with Tab: {element}")
    for stop in stops:
        if stop["outlineWidth"] < 2 or stop["contrast"] < 3:
            problems.append(
                f"no visible focus ({stop['outlineWidth']}px outline, "
                f"{stop['contrast']}:1 against its background): {stop['name']}"
            )
        elif not stop["onScreen"]:
            problems.append(f"focused off screen: {stop['name']}")
    return problems


def sample_pages(site) -> list[str]:
    """One page of each kind in each language: home, a content page, an index
    page, a customer type, and one page of each other kind the build made
    (a folder at a depth: cards/, cards/enojado/, kiosk/, 404.html)."""
    chosen = [
        page_url(key, language)
        for language in LANGUAGES
        for key in ("index", "factores", "tipos/index", "tipos/enojado")
    ]
    written = {page_url(key, language) for key in source_pages() for language in LANGUAGES}
    kinds = set()
    for address in built_pages(site):
        if address in written:
            continue
        parts = [part for part in address.split("/") if part]
        language = parts.pop(0) if parts and parts[0] in LANGUAGES else DEFAULT_LANGUAGE
        kind = (language, parts[0] if parts else "", len(parts))
        if kind not in kinds:
            kinds.add(kind)
            chosen.append(address)
    return chosen


def test_keyboard_reaches_every_control_with_a_visible_focus_on_a_phone_in_the_dark(mobile_walk):
    assert not mobile_walk.keyboard, "\n".join(mobile_walk.keyboard)


def skip_link_problems(page) -> list[str]:
    """The open page's skip link, as the keyboard left it after a tab_through() from the top: that
    walk's first stop and its last (it ends where it began), so it has focus. Shown on screen, and
    Enter then Tab takes the keyboard into the content."""
    skip = page.locator("a.md-skip")
    if not skip.evaluate("el => el === document.activeElement"):
        return ["the keyboard walk did not end on the skip link, its first stop from the top"]
    problems = []
    page.wait_for_function("() => getComputedStyle(document.querySelector('a.md-skip')).opacity === '1'")
    box = skip.bounding_box()
    if not box or box["y"] < 0 or box["y"] > DESKTOP["height"]:
        problems.append(f"the focused skip link is not on screen: {box}")
    target = skip.get_attribute("href")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    where = page.evaluate("() => ({hash: location.hash, inContent: !!document.activeElement.closest('.md-content')})")
    if where["hash"] != target or not where["inContent"]:
        problems.append(f"after the skip link ({target}), focus is {where}")
    return problems


def test_keyboard_reaches_every_control_with_a_visible_focus_and_skips_to_the_content_on_a_desktop(
        site, server, browser):
    """Each sample page loaded once, in the light: Tab from the top through every control, then
    the skip link the walk came round to."""
    context = browser.new_context(viewport=DESKTOP, color_scheme="light", reduced_motion="reduce",
                                  service_workers=NO_WORKER)
    problems = []
    skips = 0
    try:
        page = context.new_page()
        page.set_default_timeout(PAGE_TIMEOUT)
        for address in sample_pages(site):
            page.goto(server + address, wait_until="load")
            problems += [f"/{address}: {line}" for line in keyboard_problems(page)]
            if page.locator("a.md-skip").count():
                skips += 1
                problems += [f"/{address}: {line}" for line in skip_link_problems(page)]
    finally:
        context.close()
    # At least the written pages among them (home, content, types) have a skip link.
    assert skips >= 4 * len(LANGUAGES)
    assert not problems, "\n".join(problems)


def test_keyboard_check_finds_faults(browser):
    """The harness itself: controls without a visible ring, a link behind a
    keyboard trap."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            """<!doctype html><html lang="en"><body style="background:#fff">
            <style>:focus-visible { outline: 2px solid #000 }</style>
            <a href="#a">first</a>
            <button id="no-ring" style="outline:none">no ring</button>
            <div id="white-on-white" tabindex="0" style="outline:2px solid #fff">white</div>
            <input aria-label="trap" onkeydown="event.key === 'Tab' && event.preventDefault()">
            <a href="#c">after the trap</a>
            <a id="out-of-order" href="#b" tabindex="-1">out of order</a>
            </body></html>"""
        )
        problems = "\n".join(keyboard_problems(page))
    finally:
        context.close()
    assert '0:1 against its background): <button id="no-ring"' in problems
    assert 'against its background): <div id="white-on-white"' in problems
    assert 'not reachable with Tab: <a href="#c"' in problems
    assert 'href="#a"' not in problems
    # tabindex=-1 takes a link out of the tab order on purpose: not a fault.
    assert "out-of-order" not in problems
