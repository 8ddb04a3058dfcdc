"""A card built for the public address, as the deploy builds it: its QR code shows beside the
name on a 1920x1080 screen, and the card with its code still prints on one A6, A5 or Letter
sheet. (The session build is for 127.0.0.1, whose cards carry no code:
tests/build/test_qr_address.py.)"""

from __future__ import annotations

import re

import pytest

from support import LANGUAGES, cards_site, page_url
from support.server import serve

CARDS = [(type_id, language) for language in LANGUAGES for type_id in cards_site.TYPES]


@pytest.fixture(scope="module")
def public_server(public_build):
    with serve(public_build[0]) as base:
        yield base


@pytest.mark.parametrize(("type_id", "language"), CARDS)
def test_a_public_cards_qr_code_shows_and_the_card_prints_on_one_sheet(browser, public_server, type_id, language):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(public_server + page_url(f"cards/{type_id}", language))
    qr = page.locator(".qc-card__qr svg")
    assert qr.is_visible() and page.locator(".qc-card__note").count() == 0
    # Beside the name, inside the card.
    code, card = qr.bounding_box(), page.locator(".qc-card").bounding_box()
    assert card["x"] <= code["x"] and code["x"] + code["width"] <= card["x"] + card["width"]
    for paper in ("A6", "A5", "Letter"):
        sheets = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))
        assert sheets == 1, f"{page.url}: {sheets} {paper} sheets"
    context.close()
