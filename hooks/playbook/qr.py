"""QR codes of the cards' addresses, drawn by segno as inline SVG."""

from __future__ import annotations

from pathlib import Path

import segno

from . import cache


# Every language's build draws every card's code (the kiosk shows them all), a few ms each:
# kept in memory and in one file per card (.cache/playbook/qr/), redrawn when its source changes.
@cache.kept(size=256)
def qr_svg(url: str, title: str, entry: Path) -> str:
    """A QR code of an address, as inline SVG: dark on light, with its quiet zone."""
    source = "\n".join((f"segno {segno.__version__}", url, title))
    return cache.stored(entry, source, lambda: draw_qr(url, title).encode()).decode()


def draw_qr(url: str, title: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=1, border=4, dark="#000", light="#fff", title=title,
                                                 svgclass="qc-qr", lineclass=None, omitsize=True)
