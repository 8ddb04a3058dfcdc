"""A first visit's offline store, as the browser tests wait for it: the notice
each language shows once its files are stored (docs/assets/javascripts/offline.js),
without sitting out the reader's quiet spell that offline.js waits for first."""

from __future__ import annotations

import re

from . import ROOT
from .chromium import search_ready

READY = {"es": "Listo para usar sin conexión", "en": "Ready to use offline"}

# How long offline.js waits for the reader to leave keys, pointer and scrolling alone.
QUIET_MS = int(re.search(r"var IDLE_MS = (\d+);", (ROOT / "docs/assets/javascripts/offline.js")
                         .read_text(encoding="utf-8")).group(1))


def stored(page, language: str, timeout: float | None = None) -> None:
    """Wait until a first visit has stored its language and says so. The
    page's context has Playwright's clock installed (`context.clock.install()`:
    it runs at the real pace): once the page has loaded and its search is
    ready, the clock skips the quiet spell, which then elapses at once, as
    for a reader who left the page alone. Should the spell not have begun
    yet, it elapses at the real pace: slower, never wrong."""
    search_ready(page)
    page.clock.fast_forward(QUIET_MS)
    page.get_by_text(READY[language]).wait_for(timeout=timeout)
