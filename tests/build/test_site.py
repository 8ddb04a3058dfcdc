"""The built site: every page in both languages, right language markers, and
nothing asked of another host."""

import re
from html.parser import HTMLParser

import pytest

from support import LANGUAGES, page_url, source_pages

PAGES = source_pages()


def html_of(site, key, language):
    path = site / page_url(key, language) / "index.html"
    assert path.exists(), f"{key} has no {language} page at {page_url(key, language)}"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("key", PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_built_with_its_language(site, key, language):
    html = html_of(site, key, language)
    assert f'<html lang="{language}"' in html
    description = re.search(r'<meta name="description" content="([^"]+)"', html)
    assert description and len(description.group(1)) >= 50
    hreflangs = set(re.findall(r'<link rel="alternate" href="https?://[^"]+" hreflang="([^"]+)"', html))
    assert hreflangs == {"es", "en", "x-default"}


@pytest.mark.parametrize("key", PAGES)
def test_translations_differ(site, key):
    title = re.compile(r"<title>(.*?)</title>")
    assert title.search(html_of(site, key, "es")).group(1) != title.search(
        html_of(site, key, "en")
    ).group(1)


def test_english_navigation_is_translated(site):
    html = html_of(site, "factores", "en")
    assert "Customer types" in html and "Tipos de cliente" not in html


def test_each_language_has_its_own_sitemap(site):
    root = (site / "sitemap.xml").read_text(encoding="utf-8")
    english = (site / "en/sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", english)
    assert locs and all("/en/" in loc for loc in locs)
    assert len(re.findall(r"<loc>", root)) > len(locs)


class _Resources(HTMLParser):
    """Addresses a page loads by itself (not the links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"}:
            self.urls.append(attrs.get("src") or "")
        if tag == "link" and attrs.get("rel") not in {"alternate", "canonical", "prev", "next"}:
            self.urls.append(attrs.get("href") or "")


def test_no_resource_from_another_host(site):
    offenders = []
    for path in site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        offenders += [(path, u) for u in parser.urls if re.match(r"(https?:)?//", u)]
    for path in site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        offenders += [(path, u) for u in re.findall(r"url\((['\"]?)(?:https?:)?//[^)]*\)", text)]
        offenders += [(path, u) for u in re.findall(r"@import\s+['\"]?(?:https?:)?//", text)]
    assert not offenders


def test_each_language_has_its_not_found_page(site):
    # Spanish at the root, English under en/ (hooks/not_found.py), each in its own words.
    spanish = (site / "404.html").read_text(encoding="utf-8")
    english = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert "<h1>Página no encontrada</h1>" in spanish and "Page not found" not in spanish
    assert "<h1>Page not found</h1>" in english and "Página no encontrada" not in english
    # Served at any missing address: its links start at the site root.
    assert '<a href="/">' in spanish and '<a href="/en/">' in english
