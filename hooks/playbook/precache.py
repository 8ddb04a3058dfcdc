"""The files a reader's browser stores to read the playbook offline, and the service worker
script that stores them, with one list per language: the language's files (below its folder) and
the shared ``assets/``; a reader's browser stores the languages it was read in. Of every file the
build wrote, none that no page uses (source maps, compressed copies and cards.json, for other tools;
lunr's scripts and Material's search worker, which our search workers bundle; Material's favicon,
which theme.favicon replaces).
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
# The theme's and our scripts, styles and icons: every language's pages use them.
SHARED = "assets/"
# What a first visit stores, at most, per language: a phone on a store's network (1.6 Mbit/s) takes
# about a minute. Every file but pages (the search index whole, so that search answers offline) and
# the top-level pages; then the other pages, the shallowest first (a section's page before those
# below it), while they fit; each page left once it is read. The playbook fits whole, many times over.
FIRST_VISIT_BYTES = 15_000_000


@dataclass(frozen=True)
class Entry:
    address: str  # below the site root, as pages link to it: "", "en/factores/", "assets/x.css"
    file: str  # below the site folder: "index.html", "en/factores/index.html"
    digest: str
    size: int


@dataclass(frozen=True)
class Listed:
    """One language's worker's list: what a first visit stores, and the pages stored once read."""
    stored: list[Entry]
    later: list[Entry]


def address_of(file: str) -> str:
    """The address a file is asked for by: folders for index pages."""
    return file.removesuffix("index.html") if file == "index.html" or file.endswith("/index.html") else file


def entries(site_dir: Path, leave_out: frozenset[str] = frozenset()) -> list[Entry]:
    """Every file of the built site a browser may ask for, sorted by address; ``leave_out``:
    files never to store (the worker scripts themselves)."""
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


def by_language(listed: list[Entry], folders: dict[str, str],
                first_visit: int = FIRST_VISIT_BYTES) -> dict[str, Listed]:
    """Each language's list (folders: {"es": "", "en": "en/"}): its own files (below its folder and
    no other's deeper), the shared ones, and its pages up to ``first_visit`` bytes in all."""
    deepest_first = sorted(folders.values(), key=len, reverse=True)
    made = {}
    for language, folder in folders.items():
        own = [e for e in listed if e.address.startswith(SHARED)
               or next(f for f in deepest_first if e.address.startswith(f)) == folder]
        stored = [e for e in own if not e.file.endswith(".html")]
        room = first_visit - total_size(stored)
        later = []
        for page in sorted((e for e in own if e.file.endswith(".html")), key=lambda e: (depth(e, folder), e.address)):
            # The language's home, 404 page and top-level pages (its kiosk among them) whatever the size.
            fits = depth(page, folder) <= 1 or page.size <= room and not later
            (stored if fits else later).append(page)
            room -= page.size if fits else 0
        made[language] = Listed(sorted(stored, key=lambda e: e.address), later)
    return made


def depth(entry: Entry, folder: str) -> int:
    return entry.address.removeprefix(folder).count("/")


def worker_script(source: str, lists: dict[str, Listed] | None) -> str:
    """The service worker's source with each language's list at its mark; with no lists
    (``mkdocs serve``), a worker that removes itself and what it stored."""
    if source.count(MARK) != 1:
        raise ValueError(said("worker_no_mark", mark=MARK))
    pairs = {language: {"files": [[e.address, e.digest] for e in listed.stored],
                        "later": [[e.address, e.digest] for e in listed.later]}
             for language, listed in (lists or {}).items()}
    offline = None if lists is None else {
        "version": digest(json.dumps(pairs, sort_keys=True).encode()),
        "digest_length": DIGEST_LENGTH,
        "languages": pairs,
    }
    return source.replace(MARK, "const OFFLINE = " + json.dumps(offline, separators=(",", ":")) + ";")


def total_size(listed: list[Entry]) -> int:
    return sum(entry.size for entry in listed)
