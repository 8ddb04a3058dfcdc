"""Every page at every size: each page the sitemaps list (both languages, the
generated card pages too, so that a new page is covered without being named
here) and the not-found pages, at 320, 390, 768, 1366 and 1920 px wide, in
the light scheme: the dark one changes colours, never the layout
(tests/build/test_colour_schemes.py sweeps every stylesheet and page for it),
so its pages measure the same. A page fails on what a reader would see as
broken (tests/support/screen_geometry.py, PAGE_GEOMETRY): the page scrolling
sideways, text wrapped in a box narrower than about twelve characters, a word
over two lines, text cut off by its box, or text drawn over other text. Each
page is loaded once; the screen's width changes under it."""

from __future__ import annotations

import pytest

from support import LANGUAGES, built_pages, page_url
from support.screen_geometry import PAGE_GEOMETRY

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 768, 1366, 1920]
HEIGHT = 800
# Narrower than this many characters (of the text's own font) is too narrow
# for text that wraps; at most four times LIMIT problems are listed per page and size.
CHARS = 12
LIMIT = 12
# The page as it settles after each change, measured at once: no transitions
# (Material's search field widens over a quarter second) and no animations.
SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important }"


def open_page(page, address: str):
    """Load a page once, at the narrowest width, light, without transitions."""
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    page.emulate_media(color_scheme="light")
    page.goto(address, wait_until="load")
    page.add_style_tag(content=SETTLED)


def page_problems(page, name: str) -> list[str]:
    """What is broken on the open page, at every width."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        result = page.evaluate(PAGE_GEOMETRY, [CHARS, LIMIT])
        # The walk saw the page's text, so an empty list means something.
        assert result["texts"] > 5, f"/{name} at {width} px: only {result['texts']} texts seen"
        found += [f"/{name} {width} px: {p['kind']}: {p['selector']} \"{p['text']}\""
                  f" ({p['detail']})" for p in result["problems"]]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_reads_at_every_size(site, server, page, language):
    addresses = built_pages(site)[language]
    # The sitemaps list the generated pages too: the cards and their index.
    assert page_url("cards", language) in addresses and len(addresses) > 10, addresses
    problems = []
    for address in addresses:
        open_page(page, server + address)
        problems += page_problems(page, address)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


# The cards index's grid before it named its cells (the icon's class still
# places it in an area "icon" of its own).
OLD_INDEX = """.md-typeset .qc-index a.qc-index__card { grid-template-areas: none !important }
.qc-index__name, .qc-index__summary { grid-area: auto !important }
.qc-index__card .qc-card__icon { grid-row: span 2 !important }"""
FAULTS = """() => {
  const article = document.querySelector('article');
  const add = (html) => article.insertAdjacentHTML('afterbegin', html);
  // Wider than any screen; a word forced over two lines; text in a box too
  // small for it that hides the rest; two texts in the same place.
  add('<div id="wide" style="width: 2500px">Too wide for the screen</div>');
  add('<p id="split" style="width: 5em; word-break: break-all">Unbreakable wordswordswords</p>');
  add('<div id="cut" style="height: 1em; overflow: hidden">First line<br>second line</div>');
  add('<div id="over" style="position: relative"><span>Underneath text</span>'
    + '<span style="position: absolute; left: 0; top: 0">Drawn over it</span></div>');
}"""


def test_the_check_catches_each_fault(server, page):
    """Each kind of fault fails the check: the cards index as it was (a grid
    without the icon's area squeezes the summaries), and one of each other
    kind added to a page. The page as built passes: its drawer, search and
    text for screen readers are not faults."""
    open_page(page, server + page_url("cards", "es"))
    page.add_style_tag(content=OLD_INDEX)
    problems = "\n".join(page_problems(page, "cards/"))
    for width in WIDTHS:
        assert f"/cards/ {width} px: narrow box: a.qc-index__card > span.qc-index__summary" in problems
    assert "word split" in problems

    open_page(page, server + page_url("que-es", "es"))
    assert page_problems(page, "que-es/") == []
    page.evaluate(FAULTS)
    problems = page_problems(page, "que-es/")
    for kind, where in [("page overflow", "> div#wide"), ("word split", "> p#split"),
                        ("narrow box", "> p#split"), ("clipped", "> div#cut"), ("overlap", "div#over > span")]:
        assert any(f"{kind}: " in p and f"{where} " in p for p in problems), (kind, problems)
