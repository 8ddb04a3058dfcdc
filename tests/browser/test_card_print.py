"""Quick cards on paper, read back from the PDF Chromium prints: every card
of both languages on A6, A5, A4 and Letter is exactly one page, its text
reaches over at least 70 % of the sheet's height, and its lists are 8 pt or
more on A6; a card at every limit the data checks allow, and one with a
line per list, keep to one page and fill it too. The cards' print margins
(a named page in cards.css) are theirs alone: a type page prints with the
browser's own.

Text positions and sizes come from `pdftotext -bbox` (poppler-utils): a
word's box is as tall as its font's ascent and descent, so sizes are
calibrated against a line printed at a known size in the cards' own font."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from collections import Counter

import pytest

from support import LANGUAGES, cards_site, mkdocs_build, page_url
from support.server import serve

pytestmark = pytest.mark.browser

SHEETS = ("A6", "A5", "A4", "Letter")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
CARD_FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'


def read_pdf(pdf: bytes, tmp_path) -> list[dict]:
    """Each page of a PDF: its size and its words' boxes, in points."""
    if not shutil.which("pdftotext"):
        pytest.exit("The print tests need pdftotext: install poppler-utils.", returncode=3)
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [
        {"width": float(w), "height": float(h),
         "words": [tuple(map(float, m[:4])) + (m[4],) for m in WORD.findall(body)]}
        for w, h, body in PAGE.findall(html)
    ]


@pytest.fixture(scope="module")
def printer(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def points_per_box(printer, tmp_path_factory) -> float:
    """How tall pdftotext's box of a word is per point of type, in the cards' font."""
    printer.set_content(f'<p style="font: 20pt {CARD_FONT}">Calibrar quien confianza</p>')
    words = read_pdf(printer.pdf(format="A4"), tmp_path_factory.mktemp("calibrate"))[0]["words"]
    return statistics.median(w[3] - w[1] for w in words) / 20


def sheet_of(printer, url: str, sheet: str, tmp_path) -> list[dict]:
    printer.goto(url)
    return read_pdf(printer.pdf(format=sheet), tmp_path)


def measure(pages: list[dict], points_per_box: float) -> dict:
    words = pages[0]["words"]
    top = min(w[1] for w in words)
    bottom = max(w[3] for w in words)
    # The lists are the most common size on a card.
    sizes = Counter(round((w[3] - w[1]) / points_per_box, 1) for w in words)
    return {
        "pages": len(pages),
        "fill": (bottom - top) / pages[0]["height"],
        "body": sizes.most_common(1)[0][0],
        "left": min(w[0] for w in words),
        "words": len(words),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_card_fills_one_sheet_of_every_size(server, printer, points_per_box, tmp_path, language):
    failures = []
    for type_id in cards_site.TYPES:
        for sheet in SHEETS:
            pages = sheet_of(printer, server + page_url(f"cards/{type_id}", language), sheet, tmp_path)
            found = measure(pages, points_per_box)
            where = f"{language}/{type_id} on {sheet}"
            assert found["words"] > 50, where
            if found["pages"] != 1:
                failures.append(f"{where}: {found['pages']} pages")
            if found["fill"] < 0.7:
                failures.append(f"{where}: text over {found['fill']:.0%} of the sheet's height")
            if sheet == "A6" and found["body"] < 7.95:
                failures.append(f"{where}: lists at {found['body']} pt")
    assert not failures, "\n".join(failures)


def test_print_margins_are_the_cards_alone(server, printer, points_per_box, tmp_path):
    card = measure(sheet_of(printer, server + page_url("cards/enojado", "es"), "A4", tmp_path),
                   points_per_box)
    page = measure(sheet_of(printer, server + page_url("tipos/enojado", "es"), "A4", tmp_path),
                   points_per_box)
    # 6 mm (17 pt) round a card; the browser's own (about 1 cm) round a type page.
    assert card["left"] < 20 < 26 < page["left"], (card["left"], page["left"])


def one_line_each(data: dict) -> None:
    data["summary"] = "Breve."
    data["recognise"] = ["Uno"]
    data["attend"] = ["Dos"]
    data["questions"]["guidance"] = ["Tres"]
    data["questions"]["examples"] = ["¿Cuatro?", "¿Cinco?"]  # two at least


@pytest.fixture(scope="module")
def extremes(tmp_path_factory):
    """The playbook with one card at every limit and one with a line per list."""
    project = cards_site.copy_project(tmp_path_factory.mktemp("print-extremes"))
    for language in LANGUAGES:
        cards_site.change_type(project, "enojado", language,
                               lambda data, language=language: cards_site.fill_to_limits(data, language))
        cards_site.change_type(project, "conocedor", language, one_line_each)
    with serve(project / "site") as base:
        result = mkdocs_build(project, project / "site", site_url=base)
        assert result.returncode == 0, result.stdout + result.stderr
        yield base


@pytest.mark.parametrize("type_id", ["enojado", "conocedor"], ids=["fullest", "emptiest"])
def test_the_fullest_and_the_emptiest_card_fill_one_sheet(extremes, printer, points_per_box,
                                                          tmp_path, type_id):
    for sheet in SHEETS:
        found = measure(sheet_of(printer, extremes + f"cards/{type_id}/", sheet, tmp_path),
                        points_per_box)
        assert found["pages"] == 1, (type_id, sheet)
        assert found["fill"] >= 0.7, (type_id, sheet, found["fill"])
        if sheet == "A6":
            assert found["body"] >= 5.5, found  # the smallest print scale, 0.7, is 5.6 pt
