"""Quick cards, without a build: the data checks on pages in memory, the
labels and the schema, the generated-pages library, and the card template's
escaping. What a real build writes is checked in tests/build/test_cards.py."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import jinja2
import material
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

import generated_pages
from playbook import build, checks, customer_type, generated, label_files, schema
from playbook import catalogue as content
from support import LANGUAGES, ROOT
from support.sites import ICONS

SCHEMA = json.loads((ROOT / "hooks/playbook/schemas/cards.schema.json").read_text(encoding="utf-8"))
PAGE_SCHEMA = json.loads((ROOT / "hooks/playbook/schemas/page.schema.json").read_text(encoding="utf-8"))
KINDS = PAGE_SCHEMA["properties"]["customer_type"]["properties"]["questions"]["properties"]["kind"]["enum"]
REFERENCES = """---
title: Referencias
description: Las fuentes de este manual, con los datos de cada obra citada en sus páginas.
---

## Rapidez en la atención {#rapidez}

## Sin id explícito
"""


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
        "channels": {"phone": "Tono tranquilo.", "chat": "Mensajes cortos.", "email": "Responder el mismo día."},
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
    # The type page's ids: the references page keeps a heading without its own (an id made from its words).
    ids = [problem for problem in checks.anchors.check(catalogue) if problem.path.startswith("tipos/")]
    return checks.front_matter.check(catalogue, ICONS) + checks.links.check(catalogue, site) \
        + checks.parity.check(catalogue, site) + ids


def test_good_data_has_no_problems():
    assert problems_of(good_data()) == []


def test_the_model_carries_labels_and_related_titles():
    catalogue = catalogue_with(good_data())
    model = customer_type.model(catalogue, catalogue.page("tipos/enojado", "en"))
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
    config = fake_config()
    with pytest.raises(PluginError, match="hooks/check_content.py"):
        build.checked_catalogue(config)
    # What the checks passed is what the cards take.
    checked = catalogue_with(good_data())
    build.passed(config, checked)
    assert build.checked_catalogue(config) is checked


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
    labels = label_files.labels("cards")
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
    assert SCHEMA["$defs"]["line"]["maxLength"] == schema.at(("customer_type", "recognise", 0))["maxLength"]
    assert card["name"]["maxLength"] == schema.at(("customer_type", "name"))["maxLength"]
    assert card["summary"]["maxLength"] == schema.at(("customer_type", "summary"))["maxLength"]
    for key in ("recognise", "attend", "phrases"):
        page = schema.at(("customer_type", key))
        assert (card[key]["minItems"], card[key]["maxItems"]) == (page["minItems"], page["maxItems"])
    questions = card["questions"]["properties"]
    for key in ("guidance", "examples"):
        page = schema.at(("customer_type", "questions", key))
        assert (questions[key]["minItems"], questions[key]["maxItems"]) == (page["minItems"], page["maxItems"])
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
        plugins={"i18n": i18n}, use_directory_urls=use_directory_urls, site_dir="site"
    )


def test_languages_come_in_the_order_asked_each_once():
    """The default first; the kiosk's own language first where it asks (cards, practice slides)."""
    config = fake_config()
    config.plugins["i18n"].build_languages = ["en", "fr", "es"]
    assert build.languages(config) == ("es", "en", "fr")
    assert build.languages(config, first="fr") == ("fr", "es", "en")
    assert build.languages(config, first="es") == ("es", "en", "fr")


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
        ("factores.md#rapidez", "en", "en/factores/#rapidez"),
    ],
)
def test_url_of(path, language, url):
    assert build.url_of(fake_config(), path, language) == url


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
    assert build.relative_url(target, base) == relative


def switched(page: generated.GeneratedPage) -> tuple[list[str], list[dict]]:
    """The switcher's links as mkdocs-static-i18n sets them for ``page`` generated in English,
    and the plugin's own list."""
    alternates = [
        {"name": "Español", "link": "/", "lang": "es"},
        {"name": "English", "link": "/en/", "lang": "en"},
    ]
    config = fake_config("en")
    config.extra = SimpleNamespace(alternate=[])
    config.plugins = type("Plugins", (dict,), {"_current_plugin": "cards"})(config.plugins)
    files = Files([])
    files.plugin = config.plugins["i18n"]
    build.add_generated(files, config, [page])
    (file,) = files
    assert file.locale == "en", "the plugin sets the switcher of pages with a locale only"
    plugin = SimpleNamespace(extra_alternate=alternates)
    ExtendedPlugin.reconfigure_page_context(plugin, {}, SimpleNamespace(url=file.url, file=file), config, None)
    return [link["link"] for link in config.extra.alternate], alternates


def test_the_switcher_of_a_generated_page_names_its_translations():
    links, _ = switched(generated.GeneratedPage("cards/enojado.md", ""))
    assert links == ["cards/enojado/", "en/cards/enojado/"]
    # A page each language names in its own words: each link goes to its own.
    links, alternates = switched(generated.GeneratedPage("traducciones.md", "", addresses={"en": "translations.md"}))
    assert links == ["traducciones/", "en/translations/"]
    assert alternates[1]["link"] == "/en/", "the plugin's own list must stay untouched"


def test_pages_added_before_the_i18n_plugin_sorted_the_files_are_refused():
    with pytest.raises(PluginError, match=r"@event_priority\(Priority.GENERATE\)"):
        build.add_generated(
            Files([]), fake_config(), [generated.GeneratedPage("x/index.md", "# X")]
        )


def test_a_page_generated_in_one_language_only_stops_the_build():
    config = fake_config()
    marked = SimpleNamespace(
        **{generated.MARK: generated.GeneratedPage("status/index.md", "")}
    )
    generated_pages.on_files([marked], config)  # Spanish
    config.plugins["i18n"].current_language = "en"
    with pytest.raises(PluginError, match=r"status/index\.md: not generated in 'en'"):
        generated_pages.on_files([], config)  # English generates nothing
    generated_pages.on_files([marked], config)  # both languages alike: no error


def test_no_editor_text_reaches_a_page_unescaped():
    """Text of the front matter is text: the checks refuse markup in it, and
    should any reach a card, the card shows it, never runs it."""
    data = with_change(lambda d: d["attend"].append("<b onmouseover=x>ojo</b>"))
    assert any("HTML is not allowed" in p.hint for p in problems_of(data)), problems_of(data)
    catalogue = catalogue_with(data)
    templates = [str(ROOT / "overrides"), str(Path(material.__file__).parent / "templates")]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates))
    module = env.get_template("partials/card-blocks.html").module
    model = customer_type.model(catalogue, catalogue.page("tipos/enojado", "es"))
    model["qr"] = None
    html = str(module.card(model, label_files.labels("cards")["es"]))
    assert "&lt;b onmouseover=x&gt;ojo&lt;/b&gt;" in html
    assert "<b onmouseover" not in html
