"""What a reader's browser stores to read a site offline, with budgets: the whole Cache Storage
after a first visit in one language, once the site's service worker is active (measured in
Chromium, browser.offline_store), whatever the worker chooses to store. A staff phone must
hold it, and a phone on a slow network fetch it.
"""

from __future__ import annotations

# MB (10^6 bytes) a first visit stores, per corpus size; other sizes are reported.
STORE_MB = {"playbook": 3.0, 1000: 20.0}


def budget_lines(size, where: str, store: tuple[int, int] | None) -> list[str]:
    """"PASS ...", "FAIL ..." or "INFO ..." for what a first visit stored (bytes, entries);
    nothing for a site without a store measured."""
    if store is None:
        return []
    stored, entries = store
    text = f"offline at {where}: a first visit stores {stored / 1e6:.1f} MB in {entries} entries"
    if size not in STORE_MB:
        return [f"INFO  {text}."]
    return [("PASS  " if stored / 1e6 <= STORE_MB[size] else "FAIL  ") + f"{text} (budget {STORE_MB[size]:.0f} MB)."]
