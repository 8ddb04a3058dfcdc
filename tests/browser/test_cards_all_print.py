"""All cards at once: cards/all/ of each language, printed once, gives one sheet per card, in
the navigation's order, each sheet holding its card alone (its name and summary, no other
card's), and no page furniture; on A6, A5, A4 and Letter. Read back from the PDF as words with
their boxes (`pdftotext -bbox`), as a print shop's preflight would."""

from __future__ import annotations

import html
import json
import re
import subprocess

import pytest

from support import LANGUAGES, page_url

PAPERS = ("A6", "A5", "A4", "Letter")
PAGE = re.compile(r"<page\b[^>]*>(.*?)</page>", re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def sheets(pdf: bytes, tmp_path) -> list[list[tuple[float, float, str]]]:
    """Each sheet's words, with where they start: [(x, y, word), ...] per sheet."""
    source = tmp_path / "cards.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True,
                         check=True).stdout
    return [[(float(x), float(y), html.unescape(text)) for x, y, _, _, text in WORD.findall(body)]
            for body in PAGE.findall(out)]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_print_gives_every_card_one_sheet_each(site, browser, server, language, tmp_path):
    cards = json.loads((site / page_url("cards", language) / "cards.json").read_text(encoding="utf-8"))["cards"]
    assert len(cards) == 6
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + page_url("cards/all", language))
    intro = words(page.locator(".qc-all__intro p").first.inner_text())
    for paper in PAPERS:
        found = sheets(page.pdf(format=paper), tmp_path)
        assert len(found) == len(cards), f"{language} {paper}: {len(found)} sheets for {len(cards)} cards"
        for card, sheet in zip(cards, found, strict=True):
            text = words(" ".join(word for _, _, word in sheet))
            # Its own card, whole: the name first on the sheet, the summary, the last example.
            assert text.startswith(words(card["name"])), (paper, text[:80])
            assert words(card["summary"]) in text and words(card["questions"]["examples"][-1]) in text
            others = [other for other in cards if other["id"] != card["id"]]
            assert not any(words(other["summary"]) in text for other in others), (paper, card["id"])
            assert intro[:40] not in text
    context.close()
