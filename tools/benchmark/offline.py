"""What a reader's browser stores to read a site offline: the files listed in its service
worker (hooks/offline.py), added up, with budgets. The playbook must stay small enough for a
phone on a slow network to store on its first visit, and a large site's cost per page near a
page's own weight (its HTML and its share of the search index).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

PLAYBOOK_MB = 3.0  # the playbook, both languages (2.4 MB, 78 files, on 2026-11-30)
# The largest corpus, per HTML page: 77.3 KB at 1,000 pages per language on 2026-11-30
# (156 MB: 112 MB of pages, 36 MB of prebuilt lunr indexes, 7 MB of search indexes, the sitemaps).
PER_PAGE_KB = 85.0

OFFLINE = re.compile(r"^const OFFLINE = (.*);$", re.M)


@dataclass(frozen=True)
class Stored:
    bytes: int
    files: int
    pages: int

    @property
    def mb(self) -> float:
        return self.bytes / 1e6

    @property
    def kb_per_page(self) -> float:
        return self.bytes / 1e3 / self.pages if self.pages else 0.0


def stored(site_dir: Path) -> Stored:
    """The files the site's service worker stores, from its list."""
    offline = json.loads(OFFLINE.search((site_dir / "sw.js").read_text(encoding="utf-8")).group(1))
    total = pages = 0
    for address, _ in offline["files"]:
        file = address + "index.html" if address == "" or address.endswith("/") else address
        total += (site_dir / file).stat().st_size
        pages += file.endswith(".html")
    return Stored(total, len(offline["files"]), pages)


def budget_lines(playbook, corpora: list) -> list[str]:
    """"PASS ..." or "FAIL ..." lines: the playbook's total, the largest corpus per page.
    Each site has ``name`` and ``site_dir``, as __main__.py's Site does."""
    ours = stored(Path(playbook.site_dir))
    lines = [("PASS  " if ours.mb <= PLAYBOOK_MB else "FAIL  ")
             + f"offline: the playbook's service worker stores {ours.mb:.1f} MB, {ours.files} files "
             f"({ours.pages} pages) (budget {PLAYBOOK_MB} MB)."]
    if corpora:
        largest = corpora[-1]
        big = stored(Path(largest.site_dir))
        lines.append(("PASS  " if big.kb_per_page <= PER_PAGE_KB else "FAIL  ")
                     + f"offline at {largest.name}: {big.mb:.1f} MB, {big.files} files, "
                     f"{big.kb_per_page:.1f} KB per page (budget {PER_PAGE_KB:.0f} KB per page).")
    return lines
