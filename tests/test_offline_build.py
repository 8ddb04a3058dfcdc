"""Offline, in the built site: the service worker's list holds every page and
every file a page uses, each with the digest of its content; each language
and each kiosk has a web app manifest that its pages link, with icons drawn
from the favicon; the build says what a reader's browser stores. And the
plain modules behind them, bad inputs first.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from cards_site import copy_project
from conftest import ROOT, mkdocs_build

if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

from playbook import app_icons, label_files, precache, web_manifest  # noqa: E402

ATTRIBUTE = re.compile(r"""\s(?:src|href|data-version-url|data-worker)\s*=\s*["']([^"']*)["']""")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
OFFLINE = re.compile(r"^const OFFLINE = (.*);$", re.M)
LANGUAGE_ROOTS = {"es": "", "en": "en/"}


def listed(site: Path) -> dict[str, str]:
    """The worker's list: address below the root -> digest."""
    offline = json.loads(OFFLINE.search((site / "sw.js").read_text(encoding="utf-8")).group(1))
    return dict(offline["files"])


def address_of(file: str) -> str:
    return file.removesuffix("index.html") if file == "index.html" or file.endswith("/index.html") else file


def used_by_pages(site: Path, site_url: str) -> dict[str, set[str]]:
    """Every address below the root that some page names, read here on its
    own (not with the build's parser): -> the pages that name it. The worker
    script itself is the one address no list may hold."""
    used: dict[str, set[str]] = {}
    for path in site.rglob("*.html"):
        page = address_of(path.relative_to(site).as_posix())
        html = path.read_text(encoding="utf-8")
        urls = ATTRIBUTE.findall(html)
        for config in CONFIG.findall(html):
            worker = json.loads(config)["search"]
            urls.append(worker)
            index = re.search(r"index=([^&]+)", worker)
            if index:
                urls.append(urljoin(urljoin("http://x/" + page, worker), index.group(1)))
        for url in urls:
            if url.startswith(site_url):
                url = "/" + url[len(site_url):]
            parts = urlsplit(urljoin("http://x/" + page, url))
            if parts.netloc != "x" or not parts.path:
                continue
            address = parts.path.removeprefix("/")
            used.setdefault(address, set()).add(page or "/")
    return used


def missing_from(entries: dict[str, str], site: Path, site_url: str) -> list[str]:
    """Pages, and files pages use, that the list leaves out."""
    missing = []
    for path in sorted(site.rglob("*.html")):
        address = address_of(path.relative_to(site).as_posix())
        if address not in entries:
            missing.append(f"page {address or '/'}")
    for address, pages in sorted(used_by_pages(site, site_url).items()):
        if address == "sw.js" or address in entries:
            continue
        if (site / precache.file_of(address)).is_file():
            missing.append(f"{address} (used by {', '.join(sorted(pages)[:3])})")
    return missing


def test_the_list_holds_every_page_and_every_file_a_page_uses(site, site_url):
    entries = listed(site)
    assert missing_from(entries, site, site_url) == []
    # Both languages, the cards, the kiosk, search, the app's files.
    for address in ("", "en/", "cards/enojado/", "en/cards/enojado/", "kiosk/", "en/kiosk/",
                    "kiosk/version.json", "search/search_index.json", "en/search/search_index.json",
                    "manifest.webmanifest", "en/manifest.webmanifest", "kiosk/manifest.webmanifest",
                    "assets/icons/icon-512.png", "assets/icons/icon-maskable-512.png", "sitemap.xml"):
        assert address in entries, address
    workers = [a for a in entries if re.fullmatch(r"assets/javascripts/workers/search\.(es|en)\.[0-9a-f]+\.min\.js", a)]
    assert len(workers) == 2


def test_the_check_finds_a_page_or_a_file_left_out(site, site_url):
    entries = listed(site)
    for address in ("en/factores/", "assets/stylesheets/playbook.css", "en/search/search_index.json"):
        left_out = {a: d for a, d in entries.items() if a != address}
        assert missing_from(left_out, site, site_url), f"leaving out {address} went unnoticed"


def test_each_listed_file_has_the_digest_of_its_content_and_nothing_unused_is_listed(site):
    entries = listed(site)
    for address, digest in entries.items():
        data = (site / precache.file_of(address)).read_bytes()
        assert hashlib.sha256(data).hexdigest()[: len(digest)] == digest, address
    assert "sw.js" not in entries
    assert not [a for a in entries if a.endswith((".map", ".gz")) or "/lunr/" in a]


def test_each_language_and_each_kiosk_has_a_manifest_its_pages_link(site):
    css = (ROOT / "docs/assets/stylesheets/playbook.css").read_text(encoding="utf-8")
    primary = re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]+)", css).group(1)
    names = {"es": "Manual de servicio al cliente", "en": "Customer Service Playbook"}
    for language, root in LANGUAGE_ROOTS.items():
        for where, display in ((root, "standalone"), (root + "kiosk/", "fullscreen")):
            manifest = json.loads((site / where / "manifest.webmanifest").read_text(encoding="utf-8"))
            assert manifest["lang"] == language
            assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
            assert manifest["display"] == display
            assert manifest["theme_color"] == primary
            assert manifest["name"] and 0 < len(manifest["short_name"]) <= 12
            if where == root:
                assert manifest["name"] == names[language]
            purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
            assert purposes == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
            for icon in manifest["icons"]:
                png = (site / where / icon["src"]).resolve()
                assert png.is_file(), icon["src"]
                assert png_size(png.read_bytes()) == tuple(map(int, icon["sizes"].split("x")))
    # Every page links its language's manifest, a kiosk its own.
    for path in site.rglob("*.html"):
        page = address_of(path.relative_to(site).as_posix())
        if page == "404.html":
            continue
        found = re.findall(r'<link rel="manifest" href="([^"]+)"', path.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        target = urlsplit(urljoin("http://x/" + page, found[0])).path.removeprefix("/")
        language = "en" if page.startswith("en/") else "es"
        kiosk = page.endswith("kiosk/")
        assert target == LANGUAGE_ROOTS[language] + ("kiosk/" if kiosk else "") + "manifest.webmanifest", page


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_search_engines_keep_absolute_hreflang_links(site, site_url):
    html = (site / "factores/index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" href="{site_url}en/" hreflang="en">' in html


# --- Builds of changed copies -----------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("offline-project"))


def test_the_build_reports_what_a_browser_stores(project, tmp_path):
    result = mkdocs_build(project, tmp_path / "site", "--strict", site_url="http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr
    line = re.search(r"INFO\s+-\s+Offline: a reader's browser stores ([\d.]+) MB, (\d+) files \((\d+) pages\)",
                     result.stderr)
    assert line, result.stderr[-2000:]
    entries = listed(tmp_path / "site")
    total = sum((tmp_path / "site" / precache.file_of(a)).stat().st_size for a in entries)
    assert float(line.group(1)) == round(total / 1e6, 1)
    assert int(line.group(2)) == len(entries)
    assert int(line.group(3)) == len(list((tmp_path / "site").rglob("*.html")))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda p: (p / "docs/assets/favicon.svg").write_text("<svg><path d='M0 0'", encoding="utf-8"),
         "cannot draw the app icons from docs/assets/favicon.svg: it is not well-formed SVG"),
        (lambda p: (p / "docs/assets/favicon.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>', encoding="utf-8"),
         "its <svg> element has no viewBox"),
        (lambda p: (p / "hooks/playbook/labels/offline_labels.yml").write_text(
            (p / "hooks/playbook/labels/offline_labels.yml").read_text(encoding="utf-8").replace(
                "  reload: Reload\n", ""), encoding="utf-8"),
         "playbook/labels/offline_labels.yml: 'en' has no reload"),
    ],
    ids=["broken favicon", "favicon without viewBox", "label missing in English"],
)
def test_bad_inputs_stop_the_build_with_a_message(tmp_path_factory, edit, expected):
    project = copy_project(tmp_path_factory.mktemp("bad"))
    edit(project)
    result = mkdocs_build(project, project / "site", "--strict")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_under_mkdocs_serve_the_worker_removes_itself(project):
    """`mkdocs serve`: pages register no worker and sw.js unregisters any."""
    import subprocess
    import time
    import urllib.request

    from static_server import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                worker = urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js", timeout=2).read().decode()
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/factores/", timeout=2).read().decode()
                break
            except OSError:
                assert time.monotonic() < deadline, "mkdocs serve did not start"
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "const OFFLINE = null;" in worker
    assert "offline.js" in page and "data-worker" not in page
    assert 'rel="manifest"' in page


# --- The plain modules ---------------------------------------------------------


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
      <script id="__config" type="application/json">{"search": "../assets/w.es.1234abcd.min.js?index=../../search/i.json&suggest"}</script>
      </head><body><img srcset="a.png 1x, b.png 2x"><a href="https://elsewhere.org/">x</a>
      <div data-version-url="version.json"></div></body></html>"""
    found = precache.page_uses(html, "factores/", "https://x.org/")
    assert found == {"assets/s.css", "en/sitemap.xml", "assets/w.es.1234abcd.min.js", "search/i.json",
                     "factores/a.png", "factores/b.png", "factores/version.json"}


def test_entries_follow_stylesheets_and_manifests_and_skip_missing_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="s.css"><link rel="manifest" href="m.webmanifest">'
                                         '<script src="gone.js"></script>', encoding="utf-8")
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
    differ = [e.address for e, f in zip(entries, after) if e.digest != f.digest]
    assert differ == ["a/"], "a new build's list differs where the files did, nowhere else"
    assert precache.version(after) != precache.version(entries)


def test_worker_script_needs_its_mark_once():
    with pytest.raises(ValueError, match="MARK"):
        precache.worker_script("no mark here", [])
    with pytest.raises(ValueError):
        precache.worker_script(precache.MARK * 2, [])
    assert "const OFFLINE = null;" in precache.worker_script(precache.MARK, None)


def test_palette_reads_the_primary_colour_or_says_it_found_none():
    css = "/* --md-primary-fg-color: #000000; */ :root > * { --md-primary-fg-color: #0b5394; --md-primary-bg-color: #fff; }"
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


def test_label_files_need_every_language_with_the_same_keys(tmp_path):
    path = tmp_path / "labels.yml"
    path.write_text("es: {a: uno, b: dos}\nen: {a: one, b: two}\n", encoding="utf-8")
    assert label_files.read(path, ["es", "en"])["en"]["b"] == "two"
    for text, message in (
        ("es: {a: uno}\n", "no labels for en"),
        ("es: {a: uno, b: dos}\nen: {a: one}\n", "'en' has no b"),
        ("es: {a: uno}\nen: {a: ' '}\n", "'en' leaves a empty"),
        ("- a\n", "one 'language:' block"),
        ("es: [\n", "cannot be read"),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(label_files.LabelError, match=message):
            label_files.read(path, ["es", "en"])
