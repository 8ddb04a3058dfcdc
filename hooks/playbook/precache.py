"""The files a reader's browser stores to read the playbook offline, and the service worker
script that stores them: after a build, every file it wrote but those no page uses (source
maps, compressed copies and cards.json, for other tools; lunr's scripts and Material's search
worker, which our search workers bundle; Material's favicon, which theme.favicon replaces).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .cache import DIGEST_LENGTH, digest
from .label_files import said

# Each file is listed with the playbook's digest (playbook.cache): a new build's list differs where
# the files did, so the worker stores only those anew, and its script changes.
# Where the worker's source takes the list.
MARK = "/* MARK: the files to store, written by the build */"
# Written by the build, asked for by no page (_headers is read by the host; tests/build/test_offline.py
# checks both ways).
LEFT_OUT = re.compile(r"\.(?:map|gz)$|^_headers$|(?:^|/)cards/cards\.json$|^assets/images/favicon\.png$"
                      r"|^assets/javascripts/lunr/|^assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")


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


def entries(site_dir: Path, leave_out: frozenset[str] = frozenset()) -> list[Entry]:
    """Every file of the built site a browser may ask for, sorted by address; ``leave_out``:
    files never to store (the worker script itself)."""
    # The site folder holds exactly what this build wrote (MkDocs empties it first): the theme's,
    # the pages, and what plugins and hooks wrote after MkDocs' own list of files (sitemaps,
    # search indexes, manifests, icons). No page is read: every file a page uses is there.
    site_dir = Path(site_dir)
    listed = []
    for path in site_dir.rglob("*"):
        file = path.relative_to(site_dir).as_posix()
        if path.is_file() and file not in leave_out and not LEFT_OUT.search(file):
            data = path.read_bytes()
            listed.append(Entry(address_of(file), file, digest(data), len(data)))
    return sorted(listed, key=lambda entry: entry.address)


def version(listed: list[Entry]) -> str:
    return digest(json.dumps([[e.address, e.digest] for e in listed]).encode())


def worker_script(source: str, listed: list[Entry] | None) -> str:
    """The service worker's source with the list at its mark; with no list
    (``mkdocs serve``), a worker that removes itself and what it stored."""
    if source.count(MARK) != 1:
        raise ValueError(said("worker_no_mark", mark=MARK))
    offline = None if listed is None else {
        "version": version(listed),
        "digest_length": DIGEST_LENGTH,
        "files": [[entry.address, entry.digest] for entry in listed],
    }
    return source.replace(MARK, "const OFFLINE = " + json.dumps(offline, separators=(",", ":")) + ";")


def total_size(listed: list[Entry]) -> int:
    return sum(entry.size for entry in listed)
