"""Quick cards in real Chromium: three filled blocks, one screen at 1920x1080
without scrolling, one printed sheet (A6, A5, Letter), AAA contrast in both
colour schemes; also for a card filled to every limit the data checks allow,
and a field changed in a copy of the playbook shows on its kiosk."""

from __future__ import annotations

import re

import pytest

from support import LANGUAGES, cards_site, mkdocs_build, page_url
from support.cards_site import CONTRASTS, MARKERS, TEXT_SIZES
from support.chromium import SCHEMES
from support.server import serve

TYPES = cards_site.TYPES
CARD_PAGES = [(t, lang) for lang in LANGUAGES for t in TYPES]
FULL_HD = {"width": 1920, "height": 1080}

# How far the card's content reaches, and whether anything inside is cut off.
FIT = """(card) => {
  let bottom = 0, right = 0;
  for (const element of card.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    bottom = Math.max(bottom, box.bottom);
    right = Math.max(right, box.right);
  }
  const clipped = [...card.querySelectorAll('*')].filter(
    (e) => e.scrollHeight > e.clientHeight + 1
      && getComputedStyle(e).overflowY !== 'visible').length;
  return {bottom, right, clipped};
}"""


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.fixture
def full_hd(browser):
    context = browser.new_context(viewport=FULL_HD)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


def assert_fits_the_screen(page):
    size = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight,"
        " innerWidth, innerHeight]"
    )
    assert size[0] <= size[2] and size[1] <= size[3], f"scrollbars: {size}"
    fit = page.locator(".qc-card").evaluate(FIT)
    assert fit["bottom"] <= FULL_HD["height"] and fit["right"] <= FULL_HD["width"], fit
    assert fit["clipped"] == 0, fit


def assert_one_sheet(page):
    for paper in ("A6", "A5", "Letter"):
        assert pdf_pages(page.pdf(format=paper)) == 1, (
            f"{page.url} needs more than one {paper} sheet"
        )


@pytest.mark.parametrize(("type_id", "language"), CARD_PAGES)
def test_a_card_has_three_filled_blocks_fits_the_screen_and_one_sheet(
    server, full_hd, type_id, language
):
    page, errors = full_hd
    page.goto(server + page_url(f"cards/{type_id}", language))
    card = page.locator(".qc-card")
    assert card.get_attribute("data-card") == type_id
    assert card.get_attribute("lang") == language
    assert page.locator(".qc-card__icon svg").is_visible()
    # Built for 127.0.0.1: no QR code, and the card says why (tests/browser/test_card_qr.py: a public build).
    assert page.locator(".qc-card__qr").count() == 0 and page.locator(".qc-card__note").is_visible()
    blocks = page.locator(".qc-block")
    assert blocks.count() == 3
    for index in range(3):
        block = blocks.nth(index)
        assert block.locator(".qc-block__title").inner_text().strip()
        items = block.locator("li")
        assert items.count() >= 1
        assert all(text.strip() for text in items.all_inner_texts())
    assert_fits_the_screen(page)
    assert_one_sheet(page)
    assert errors == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_card_text_has_aaa_contrast(server, browser, scheme, language):
    context = browser.new_context(viewport=FULL_HD, color_scheme=scheme)
    page = context.new_page()
    for type_id in TYPES:
        page.goto(server + page_url(f"cards/{type_id}", language))
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        results = page.locator(".qc-card").evaluate(CONTRASTS)
        assert len(results) > 10
        low = [r for r in results if r["ratio"] < 7]
        assert not low, f"{type_id}: below 7:1 in the {scheme} scheme: {low}"
    context.close()


def test_the_contrast_check_would_catch_faint_text(server, browser):
    context = browser.new_context(viewport=FULL_HD)
    page = context.new_page()
    page.goto(server + page_url("cards/enojado", "es"))
    page.add_style_tag(content=".qc-card__summary { color: #888 !important }")
    results = page.locator(".qc-card").evaluate(CONTRASTS)
    assert min(r["ratio"] for r in results) < 7
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cards_index_leads_to_every_card_and_the_kiosk(server, full_hd, language):
    page, errors = full_hd
    page.goto(server + page_url("cards/index", language))
    links = page.locator(".qc-index a")
    assert links.count() == len(TYPES)
    for index, type_id in enumerate(TYPES):
        assert links.nth(index).get_attribute("href") == f"{type_id}/"
    kiosk = page.locator("a[href='../kiosk/']")
    assert kiosk.count() == 1
    kiosk.click()
    page.wait_for_load_state()
    assert page.url == server + page_url("kiosk/index", language)
    assert errors == []


# --- A card filled to every limit the data checks allow ------------------------------------


@pytest.fixture(scope="module")
def fullest(tmp_path_factory, browser):
    """The playbook with every card at its fullest, built and served."""
    project = cards_site.copy_project(tmp_path_factory.mktemp("fullest"))
    for type_id in TYPES:
        for language in LANGUAGES:
            cards_site.change_type(project, type_id, language,
                                   lambda data, language=language: cards_site.fill_to_limits(data, language))
    with serve(project / "site") as base:
        result = mkdocs_build(project, project / "site", site_url=base)
        assert result.returncode == 0, result.stdout + result.stderr
        yield base


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fullest_card_fits_the_screen_and_one_sheet(fullest, full_hd, language):
    page, _ = full_hd
    page.goto(fullest + page_url("cards/enojado", language))
    assert page.locator(".qc-block li").count() == 6 + 6 + 3 + 3
    assert_fits_the_screen(page)
    assert_one_sheet(page)


def test_the_fullest_cards_fit_the_kiosk_at_30px(fullest, browser):
    # The kiosk fits each card to the screen (kiosk.js): the fullest card the
    # data checks allow keeps its text at 1/36 of the screen's height or more.
    context = browser.new_context(viewport=FULL_HD, reduced_motion="reduce")
    page = context.new_page()
    page.goto(fullest + "kiosk/?lang=both")
    assert min(page.locator(".qc-kiosk__controls").evaluate(TEXT_SIZES)) >= 32
    controls_top = page.locator(".qc-kiosk__controls").bounding_box()["y"]
    for _ in range(2 * len(TYPES)):
        card = page.locator(".qc-slide:visible .qc-card")
        fit = card.evaluate(FIT)
        assert fit["bottom"] <= controls_top and fit["right"] <= FULL_HD["width"], fit
        sizes = card.evaluate(TEXT_SIZES)
        assert min(sizes) >= FULL_HD["height"] / 36, sizes
        page.keyboard.press("ArrowRight")
    context.close()


# --- One field changed in a copy of the playbook --------------------------------------------


def test_the_changed_field_is_visible_in_the_kiosk(changed_site, browser):
    site, _ = changed_site
    with serve(site) as base:
        context = browser.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.goto(base + "kiosk/?lang=both")
        for _ in range(4):  # desconocedor es, en; conocedor es, en
            page.keyboard.press("ArrowRight")
        slide = page.locator(".qc-slide:visible")
        assert slide.get_attribute("data-lang") == "es"
        assert MARKERS["es"] in slide.inner_text()
        page.keyboard.press("ArrowRight")
        assert MARKERS["en"] in page.locator(".qc-slide:visible").inner_text()
        context.close()
