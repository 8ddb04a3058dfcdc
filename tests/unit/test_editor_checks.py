"""The editors' checks on small in-memory sites: each problem once, on the
file at fault, and the checks that stop what used to pass silently (alt text,
duplicate keys, heading ids, empty boxes, emoji, card text, template
placeholders, untranslated pages, menu translations, uncited pages)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from playbook import catalogue as content
from playbook import checks
from playbook.checks import (
    anchors,
    blanks,
    card_text,
    citations,
    emoji,
    nav,
    parity,
    placeholders,
    untranslated,
)
from playbook.markdown import scan
from support import ROOT
from support.sites import DELETE, append, apply, base_files, catalogue, replace

ICONS = [Path(material.__file__).parent / "templates" / ".icons"]
ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"
TEMPLATES = placeholders.from_folder(ROOT / "templates", ("es", "en"))


def run(edits=None):
    """Every check on the base site with ``edits``, as the build runs them."""
    cat = catalogue(apply(base_files(), edits or {}))
    site = checks.site_from_catalogue(cat, open=True)
    return checks.run_all(cat, site, icon_dirs=ICONS, templates=TEMPLATES)


def text(problems):
    return [f"{p.path}:{p.line}: {p.message} | {p.hint}" for p in problems]


def files_named(problems):
    return {p.path for p in problems}


def line(path, marker, edits):
    page = apply(base_files(), edits)[path]
    page = page.decode("utf-8", "replace") if isinstance(page, bytes) else page
    return page[: page.index(marker)].count("\n") + 1


# --- Each problem once, on the file at fault ------------------------------------


def test_the_base_site_has_no_problem():
    assert text(run()) == []


def test_too_many_items_in_spanish_is_reported_on_spanish_alone():
    edits = {ES_TYPE: replace("    - Dar privacidad\n", "    - Dar privacidad\n" + "    - Otra\n" * 18)}
    problems = run(edits)
    assert files_named(problems) == {ES_TYPE}, text(problems)
    assert len(problems) == 1 and "has 20 items; at most 6" in problems[0].message
    assert not any("Copy" in p.hint for p in problems)


def test_a_mis_indented_list_item_is_reported_where_it_is():
    edits = {ES_TYPE: replace("    - Dar privacidad\n", "      - Dar privacidad\n")}
    problems = run(edits)
    assert files_named(problems) == {ES_TYPE}, text(problems)
    assert problems[0].line == line(ES_TYPE, "      - Dar privacidad", edits)
    assert "indented further than the other items" in problems[0].message


def test_an_item_glued_to_the_one_above_is_one_problem_not_also_a_too_long_item():
    """The glued text is too long because of the glue: indenting the item is the whole fix."""
    glued = "      - Dar privacidad, lejos de la fila, para hablar con calma del problema\n"
    edits = {ES_TYPE: replace("    - Dar privacidad\n", glued)}
    problems = run(edits)
    assert len(problems) == 1, text(problems)
    assert problems[0].line == line(ES_TYPE, glued.strip(), edits)
    assert "indented further than the other items" in problems[0].message
    # Nor is its list too short: 'phrases' holds its two items at the least, one glued to the other.
    edits = {ES_TYPE: replace('    - "Entiendo su molestia."\n    - "Vamos a resolverlo ahora."',
                              '    - Entiendo su molestia.\n      - Vamos a resolverlo ahora.')}
    problems = run(edits)
    assert len(problems) == 1 and "indented further" in problems[0].message, text(problems)


def test_a_broken_link_in_the_original_is_not_also_a_difference_to_copy_into_the_translation():
    """The related topic's anchor misspelt in Spanish: said there, not as English's to copy (the typo with it)."""
    problems = run({ES_TYPE: replace("    - factores.md#rapidez", "    - factores.md#rapides")})
    assert files_named(problems) == {ES_TYPE}, text(problems)
    assert len(problems) == 1 and "rapides" in problems[0].message, text(problems)


def test_an_english_page_at_fault_is_not_compared_either():
    edits = {EN_TYPE: replace("    - Give them privacy\n", "    - Give them privacy\n" + "    - More\n" * 6)}
    problems = run(edits)
    assert files_named(problems) == {EN_TYPE} and len(problems) == 1, text(problems)


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda t: t.replace("Tratar bien.", "Trátalo bien.").encode("latin-1"), "not UTF-8"),
        # The same file saved as UTF-8 before it was reopened in its own encoding: its "á" is lost.
        (lambda t: t.replace("Tratar bien.", "Trátalo bien.").encode("latin-1").decode("utf-8", "replace"),
         "replacement character (\ufffd) at column"),
        (replace("title: Factores de prueba", "title: Factores: de prueba"), "a second ': ' inside its value"),
        (lambda t: t.replace("prueba.\n---\n", "prueba.\n\n", 1), "never closed"),
    ],
    ids=["latin-1", "latin-1-saved-as-utf-8", "bad-yaml", "no-closing-line"],
)
def test_an_unreadable_page_gives_one_problem_and_no_knock_on(edit, message):
    """Other pages link to its sections and cite sources: none of that is reported."""
    problems = run({"factores.es.md": edit})
    assert len(problems) == 1, text(problems)
    assert problems[0].path == "factores.es.md" and message in problems[0].message


def test_an_unreadable_page_comes_first():
    problems = run(
        {
            "factores.es.md": lambda t: t.encode("latin-1"),
            "index.en.md": append("<script>x</script>"),
            "factores.en.md": append("[a](http://e.com)"),
        }
    )
    assert [p.path for p in problems] == ["factores.es.md", "factores.en.md", "index.en.md"]


def test_a_page_named_without_its_language_is_a_copy_only_when_every_language_has_the_page():
    page = base_files()["factores.es.md"]
    copy = catalogue({"factores.md": page, "factores.es.md": page, "factores.en.md": base_files()["factores.en.md"]})
    assert [p.hint for p in copy.problems] == [
        "Move what this copy adds into factores.es.md, factores.en.md (each text in its language), "
        "then delete this file."]
    # The Spanish page missing: this is most likely it, to be named as such (nothing is overwritten).
    missing = catalogue({"factores.md": page, "factores.en.md": base_files()["factores.en.md"]})
    assert [p.hint for p in missing.problems] == [
        "Name it 'factores.es.md' (Spanish) and add its translation 'factores.en.md'."]


def test_a_missing_closing_line_says_so():
    cat = catalogue({"x.es.md": "---\ntitle: X\ndescription: Y\n\nText.\n"})
    assert text(cat.problems) == [
        "x.es.md:1: The front matter that starts on this line is never closed: no '---' line "
        "ends it. | Add a line with '---' after its last field (probably above line 4), before "
        "the page's text."
    ]


# --- Duplicate keys --------------------------------------------------------------


def test_a_key_written_twice_is_reported_on_its_second_line():
    edits = {ES_TYPE: replace("  summary:", "  name: Otro nombre\n  summary:")}
    problems = run(edits)
    assert text(problems) == [
        f"{ES_TYPE}:{line(ES_TYPE, '  name: Otro', edits)}: The field 'customer_type.name' is "
        f"written twice (first on line 6); only this last one would count. | Keep one of the "
        "two: delete the other, or merge their values into one."
    ]


def test_nested_and_top_level_duplicates():
    page, problems = content.parse_page(
        "x.es.md", b"---\ntitle: A\ndescription: B\ntitle: C\nhide:\n  - toc\n---\nT\n", ("es",)
    )
    assert problems == [] and page.meta["title"] == "C"
    assert [(p.line, p.message.split(" (")[0]) for p in page.front_matter_problems] == [
        (4, "The field 'title' is written twice")
    ]


# --- Headings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, expected",
    [
        ("## Atx {#a}\n", [(2, "Atx", "a")]),
        ("## Atx closed ## {#b}\n", [(2, "Atx closed", "b")]),
        ("## Atx no id\n", [(2, "Atx no id", None)]),
        ("##No space {: #c }\n", [(2, "No space", "c")]),
        ("Setext {#d}\n---\n", [(2, "Setext", "d")]),
        ("Setext one\n===\n", [(1, "Setext one", None)]),
        ("Setext two\n------\n", [(2, "Setext two", None)]),
        ("### Deeper {#e}\n", [(3, "Deeper", "e")]),
        ("```\n## in code\n```\n", []),
        ("- item\n---\n", []),
    ],
)
def test_the_scanner_reads_every_heading_form(body, expected):
    assert [(h.level, h.text, h.explicit_id) for h in scan(body).headings] == expected


def test_a_section_heading_without_id_is_reported_with_a_suggestion():
    cat = catalogue(
        apply(
            base_files(),
            {"factores.es.md": append("## Trato al cliente\n\nTexto.\n\nOtra parte\n----------\n\n### Más {#mas}")},
        )
    )
    assert [(p.line, p.message, p.hint.split(" (")[0]) for p in anchors.check(cat)] == [
        (
            16,
            "The heading 'Trato al cliente' has no id.",
            "End its line with an id in braces, the same in both languages: '{#trato-al-cliente}'",
        ),
        (
            20,
            "The heading 'Otra parte' has no id.",
            "End its line with an id in braces, the same in both languages: '{#otra-parte}'",
        ),
    ]


def test_ids_that_differ_between_languages_are_reported_once_on_the_translation():
    edits = {
        "factores.es.md": append("## Nueva {#nueva}\n\nTexto."),
        "factores.en.md": append("## New {#new}\n\nText."),
    }
    problems = run(edits)
    assert text(problems) == [
        f"factores.en.md:{line('factores.en.md', '## New', edits)}: The heading 'New' has the id "
        "'#new', which factores.es.md does not have; its heading 'Nueva' (line "
        f"{line('factores.es.md', '## Nueva', edits)}) has '#nueva' instead. | Headings keep the "
        "same ids in every language: if they are the same section, write '{#nueva}' here (or "
        "change both files, and the links to it)."
    ]


def test_a_section_missing_in_the_translation_and_one_it_adds():
    missing = run({"factores.es.md": append("## Nueva {#nueva}\n\nTexto.")})
    assert [(p.path, p.message.split(",")[0]) for p in missing] == [
        ("factores.en.md", "This page has no heading with the id '#nueva'")
    ]
    extra = run({"factores.en.md": append("## New {#new}\n\nText.")})
    assert [(p.path, p.message) for p in extra] == [
        ("factores.en.md", "The heading 'New' has the id '#new', which factores.es.md does not have.")
    ]


def test_a_linked_id_that_differs_is_one_problem():
    problems = run({"factores.en.md": replace("## Courtesy {#amabilidad}", "## Courtesy {#courtesy}")})
    assert len(problems) == 1, text(problems)
    assert problems[0].path == "factores.en.md" and "'#amabilidad' instead" in problems[0].message


def test_a_page_without_ids_is_not_compared():
    problems = run({"factores.en.md": replace("## Speed {#rapidez}", "## Speed")})
    # One problem, on the heading: its id was deleted, and the Spanish heading still has it.
    assert [p.message for p in problems if p.path == "factores.en.md"] == [
        "The heading 'Speed' has lost its id: the heading in the same place in factores.es.md ('Rapidez', line 8) "
        "still has '#rapidez'."]


# --- Images, boxes, emoji -------------------------------------------------------------


@pytest.mark.parametrize(
    "addition, expected",
    [
        ("![](assets/a.png)", "The image 'assets/a.png' has no text saying what it shows."),
        ("![ ](assets/a.png)", "The image 'assets/a.png' has no text saying what it shows."),
        ("<img>", "The <img> has no alt text saying what it shows."),
        ('<img alt="  ">', "The <img> has no alt text saying what it shows."),
        # Its address's problem says it, with a Markdown fix that says what it shows (checks/links.py).
        ('<img src="a.png">', None),
        ("![A queue at the counter](assets/a.png)", None),
        ('<img src="a.png" alt="A queue">', None),
        ("`![](code.png)`", None),
    ],
)
def test_images_need_alt_text(addition, expected):
    cat = catalogue(apply(base_files(), {"factores.en.md": append(addition)}))
    assert [p.message for p in blanks.check(cat)] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "box, empty",
    [
        ('!!! tip "En la práctica"\n\nTexto sin sangría.', True),
        ('!!! tip "En la práctica"\nTexto pegado.', True),
        ("!!! note", True),
        ('!!! tip "En la práctica"\n    Texto.', False),
        ('!!! tip "En la práctica"\n\n    Texto.', False),
        ('??? note "Más"\n    Texto.', False),
        ('???+ note "Más"\nTexto.', True),
        ("- Lista\n\n    !!! tip\n        Texto.", False),
        ("- Lista\n\n    !!! tip\n    Texto.", True),
        ("```\n!!! tip\n```", None),
    ],
)
def test_empty_admonitions(box, empty):
    cat = catalogue(apply(base_files(), {"factores.es.md": append(box)}))
    found = blanks.check(cat)
    if empty is None:
        assert found == []
        return
    assert len(found) == int(empty)
    if empty:
        assert (
            found[0].line == line("factores.es.md", box.strip().split("\n")[0], {"factores.es.md": append(box)})
            or "!!! tip" in box
        )
        assert "would be shown empty" in found[0].message and "four spaces" in found[0].hint


def test_unknown_emoji_get_a_suggestion_and_known_ones_pass():
    cat = catalogue(
        apply(
            base_files(),
            {
                "factores.en.md": append(
                    ":smile: :material-star-outline: 10:30:45 `:nope:`\n\n:smilee: :material-star-outlin:"
                )
            },
        )
    )
    found = emoji.check(cat)
    assert [(p.line, p.message, p.hint.split("?")[0]) for p in found] == [
        (18, "':smilee:' is not an emoji or icon: it would be shown as written.", "Did you mean ':smile:'"),
        (
            18,
            "':material-star-outlin:' is not an emoji or icon: it would be shown as written.",
            "Did you mean ':material-star-outline:'",
        ),
    ]


def test_the_emoji_index_is_materials_twemoji_with_its_icons():
    names = emoji.material_index()
    assert {"smile", "+1", "material-star-outline", "fontawesome-solid-heart"} <= names


# --- Card fields are plain text ------------------------------------------------------


@pytest.mark.parametrize(
    "value, what",
    [
        ("Dar **privacidad**", "bold"),
        ("Dar __privacidad__", "bold"),
        ("Dar *privacidad*", "italics"),
        ("Dar _privacidad_", "italics"),
        ("Ver [rapidez](../factores.md)", "a link"),
        ("Ver <https://example.com>", "a link"),
        ("Decir `hola`", "code"),
        ("Sonreír :smile:", "an emoji code"),
        ("Confirmar lo que el/la cliente desea", None),
        ("Llamar antes de las 18:00", None),
        ("Precio: 2 * 3 = 6", None),
        ("Usar nombre_de_usuario", None),
    ],
)
def test_markdown_in_card_fields_is_refused(value, what):
    edits = {ES_TYPE: replace("    - Dar privacidad", f'    - "{value}"')}
    found = card_text.check(catalogue(apply(base_files(), edits)))
    if what is None:
        assert found == []
    else:
        assert [(p.line, what in p.message) for p in found] == [(line(ES_TYPE, value, edits), True)]
        assert "plain text" in found[0].hint


def test_card_field_addresses_are_not_card_text():
    edits = {ES_TYPE: replace("    - factores.md#rapidez", "    - factores.md#rapidez_1")}
    assert card_text.check(catalogue(apply(base_files(), edits))) == []


# --- Template placeholders ---------------------------------------------------------------


def _copied_type(language: str, name: str) -> str:
    template = (ROOT / f"templates/tipo-de-cliente.{language}.md").read_text(encoding="utf-8")
    return template.replace("id: tipo-de-cliente", f"id: {name}")


def test_placeholders_come_from_the_templates():
    assert "cliente de ejemplo" in TEMPLATES.values and "example customer" in TEMPLATES.values
    assert any(s.startswith("un consejo breve para el mostrador") for s in TEMPLATES.sentences)
    # Real examples kept in a copy are not placeholders: ids, icons, related topics, owners.
    assert "factores.md#amabilidad" not in TEMPLATES.values
    assert "equipo de formación" not in TEMPLATES.values


def test_a_type_copied_from_the_template_with_its_id_changed_is_refused():
    cat = catalogue(
        {"tipos/nuevo.es.md": _copied_type("es", "nuevo"), "tipos/nuevo.en.md": _copied_type("en", "nuevo")}
    )
    found = placeholders.check(cat, TEMPLATES)
    es = [p for p in found if p.path == "tipos/nuevo.es.md"]
    assert es[0].line == 7 and es[0].message == (
        "'Cliente de ejemplo' is the example text of templates/tipo-de-cliente.es.md, not yet replaced."
    )
    assert len(es) >= 15  # every text of the front matter, and the page's text
    assert {p.path for p in found} == {"tipos/nuevo.es.md", "tipos/nuevo.en.md"}


def test_a_placeholder_sentence_in_a_page_is_refused():
    edits = {"factores.es.md": append("Un consejo breve para el mostrador.")}
    found = placeholders.check(catalogue(apply(base_files(), edits)), TEMPLATES)
    assert [(p.path, p.line) for p in found] == [("factores.es.md", 16)]
    # Quoted as written, capitals included: a search of the file finds it.
    assert found[0].message.startswith("'Un consejo breve para el mostrador")


def test_the_real_pages_have_no_placeholder():
    real = content.load(ROOT / "docs", ("es", "en"))
    assert placeholders.check(real, TEMPLATES) == []


# --- English pages still in Spanish --------------------------------------------------------


def test_spanish_text_in_an_english_page_is_found():
    spanish = base_files()["factores.es.md"].split("---\n", 2)[2]
    edits = {
        "factores.en.md": lambda t: (
            t.split("---\n", 2)[0]
            + "---\n"
            + t.split("---\n", 2)[1]
            + "---\n"
            + spanish
            + "\n\nEl servicio es la base de todo lo que hace la empresa por sus clientes.\n"
        )
    }
    found = untranslated.check(catalogue(apply(base_files(), edits)))
    assert [(p.path, p.message) for p in found] == [
        ("factores.en.md", "This English page is still in Spanish here (and 1 more paragraph of it).")
    ]


def test_one_spanish_paragraph_is_enough():
    edits = {
        "factores.en.md": append(
            "Mantener la calma y responder de forma breve, clara y a tiempo a todos los clientes que lo necesitan."
        )
    }
    found = untranslated.check(catalogue(apply(base_files(), edits)))
    assert [p.line for p in found] == [line("factores.en.md", "Mantener", edits)]


def test_spanish_front_matter_in_an_english_page_is_found():
    edits = {
        EN_TYPE: lambda t: t.replace(
            "Little self-control; calm and brief answers.",
            "Poco autocontrol y un problema poco claro, calma, privacidad y respuestas breves "
            "para que se sienta escuchado.",
        )
    }
    found = untranslated.check(catalogue(apply(base_files(), edits)))
    assert [p.line for p in found] == [line(EN_TYPE, "  summary:", edits)]


def test_english_quoting_spanish_titles_and_the_real_pages_pass():
    edits = {
        "factores.en.md": append(
            "The source is *Filosofía de orientación al cliente* [Customer-orientation philosophy], in Spanish."
        )
    }
    assert untranslated.check(catalogue(apply(base_files(), edits))) == []
    real = content.load(ROOT / "docs", ("es", "en"))
    assert untranslated.check(real) == []


def test_every_real_spanish_page_would_be_caught_as_english():
    """The heuristic's other side, measured on the whole corpus: no Spanish page passes as English."""
    real = content.load(ROOT / "docs", ("es", "en"))
    for page in real.in_language("es"):
        assert any(untranslated.spanish(text) for _, text in untranslated.paragraphs(page)), page.path


# --- The menu's translations -------------------------------------------------------------


CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_real_menu_is_translated():
    assert nav.check_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == []


def test_a_section_without_its_english_name():
    config = CONFIG.replace("  - cards/index.md\n", "  - Para el mostrador:\n      - cards/index.md\n")
    found = nav.check_text(config)
    at = config[: config.index("  - Para el mostrador:")].count("\n") + 1
    names = config[: config.index("nav_translations:")].count("\n") + 1
    assert [(p.where(), p.line, p.message, p.hint) for p in found] == [
        (
            "mkdocs.yml",
            at,
            "The menu entry 'Para el mostrador' has no English name: the English menu would show it "
            "as it is written here.",
            f"Add 'Para el mostrador: <its English name>' under 'nav_translations:' (line {names}).",
        )
    ]


def test_a_titled_page_and_a_stale_translation():
    config = CONFIG.replace("  - referencias.md", "  - Fuentes: referencias.md").replace(
        "Tipos de cliente: Customer types", "Tipos de clientes: Customer types"
    )
    found = [(p.message.split(":")[0], p.hint.split("?")[0]) for p in nav.check_text(config)]
    names = config.splitlines().index("          nav_translations:") + 1
    assert (
        "The menu entry 'Fuentes' has no English name",
        f"Add 'Fuentes: <its English name>' under 'nav_translations:' (line {names}).",
    ) in found
    assert ("'Tipos de clientes' under 'nav_translations", "Did you mean 'Tipos de cliente'") in found
    # The entry it meant is not also said to be untranslated: a second name for it would be a key written twice.
    assert len(found) == 2


def test_a_language_with_its_own_nav_needs_no_translations():
    config = CONFIG.replace(
        "          nav_translations:\n", "          nav:\n            - index.md\n          nav_translations:\n"
    )
    assert nav.check_text(config.replace("Tipos de cliente: Customer types", "Otra: Other")) == []


# --- Every page cites its source ---------------------------------------------------------


def test_a_page_without_a_citation_is_reported():
    edits = {"factores.en.md": replace("([Instituto Guillermo Subercaseaux, n.d.-b](referencias.md#igs-sfb))", "")}
    found = [p for p in citations.check(catalogue(apply(base_files(), edits))) if p.path == "factores.en.md"]
    assert [(p.line, p.message) for p in found] == [
        (6, "This page cites no source: no link to an entry of the references page.")
    ]
    assert "referencias.md#igs-sf" in found[0].hint and "!!! aporte" in found[0].hint


def test_the_home_and_references_pages_need_no_citation():
    edits = {"index.es.md": replace("([Instituto Guillermo Subercaseaux, sf.a](referencias.md#igs-sfa))", "")}
    found = citations.check(catalogue(apply(base_files(), edits)))
    assert [p.message.split(" is")[0] for p in found] == ["The reference '#igs-sfa'"]


def test_the_problem_names_files_outside_docs_plainly():
    problem = content.Problem("mkdocs.yml", 3, "What.", "How.", in_docs=False)
    assert str(problem) == "mkdocs.yml:3: What.\n    How to fix: How."
    assert str(content.Problem("a.es.md", 1, "W.", "H.")).startswith("docs/a.es.md:1:")


def test_run_all_parity_takes_what_failed():
    """The comparison leaves out a page at fault, and only that."""
    cat = catalogue(
        apply(
            base_files(),
            {EN_TYPE: replace("  icon: material/emoticon-angry-outline", "  icon: material/emoticon-outline")},
        )
    )
    site = checks.site_from_catalogue(cat, open=True)
    assert len(parity.check(cat, site)) == 1
    assert parity.check(cat, site, {EN_TYPE}) == []


def test_deleting_a_translation_is_one_problem():
    problems = run({"factores.en.md": DELETE})
    assert [p.message.split(":")[0] for p in problems] == ["This page has no English version"]
