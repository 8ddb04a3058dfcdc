"""Offline's plain modules on data and small files: the list of files a
browser stores, the manifests' colours, the icons, the label file; bad inputs
first."""

from __future__ import annotations

import re
import struct

import pytest

from playbook import app_icons, label_files, precache, web_manifest
from support import ROOT


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])



def test_resolve_keeps_the_sites_own_addresses_only():
    site_url = "https://example.org/playbook/"
    assert precache.resolve("../assets/a.css?v=1#x", "en/factores/") == "en/assets/a.css"
    assert precache.resolve("../../assets/a.css", "en/factores/") == "assets/a.css"
    assert precache.resolve("https://example.org/playbook/en/", "", site_url) == "en/"
    assert precache.resolve("https://other.example/x.js", "", site_url) is None
    assert precache.resolve("//cdn.example/x.js", "", site_url) is None
    assert precache.resolve("mailto:a@b.c", "") is None
    assert precache.resolve("#top", "factores/") is None
    assert precache.resolve("caf%C3%A9/", "") == "café/"


def test_page_uses_reads_attributes_config_and_alternates():
    html = """<html><head>
      <link rel="stylesheet" href="../assets/s.css"><link rel="alternate" hreflang="en" href="https://x.org/en/">
      <script id="__config" type="application/json">
        {"search": "../assets/w.es.1234abcd.min.js?index=../../search/i.json&suggest"}</script>
      </head><body><img srcset="a.png 1x, b.png 2x"><a href="https://elsewhere.org/">x</a>
      <div data-version-url="version.json"></div></body></html>"""
    found = precache.page_uses(html, "factores/", "https://x.org/")
    assert found == {"assets/s.css", "en/sitemap.xml", "assets/w.es.1234abcd.min.js", "search/i.json",
                     "factores/a.png", "factores/b.png", "factores/version.json"}


def test_page_uses_knows_what_materials_own_worker_imports():
    html = """<html lang="es"><script id="__config" type="application/json">
        {"base": "/", "search": "/assets/javascripts/workers/search.1234abcd.min.js"}</script></html>"""
    assert precache.page_uses(html, "404.html") == {
        "search/search_index.json", "assets/javascripts/workers/search.1234abcd.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.es.min.js"}
    # English is lunr's own: no script to import.
    assert not [a for a in precache.page_uses(html.replace('lang="es"', 'lang="en"'), "404.html") if "lunr" in a]


def test_entries_follow_stylesheets_and_manifests_and_skip_missing_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="s.css"><link rel="manifest" href="m.webmanifest"><script src="gone.js"></script>',
        encoding="utf-8")
    (tmp_path / "a/index.html").write_text("<p>a</p>", encoding="utf-8")
    (tmp_path / "s.css").write_text("body{background:url('img/bg.png')} i{background:url(data:x)}", encoding="utf-8")
    (tmp_path / "img").mkdir()
    (tmp_path / "img/bg.png").write_bytes(b"png")
    (tmp_path / "m.webmanifest").write_text('{"icons": [{"src": "icon.png"}]}', encoding="utf-8")
    (tmp_path / "icon.png").write_bytes(b"icon")
    (tmp_path / "unused.js").write_text("x", encoding="utf-8")
    entries = precache.entries(tmp_path)
    assert [e.address for e in entries] == ["", "a/", "icon.png", "img/bg.png", "m.webmanifest", "s.css"]
    assert precache.total_size(entries) == sum(e.size for e in entries)
    changed = tmp_path / "a/index.html"
    changed.write_text("<p>b</p>", encoding="utf-8")
    after = precache.entries(tmp_path)
    differ = [e.address for e, f in zip(entries, after, strict=True) if e.digest != f.digest]
    assert differ == ["a/"], "a new build's list differs where the files did, nowhere else"
    assert precache.version(after) != precache.version(entries)


def test_worker_script_needs_its_mark_once():
    with pytest.raises(ValueError, match="MARK"):
        precache.worker_script("no mark here", [])
    with pytest.raises(ValueError):
        precache.worker_script(precache.MARK * 2, [])
    assert "const OFFLINE = null;" in precache.worker_script(precache.MARK, None)


def test_palette_reads_the_primary_colour_or_says_it_found_none():
    css = ("/* --md-primary-fg-color: #000000; */ "
           ":root > * { --md-primary-fg-color: #0b5394; --md-primary-bg-color: #fff; }")
    assert web_manifest.palette(css) == {"theme_color": "#0b5394", "background_color": "#fff"}
    with pytest.raises(ValueError, match="--md-primary-fg-color"):
        web_manifest.palette("body { color: red }")
    with pytest.raises(ValueError):
        web_manifest.palette(":root { --md-primary-fg-color: var(--x); }")


def test_icons_are_drawn_at_their_sizes_and_kept(tmp_path):
    source = (ROOT / "docs/assets/favicon.svg").read_text(encoding="utf-8")
    drawn = app_icons.icons(source, "#ffffff", tmp_path)
    for icon in app_icons.ICONS:
        assert png_size(drawn[icon.name]) == (icon.size, icon.size)
    # Kept: the cache answers, the same bytes; a changed colour draws anew.
    (tmp_path / "icon-192.png").write_bytes(b"kept")
    assert app_icons.icons(source, "#ffffff", tmp_path)["icon-192.png"] == b"kept"
    assert app_icons.icons(source, "#000000", tmp_path)["icon-192.png"] != b"kept"
    for bad, message in (("<svg", "not well-formed"), ("<html/>", "not an SVG"),
                         ('<svg xmlns="http://www.w3.org/2000/svg"/>', "no viewBox")):
        with pytest.raises(app_icons.IconError, match=message):
            app_icons.icons(bad, "#ffffff")


def test_label_files_need_every_language_with_the_same_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(label_files, "FOLDER", tmp_path / "hooks" / "playbook" / "labels")
    label_files.FOLDER.mkdir(parents=True)
    path = label_files.file("words")
    path.write_text("es: {a: uno, b: dos}\nen: {a: one, b: two}\n", encoding="utf-8")
    assert label_files.labels("words", ("es", "en"))["en"]["b"] == "two"
    for text, message in (
        ("es: {a: uno}\n", "words.yml:1: There are no labels for 'en'."),
        ("es: {a: uno, b: dos}\nen: {a: one}\n", "'en' has no 'b'.\n    How to fix: Add 'b:'"),
        ("es: {a: uno}\nen: {a: ' '}\n", "'en' leaves 'a' empty."),
        ("- a\n", "no 'language:' blocks"),
        ("es: {a: uno}\nen: [\n", "hooks/playbook/labels/words.yml:3: The labels are not valid YAML"),
    ):
        path.write_text(text, encoding="utf-8")
        label_files.labels.forget()
        with pytest.raises(label_files.LabelError, match=re.escape(message)):
            label_files.labels("words", ("es", "en"))
        assert label_files.problems(path, ("es", "en"))
