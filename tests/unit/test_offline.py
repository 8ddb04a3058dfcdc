"""Offline's plain modules on data and small files: the list of files a
browser stores, the manifests' colours, the icons, the label file; bad inputs
first."""

from __future__ import annotations

import json
import re
import struct

import pytest

from playbook import app_icons, label_files, precache, web_manifest
from support import ROOT


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_entries_list_every_written_file_but_those_no_page_uses(tmp_path):
    for file in ("index.html", "a/index.html", "s.css", "img/bg.png", "m.webmanifest", "sw.js",
                 "assets/javascripts/bundle.1234abcd.min.js.map", "sitemap.xml.gz", "cards/cards.json",
                 "assets/images/favicon.png", "assets/javascripts/lunr/min/lunr.es.min.js",
                 "assets/javascripts/workers/search.1234abcd.min.js",
                 "assets/javascripts/workers/search.es.1234abcd.min.js"):
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_text(file, encoding="utf-8")
    entries = precache.entries(tmp_path, leave_out=frozenset({"sw.js"}))
    version = precache.worker_script(precache.MARK, {"es": precache.Listed(entries, [])})
    assert [e.address for e in entries] == [
        "", "a/", "assets/javascripts/workers/search.es.1234abcd.min.js", "img/bg.png", "m.webmanifest", "s.css"]
    assert precache.total_size(entries) == sum(e.size for e in entries)
    changed = tmp_path / "a/index.html"
    changed.write_text("<p>b</p>", encoding="utf-8")
    after = precache.entries(tmp_path, leave_out=frozenset({"sw.js"}))
    differ = [e.address for e, f in zip(entries, after, strict=True) if e.digest != f.digest]
    assert differ == ["a/"], "a new build's list differs where the files did, nowhere else"
    assert precache.worker_script(precache.MARK, {"es": precache.Listed(after, [])}) != version


def test_each_language_lists_its_own_files_and_the_shared_ones_and_pages_shallowest_first_within_the_budget(
        tmp_path):
    sizes = {"index.html": 100, "404.html": 100, "kiosk/index.html": 100, "a/index.html": 100,
             "a/b/index.html": 100, "a/b/c/index.html": 100, "z/index.html": 100, "search/index.json": 300,
             "en/index.html": 100, "en/a/b/index.html": 100, "en/search/index.json": 300,
             "assets/x.css": 50}
    for file, size in sizes.items():
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_bytes(b"x" * size)
    listed = precache.by_language(precache.entries(tmp_path), {"es": "", "en": "en/"}, first_visit=1000)
    spanish, english = listed["es"], listed["en"]
    # Not pages, then top-level pages, whatever the size; then the shallowest pages while they fit.
    assert [e.address for e in spanish.stored] == [
        "", "404.html", "a/", "a/b/", "assets/x.css", "kiosk/", "search/index.json", "z/"]
    assert [e.address for e in spanish.later] == ["a/b/c/"]
    assert precache.total_size(spanish.stored) <= 1000 < precache.total_size(spanish.stored + spanish.later)
    assert [e.address for e in english.stored] == ["assets/x.css", "en/", "en/a/b/", "en/search/index.json"]
    assert english.later == []
    tight = precache.by_language(precache.entries(tmp_path), {"es": "", "en": "en/"}, first_visit=100)["es"]
    assert [e.address for e in tight.later] == ["a/b/", "a/b/c/"], "top-level pages go first, over the budget"
    worker = precache.worker_script(precache.MARK, listed)
    offline = json.loads(worker.removeprefix("const OFFLINE = ").removesuffix(";"))
    assert offline["languages"]["es"]["later"] == [["a/b/c/", spanish.later[0].digest]]
    assert [address for address, _ in offline["languages"]["en"]["files"]] == [e.address for e in english.stored]


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


def test_icons_are_drawn_at_their_sizes_and_kept(tmp_path, monkeypatch):
    source = (ROOT / "docs/assets/favicon.svg").read_text(encoding="utf-8")
    drawn = app_icons.icons(source, "#ffffff", tmp_path)
    for icon in app_icons.ICONS:
        assert png_size(drawn[icon.name]) == (icon.size, icon.size)
    # Kept: the cache answers with the same bytes, drawing nothing; a changed colour draws anew.
    with monkeypatch.context() as patched:
        patched.setattr(app_icons, "draw", lambda *_: pytest.fail("drawn again, not read from the cache"))
        assert app_icons.icons(source, "#ffffff", tmp_path) == drawn
    assert app_icons.icons(source, "#000000", tmp_path)["icon-192.png"] != drawn["icon-192.png"]
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
