"""Quick cards, without a browser: the data checks, the generated-pages
library, and what the real build wrote (cards.json, version file, type pages,
language switcher, search index, sitemap, navigation)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import jsonschema
import material
import pytest
import segno
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

import checks
import content
import customer_types
import generated_pages
from support import LANGUAGES, ROOT, cards_site, page_url

TYPES = cards_site.TYPES
SCHEMA = json.loads((ROOT / "hooks/schemas/cards.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
PAGE_SCHEMA = json.loads((ROOT / "hooks/schemas/page.schema.json").read_text(encoding="utf-8"))
KINDS = PAGE_SCHEMA["properties"]["customer_type"]["properties"]["questions"]["properties"]["kind"]["enum"]
ICONS = [Path(material.__file__).parent / "templates" / ".icons"]
REFERENCES = """---
title: Referencias
description: Las fuentes de este manual, con los datos de cada obra citada en sus páginas.
---

## Rapidez en la atención {#rapidez}

## Sin id explícito
"""


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def cards_json(site: Path, language: str) -> dict:
    folder = "" if language == "es" else f"{language}/"
    return json.loads((site / folder / "cards/cards.json").read_text(encoding="utf-8"))


# --- The data checks, on pages in memory ---------------------------------------------------


def type_page(path: str, data: dict, body: str = "Texto.\n") -> tuple:
    meta = {"title": "Cliente enojado",
            "description": "Cómo reconocer y atender al cliente enojado, y qué preguntas hacerle.",
            "customer_type": data}
    raw = (
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body
    ).encode()
    return content.parse_page(path, raw, ("es", "en"))[0]


def good_data() -> dict:
    return {
        "id": "enojado",
        "name": "Enojado/a",
        "icon": "material/emoticon-angry-outline",
        "summary": "Calma, privacidad y respuestas breves.",
        "recognise": ["Bajo autocontrol"],
        "attend": ["No perder la calma", "Dar privacidad"],
        "questions": {
            "kind": "closed",
            "guidance": ["Cerradas"],
            "examples": ["¿Esta boleta?", "¿Hoy?"],
        },
        "phrases": ["Entiendo su molestia.", "Pasemos aquí."],
        "related": ["referencias.md#rapidez"],
    }


def catalogue_with(data: dict, en_data: dict | None = None, body: str = "Texto.\n"):
    catalogue = content.Catalogue(languages=("es", "en"))
    pages = [
        type_page("tipos/enojado.es.md", data, body),
        type_page("tipos/enojado.en.md", en_data if en_data is not None else good_data(), body),
    ]
    for language in ("es", "en"):
        pages.append(
            content.parse_page(f"referencias.{language}.md", REFERENCES.encode(), ("es", "en"))[0]
        )
    for page in pages:
        catalogue.pages[(page.key, page.language)] = page
    return catalogue


def problems_of(data: dict, **kwargs) -> list[content.Problem]:
    """What the content checks say of a type page with ``data`` (its English half good)."""
    catalogue = catalogue_with(data, **kwargs)
    site = checks.site_from_catalogue(catalogue)
    return checks.front_matter.check(catalogue, ICONS) + checks.links.check(catalogue, site) \
        + checks.parity.check(catalogue, site) + checks.anchors.check(catalogue)


def test_good_data_has_no_problems():
    assert problems_of(good_data()) == []


def test_the_model_carries_labels_and_related_titles():
    catalogue = catalogue_with(good_data())
    model = customer_types.model(catalogue, catalogue.page("tipos/enojado", "en"))
    assert model["questions"]["kind_label"] == "Closed questions"
    assert model["related"] == [
        {"path": "referencias.md#rapidez", "title": "Rapidez en la atención"}
    ]


def with_change(change) -> dict:
    data = good_data()
    change(data)
    return data


# What would break a card, and the words of the problem the checks report on its line.
@pytest.mark.parametrize(
    ("change", "on_line", "words"),
    [
        (lambda d: d.update(attend=["Uno"] * 7), "attend:", "has 7 items; at most 6"),
        (lambda d: d.update(recognise=[]), "recognise:", "is an empty list; it needs at least 1"),
        (lambda d: d["attend"].append("x" * 71), "xxxxxxxx", "is 71 characters long; at most 70 fit"),
        (lambda d: d.update(attend="Dar privacidad"), "attend:", "must be a list"),
        (lambda d: d["attend"].append(42), "- 42", "must be a text, not a number"),
        (lambda d: d.update(recognize=["Bajo autocontrol"]), "recognize:", "Did you mean 'recognise'?"),
        (lambda d: d["questions"].update(kind="sometimes"), "kind:", "open, exploratory"),
        (lambda d: d["questions"].update(examples=["Solo una"]), "examples:", "it needs at least 2"),
        (lambda d: d.update(icon="material/no-such-icon"), "icon:", "There is no icon"),
        (lambda d: d.update(icon="../../../etc/passwd"), "icon:", "is not written as expected"),
        (lambda d: d.update(id="angry"), "id:", "but its file is named 'enojado'"),
        (lambda d: d.update(related=["referencias.md#lentitud"]), "lentitud", "#lentitud"),
        (lambda d: d.update(related=["nada.md#rapidez"]), "nada.md", "nada"),
        (lambda d: d.pop("summary"), "customer_type:", "'summary'"),
        (lambda d: d.update(name="N" * 31), "name:", "is 31 characters long; at most 30 fit"),
    ],
)
def test_bad_data_gets_a_clear_problem_on_its_line(change, on_line, words):
    data = with_change(change)
    found = problems_of(data)
    problem = next((p for p in found if words in p.message + " " + p.hint), None)
    assert problem is not None, [str(p) for p in found]
    assert problem.path == "tipos/enojado.es.md"
    source = type_page("tipos/enojado.es.md", data)
    lines = (
        "---\n" + yaml.safe_dump(source.meta, allow_unicode=True, sort_keys=False)
    ).splitlines()
    assert on_line in lines[problem.line - 1], (problem.line, lines)


def test_every_problem_is_reported_together():
    data = good_data()
    data["attend"] = ["Uno"] * 7
    data["questions"]["kind"] = "sometimes"
    data["recognize"] = data.pop("recognise")
    assert len(problems_of(data)) >= 4  # too many, bad kind, unknown field, missing field


def test_a_heading_may_not_take_an_id_the_data_makes():
    found = problems_of(good_data(), body="Texto.\n\n## Otra cosa {#atender}\n")
    assert any("'#atender' is taken" in p.message for p in found), [str(p) for p in found]


def test_the_cards_need_the_content_checks():
    with pytest.raises(PluginError, match="hooks/check_content.py"):
        customer_types.catalogue(SimpleNamespace(hooks=[str(ROOT / "hooks/cards.py")]))


# Random front matter: the checks report or pass, they never crash.
values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=90),
    lambda children: (
        st.lists(children, max_size=8) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=25,
)
FIELDS = tuple(PAGE_SCHEMA["properties"]["customer_type"]["properties"])
QUESTION_FIELDS = tuple(PAGE_SCHEMA["properties"]["customer_type"]["properties"]["questions"]["properties"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*FIELDS, "extra"]), values, max_size=10))
def test_random_data_never_crashes_the_checks(data):
    found = problems_of(data)
    assert all(isinstance(problem, content.Problem) for problem in found)


@settings(max_examples=50, deadline=None)
@given(st.one_of(values, st.dictionaries(st.sampled_from(QUESTION_FIELDS), values)))
def test_random_questions_never_crash_the_checks(questions):
    data = good_data()
    data["questions"] = questions
    found = problems_of(data)
    assert all(isinstance(problem, content.Problem) for problem in found)


# --- The words and the schema -------------------------------------------------------------


def keys_of(value, prefix=()):
    if isinstance(value, dict):
        return {key for name, item in value.items() for key in keys_of(item, (*prefix, name))}
    return {prefix}


def test_labels_exist_in_both_languages_with_the_same_keys():
    labels = customer_types.labels()
    assert set(labels) == set(LANGUAGES)
    assert keys_of(labels["es"]) == keys_of(labels["en"])
    assert set(labels["es"]["question_kinds"]) == set(KINDS)
    for language in LANGUAGES:
        assert all(
            isinstance(v, str) and v.strip()
            for v in labels[language].values()
            if not isinstance(v, dict)
        )


def test_cards_json_and_the_page_schema_agree_on_the_limits():
    card = SCHEMA["$defs"]["card"]["properties"]
    assert SCHEMA["$defs"]["line"]["maxLength"] == customer_types.MAX_CHARS["item"]
    assert card["name"]["maxLength"] == customer_types.MAX_CHARS["name"]
    assert card["summary"]["maxLength"] == customer_types.MAX_CHARS["summary"]
    for key in ("recognise", "attend", "phrases"):
        assert (card[key]["minItems"], card[key]["maxItems"]) == customer_types.LIMITS[key]
    questions = card["questions"]["properties"]
    for key in ("guidance", "examples"):
        assert (questions[key]["minItems"], questions[key]["maxItems"]) == customer_types.LIMITS[
            key
        ]
    assert questions["kind"]["enum"] == KINDS


# --- The generated-pages library ----------------------------------------------------------


def fake_config(current="es", use_directory_urls=True):
    i18n = SimpleNamespace(
        default_language="es",
        build_languages=["es", "en"],
        current_language=current,
        building=False,
        i18n_files_per_language={},
    )
    return SimpleNamespace(
        plugins={"i18n": i18n}, use_directory_urls=use_directory_urls, site_dir="/tmp/x"
    )


@pytest.mark.parametrize(
    ("path", "language", "url"),
    [
        ("cards/index.md", "es", "cards/"),
        ("cards/index.md", "en", "en/cards/"),
        ("cards/enojado.md", "en", "en/cards/enojado/"),
        ("cards/cards.json", "en", "en/cards/cards.json"),
        ("tipos/enojado.md", "es", "tipos/enojado/"),
        ("index.md", "en", "en/"),
        ("index.md", "es", ""),
    ],
)
def test_url_of(path, language, url):
    assert generated_pages.url_of(fake_config(), path, language) == url


@pytest.mark.parametrize(
    ("target", "base", "relative"),
    [
        ("en/factores/", "en/cards/cards.json", "../factores/"),
        ("en/cards/enojado/", "en/cards/cards.json", "enojado/"),
        ("", "cards/cards.json", "../"),
        ("factores/#rapidez", "cards/cards.json", "../factores/#rapidez"),
    ],
)
def test_relative_url(target, base, relative):
    assert generated_pages.relative_url(target, base) == relative


def test_the_switcher_of_a_generated_page_names_its_translations():
    alternates = [
        {"name": "Español", "link": "/", "lang": "es"},
        {"name": "English", "link": "/en/", "lang": "en"},
    ]
    links = generated_pages.translation_links(alternates, fake_config("en"), "cards/enojado.md")
    assert [link["link"] for link in links] == ["cards/enojado/", "en/cards/enojado/"]
    assert alternates[1]["link"] == "/en/", "the plugin's own list must stay untouched"


def test_pages_added_before_the_i18n_plugin_sorted_the_files_are_refused():
    with pytest.raises(PluginError, match=r"@event_priority\(-200\)"):
        generated_pages.add(
            Files([]), fake_config(), [generated_pages.GeneratedPage("x/index.md", "# X")]
        )


def test_a_page_generated_in_one_language_only_stops_the_build():
    config = fake_config()
    marked = SimpleNamespace(
        **{generated_pages.MARK: generated_pages.GeneratedPage("status/index.md", "")}
    )
    generated_pages.on_files([marked], config)  # Spanish
    config.plugins["i18n"].current_language = "en"
    generated_pages.on_files([], config)  # English generates nothing
    with pytest.raises(PluginError, match=r"status/index\.md: not generated in 'en'"):
        generated_pages.on_post_build(config)
    generated_pages.on_files([marked], config)
    generated_pages.on_post_build(config)  # both languages now: no error


# --- What the real build wrote --------------------------------------------------------------


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
    folder = "" if language == "es" else f"{language}/"
    return json.loads((site / folder / "search/search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_type_pages_blocks_not_the_cards(site, language):
    locations = [doc["location"] for doc in search_index(site, language)["docs"]]
    assert "cards/" in locations, "the cards index is searchable"
    assert not [loc for loc in locations if re.match(r"cards/.+|kiosk/", loc)]
    for anchor in customer_types.ANCHORS.values():
        assert f"tipos/enojado/#{anchor}" in locations
    words = customer_types.labels()[language]
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
    title = customer_types.labels()[language]["cards_title"]
    assert re.search(rf'href="\.\./cards/"[^>]*>\s*(<span[^>]*>)?\s*{title}', html), "no nav entry"
    assert "cards/enojado/" not in html and "kiosk/" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_type_pages_show_their_data_with_fixed_ids_and_links_in_their_language(site, language):
    for number, data in enumerate(cards_json(site, language)["cards"]):
        html = read(site, page_url(f"tipos/{TYPES[number]}", language))
        for anchor in customer_types.ANCHORS.values():
            assert f'id="{anchor}"' in html
        for line in (
            data["recognise"] + data["attend"] + data["questions"]["examples"] + data["phrases"]
        ):
            assert line.replace("'", "&#39;") in html, line
        related = html[html.index('id="relacionado"') :]
        hrefs = re.findall(r'<a href="([^"#]+)', related)[: len(data["related"]) + 1]
        here = site / page_url(f"tipos/{TYPES[number]}", language)
        for href in hrefs:
            target = (here / href).resolve()
            inside_english = target.is_relative_to((site / "en").resolve())
            assert inside_english == (language == "en"), href


def test_the_qr_code_encodes_the_full_pages_address(site, site_url):
    labels = customer_types.labels()
    for language in LANGUAGES:
        html = read(site, page_url("cards/enojado", language))
        address = site_url + page_url("tipos/enojado", language)
        expected = segno.make(address, error="m").svg_inline(
            scale=1,
            border=4,
            dark="#000",
            light="#fff",
            svgclass="qc-qr",
            lineclass=None,
            omitsize=True,
            title=labels[language]["qr_title"].format(url=address),
        )
        assert expected in html


def test_no_editor_text_reaches_a_page_unescaped():
    """Text of the front matter is text: the checks refuse markup in it, and
    should any reach a card, the card shows it, never runs it."""
    data = with_change(lambda d: d["attend"].append("<b onmouseover=x>ojo</b>"))
    assert any("HTML is not allowed" in p.hint for p in problems_of(data)), problems_of(data)
    catalogue = catalogue_with(data)
    templates = [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates))
    module = env.get_template("partials/card-blocks.html").module
    model = customer_types.model(catalogue, catalogue.page("tipos/enojado", "es"))
    model["qr"] = None
    html = str(module.card(model, customer_types.labels()["es"]))
    assert "&lt;b onmouseover=x&gt;ojo&lt;/b&gt;" in html
    assert "<b onmouseover" not in html
