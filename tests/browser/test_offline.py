"""Offline in Chromium, against a real HTTP server on 127.0.0.1 that the tests
stop and start again: after one visit in a language the whole playbook in that
language reads with the server gone (its pages, a card, the kiosk rotating,
search), and nothing of the other language was stored; a reader of both
languages has both; a rebuilt site with changed text is shown on reload, and
an open page offers the new version. The same at the site's address and
under a sub-path on another port, with no console error anywhere. A site
larger than a first visit's budget stores the rest as it is read. Under
`mkdocs serve` no worker is left.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from support import ROOT, mkdocs_build
from support.cards_site import change_type, copy_project, read_page
from support.chromium import PLAYWRIGHT_ARGS, axe_in_each_scheme, chromium_path, search_ready
from support.offline import QUIET_MS, READY, stored
from support.server import QuietHandler, free_port, mkdocs_serve, serve

PREFIX = "/playbook/"
UPDATE = {"es": "Hay una versión nueva", "en": "A new version"}
RELOAD = {"es": "Actualizar", "en": "Reload"}
ADDED = {"es": "Frase añadida en la segunda versión.", "en": "Sentence added in the second version."}
NEW_SUMMARY = {"es": "Resumen nuevo de la tarjeta, segunda versión.", "en": "New card summary, second version."}
# The angry customer's page in each language, as written: its title heads the page, its name the card.
ANGRY = {language: read_page(ROOT / "docs" / "tipos" / f"enojado.{language}.md")[0] for language in ("es", "en")}
# Pages read offline, each with words of its own.
OFFLINE_PAGES = [
    ("", "Manual de servicio al cliente"),
    ("factores/", "Factores del servicio al cliente"),
    ("tipos/enojado/", ANGRY["es"]["title"]),
    ("en/", "Customer service playbook"),
    ("en/factores/", "Customer service factors"),
    ("en/tipos/enojado/", ANGRY["en"]["title"]),
    ("cards/enojado/", ANGRY["es"]["customer_type"]["name"]),
    ("en/cards/enojado/", ANGRY["en"]["customer_type"]["name"]),
]
SEARCHES = [("", "enojado", "tipos/enojado/"), ("en/", "angry", "en/tipos/enojado/")]
ROOTS = {"es": "", "en": "en/"}
SECOND = 1000


@dataclass(frozen=True)
class Builds:
    port: int  # of the site_url both were built for
    first: Path
    second: Path  # the same project with changed text and a changed card
    log: str  # the first build's output


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    folder = tmp_path_factory.mktemp("offline")
    port = free_port()
    site_url = f"http://127.0.0.1:{port}/"
    project = copy_project(folder / "project")
    first = mkdocs_build(project, folder / "first", "--strict", site_url=site_url)
    assert first.returncode == 0, first.stdout + first.stderr
    for language in ("es", "en"):
        page = project / "docs" / f"factores.{language}.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{ADDED[language]}\n", encoding="utf-8")
        change_type(project, "enojado", language, lambda data, lang=language: data.update(summary=NEW_SUMMARY[lang]))
    second = mkdocs_build(project, folder / "second", "--strict", site_url=site_url)
    assert second.returncode == 0, second.stdout + second.stderr
    return Builds(port, folder / "first", folder / "second", first.stdout + first.stderr)


def under(prefix: str) -> type:
    """A file server that serves the site below ``prefix`` only, as a
    project site of GitHub Pages is served."""

    class Handler(QuietHandler):
        def translate_path(self, path):
            if not path.startswith(prefix):
                return str(Path(self.directory) / "\0missing")
            return super().translate_path("/" + path[len(prefix):])

    return Handler


@contextmanager
def serving(directory: Path, port: int, prefix: str = "/"):
    handler = under(prefix) if prefix != "/" else QuietHandler
    with serve(directory, port, handler) as base:
        yield base.rstrip("/") + prefix


def unreachable(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2)
    except (urllib.error.URLError, ConnectionError, OSError):
        return True
    return False


class Watched:
    """A browser context that service workers may serve, with Playwright's
    clock (support/offline.py), and every console error and uncaught
    exception of its pages."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="allow")
        self.context.clock.install()
        self.errors: list[str] = []
        self.context.on("page", self.watch)

    def watch(self, page):
        page.set_default_timeout(15 * SECOND)
        # Errors, and the search worker's warning that it could not fetch what the build made.
        page.on("console", lambda m: (m.type == "error" or m.type == "warning" and "Search:" in m.text)
                and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))

    def open(self, url: str):
        page = self.context.new_page()
        page.goto(url, wait_until="load")
        return page

    def close(self):
        self.context.close()


def controlled(page) -> bool:
    return page.evaluate("Boolean(navigator.serviceWorker.controller)")


def shown_card(page) -> str:
    return page.locator(".qc-slide:not([hidden])").evaluate(
        "slide => slide.dataset.lang + ': ' + slide.querySelector('h2').textContent.trim()")


def search(page, query: str, expected: str) -> list[str]:
    """The results' addresses (without their query) once ``query`` is typed and ``expected`` is first:
    results show as each letter is answered, so the first to show may be those of a prefix ("con"
    finds confianzudo before "conocedor" finds conocedor)."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)
    links = page.locator(".md-search-result__item > a")
    expect(links.first).to_have_attribute("href", re.compile("^" + re.escape(expected) + r"(\?|#|$)"),
                                          timeout=10 * SECOND)
    return [url.split("?")[0] for url in links.evaluate_all("links => links.map(a => a.href)")]


# Where the built site is served: at the address it was built for, and under a sub-path on another
# port (another origin and another root: nothing in the worker hangs on either; the 404 pages are
# read at the first only, as MkDocs writes their addresses from site_url's root).
PLACES = {
    "at site_url": lambda builds: (builds.port, "/"),
    "under a sub-path": lambda builds: (free_port(), PREFIX),
}


@pytest.mark.parametrize("place", list(PLACES))
def test_read_offline_then_updated(browser, builds, place):
    port, prefix = PLACES[place](builds)
    watched = Watched(browser)
    try:
        # The first visit: "ready offline" once the worker has stored everything.
        with serving(builds.first, port, prefix) as base:
            first = watched.open(base + "factores/")
            stored(first, "es")
            assert first.get_by_role("status").is_visible()
            # A page opened now is the worker's; it stays open through the update.
            reader = watched.open(base + "factores/")
            assert controlled(reader)
            assert reader.get_by_text(READY["es"]).is_hidden(), "'ready offline' is said once"
            # A reader of both languages: a visit in English stores English too.
            stored(watched.open(base + "en/factores/"), "en")
        assert unreachable(base), "the server still answers"

        # The server is gone: every page, a card, search in both languages.
        for address, words in OFFLINE_PAGES:
            page = watched.open(base + address)
            assert words in page.locator("h1").inner_text(), address
            page.close()
        # An address never stored: the 404 page of its language. (Not under a
        # sub-path: MkDocs writes the 404 pages' addresses from site_url's root,
        # so a site built for / shows them unstyled under /playbook/, online too.)
        for address, words in (("no-existe/", "Página no encontrada"), ("en/missing/page/", "Page not found")):
            if prefix != "/":
                break
            page = watched.open(base + address)
            assert words in page.locator("h1").inner_text(), address
            page.close()
        for root, query, expected in SEARCHES:
            page = watched.open(base + root)
            found = search(page, query, base + expected)
            assert found[0] == base + expected, (root, query, found)
            page.close()

        # The kiosk opens from storage and rotates.
        kiosk = watched.context.new_page()
        kiosk.goto(base + "kiosk/?interval=5", wait_until="load")
        first_card = shown_card(kiosk)
        kiosk.clock.run_for(6 * SECOND)
        second_card = shown_card(kiosk)
        kiosk.clock.run_for(5 * SECOND)
        assert len({first_card, second_card, shown_card(kiosk)}) == 3
        assert NEW_SUMMARY["es"] not in kiosk.content()

        # The server is back with a rebuilt site.
        with serving(builds.second, port, prefix):
            fresh = watched.open(base + "factores/")
            # Pages are network first, with the stored copy after 3 s: a server
            # just restarted on a loaded machine may miss that once, not every time.
            for _ in range(5):
                if ADDED["es"] in fresh.locator("article").inner_text():
                    break
                fresh.reload()
            assert ADDED["es"] in fresh.locator("article").inner_text(), "a reload shows the new text"
            # The open page offers the new version; the fresh one has it already.
            reader.get_by_text(UPDATE["es"]).wait_for(timeout=30 * SECOND)
            assert ADDED["es"] not in reader.locator("article").inner_text()
            # The fresh page heard the same takeover; once the new worker has answered a question of ours,
            # asked after the page's own, the page has decided: no notice.
            fresh.wait_for_function("""() => {
              navigator.serviceWorker.getRegistration().then(r => {
                window.tookOver = r.active === navigator.serviceWorker.controller;
              });
              return window.tookOver === true;
            }""", polling=100)
            fresh.evaluate("""() => new Promise(resolve => {
              navigator.serviceWorker.addEventListener("message", resolve);
              navigator.serviceWorker.controller.postMessage({type: "playbook-offline", url: location.href});
            })""")
            assert fresh.get_by_text(UPDATE["es"]).is_hidden()
            with reader.expect_navigation():
                reader.get_by_role("button", name=RELOAD["es"]).click()
            assert ADDED["es"] in reader.locator("article").inner_text()
            # The kiosk shows the new cards: it reloads when the new worker takes
            # over, or at its next version check (kiosk/version.json).
            kiosk.clock.run_for(5 * 60 * SECOND)
            expect(kiosk.locator("body")).to_contain_text(NEW_SUMMARY["es"], timeout=30 * SECOND)
            english = watched.open(base + "en/factores/")
            assert ADDED["en"] in english.locator("article").inner_text()

        # Gone again: the new version is what is stored now.
        english = watched.open(base + "en/factores/")
        assert ADDED["en"] in english.locator("article").inner_text()
        assert watched.errors == []
    finally:
        watched.close()


# Focus each control the keyboard reaches, after its scroll: those the shown notice covers.
COVERED = """async () => {
  const covered = [];
  const controls = [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .filter(c => c.tabIndex >= 0 && c.getClientRects().length && !c.closest("[data-offline-notices]"));
  for (const control of controls) {
    control.focus();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const notice = document.querySelector("[data-offline-notice]:not([hidden])");
    if (!notice || document.activeElement !== control) continue;
    const a = control.getBoundingClientRect(), b = notice.getBoundingClientRect();
    if (a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right)
      covered.push(control.outerHTML.slice(0, 120));
  }
  return covered;
}"""


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_notices_are_accessible_and_in_the_pages_language(browser, builds, language):
    root = "" if language == "es" else "en/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    context.clock.install()
    try:
        with serving(builds.first, free_port()) as base:
            page = context.new_page()
            page.goto(base + root + "factores/")
            notice = page.get_by_role("status")
            assert notice.get_attribute("aria-live") == "polite"
            stored(page, language, timeout=15 * SECOND)
            # Each notice in both colour schemes.
            assert axe_in_each_scheme(page) == []
            # Not in the way: small, at the foot of the screen, the text still readable above it.
            box = notice.bounding_box()
            assert box["height"] < 844 / 4 and box["y"] > 844 / 2
            # No control the keyboard reaches is ever under it (WCAG 2.4.11).
            covered = page.evaluate(COVERED)
            assert covered == [], covered
            page.get_by_role("button", name={"es": "Cerrar", "en": "Close"}[language]).click()
            assert page.get_by_text(READY[language]).is_hidden()
            # The update notice, as a newer worker would bring it.
            page.evaluate("document.querySelector('[data-offline-notice=update]').hidden = false")
            assert page.get_by_role("button", name=RELOAD[language]).is_visible()
            assert page.get_by_text(UPDATE[language]).is_visible()
            assert axe_in_each_scheme(page) == []
    finally:
        context.close()


def test_mkdocs_serve_removes_the_worker_a_build_left(browser, builds, tmp_path_factory):
    """An editor who read a build at 127.0.0.1:8000 and then runs `mkdocs
    serve` there gets the served pages, and no worker or stored copy is left:
    also on a page the build's worker gave from storage."""
    project = copy_project(tmp_path_factory.mktemp("serve"))
    marker = "Texto que solo tiene mkdocs serve."
    page_file = project / "docs" / "factores.es.md"
    page_file.write_text(page_file.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    watched = Watched(browser)
    try:
        with serving(builds.first, builds.port) as base:
            stored(watched.open(base + "factores/"), "es")
        # Opened before the server answers, as when it is slow: the page the build's worker stored.
        page = watched.open(base + "factores/")
        assert controlled(page) and marker not in page.locator("article").inner_text()
        with mkdocs_serve(project, builds.port, "--no-livereload"):
            # The page looks for a newer worker as it comes back into view: mkdocs serve's, which
            # removes the build's as it installs (not waiting for it to make way), and the page
            # loads again from the server.
            page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
            expect(page.locator("article")).to_contain_text(marker, timeout=60 * SECOND)
            page.wait_for_function(NOTHING_STORED, polling=100)
            again = watched.open(base + "factores/")
            assert not controlled(again)
            assert marker in again.locator("article").inner_text()
        assert watched.errors == []
    finally:
        watched.close()


# No registration and no cache left in the browser (wait_for_function asks again until true).
NOTHING_STORED = """() => {
  Promise.all([navigator.serviceWorker.getRegistrations(), caches.keys()])
    .then(([registrations, keys]) => { window.nothingStored = registrations.length + keys.length === 0; });
  return window.nothingStored === true;
}"""


def test_each_language_and_the_kiosk_install_as_an_app(browser, builds, tmp_path):
    """Chromium's own verdict: the manifest each page links is valid and
    makes the page installable, in each language and on the kiosk. (In a
    profile on disk: Chromium installs nothing from an incognito context.)"""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path(), args=PLAYWRIGHT_ARGS)
    try:
        with serving(builds.first, free_port(), PREFIX) as base:
            for address, manifest, language, start in (
                ("factores/", "manifest.webmanifest", "es", ""),
                ("en/factores/", "en/manifest.webmanifest", "en", "en/"),
                ("kiosk/", "kiosk/manifest.webmanifest", "es", "kiosk/"),
                ("en/kiosk/", "en/kiosk/manifest.webmanifest", "en", "en/kiosk/"),
            ):
                page = context.new_page()
                page.goto(base + address)
                cdp = context.new_cdp_session(page)
                found = cdp.send("Page.getAppManifest")
                assert found["url"] == base + manifest
                assert found["errors"] == [], found["errors"]
                parsed = json.loads(found["data"])
                assert parsed["lang"] == language
                assert urllib.parse.urljoin(found["url"], parsed["start_url"]) == base + start
                errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
                assert errors == [], (address, errors)
                page.close()
    finally:
        context.close()


def offline_lists(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    start = text.index("const OFFLINE = ") + len("const OFFLINE = ")
    return json.loads(text[start:text.index(";\n", start)])


def worker_list(site: Path, language: str = "es") -> dict:
    """A language's list in the worker: "files" stored on its first visit, "later" once read."""
    return offline_lists(site)["languages"][language]


def listed(site: Path) -> dict[str, str]:
    return dict(worker_list(site)["files"])

# Every address the browser stores, by cache.
CACHED = """async () => {
  const found = {};
  for (const key of await caches.keys())
    found[key] = (await (await caches.open(key)).keys()).map(request => request.url);
  return found;
}"""


def test_a_new_build_fetches_exactly_what_changed_and_keeps_nothing_stale(browser, builds):
    before, after = listed(builds.first), listed(builds.second)
    changed = {address for address, digest in after.items() if before.get(address) != digest}
    assert 0 < len(changed) < len(after) / 2, "the rebuild changes some files, not most"
    watched = Watched(browser)
    asked = []  # what the server was asked for past the HTTP cache, as the worker asks to store

    class Recording(QuietHandler):
        def do_GET(self):
            if self.headers.get("Cache-Control") == "no-cache" and self.headers.get("Pragma") == "no-cache":
                asked.append(base.rstrip("/") + self.path)
            super().do_GET()

    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        with serve(builds.first, port, Recording):
            stored(watched.open(base), "es")
        assert sorted(asked) == sorted(base + address for address in before), "the first visit stores its language"
        asked.clear()
        with serve(builds.second, port, Recording):
            page = watched.open(base + "tipos/")
            new = json.loads(re.search(r'"version":"([0-9a-f]+)"', (builds.second / "sw.js").read_text()).group(0)
                             .join("{}"))["version"]
            # Stored: the new version's cache, and no other.
            page.wait_for_function("""version => {
              caches.keys().then(keys => { window.stored = keys.map(key => key.split(" ").pop()).join(); });
              return window.stored === version;
            }""", arg=new, polling=100)
        assert sorted(asked) == sorted(base + address for address in changed)
        # What is stored is the new build, file for file.
        digests = page.evaluate("""async () => {
            const cache = await caches.open((await caches.keys())[0]);
            const found = {};
            for (const request of await cache.keys())
              found[request.url] = (await cache.match(request)).headers.get("X-Playbook-Digest");
            return found;
        }""")
        assert digests == {base + address: digest for address, digest in after.items()}
        assert watched.errors == []
    finally:
        watched.close()


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_first_visit_stores_its_language_only_and_search_answers_offline(browser, builds, language):
    root, other = ROOTS[language], ROOTS["en" if language == "es" else "es"]
    watched = Watched(browser)
    try:
        with serving(builds.first, free_port()) as base:
            stored(watched.open(base + root + "factores/"), language)
        assert unreachable(base), "the server still answers"
        page = watched.open(base + root)
        # One cache, this language's worker's: its language's pages and files, the shared assets, no more.
        cached = page.evaluate(CACHED)
        assert list(cached) == [f"playbook {base} {offline_lists(builds.first)['version']}"]
        urls = next(iter(cached.values()))
        assert sorted(urls) == sorted(base + address for address, _ in worker_list(builds.first, language)["files"])
        assert [url for url in urls if not url.startswith((base + root, base + "assets/"))
                or root == "" and url.startswith(base + "en/")] == []
        for address, words in OFFLINE_PAGES:
            if address.startswith("en/") == (language == "en"):
                opened = watched.open(base + address)
                assert words in opened.locator("h1").inner_text(), address
                opened.close()
        query, expected = next((q, e) for r, q, e in SEARCHES if r == root)
        assert search(page, query, base + expected)[0] == base + expected
        assert watched.errors == []
        # The other language was never stored: it does not open with the server gone.
        with pytest.raises(PlaywrightError):
            watched.context.new_page().goto(base + other + "factores/")
    finally:
        watched.close()


# Counts the page's asking for its worker's registration: what a first visit does as it starts storing.
ASKED = """
window.__asked = 0;
if (window.ServiceWorkerContainer) {  // a secure context's (not about:blank's)
  const ask = ServiceWorkerContainer.prototype.getRegistration;
  ServiceWorkerContainer.prototype.getRegistration = function (...args) {
    window.__asked += 1;
    return ask.apply(this, args);
  };
}
"""


def test_a_first_visit_stores_only_once_the_reader_pauses(browser, builds):
    """Storing a language takes the network and the processor for a while: a
    first visit starts only once the reader has left keys, pointer and
    scrolling alone for a quiet spell, so that it never slows a search being
    typed. On Playwright's clock, paused, each key comes two thirds of a spell
    after the last, five times over: nothing starts; once the reader pauses, it does."""
    watched = Watched(browser)
    watched.context.add_init_script(ASKED)
    try:
        with serving(builds.first, free_port()) as base:
            page = watched.open(base + "factores/")
            search_ready(page)
            # The page's clock stands still but for fast_forward(): a slow step of the test is no pause.
            page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 0.001)  # Python's clock takes seconds
            box = page.locator("input.md-search__input")
            box.click()
            for letter in "queja":
                page.clock.fast_forward(QUIET_MS * 2 // 3)
                box.press(letter)
            assert page.evaluate("window.__asked") == 0, "the first visit started storing while the reader typed"
            page.clock.resume()
            stored(page, "es")
            assert page.evaluate("window.__asked") == 1
            assert watched.errors == []
    finally:
        watched.close()


@pytest.fixture(scope="module")
def small_budget(tmp_path_factory) -> Path:
    """The playbook built with no room on a first visit but for what is always stored: its
    top-level pages; the pages below them are stored once read."""
    folder = tmp_path_factory.mktemp("budget")
    project = copy_project(folder / "project")
    precache = project / "hooks/playbook/precache.py"
    source = precache.read_text(encoding="utf-8")
    assert re.search(r"^FIRST_VISIT_BYTES = [\d_]+$", source, re.M)
    precache.write_text(re.sub(r"^FIRST_VISIT_BYTES = [\d_]+$", "FIRST_VISIT_BYTES = 0", source, flags=re.M),
                        encoding="utf-8")
    result = mkdocs_build(project, folder / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


def test_beyond_the_budget_pages_are_stored_as_they_are_read(browser, small_budget):
    offline = worker_list(small_budget)
    later = [address for address, _ in offline["later"]]
    assert "tipos/enojado/" in later and "tipos/conocedor/" in later and "factores/" not in later
    watched = Watched(browser)
    try:
        with serving(small_budget, free_port()) as base:
            stored(watched.open(base + "factores/"), "es")
            page = watched.open(base + "tipos/enojado/")
            assert controlled(page)
            page.wait_for_function("""url => {
              caches.match(url).then(found => { window.kept = Boolean(found); });
              return window.kept === true;
            }""", arg=base + "tipos/enojado/", polling=100)
            urls = next(iter(page.evaluate(CACHED).values()))
            assert sorted(urls) == sorted(base + address for address, _ in offline["files"] + [["tipos/enojado/", ""]])
        assert unreachable(base), "the server still answers"
        # What was read opens offline; what was not, the 404 page; search finds every page.
        page = watched.open(base + "tipos/enojado/")
        assert ANGRY["es"]["title"] in page.locator("h1").inner_text()
        assert "Página no encontrada" in watched.open(base + "tipos/conocedor/").locator("h1").inner_text()
        found = search(watched.open(base), "conocedor", base + "tipos/conocedor/")
        assert found[0] == base + "tipos/conocedor/", found
        assert watched.errors == []
    finally:
        watched.close()
