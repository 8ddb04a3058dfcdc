"""The files a reader's browser stores to read the playbook offline, and the service worker
script that stores them: after a build, every HTML page of the site with every file a page,
a stylesheet or a web app manifest uses. Files nothing uses (source maps, Material's lunr
scripts, which our search workers bundle) stay out.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from . import search_worker

# The hex digits of SHA-256 a file is listed with: 64 bits tell builds apart. A new build's list
# differs where the files did, so the worker stores only those anew, and its script changes.
DIGEST_LENGTH = 16
# Where the worker's source takes the list.
MARK = "/* MARK: the files to store, written by the build */"
LANGUAGE = re.compile(r"<html[^>]*\slang=[\"']?([A-Za-z]+)")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SITE = "http://site.invalid/"


@dataclass(frozen=True)
class Entry:
    address: str  # below the site root, as pages link to it: "", "en/factores/", "assets/x.css"
    file: str  # below the site folder: "index.html", "en/factores/index.html"
    digest: str
    size: int


def address_of(file: str) -> str:
    """The address a file is asked for by: folders for index pages."""
    if file == "index.html" or file.endswith("/index.html"):
        return file.removesuffix("index.html")
    return file


def file_of(address: str) -> str:
    return address + "index.html" if address == "" or address.endswith("/") else address


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]


def resolve(url: str, base: str, site_url: str = "") -> str | None:
    """``url`` as written in the file at address ``base``: the address below
    the site root it names (no query, no fragment), or None for another site."""
    url = url.strip()
    if not url or url.startswith("#"):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        # Absolute addresses are the site's own only below its site_url.
        if not site_url or not url.startswith(site_url):
            return None
        url = "/" + url[len(site_url):]
    path = urlsplit(urljoin(SITE + base, url)).path
    return unquote(path.removeprefix("/"))


# str.find over ` name="value"` (as MkDocs and Material write), not a parser: those took seconds on a
# large site. An address in text is escaped; a false match costs a stored file, never a missing one.
ATTRIBUTES = ("href", "src", "poster", "data-version-url", "srcset", "imagesrcset")
LINK = re.compile(r"<link\b[^>]*>", re.I)
REL_ALTERNATE = re.compile(r"""\srel=["']?(?:[^"'>]*\s)?alternate[\s"'>]""", re.I)
FOLDER = re.compile(r"(?:^|/)(?:[?#].*)?$")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def attribute_values(html: str, names=ATTRIBUTES):
    """(name, value) of every ``name="value"`` (or single-quoted) attribute."""
    for name in names:
        for quote in ('"', "'"):
            needle = f" {name}={quote}"
            start = html.find(needle)
            while start >= 0:
                begin = start + len(needle)
                end = html.find(quote, begin)
                if end < 0:
                    break
                yield name, unescape(html[begin:end])
                start = html.find(needle, end)


def page_uses(html: str, address: str, site_url: str = "") -> set[str]:
    """The addresses a page at ``address`` uses, below the site root."""
    urls = []
    for name, value in attribute_values(html):
        if name.endswith("srcset"):
            urls += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        else:
            urls.append(value)
    # Links to folders are links to pages, all listed anyway: most of a
    # page's links (its navigation), and resolving them was most of the time.
    found = {resolve(url, address, site_url) for url in urls if not FOLDER.search(url)}
    # Material's scripts fetch sitemap.xml below each language alternate.
    for link in LINK.findall(html):
        href = next((value for _, value in attribute_values(link, ("href",))), None)
        if REL_ALTERNATE.search(link) and href:
            root = resolve(href, address, site_url)
            if root is not None:
                found.add(resolve("sitemap.xml", root))
    # Material's configuration names the search worker (hooks/search_per_language.py
    # adds ?index=, the index's address relative to the worker).
    for text in CONFIG.findall(html):
        try:
            config = json.loads(text)
        except ValueError:
            continue
        if not isinstance(config, dict):
            continue
        # The page's script fetches the search index below the language root.
        if isinstance(config.get("base"), str):
            base = resolve(config["base"].rstrip("/") + "/", address)
            if base is not None:
                found.add(resolve("search/search_index.json", base))
        worker = config.get("search")
        if isinstance(worker, str):
            worker_address = resolve(worker, address)
            found.add(worker_address)
            index = re.search(r"[?&]index=([^&]+)", worker)
            if not index and worker_address is not None:
                # Material's own worker (the 404 pages have it) imports lunr's
                # scripts for the page's language as it starts.
                language = LANGUAGE.search(html)
                language = language.group(1).lower() if language else "en"
                scripts = search_worker.lunr_scripts(language)
                found.update(resolve(f"../lunr/min/{script}", worker_address) for script in scripts)
            if index and worker_address is not None:
                # Our worker's one file: documents and index (hooks/playbook/search_worker.js).
                found.add(resolve(unquote(index.group(1)), worker_address))
    found.discard(None)
    return found


def stylesheet_uses(css: str, address: str) -> set[str]:
    found = {resolve(url, address) for _, url in CSS_URL.findall(css) if not url.startswith("data:")}
    found.discard(None)
    return found


def manifest_uses(text: str, address: str) -> set[str]:
    try:
        manifest = json.loads(text)
    except ValueError:
        return set()
    icons = manifest.get("icons", []) if isinstance(manifest, dict) else []
    found = {resolve(icon.get("src", ""), address) for icon in icons if isinstance(icon, dict)}
    found.discard(None)
    return found


def uses(path: Path, address: str, site_url: str) -> set[str]:
    """What a file uses, for the kinds of file that name others."""
    if path.suffix == ".html":
        return page_uses(path.read_text(encoding="utf-8", errors="replace"), address, site_url)
    if path.suffix == ".css":
        return stylesheet_uses(path.read_text(encoding="utf-8", errors="replace"), address)
    if path.suffix == ".webmanifest":
        return manifest_uses(path.read_text(encoding="utf-8", errors="replace"), address)
    return set()


def entries(site_dir: Path, site_url: str = "", leave_out: frozenset[str] = frozenset()) -> list[Entry]:
    """Every page of the built site and every file they use that the site
    holds, sorted by address; ``leave_out``: files never to store (the
    worker script itself)."""
    site_dir = Path(site_dir)
    pages = sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))
    listed: dict[str, Entry] = {}
    queue = list(pages)
    while queue:
        file = queue.pop()
        if file in listed or file in leave_out:
            continue
        path = site_dir / file
        if not path.is_file():
            continue
        data = path.read_bytes()
        address = address_of(file)
        listed[file] = Entry(address, file, digest(data), len(data))
        queue.extend(file_of(used) for used in uses(path, address, site_url))
    return sorted(listed.values(), key=lambda entry: entry.address)


def version(listed: list[Entry]) -> str:
    return digest(json.dumps([[e.address, e.digest] for e in listed]).encode())


def worker_script(source: str, listed: list[Entry] | None) -> str:
    """The service worker's source with the list at its mark; with no list
    (``mkdocs serve``), a worker that removes itself and what it stored."""
    if source.count(MARK) != 1:
        raise ValueError(f"the worker's source must hold the line {MARK!r} once: the list goes there")
    offline = None if listed is None else {
        "version": version(listed),
        "digest_length": DIGEST_LENGTH,
        "files": [[entry.address, entry.digest] for entry in listed],
    }
    return source.replace(MARK, "const OFFLINE = " + json.dumps(offline, separators=(",", ":")) + ";")


def total_size(listed: list[Entry]) -> int:
    return sum(entry.size for entry in listed)
