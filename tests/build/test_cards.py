"""Quick cards in real builds, without a browser: what the playbook's build
wrote (cards.json, version file, type pages, language switcher, search index,
sitemap, navigation, QR codes); in small changed copies of the playbook, one
field changed shows everywhere, and bad data stops the build with messages an
editor can act on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from playbook import customer_type, label_files
from support import LANGUAGES, ROOT, cards_site, lunr_index, mkdocs_build, page_url
from support.cards_site import MARKERS

TYPES = cards_site.TYPES
SCHEMA = json.loads((ROOT / "hooks/playbook/schemas/cards.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def cards_json(site: Path, language: str) -> dict:
    folder = "" if language == "es" else f"{language}/"
    return json.loads((site / folder / "cards/cards.json").read_text(encoding="utf-8"))


# --- What the playbook's build wrote --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_cards_json_has_six_cards_valid_against_its_schema(site, language):
    document = cards_json(site, language)
    VALIDATOR.validate(document)
    assert document["language"] == language
    assert [card["id"] for card in document["cards"]] == list(TYPES)
    for card in document["cards"]:
        assert card["recognise"] and card["attend"]
        assert card["questions"]["guidance"] and card["questions"]["examples"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_addresses_in_cards_json_lead_to_built_pages(site, language):
    folder = "" if language == "es" else f"{language}/"
    base = site / folder / "cards"
    for card in cards_json(site, language)["cards"]:
        for url in [card["url"], card["page_url"], *(link["url"] for link in card["related"])]:
            target = (base / url.partition("#")[0] / "index.html").resolve()
            assert target.is_file(), url
            assert target.is_relative_to((site / folder).resolve())
            if language != "es":
                assert target.is_relative_to((site / language).resolve()), (
                    f"{url} leaves the English site"
                )


def test_the_schema_refuses_a_broken_cards_json(site):
    document = cards_json(site, "es")
    broken = json.loads(json.dumps(document))
    broken["cards"][0]["attend"] = ["x"] * 7
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(broken)
    broken = json.loads(json.dumps(document))
    del broken["cards"][0]["url"]
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(broken)
    broken = json.loads(json.dumps(document))
    broken["cards"][0]["page_url"] = "https://example.com/"
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(broken)


def test_one_version_for_cards_json_kiosks_and_version_files(site):
    versions = set()
    for language in LANGUAGES:
        folder = "" if language == "es" else f"{language}/"
        versions.add(json.loads((site / folder / "kiosk/version.json").read_text())["version"])
        versions.add(cards_json(site, language)["version"])
        kiosk = read(site, f"{folder}kiosk")
        versions.add(re.search(r'data-version="([0-9a-f]+)"', kiosk).group(1))
    assert len(versions) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_generated_pages_have_their_language_and_a_switcher_to_their_translation(site, language):
    other = "en" if language == "es" else "es"
    for key in ["cards/index", *(f"cards/{t}" for t in TYPES)]:
        html = read(site, page_url(key, language))
        assert re.search(rf'<html lang="{language}"', html)
        switcher = dict(
            re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)" class="md-select__link"', html)
        )
        switcher = {lang: href for href, lang in switcher.items()}
        here = site / page_url(key, language)
        target = (here / switcher[other] / "index.html").resolve()
        assert target == (site / page_url(key, other) / "index.html").resolve(), switcher
    kiosk = read(site, page_url("kiosk/index", language))
    assert re.search(rf'<html lang="{language}"', kiosk)


def test_the_sitemap_lists_cards_with_their_translations_and_not_the_kiosk(site, site_url):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for language in LANGUAGES:
        assert f"<loc>{site_url}{page_url('cards/enojado', language)}</loc>" in sitemap
    assert f'hreflang="en" href="{site_url}en/cards/enojado/"' in sitemap
    assert "kiosk" not in sitemap


def search_index(site: Path, language: str) -> dict:
    """The language's searched documents: in the search worker's files."""
    folder = "" if language == "es" else f"{language}/"
    return lunr_index.read(site / folder / "search")


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_type_pages_blocks_not_the_cards(site, language):
    locations = [doc["location"] for doc in search_index(site, language)["docs"]]
    assert "cards/" in locations, "the cards index is searchable"
    assert not [loc for loc in locations if re.match(r"cards/.+|kiosk/", loc)]
    for anchor in customer_type.shape().anchors.values():
        assert f"tipos/enojado/#{anchor}" in locations
    words = label_files.labels("cards")[language]
    attend = next(
        doc
        for doc in search_index(site, language)["docs"]
        if doc["location"] == "tipos/enojado/#atender"
    )
    assert attend["title"] == words["attend"]
    first_bullet = cards_json(site, language)["cards"][2]["attend"][0]
    assert (
        first_bullet.replace("'", "&#39;")[:20] in attend["text"]
        or first_bullet[:20] in attend["text"]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_cards_index_is_in_the_navigation_and_single_cards_are_not(site, language):
    html = read(site, page_url("factores", language))
    title = label_files.labels("cards")[language]["cards_title"]
    assert re.search(rf'href="\.\./cards/"[^>]*>\s*(<span[^>]*>)?\s*{title}', html), "no nav entry"
    assert "cards/enojado/" not in html and "kiosk/" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_type_pages_show_their_data_with_fixed_ids_and_links_in_their_language(site, language):
    for number, data in enumerate(cards_json(site, language)["cards"]):
        html = read(site, page_url(f"tipos/{TYPES[number]}", language))
        for field, anchor in customer_type.shape().anchors.items():
            # Escalation is only for the types whose situation can escalate.
            assert (f'id="{anchor}"' in html) == (field != "escalation" or "escalation" in data), anchor
        for line in (
            data["recognise"] + data["attend"] + data["questions"]["examples"] + data["phrases"]
            + list(data["channels"].values()) + list(data.get("escalation", {}).values())
        ):
            # A hyphenated word is kept whole in a span of its own (partials/card-blocks.html).
            assert line.replace("'", "&#39;") in re.sub(r'</?span( class="qc-word")?>', "", html), line
        related = html[html.index('id="relacionado"') :]
        hrefs = re.findall(r'<a href="([^"#]+)', related)[: len(data["related"]) + 1]
        here = site / page_url(f"tipos/{TYPES[number]}", language)
        for href in hrefs:
            target = (here / href).resolve()
            inside_english = target.is_relative_to((site / "en").resolve())
            assert inside_english == (language == "en"), href


# --- Small changed copies of the playbook ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_changed_field_shows_on_page_card_kiosk_and_json(changed_site, language):
    site, originals = changed_site
    folder = "" if language == "es" else f"{language}/"
    views = {
        "type page": read(site, page_url("tipos/enojado", language)),
        "card": read(site, page_url("cards/enojado", language)),
        "kiosk": read(site, page_url("kiosk/index", language)),
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
        card = read(site, page_url("cards/enojado", language))
        assert 'class="qc-card"' in card
        assert "qc-qr" not in card and "<figure" not in card


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
