"""QR codes of the cards' addresses, drawn by segno as inline SVG."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import segno

from . import cache


# Every language's build draws every card's code (the kiosk shows them all), a few ms each:
# kept in memory and in one file per card (.cache/playbook/qr/), redrawn when its source changes.
@cache.kept(size=256)
def qr_svg(url: str, title: str, entry: Path | None = None) -> str:
    """A QR code of an address, as inline SVG: dark on light, with its quiet zone."""
    digest = hashlib.sha256("\n".join((url, title)).encode()).hexdigest()
    source = f"<!-- segno {segno.__version__}: {digest} -->\n"
    if entry is not None:
        try:
            cached = entry.read_text(encoding="utf-8")
            if cached.startswith(source) and cached.endswith("</svg>"):
                return cached.removeprefix(source)
        except (OSError, UnicodeDecodeError):
            pass
    svg = draw_qr(url, title)
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(source + svg, encoding="utf-8")
            temporary.replace(entry)
        except OSError:
            pass  # a folder that cannot be written: draw again next time
    return svg


def draw_qr(url: str, title: str) -> str:
    code = segno.make(url, error="m")
    return code.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        title=title,
        svgclass="qc-qr",
        lineclass=None,
        omitsize=True,
    )
