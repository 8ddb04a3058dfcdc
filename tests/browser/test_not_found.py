"""A 404 page that helps someone who scanned an old QR code: in its language, the search box
(which opens search) and the six customer types, each a link to its page; its language switcher
leads to each language's home. On a host that serves only the root's 404 page for every missing
address, an address under /en/ still gets the English page."""

from __future__ import annotations

import io
import os

import pytest

from support import LANGUAGES, cards_site, page_url
from support.server import QuietHandler, serve

NOT_FOUND = {"es": "404.html", "en": "en/404.html"}
TITLES = {"es": "Página no encontrada", "en": "Page not found"}


class RootNotFound(QuietHandler):
    """A host (GitHub Pages, a plain web server) that answers every missing address with the
    root's 404 page."""

    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            body = (self.directory_path / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture
def root_only_server(site):
    handler = type("Handler", (RootNotFound,), {"directory_path": site})
    with serve(site, handler=handler) as base:
        yield base


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_404_page_offers_search_and_the_six_types_in_its_language(browser, server, language):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server + NOT_FOUND[language])
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == TITLES[language]
    types = page.locator("article .pb-types a")
    assert types.count() == len(cards_site.TYPES)
    hrefs = types.evaluate_all("links => links.map(link => link.pathname)")
    assert hrefs == ["/" + page_url(f"tipos/{type_id}", language) for type_id in cards_site.TYPES]
    # Each leads to a page of the language.
    for href in hrefs:
        response = context.request.get(server.rstrip("/") + href)
        assert response.ok, href
    # The search box opens search.
    page.locator("article .pb-home-search").click()
    page.locator(".md-search__input").wait_for(state="visible")
    page.keyboard.type({"es": "enojado", "en": "angry"}[language])
    page.locator(".md-search-result__item").first.wait_for()
    # The switcher: each language's home, not the last page the build made.
    links = page.locator(".md-select__link").evaluate_all(
        "links => links.map(link => [link.hreflang, link.getAttribute('href')])")
    assert sorted(links) == [["en", "/en/"], ["es", "/"]]
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_host_with_only_the_roots_404_page_still_answers_in_the_addresss_language(
        browser, root_only_server, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    missing = ("" if language == "es" else f"{language}/") + "codigo-qr-viejo/"
    page.goto(root_only_server + missing)
    page.wait_for_function(f"document.documentElement.lang === {language!r}")
    assert page.locator("h1").inner_text() == TITLES[language]
    assert page.locator("article .pb-types a").count() == len(cards_site.TYPES)
    context.close()
