"""The kiosk on every screen a store may mount, landscape or portrait, from
1024x600 to 3840x2160, with ?lang=both: every slide of both languages keeps
all its text on the screen and inside its box, splits no word over two
lines, sets at least 90 % of its text at 1/36 of the screen's shorter side
or larger and none below 1/60; a tall screen stacks the blocks; the type is
fitted both ways (smaller than the CSS's default on a small screen, larger on
a large one); the controls speak the language of the card on show; and
every piece of the page is inside a landmark (axe's "region")."""

from __future__ import annotations

import pytest

from support import LANGUAGES, cards_site, mkdocs_build, page_url
from support.chromium import axe_source
from support.screen_geometry import TEXT_GEOMETRY, summary
from support.server import serve

pytestmark = pytest.mark.browser

SCREENS = [(1024, 600), (1280, 720), (1366, 768), (1920, 1080), (1080, 1920), (768, 1024), (3840, 2160)]
ROOTS = [".qc-slide:not([hidden])", ".qc-kiosk__controls"]
BOXES = ".qc-block, .qc-card__name, .qc-card__summary, .qc-card__qr, .qc-kiosk__button, .qc-kiosk__status"
SLIDE = """() => {
  const slide = document.querySelector('.qc-slide:not([hidden])');
  const blocks = [...slide.querySelectorAll('.qc-block')].map((b) => b.getBoundingClientRect());
  const controls = document.querySelector('.qc-kiosk__controls');
  return {
    lang: slide.dataset.lang,
    layout: slide.dataset.layout,
    size: parseFloat(getComputedStyle(slide).fontSize),
    lefts: blocks.map((b) => Math.round(b.left)),
    controlsLang: controls.lang,
    controlsLabel: controls.getAttribute('aria-label'),
    buttons: [...controls.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') || b.innerText.trim()),
    status: document.querySelector('.qc-kiosk__status').innerText,
  };
}"""


# Every slide in turn, walked in the page with the kiosk's own arrow key (it shows and fits the
# next slide at once): one round trip for the whole walk, not three per slide.
WALK = """([roots, boxes, slides]) => {
  const geometry = TEXT_GEOMETRY, state = SLIDE, seen = [];
  for (let i = 0; i < slides; i++) {
    seen.push({geometry: geometry([roots, boxes]), state: state()});
    document.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', cancelable: true}));
  }
  return seen;
}""".replace("TEXT_GEOMETRY", TEXT_GEOMETRY).replace("SLIDE", SLIDE)


def walk(page, shorter: int, slides: int) -> list[dict]:
    """Every slide in turn: its geometry, as measured, and what it shows."""
    return [{**slide["state"], **summary(slide["geometry"], shorter), "problems": slide["geometry"]["problems"]}
            for slide in page.evaluate(WALK, [ROOTS, BOXES, slides])]


@pytest.fixture(scope="module")
def labels():
    from playbook import label_files

    return label_files.labels("cards")


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_slide_fits_the_screen(browser, server, labels, language, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + page_url("kiosk/index", language) + "?lang=both", wait_until="load")
    slides = page.locator(".qc-slide").count()
    assert slides == 2 * len(cards_site.TYPES)
    shorter = min(width, height)
    seen = walk(page, shorter, slides)
    context.close()
    assert {s["lang"] for s in seen} == set(LANGUAGES)
    for index, slide in enumerate(seen):
        where = f"{width}x{height}, slide {index + 1} ({slide['lang']})"
        assert slide["chars"] > 100, where  # the walk measured a whole card
        assert not slide["problems"], f"{where}: {slide['problems'][:5]}"
        assert slide["share_large"] >= 0.9, f"{where}: {slide['share_large']:.0%} at 1/36 or more"
        assert slide["smallest"] >= shorter / 60 - 0.01, f"{where}: {slide['smallest']} px"
        # Portrait stacks the blocks; landscape sets them side by side.
        if height > width:
            assert slide["layout"] == "stack" and len(set(slide["lefts"])) == 1, where
        else:
            assert slide["layout"] in ("columns", "split") and len(set(slide["lefts"])) > 1, where
        # The controls speak the card's language.
        words = labels[slide["lang"]]
        assert slide["controlsLang"] == slide["lang"], where
        assert slide["controlsLabel"] == words["controls"], where
        # The arrow key that walks the slides pauses the kiosk after the first.
        toggle, paused = (words["play"], " · " + words["paused"]) if index else (words["pause"], "")
        assert slide["buttons"] == [words["previous"], toggle, words["next"]], where
        position = words["position"].format(n=index // 2 + 1, total=len(cards_site.TYPES))
        assert slide["status"] == position + paused, where
    assert errors == []


def test_the_controls_follow_the_card_when_paused(browser, server, labels):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server + "kiosk/?lang=both", wait_until="load")
    page.keyboard.press("ArrowRight")  # pauses, and shows the first card in English
    state = page.evaluate(SLIDE)
    assert state["lang"] == "en"
    assert state["buttons"][1] == labels["en"]["play"]
    assert state["status"] == "1 of 6 · Paused"
    page.keyboard.press("ArrowRight")
    state = page.evaluate(SLIDE)
    assert state["lang"] == "es" and state["status"] == "2 de 6 · En pausa"
    assert state["buttons"][1] == labels["es"]["play"]
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_piece_of_the_kiosk_is_in_a_landmark(browser, server, language):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    page.goto(server + page_url("kiosk/index", language) + "?lang=both", wait_until="load")
    page.add_script_tag(content=axe_source())
    rules = "['region', 'landmark-unique', 'landmark-one-main']"
    results = page.evaluate(f"() => axe.run(document, {{runOnly: {{type: 'rule', values: {rules}}}}})")
    assert results["passes"] or results["inapplicable"]
    assert results["violations"] == [], results["violations"]
    context.close()


# --- A card at every limit the data checks allow ------------------------------------


@pytest.fixture(scope="module")
def fullest(tmp_path_factory):
    project = cards_site.copy_project(tmp_path_factory.mktemp("fullest-kiosk"))
    for language in LANGUAGES:
        cards_site.change_type(project, "enojado", language,
                               lambda data, language=language: cards_site.fill_to_limits(data, language))
    with serve(project / "site") as base:
        result = mkdocs_build(project, project / "site", site_url=base)
        assert result.returncode == 0, result.stdout + result.stderr
        yield base


@pytest.mark.parametrize(("width", "height"), [(1024, 600), (768, 1024), (1920, 1080)])
def test_the_fullest_card_fits_the_smallest_screens(browser, fullest, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(fullest + "kiosk/?lang=both", wait_until="load")
    position = cards_site.TYPES.index("enojado") * 2
    for _ in range(position):
        page.keyboard.press("ArrowRight")
    shorter = min(width, height)
    for slide in walk(page, shorter, 2):
        assert slide["chars"] > 1000  # the fullest card indeed
        assert not slide["problems"], slide["problems"][:5]
        assert slide["smallest"] >= shorter / 60 - 0.01
    context.close()


def test_the_type_is_fitted_both_ways(browser, server, fullest):
    """Smaller than the CSS's default (1/30 of the shorter side) for a card
    with much to say on a small screen, larger where there is room; each
    card at a size of its own."""
    def sizes(base, width, height):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(base + "kiosk/?lang=both", wait_until="load")
        found = [s["size"] / min(width, height) for s in walk(page, min(width, height), 12)]
        context.close()
        return found

    assert min(sizes(fullest, 1024, 600)) < 1 / 30
    large = sizes(server, 3840, 2160)
    assert max(large) > 1 / 30
    assert len({round(size, 4) for size in large}) > 1
