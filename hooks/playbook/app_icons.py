"""App icons for the web app manifests (PNG, 192 and 512 pixels, and a "maskable" one a
launcher may crop), all drawn at build time from the site's favicon, one source with no
hand-kept copies. resvg draws them: a renderer shipped as a wheel, with nothing to install beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import resvg_py

from .cache import stored
from .label_files import said

SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Icon:
    name: str  # file name: "icon-192.png"
    size: int  # pixels, square
    purpose: str  # the manifest's "any" or "maskable"
    glyph: float  # the glyph's side as a share of the icon's
    radius: float  # corner radius of the background, as a share of the side


# A maskable icon may be cropped to the circle inscribed in its centre 80%:
# a square glyph fits it at 0.56 of the side (0.4 * sqrt 2, less a margin).
ICONS = (
    Icon("icon-192.png", 192, "any", 0.72, 0.2),
    Icon("icon-512.png", 512, "any", 0.72, 0.2),
    Icon("icon-maskable-512.png", 512, "maskable", 0.56, 0.0),
)


class IconError(ValueError):
    """The source cannot be drawn: the message says why."""


def composed(source: str, icon: Icon, background: str) -> str:
    """The SVG of one icon: the source's glyph centred on a background square."""
    ElementTree.register_namespace("", SVG_NS)
    try:
        glyph = ElementTree.fromstring(source)
    except ElementTree.ParseError as error:
        raise IconError(said("icon_not_xml", error=error)) from None
    if glyph.tag != f"{{{SVG_NS}}}svg":
        raise IconError(said("icon_not_svg"))
    if "viewBox" not in glyph.attrib:
        raise IconError(said("icon_no_viewbox"))
    side = icon.size
    inner = side * icon.glyph
    offset = (side - inner) / 2
    glyph.attrib.update({"x": f"{offset:g}", "y": f"{offset:g}", "width": f"{inner:g}", "height": f"{inner:g}"})
    outer = ElementTree.Element(f"{{{SVG_NS}}}svg", {
        "width": str(side), "height": str(side), "viewBox": f"0 0 {side} {side}"})
    ElementTree.SubElement(outer, f"{{{SVG_NS}}}rect", {
        "width": str(side), "height": str(side), "rx": f"{side * icon.radius:g}", "fill": background})
    outer.append(glyph)
    return ElementTree.tostring(outer, encoding="unicode")


def draw(source: str, icon: Icon, background: str) -> bytes:
    """One icon as PNG bytes."""
    svg = composed(source, icon, background)
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg))
    except ValueError as error:
        raise IconError(said("icon_not_drawable", error=error)) from None


def icons(source: str, background: str, cache: Path | None = None) -> dict[str, bytes]:
    """Every icon of ICONS (file name: PNG bytes), from the cache where it holds them."""
    # Drawing takes tens of ms: each PNG is kept beside the digest of what it was drawn from.
    drawn = {}
    for icon in ICONS:
        made_from = "\n".join((source, background, repr(icon), resvg_py.__version__))
        make = lambda icon=icon: draw(source, icon, background)  # noqa: E731
        drawn[icon.name] = stored(cache / icon.name, made_from, make) if cache is not None else make()
    return drawn
