"""Debian's Chromium, as the browser tests, the benchmark and the Lighthouse
run launch it: where it is, and the flags that keep it quiet on a machine
without internet. axe-core, which the accessibility tests inject into pages,
is here too."""

from __future__ import annotations

import os
import shutil

from . import ROOT

# Flags that keep Chromium quiet on a machine without internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

NOT_FOUND = (
    "Chromium is needed, and none was found on PATH.\n"
    "Install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
    "or set CHROMIUM=/path/to/chromium, then run the command again."
)

# axe-core (installed by `npm ci`), and its tags for the WCAG 2.0, 2.1 and 2.2
# level A and AA success criteria.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_path() -> str | None:
    """Chromium's executable: $CHROMIUM, else the one on PATH; None if there is none."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
