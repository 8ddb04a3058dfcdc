"""The help-centre pages staff and managers look for, in both languages: the kiosk set-up page
with links that open the kiosk set up (?interval=20, ?lang=both, both), the page to print every
card, what's new; each in the navigation and linked from where they would look (the home page,
the cards index)."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from support import LANGUAGES, page_url

HREF = re.compile(r'<a\b[^>]*\bhref="([^"]+)"')
NEW_PAGES = ("configurar-quiosco", "cards/all", "novedades")


def article(site, key, language) -> str:
    text = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def targets(site, key, language) -> list[tuple[str, dict]]:
    """The article's links: each one's page below the site root ("en/kiosk/") and its query."""
    here = "/" + page_url(key, language)
    found = []
    for href in HREF.findall(article(site, key, language)):
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.scheme or not parts.path:
            continue
        path = posixpath.normpath(posixpath.join(here, parts.path)).lstrip("/") + "/"
        found.append((path.removeprefix("./"), parse_qs(parts.query)))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_kiosk_setup_page_opens_the_kiosk_set_each_way(site, language):
    kiosk = page_url("kiosk", language)
    settings = [query for path, query in targets(site, "configurar-quiosco", language) if path == kiosk]
    assert {"interval": ["20"]} in settings
    assert {"lang": ["both"]} in settings
    assert {"interval": ["20"], "lang": ["both"]} in settings
    assert {} in settings  # the page's language alone
    assert (site / kiosk / "index.html").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_pages_are_linked_where_staff_and_managers_look(site, language):
    home = {path for path, _ in targets(site, "index", language)}
    assert {page_url(key, language) for key in NEW_PAGES} <= home
    cards = {path for path, _ in targets(site, "cards/index", language)}
    assert {page_url("cards/all", language), page_url("configurar-quiosco", language)} <= cards


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_new_pages_are_in_the_navigation_with_their_titles(site, language):
    html = (site / page_url("index", language) / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary"):]
    for key in ("configurar-quiosco", "novedades"):
        page = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
        link = re.search(r'href="[^"]*' + re.escape(key) + r'/"[^>]*>(.*?)</a>', nav, re.S)
        assert link, key
        shown = re.sub(r"<[^>]+>|\s+", " ", link.group(1)).strip()
        assert shown == re.sub(r"<[^>]+>", "", title).replace("&#39;", "'").strip(), (key, shown)
