"""Quick cards through real `mkdocs build`s of small changed copies of the
playbook: one field changed shows everywhere; bad data stops the build with
messages an editor can act on."""

from __future__ import annotations

import json
import re

import pytest

from support import LANGUAGES, cards_site, mkdocs_build, page_url
from support.server import serve

MARKERS = {"es": "Ofrecer un vaso de agua ZX17", "en": "Offer a glass of water ZX17"}


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """The playbook with one changed field per language, built without a site_url."""
    project = cards_site.copy_project(tmp_path_factory.mktemp("changed"))
    config = project / "mkdocs.yml"
    config.write_text(
        re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8"
    )
    originals = {}
    for language in LANGUAGES:

        def change(data, language=language):
            originals[language] = data["attend"][0]
            data["attend"][0] = MARKERS[language]

        cards_site.change_type(project, "enojado", language, change)
    result = mkdocs_build(project, project / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", originals


def html(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_changed_field_shows_on_page_card_kiosk_and_json(changed_site, language):
    site, originals = changed_site
    folder = "" if language == "es" else f"{language}/"
    views = {
        "type page": html(site, page_url("tipos/enojado", language)),
        "card": html(site, page_url("cards/enojado", language)),
        "kiosk": html(site, page_url("kiosk/index", language)),
        "cards.json": (site / folder / "cards/cards.json").read_text(encoding="utf-8"),
    }
    for view, text in views.items():
        assert MARKERS[language] in text, f"the change is missing from the {view}"
        assert originals[language] not in text, f"the {view} still shows the old text"
    card = json.loads(views["cards.json"])["cards"][2]
    assert card["id"] == "enojado" and card["attend"][0] == MARKERS[language]
    # The kiosk of either language holds both languages' cards.
    other = "en" if language == "es" else "es"
    assert MARKERS[other] in views["kiosk"]


def test_without_a_site_url_cards_have_no_qr_code(changed_site):
    site, _ = changed_site
    for language in LANGUAGES:
        card = html(site, page_url("cards/enojado", language))
        assert 'class="qc-card"' in card
        assert "qc-qr" not in card and "<figure" not in card


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


def test_bad_card_data_stops_the_build_with_every_problem_named(tmp_path):
    project = cards_site.copy_project(tmp_path / "broken")
    cards_site.change_type(project, "enojado", "es", lambda d: d["attend"].extend(["Uno", "Dos"]))
    cards_site.change_type(
        project, "conocedor", "en", lambda d: d.update(recognize=d.pop("recognise"))
    )
    cards_site.change_type(
        project, "sarcastico", "es", lambda d: d["questions"].update(kind="a veces")
    )
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for name in ("tipos/enojado.es.md", "tipos/conocedor.en.md", "tipos/sarcastico.es.md"):
        assert re.search(rf"docs/{re.escape(name)}:\d+:", output), f"{name} is not named:\n{output}"
    assert "recognise" in output and "a veces" in output
