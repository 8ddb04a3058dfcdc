"""The search worker in the built playbook (hooks/playbook/search_worker.py): every
page starts its own language's script, named by its contents, with its own
language's index. How the script is made is in tests/unit/test_search_worker.py,
how it answers in Chromium in tests/browser/test_search_worker.py."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from support import lunr_index, page_url

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def worker_address(site: Path, key: str, language: str) -> str:
    """The search worker's address as the page gives it, relative to the page."""
    html = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
    return json.loads(CONFIG.search(html).group(1))["search"]


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("key", ["index", "tipos/enojado"])
def test_each_page_starts_its_languages_worker_with_its_languages_index(site, key, language):
    address = worker_address(site, key, language)
    folder = site / page_url(key, language)
    path, _, query = address.partition("?")
    script = (folder / path).resolve()
    assert script.is_file(), address
    assert re.fullmatch(rf"search\.{language}\.[0-9a-f]{{16}}\.min\.js", script.name)
    # Named by its contents: a changed script gets a new name.
    assert script.name.split(".")[2] == hashlib.sha256(script.read_bytes()).hexdigest()[:16]
    index = (script.parent / query.removeprefix("index=")).resolve()
    root = site if language == "es" else site / language
    assert index == (root / "search" / "lunr_index.json").resolve()
    # The page starts the same worker as its head is read (overrides/partials/material-page.html):
    # nothing but <meta> elements before it (charset, the Content-Security-Policy hooks/written_pages.py
    # puts first, referrer, viewport).
    html = (folder / "index.html").read_text(encoding="utf-8")
    early = re.search(r'<head>(?:\s*<meta\b[^>]*>)*\s*<script data-search-worker="([^"]+)">', html)
    assert early and early.group(1) == address
    text = script.read_text(encoding="utf-8")
    # Only the Spanish script holds lunr.es (its stemmer, by the label it registers).
    assert ("\"stemmer-es\"" in text) == (language == "es")


def test_every_page_with_search_starts_a_languages_worker(site):
    """Every page, the 404 pages included, starts its language's worker in its
    head and hands Material's script that one (the same address)."""
    pages = 0
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        match = CONFIG.search(text)
        if not match:
            continue
        pages += 1
        language = "en" if html.relative_to(site).parts[0] == "en" else "es"
        address = json.loads(match.group(1))["search"]
        assert re.search(rf"/search\.{language}\.[0-9a-f]{{16}}\.min\.js\?index=", address), html
        early = re.search(r'<script data-search-worker="([^"]+)">', text)
        assert early and early.group(1) == address, html
        # The worker's file, as the page's address leads to it.
        base = site if html.name == "404.html" else html.parent
        path, _, query = address.partition("?")
        script = (site / path.lstrip("/")) if path.startswith("/") else (base / path)
        assert (script.resolve().parent / query.removeprefix("index=")).resolve() == \
            (site / ("en/" if language == "en" else "") / "search" / "lunr_index.json").resolve(), html
    assert pages >= 40
    assert (site / "404.html").is_file() and (site / "en" / "404.html").is_file()


def test_the_page_reads_settings_only(site):
    """Material's page script reads search/search_index.json: the settings,
    no documents (the worker has them, in its files)."""
    for folder in (site / "search", site / "en" / "search"):
        settings = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
        assert settings["docs"] == []
        assert set(settings["config"]) >= {"lang", "separator", "fields", "pipeline"}
        assert (folder / "search_index.json").stat().st_size < 1000
        worker_file = lunr_index.read(folder)
        assert worker_file["config"] == settings["config"]
        assert len(worker_file["docs"]) > 40
