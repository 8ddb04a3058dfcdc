"""The files a reader's browser stores to read the playbook offline, and the
service worker script that stores them.

After a build, every HTML page of the site is listed, with every file a
page or a stylesheet uses: what its ``src``, ``href`` and ``srcset``
attributes name, the kiosk's version file, the search worker script and the
search index that Material's configuration in the page names, the sitemap
below each language alternate (Material's scripts fetch it), and the icons a
web app manifest names. Files nothing uses (source maps, Material's lunr
scripts, which our search workers bundle) stay out. Each file is listed with
a digest of its content: a new build's list differs exactly where the files
did, the service worker stores only those anew, and its script, which holds
the list, changes whenever any file does.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# The hex digits of SHA-256 a file is listed with: 64 bits tell builds apart.
DIGEST_LENGTH = 16
# Where the worker's source takes the list.
MARK = "/* MARK: the files to store, written by the build */"
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


class _Links(HTMLParser):
    """The addresses an HTML page uses, as written."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.alternates: list[str] = []
        self.config: list[str] = []
        self._in_config = False

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for name in ("href", "src", "poster", "data-version-url"):
            if attributes.get(name):
                self.urls.append(attributes[name])
        for name in ("srcset", "imagesrcset"):
            for candidate in filter(None, (part.strip() for part in attributes.get(name, "").split(","))):
                self.urls.append(candidate.split()[0])
        if tag == "link" and "alternate" in attributes.get("rel", "").split() and attributes.get("href"):
            self.alternates.append(attributes["href"])
        self._in_config = tag == "script" and attributes.get("id") == "__config"

    def handle_data(self, data):
        if self._in_config:
            self.config.append(data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False


def page_uses(html: str, address: str, site_url: str = "") -> set[str]:
    """The addresses a page at ``address`` uses, below the site root."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    found = {resolve(url, address, site_url) for url in parser.urls}
    # Material's scripts fetch sitemap.xml below each language alternate.
    for alternate in parser.alternates:
        root = resolve(alternate, address, site_url)
        if root is not None:
            found.add(resolve("sitemap.xml", root))
    # Material's configuration names the search worker (hooks/search_per_language.py
    # adds ?index=, the index's address relative to the worker).
    if parser.config:
        try:
            config = json.loads("".join(parser.config))
        except ValueError:
            config = {}
        worker = config.get("search") if isinstance(config, dict) else None
        if isinstance(worker, str):
            worker_address = resolve(worker, address)
            found.add(worker_address)
            index = re.search(r"[?&]index=([^&]+)", worker)
            if index and worker_address is not None:
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
