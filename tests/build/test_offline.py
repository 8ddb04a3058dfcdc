"""Offline, in the built site: the service worker lists each language's pages
and files apart, and stores them all on a first visit at the playbook's size;
together the lists hold every page and every file a page uses, each with the
digest of its content; each language
and each kiosk has a web app manifest that its pages link, with icons drawn
from the favicon; the build says what a reader's browser stores; bad inputs
stop it with a message; `mkdocs serve` gets a worker that removes itself.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from support import ROOT, mkdocs_build
from support.cards_site import copy_project
from support.server import free_port, mkdocs_serve

ATTRIBUTE = re.compile(r"""\s(?:src|href|data-version-url|data-worker)\s*=\s*["']([^"']*)["']""")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
OFFLINE = re.compile(r"^const OFFLINE = (.*);$", re.M)
LANGUAGE_ROOTS = {"es": "", "en": "en/"}


def worker_list(site: Path, language: str) -> dict:
    """A language's list in the worker: "files" (stored on a first visit), "later" (once read)."""
    return json.loads(OFFLINE.search((site / "sw.js").read_text(encoding="utf-8")).group(1))["languages"][language]


def listed(site: Path) -> dict[str, str]:
    """Every language's list: address below the root -> digest."""
    offline = [worker_list(site, language) for language in LANGUAGE_ROOTS]
    return dict(entry for each in offline for entry in each["files"] + each["later"])


def address_of(file: str) -> str:
    return file.removesuffix("index.html") if file == "index.html" or file.endswith("/index.html") else file


def file_of(address: str) -> str:
    return address + "index.html" if address == "" or address.endswith("/") else address


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
            # Material's page script reads the search settings below its base.
            urls.append(json.loads(config).get("base", ".").rstrip("/") + "/search/search_index.json")
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
        if (site / file_of(address)).is_file():
            missing.append(f"{address} (used by {', '.join(sorted(pages)[:3])})")
    return missing


def test_the_list_holds_every_page_and_every_file_a_page_uses(site, site_url):
    entries = listed(site)
    assert missing_from(entries, site, site_url) == []
    # Both languages, the cards, the kiosk, search, the app's files.
    for address in ("", "en/", "cards/enojado/", "en/cards/enojado/", "kiosk/", "en/kiosk/",
                    "kiosk/version.json", "search/search_index.json", "en/search/search_index.json",
                    "search/lunr_index.json", "en/search/lunr_index.json",
                    "manifest.webmanifest", "en/manifest.webmanifest", "kiosk/manifest.webmanifest",
                    "assets/icons/icon-512.png", "assets/icons/icon-maskable-512.png", "sitemap.xml"):
        assert address in entries, address
    workers = [a for a in entries if re.fullmatch(r"assets/javascripts/workers/search\.(es|en)\.[0-9a-f]+\.min\.js", a)]
    assert len(workers) == 2


def root_of(address: str) -> str:
    return "en/" if address.startswith("en/") else ""


def pages_of(site: Path, root: str) -> set[str]:
    return {a for a in map(address_of, (p.relative_to(site).as_posix() for p in site.rglob("*.html")))
            if root_of(a) == root}


def test_each_language_stores_its_own_pages_and_no_other_whole_on_a_first_visit(site):
    for language, root in LANGUAGE_ROOTS.items():
        offline = worker_list(site, language)
        stored = dict(offline["files"])
        assert offline["later"] == [], "the playbook is stored whole"
        # Its language's pages and files, and the shared assets: nothing of the other language's.
        assert {a for a in stored if a == "" or a.endswith(("/", ".html"))} == pages_of(site, root)
        assert [a for a in stored if root_of(a) != root and not a.startswith("assets/")] == []
        assert f"{root}search/lunr_index.json" in stored and f"{root}kiosk/version.json" in stored


def test_the_check_finds_a_page_or_a_file_left_out(site, site_url):
    entries = listed(site)
    for address in ("en/factores/", "assets/stylesheets/playbook.css", "en/search/search_index.json",
                    "en/search/lunr_index.json"):
        left_out = {a: d for a, d in entries.items() if a != address}
        assert missing_from(left_out, site, site_url), f"leaving out {address} went unnoticed"


def test_each_listed_file_has_the_digest_of_its_content_and_nothing_unused_is_listed(site):
    entries = listed(site)
    for address, digest in entries.items():
        data = (site / file_of(address)).read_bytes()
        assert hashlib.sha256(data).hexdigest()[: len(digest)] == digest, address
    assert "sw.js" not in entries
    assert not [a for a in entries if a.endswith((".map", ".gz"))]
    # None of lunr's scripts, nor Material's own worker: every page, the 404 pages
    # included, starts ours, which holds them.
    assert [a for a in entries if "/lunr/" in a] == []
    assert not [a for a in entries if re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", a)]


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
        if page.endswith("404.html"):
            continue  # MkDocs renders them with no page context
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
    site = tmp_path / "site"
    for language, root in LANGUAGE_ROOTS.items():
        line = re.search(rf"INFO\s+-\s+Offline: a first visit in '{language}' stores ([\d.]+) MB in a reader's "
                         r"browser, (\d+) files \((\d+) of (\d+) pages; the others once read\) listed in sw\.js",
                         result.stderr)
        assert line, result.stderr[-2000:]
        entries = dict(worker_list(site, language)["files"])
        total = sum((site / file_of(a)).stat().st_size for a in entries)
        assert float(line.group(1)) == round(total / 1e6, 1)
        assert int(line.group(2)) == len(entries)
        assert int(line.group(3)) == int(line.group(4)) == len(pages_of(site, root))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda p: (p / "docs/assets/favicon.svg").write_text("<svg><path d='M0 0'", encoding="utf-8"),
         "cannot draw the app icons from docs/assets/favicon.svg: it is not well-formed SVG"),
        (lambda p: (p / "docs/assets/favicon.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>', encoding="utf-8"),
         "its <svg> element has no viewBox"),
        (lambda p: (p / "hooks/playbook/labels/offline.yml").write_text(
            (p / "hooks/playbook/labels/offline.yml").read_text(encoding="utf-8").replace(
                "  reload: Reload\n", ""), encoding="utf-8"),
         "hooks/playbook/labels/offline.yml:1: 'en' has no 'reload'."),
    ],
    ids=["broken favicon", "favicon without viewBox", "label missing in English"],
)
def test_bad_inputs_stop_the_build_with_a_message(tmp_path_factory, edit, expected):
    project = copy_project(tmp_path_factory.mktemp("bad"))
    edit(project)
    result = mkdocs_build(project, project / "site", "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output
    assert "Traceback" not in output


def test_under_mkdocs_serve_the_worker_removes_itself(project):
    """`mkdocs serve`: pages register no worker and sw.js unregisters any."""
    with mkdocs_serve(project, free_port(), "--no-livereload") as (base, _):
        worker = urllib.request.urlopen(base + "sw.js", timeout=30).read().decode()
        page = urllib.request.urlopen(base + "factores/", timeout=30).read().decode()
    assert "const OFFLINE = null;" in worker
    assert "offline.js" in page and "data-worker" not in page
    assert 'rel="manifest"' in page
