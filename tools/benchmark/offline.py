"""What a reader's browser stores to read a site offline on a first visit in one language: the
files of that language's list in its service worker (hooks/offline.py), added up, with budgets. The
playbook must stay small enough for a phone on a slow network to store whole, and a large site's first
visit within what a phone can hold (issue 24: 20 MB at 1,000 pages per language); the pages beyond
its list are stored as they are read.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

PLAYBOOK_MB = 3.0  # the playbook, one language, whole (1.4 MB, 51 files, on 2026-12-07)
# A first visit at each budgeted corpus size (127.5 MB, both languages, every page before issue 24).
FIRST_VISIT_MB = 20.0

OFFLINE = re.compile(r"^const OFFLINE = (.*);$", re.M)


@dataclass(frozen=True)
class Stored:
    language: str
    bytes: int
    files: int
    pages: int
    later: int  # pages stored once read

    @property
    def mb(self) -> float:
        return self.bytes / 1e6


def stored(site_dir: Path) -> list[Stored]:
    """What a first visit in each language stores, from the worker's lists."""
    offline = json.loads(OFFLINE.search((site_dir / "sw.js").read_text(encoding="utf-8")).group(1))
    found = []
    for language, listed in offline["languages"].items():
        files = [address + "index.html" if address == "" or address.endswith("/") else address
                 for address, _ in listed["files"]]
        found.append(Stored(language, sum((site_dir / file).stat().st_size for file in files), len(files),
                            sum(file.endswith(".html") for file in files), len(listed["later"])))
    return found


def budget_lines(playbook, corpora: list, reported: list = ()) -> list[str]:
    """"PASS ..." or "FAIL ..." lines, a first visit in each language: the playbook, each budgeted
    corpus; "INFO ..." lines for the corpora only reported. Each site has ``name`` and ``site_dir``,
    as __main__.py's Site does."""
    lines = []
    for site, budget in [(playbook, PLAYBOOK_MB), *((c, FIRST_VISIT_MB) for c in corpora),
                         *((c, None) for c in reported)]:
        for first in stored(Path(site.site_dir)):
            text = (f"offline at {site.name}: a first visit in '{first.language}' stores {first.mb:.1f} MB, "
                    f"{first.files} files ({first.pages} pages; {first.later} more once read)")
            verdict = "INFO  " if budget is None else "PASS  " if first.mb <= budget else "FAIL  "
            lines.append(verdict + text + ("." if budget is None else f" (budget {budget} MB)."))
    return lines
