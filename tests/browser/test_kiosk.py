"""The store kiosk in real Chromium, with Playwright's clock in place of
waiting: rotation, ?interval and ?lang=both, pausing by touch, click, key and
button, resuming after 60 s idle, working offline, asking for nothing but its
version file, reloading when that changes, the wake lock, reduced motion,
nothing that leads off the kiosk, and 32 px text at 1080p."""

from __future__ import annotations

import json

import pytest

from support import LANGUAGES, cards_site, page_url
from support.cards_site import CONTRASTS, TEXT_SIZES

TYPES = cards_site.TYPES
FULL_HD = {"width": 1920, "height": 1080}
SECOND = 1000
MINUTE = 60 * SECOND
START = 1_800_000_000_000  # a fixed moment (Playwright's Python clock reads it in seconds since 1970)

SHOWN = """() => [...document.querySelectorAll('.qc-slide')].filter((s) => !s.hidden)
  .map((s) => s.dataset.lang + ':' + s.querySelector('.qc-card').dataset.card)"""

# A stand-in for the Screen Wake Lock API that counts requests and can release.
WAKE_LOCK = """
window.__wake = {requests: 0, sentinels: []};
Object.defineProperty(navigator, 'wakeLock', {configurable: true, value: {
  request(type) {
    window.__wake.requests += 1;
    const sentinel = new EventTarget();
    sentinel.type = type;
    sentinel.release = () => {
      sentinel.dispatchEvent(new Event('release'));
      return Promise.resolve();
    };
    window.__wake.sentinels.push(sentinel);
    return Promise.resolve(sentinel);
  },
}});
"""


# The page seems hidden or visible, as after switching tabs or screens.
VISIBILITY = """() => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'STATE'});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


TURN = """() => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = resolve;
  channel.port2.postMessage(null);
})"""


class Kiosk:
    """A kiosk page under a fake clock, with its console errors and requests."""

    def __init__(self, context, url):
        self.context = context
        self.page = context.new_page()
        self.errors = []
        self.requests = []
        self.loads = 0
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request))
        self.page.on("load", lambda _: setattr(self, "loads", self.loads + 1))
        # Time stands still but for run_for(): nothing moves unless a test says so.
        self.page.clock.install(time=START)
        self.page.clock.pause_at(START + SECOND)
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def shown(self) -> str:
        shown = self.page.evaluate(SHOWN)
        assert len(shown) == 1, shown
        return shown[0]

    def wait(self, milliseconds: int) -> None:
        self.page.clock.run_for(milliseconds)

    def turn(self) -> None:
        """One turn of the page's event loop (a message, which the fake clock does not hold): what
        the page does in answer to an event, promises it waits on included, is done by then."""
        self.page.evaluate(TURN)

    def paused(self) -> bool:
        return self.page.locator("[data-kiosk=pause]").get_attribute("aria-pressed") == "true"


@pytest.fixture
def kiosk(browser, server):
    contexts = []

    # The kiosk page on its own, as loaded from the server: storing it for
    # offline use (the service worker) is tests/browser/test_offline.py's.
    def open_kiosk(path="kiosk/", script: str | None = None, **options):
        context = browser.new_context(viewport=FULL_HD, service_workers="block", **options)
        contexts.append(context)
        if script:
            context.add_init_script(script)
        return Kiosk(context, server + path)

    yield open_kiosk
    for context in contexts:
        context.close()


def cycle(language, *others):
    return [f"{lang}:{type_id}" for type_id in TYPES for lang in (language, *others)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_kiosk_rotates_through_every_card_every_15_seconds(kiosk, language):
    k = kiosk(page_url("kiosk/index", language))
    assert k.page.locator("html").get_attribute("lang") == language
    seen = [k.shown()]
    for _ in range(len(TYPES)):
        k.wait(15 * SECOND - 100)
        assert k.shown() == seen[-1], "changed before its 15 seconds were up"
        k.wait(100)
        seen.append(k.shown())
    assert seen == cycle(language) + [f"{language}:{TYPES[0]}"]
    assert k.errors == []


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("5", 5),
        ("30", 30),
        ("7.5", 7.5),
        ("abc", 15),
        ("", 15),
        ("0", 15),
        ("-5", 15),
        ("2", 15),
        ("1e3", 15),
        ("99999", 15),
        ("5;alert(1)", 15),
    ],
)
def test_interval_sets_the_seconds_and_bad_values_fall_back_to_15(kiosk, value, seconds):
    k = kiosk(f"kiosk/?interval={value}")
    first = k.shown()
    k.wait(int(seconds * SECOND) - 100)
    assert k.shown() == first
    k.wait(100)
    assert k.shown() != first
    assert k.errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_lang_both_alternates_the_languages(kiosk, language):
    other = "en" if language == "es" else "es"
    k = kiosk(page_url("kiosk/index", language) + "?lang=both&interval=5")
    seen = [k.shown()]
    for _ in range(2 * len(TYPES) - 1):
        k.wait(5 * SECOND)
        seen.append(k.shown())
    assert seen == cycle(language, other)
    # Each card speaks its own language to screen readers.
    langs = k.page.locator(".qc-slide .qc-card").evaluate_all("(cards) => cards.map((c) => c.lang)")
    assert sorted(set(langs)) == sorted(LANGUAGES)
    assert k.errors == []


def test_a_click_pauses_and_steps_and_60_seconds_idle_resume(kiosk):
    k = kiosk()
    k.page.locator(".qc-kiosk__stage").click()
    assert k.shown() == f"es:{TYPES[1]}" and k.paused()
    k.wait(59 * SECOND)
    assert k.shown() == f"es:{TYPES[1]}", "it moved while paused"
    k.page.locator(".qc-kiosk__stage").click()  # new input: another 60 s
    assert k.shown() == f"es:{TYPES[2]}"
    k.wait(59 * SECOND)
    assert k.paused() and k.shown() == f"es:{TYPES[2]}"
    k.wait(2 * SECOND)
    assert not k.paused(), "it did not resume after 60 s without input"
    k.wait(15 * SECOND)
    assert k.shown() == f"es:{TYPES[3]}"
    assert k.errors == []


def test_arrow_keys_pause_and_step_both_ways(kiosk):
    k = kiosk()
    k.page.keyboard.press("ArrowRight")
    k.page.keyboard.press("ArrowRight")
    assert k.shown() == f"es:{TYPES[2]}" and k.paused()
    k.page.keyboard.press("ArrowLeft")
    assert k.shown() == f"es:{TYPES[1]}"
    k.page.keyboard.press("ArrowLeft")
    k.page.keyboard.press("ArrowLeft")
    assert k.shown() == f"es:{TYPES[-1]}", "stepping back from the first card wraps to the last"
    k.wait(30 * SECOND)
    assert k.shown() == f"es:{TYPES[-1]}"
    k.wait(31 * SECOND)
    assert not k.paused()
    assert k.errors == []


def test_a_tap_pauses_and_steps(kiosk):
    k = kiosk(has_touch=True)
    k.page.locator(".qc-kiosk__stage").tap()
    assert k.shown() == f"es:{TYPES[1]}" and k.paused()
    k.wait(30 * SECOND)
    assert k.shown() == f"es:{TYPES[1]}"
    assert k.errors == []


def test_the_pause_button_pauses_and_plays(kiosk):
    k = kiosk()
    button = k.page.get_by_role("button", name="Pausar")
    assert button.is_visible()
    button.click()
    assert k.paused() and k.shown() == f"es:{TYPES[0]}"
    assert k.page.get_by_role("button", name="Reanudar").is_visible()
    assert "En pausa" in k.page.locator(".qc-kiosk__status").inner_text()
    k.wait(45 * SECOND)
    assert k.shown() == f"es:{TYPES[0]}"
    k.page.get_by_role("button", name="Reanudar").click()
    assert not k.paused()
    k.wait(15 * SECOND)
    assert k.shown() == f"es:{TYPES[1]}"
    # The previous and next buttons step, and pause.
    k.page.get_by_role("button", name="Tarjeta siguiente").click()
    assert k.shown() == f"es:{TYPES[2]}" and k.paused()
    k.page.get_by_role("button", name="Tarjeta anterior").click()
    assert k.shown() == f"es:{TYPES[1]}"
    assert k.errors == []


def test_the_kiosk_keeps_rotating_offline_and_asks_for_nothing(kiosk):
    # At the default 15 s a card (each turn of the cards costs the browser time, even on a fake clock).
    k = kiosk("kiosk/")
    k.context.set_offline(True)
    assert k.page.evaluate("navigator.onLine") is False
    before = len(k.requests)
    seen = set()
    for _ in range(2 * len(TYPES)):
        k.wait(15 * SECOND)
        seen.add(k.shown())
    k.wait(11 * MINUTE)  # past two version checks
    assert seen == set(cycle("es"))
    assert len(k.requests) == before
    assert k.errors == []


def test_after_load_the_only_requests_are_uncached_version_checks(kiosk, server):
    # A card a minute: in 16 minutes, every card of both languages shown, and three version checks.
    k = kiosk("kiosk/?lang=both&interval=60")
    loaded = len(k.requests)
    assert all(r.url.startswith(server) for r in k.requests), "the kiosk asked another host"
    seen = set()
    for _ in range(16):
        k.wait(MINUTE)
        seen.add(k.shown())
    assert seen == set(cycle("es", "en"))
    # Every request the page made in those minutes has been heard: one it makes now, heard last.
    k.page.route(server + "heard", lambda route: route.fulfill(status=204))
    with k.page.expect_request(server + "heard"):
        k.page.evaluate("url => fetch(url)", server + "heard")
    assert k.requests.pop().url == server + "heard"
    later = k.requests[loaded:]
    assert len(later) == 3, [r.url for r in later]
    for request in later:
        assert request.url == server + "kiosk/version.json"
        assert "no-cache" in request.all_headers().get("cache-control", "")
    assert k.loads == 1
    assert k.errors == []


# What the kiosk decided on a version check's answer, known from its state, not by waiting a while:
# the page notes leaving (beforeunload, which a reload fires at once, in the handler that reloads),
# and marks the answer handled one turn of the event loop after it came (its json() read, when it
# has one): the kiosk's handlers of that answer are microtasks, all run by then.
WATCH_VERSION_CHECK = """(() => {
  window.__leaving = false;
  addEventListener("beforeunload", () => { window.__leaving = true; });
  const handled = () => (TURN)().then(() => { window.__versionHandled = true; });
  const fetch = window.fetch, json = Response.prototype.json;
  window.fetch = function (...args) {
    const answer = fetch.apply(this, args);
    if (String(args[0]).includes("version.json")) answer.then((r) => r.ok || handled(), handled);
    return answer;
  };
  Response.prototype.json = function () {
    const read = json.call(this);
    if (this.url.includes("version.json")) read.then(handled, handled);
    return read;
  };
})()""".replace("TURN", TURN)


def version_file(site) -> str:
    return json.loads((site / "kiosk/version.json").read_text())["version"]


@pytest.mark.parametrize(
    ("answer", "reloads"),
    [
        ("new", True),
        ("same", False),
        ("server error", False),
        ("network error", False),
    ],
)
def test_the_kiosk_reloads_only_when_the_server_answers_a_new_version(kiosk, site, answer, reloads):
    calls = []

    def respond(route):
        calls.append(route.request.url)
        if answer == "network error":
            route.abort()
        elif answer == "server error":
            route.fulfill(status=503, body="busy")
        else:
            version = "0123456789abcdef" if answer == "new" else version_file(site)
            route.fulfill(
                status=200, content_type="application/json", body=json.dumps({"version": version})
            )

    # The cards stand still (an hour each): only the version checks matter here.
    k = kiosk("kiosk/?interval=3600", script=WATCH_VERSION_CHECK)
    k.page.route("**/kiosk/version.json", respond)
    k.wait(4 * MINUTE)
    assert calls == []
    if reloads:
        with k.page.expect_event("load"):
            k.wait(1 * MINUTE)
        assert k.loads == 2
    else:
        k.wait(1 * MINUTE)
        k.page.wait_for_function("() => window.__versionHandled === true")
        assert k.page.evaluate("window.__leaving") is False, "the kiosk reloads"
        assert k.loads == 1
        assert k.shown()
    assert len(calls) == 1


def test_the_wake_lock_is_requested_and_requested_again(browser, server):
    context = browser.new_context(viewport=FULL_HD)
    context.add_init_script(WAKE_LOCK)
    k = Kiosk(context, server + "kiosk/")
    k.page.wait_for_function("window.__wake.requests === 1")
    k.page.evaluate("window.__wake.sentinels[0].release()")
    k.page.wait_for_function("window.__wake.requests === 2")
    # While the page holds a lock, coming back into view asks for no other.
    k.page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    k.turn()
    assert k.page.evaluate("window.__wake.requests") == 2
    # Hidden, the browser releases the lock: the kiosk asks again once visible.
    k.page.evaluate(VISIBILITY.replace("STATE", "hidden"))
    k.page.evaluate("window.__wake.sentinels[1].release()")
    k.turn()
    assert k.page.evaluate("window.__wake.requests") == 2, "asked while hidden"
    k.page.evaluate(VISIBILITY.replace("STATE", "visible"))
    k.page.wait_for_function("window.__wake.requests === 3")
    assert k.errors == []
    context.close()


def test_a_refused_wake_lock_is_no_error(browser, server):
    context = browser.new_context(viewport=FULL_HD)
    context.add_init_script("""Object.defineProperty(navigator, 'wakeLock', {configurable: true,
      value: {request: () => Promise.reject(new DOMException('No', 'NotAllowedError'))}});""")
    k = Kiosk(context, server + "kiosk/")
    k.wait(15 * SECOND)
    assert k.shown() == f"es:{TYPES[1]}"
    assert k.errors == []
    context.close()


@pytest.mark.parametrize(
    ("motion", "animation"), [("reduce", "none"), ("no-preference", "qc-fade")]
)
def test_the_kiosk_honours_reduced_motion(kiosk, motion, animation):
    k = kiosk(reduced_motion=motion)
    k.wait(15 * SECOND)
    name = k.page.locator(".qc-slide:visible").evaluate("(s) => getComputedStyle(s).animationName")
    assert name == animation


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_on_the_kiosk_leads_off_it(kiosk, server, language):
    k = kiosk(page_url("kiosk/index", language) + "?lang=both")
    page = k.page
    assert page.locator("a, area, form, input, select, textarea, iframe, [onclick]").count() == 0
    assert (
        page.locator("body > header, nav, footer, .md-header, .md-search, .md-footer").count() == 0
    )
    buttons = page.locator("button")
    assert buttons.count() == 3 and all(b.is_visible() for b in buttons.all())
    resources = page.evaluate("""[...document.querySelectorAll('[src], link[href]')]
        .filter((e) => e.rel !== 'alternate').map((e) => e.src || e.href)""")
    assert resources and all(url.startswith(server) or url.startswith("data:") for url in resources)


@pytest.mark.parametrize("language", LANGUAGES)
def test_kiosk_text_is_at_least_32px_with_aaa_contrast_and_every_card_fits_at_1080p(
    kiosk, language
):
    k = kiosk(page_url("kiosk/index", language) + "?lang=both", reduced_motion="reduce")
    page = k.page
    size = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert size == [FULL_HD["width"], FULL_HD["height"]]
    assert min(page.locator(".qc-kiosk__controls").evaluate(TEXT_SIZES)) >= 32
    controls_top = page.locator(".qc-kiosk__controls").bounding_box()["y"]
    for _ in range(2 * len(TYPES)):
        card = page.locator(".qc-slide:visible .qc-card")
        sizes = card.evaluate(TEXT_SIZES)
        assert sizes and min(sizes) >= 32, sizes
        bottom = card.evaluate(
            "(c) => Math.max(...[...c.querySelectorAll('*')].map("
            "(e) => e.getBoundingClientRect().bottom))"
        )
        assert bottom <= controls_top
        low = [r for r in card.evaluate(CONTRASTS) if r["ratio"] < 7]
        assert not low, f"below 7:1: {low}"
        page.keyboard.press("ArrowRight")
    assert k.errors == []
