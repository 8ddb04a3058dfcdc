"""What a paste, a merge or an invisible character leaves in a page: found on its real line (and
column), named (the conflict, the character, the term, the page copied), with a fix that says
what to type. Each case is the base site with one slip, read as the build reads it."""

from __future__ import annotations

import re

import pytest

from playbook import characters
from playbook.checks import copies, orphans, pastes, untranslated
from support import ROOT
from support.sites import NAV, append, apply, base_files, catalogue, line_of, replace

ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"
NBSP, ZERO_WIDTH, BOM = "\u00a0", "\u200b", "\ufeff"


def read(edits: dict):
    files = apply(base_files(), edits)
    return files, catalogue(files)


def only(problems, path: str):
    found = [problem for problem in problems if problem.path == path]
    assert len(found) == 1, [str(problem) for problem in problems]
    return found[0]


# --- Merge conflicts ----------------------------------------------------------

CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> rama-de-ana\n"


@pytest.mark.parametrize(
    ("where", "old", "new"),
    [
        ("front matter", "  name: Enojado/a\n",
         CONFLICT.format(ours="  name: Enojado/a", theirs="  name: Molesto/a")),
        ("text", "## Notas {#notas}\n",
         CONFLICT.format(ours="## Notas {#notas}", theirs="## Apuntes {#notas}")),
    ],
)
def test_a_merge_conflict_is_named_with_its_lines(where, old, new):
    files, read_catalogue = read({ES_TYPE: replace(old, new)})
    problem = only(read_catalogue.problems, ES_TYPE)
    start = line_of(files[ES_TYPE], "<<<<<<<")
    end = line_of(files[ES_TYPE], ">>>>>>>")
    assert problem.line == start
    assert f"merge conflict was left here (lines {start} to {end})" in problem.message
    assert "YAML" not in problem.message  # in the front matter too: a conflict, not a YAML error
    assert "'<<<<<<<', '=======', '>>>>>>>'" in problem.hint


def test_a_marker_left_alone_is_named():
    files, read_catalogue = read({"factores.en.md": append(">>>>>>> main")})
    problem = only(read_catalogue.problems, "factores.en.md")
    assert problem.line == line_of(files["factores.en.md"], ">>>>>>>")
    assert "left from a merge conflict" in problem.message


def test_a_heading_underline_is_no_conflict():
    assert characters.conflicts("Title\n=======\n\nText.\n") == []


# --- Invisible characters -------------------------------------------------------

@pytest.mark.parametrize(
    ("old", "new", "marker", "named", "column", "instead"),
    [
        ("    - Bajo autocontrol", f"{NBSP}{NBSP}{NBSP}{NBSP}- Bajo autocontrol", "Bajo autocontrol",
         "a non-breaking space", 1, "an ordinary space"),
        ("  name: Enojado/a", f"  name:{NBSP}Enojado/a", "Enojado/a", "a non-breaking space", 8, "an ordinary space"),
        ("  summary: Poco", "\tsummary: Poco", "summary: Poco", "a tab", 1, "spaces (two per level"),
        ("  name: Enojado/a", f"  name: Enoj{ZERO_WIDTH}ado/a", "ado/a", "a zero-width character (U+200B)", 13,
         "Backspace"),
        ("  name: Enojado/a", f"  name: Enojado/a{BOM}", "Enojado/a", "a byte-order mark (U+FEFF)", 18, "Backspace"),
        ("title: Cliente enojado", "title: “Cliente: enojado”", "title:", "a typographic quote “", 8,
         'a straight quote "'),
    ],
    ids=["nbsp-indenting-an-item", "nbsp-after-colon", "tab", "zero-width", "bom-inside", "curly-quotes"],
)
def test_a_character_in_the_front_matter_is_named_on_its_line_and_column(old, new, marker, named, column, instead):
    files, read_catalogue = read({ES_TYPE: replace(old, new)})
    problem = only(read_catalogue.problems, ES_TYPE)
    assert problem.line == line_of(files[ES_TYPE], marker), str(problem)
    assert named in problem.message and re.search(rf"\b[Cc]olumns? {column}\b", problem.message), str(problem)
    assert instead in problem.hint


@pytest.mark.parametrize(
    ("line", "named"),
    [
        (f"-{NBSP}Un punto", "a non-breaking space"),
        (f"##{NBSP}Título {{#titulo}}", "a non-breaking space"),
        (f"Una pala{ZERO_WIDTH}bra.", "a zero-width character (U+200B)"),
        (f"Texto{BOM} pegado.", "a byte-order mark"),
    ],
)
def test_a_character_in_the_text_is_named_on_its_line(line, named):
    files, read_catalogue = read({"factores.es.md": append(line)})
    problem = only(pastes.check(read_catalogue), "factores.es.md")
    assert problem.line == line_of(files["factores.es.md"], line)
    assert named in problem.message


def test_a_non_breaking_space_inside_a_sentence_is_left_alone():
    _, read_catalogue = read({"factores.es.md": append(f"Un 10{NBSP}% de los clientes.")})
    assert pastes.check(read_catalogue) == []


def test_a_yaml_error_is_said_where_the_unclosed_bracket_opens():
    files, read_catalogue = read({ES_TYPE: replace("  related:\n    - factores.md#rapidez",
                                                   "  related: [factores.md#rapidez")})
    problem = only(read_catalogue.problems, ES_TYPE)
    assert problem.line == line_of(files[ES_TYPE], "  related: [")


# --- Pasted tables --------------------------------------------------------------

TABLE = "| Factor | Qué es | Ejemplo |\n| --- | --- | --- |\n| Rapidez | Atender pronto | Uno |\n{row}\n"


@pytest.mark.parametrize(
    ("row", "said", "fix"),
    [
        ("| Lentitud | Fila corta |", "has 2 cells and its header 3", "'| |' for an empty one"),
        ("| A | B | C | D |", "has 4 cells and its header 3", "'\\|'"),
    ],
)
def test_a_table_row_with_a_cell_too_many_or_too_few_is_named(row, said, fix):
    text = TABLE.format(row=row)
    files, read_catalogue = read({"factores.es.md": append(text)})
    problem = only(pastes.check(read_catalogue), "factores.es.md")
    assert problem.line == line_of(files["factores.es.md"], row)
    assert said in problem.message and fix in problem.hint


def test_a_table_pasted_from_a_spreadsheet_is_named_with_its_markdown():
    text = "Factor\tQué es\nRapidez\tAtender pronto\nAmabilidad\tTrato cordial"
    files, read_catalogue = read({"factores.es.md": append(text)})
    problem = only(pastes.check(read_catalogue), "factores.es.md")
    assert problem.line == line_of(files["factores.es.md"], "Factor\t")
    assert "separated by tabs" in problem.message
    assert "'| Factor | Qué es |'" in problem.hint and "'| --- | --- |'" in problem.hint


def test_a_tab_in_code_is_no_table():
    _, read_catalogue = read({"factores.es.md": append("```\nuno\tdos\ntres\tcuatro\n```")})
    assert pastes.check(read_catalogue) == []


# --- A type copied and left unchanged ---------------------------------------------

def _copy(language: str, names: dict[str, str]):
    def edit(_):
        text = base_files()[f"tipos/enojado.{language}.md"].replace("id: enojado", "id: nuevo")
        for old, new in names.items():
            text = text.replace(old, new)
        return text
    return edit


def test_an_english_type_copied_from_another_is_named_as_a_copy():
    files, read_catalogue = read({
        "tipos/nuevo.es.md": _copy("es", {"Cliente enojado": "Cliente nuevo", "Enojado/a": "Nuevo/a",
                                           "Poco autocontrol": "Recién llegado"}),
        "tipos/nuevo.en.md": _copy("en", {}),
    })
    problem = only(copies.check(read_catalogue), "tipos/nuevo.en.md")
    assert problem.line == line_of(files["tipos/nuevo.en.md"], "title:")
    assert f"a copy of {EN_TYPE} left unchanged:" in problem.message
    assert "'title', 'customer_type.name', 'customer_type.summary'" in problem.message
    assert "translated from tipos/nuevo.es.md" in problem.hint


def test_a_type_copied_in_both_languages_is_said_once():
    _, read_catalogue = read({f"tipos/nuevo.{lang}.md": _copy(lang, {}) for lang in ("es", "en")})
    found = copies.check(read_catalogue)
    assert [problem.path for problem in found] == ["tipos/nuevo.es.md"], found


def test_the_copy_is_the_page_whose_translation_record_came_with_it():
    """The English type copied carries its original's `translated_from`: that names it the copy, even
    when its file comes first in the folder."""
    from playbook import translations

    files = base_files()
    record = translations.fingerprint(catalogue(files).page("tipos/enojado", "es"))
    recorded = files[EN_TYPE].replace("title:", f"translated_from: {record}\ntitle:")
    own_es = _copy("es", {"Cliente enojado": "Cliente amable", "Enojado/a": "Amable",
                          "Poco autocontrol": "Buen trato"})(None).replace("id: nuevo", "id: amable")
    _, read_catalogue = read({EN_TYPE: recorded, "tipos/amable.es.md": own_es,
                              "tipos/amable.en.md": recorded.replace("id: enojado", "id: amable")})
    assert [problem.path for problem in copies.check(read_catalogue)] == ["tipos/amable.en.md"]


# --- Pages out of the menu ------------------------------------------------------

NEW_PAGE = ("---\ntitle: Colas\ndescription: Cómo atender una fila larga sin perder la calma, en el sitio mínimo de "
            "prueba.\n---\n\nTexto.\n")


def test_a_page_out_of_the_menu_is_named_with_the_line_to_add():
    _, read_catalogue = read({"colas.es.md": NEW_PAGE, "colas.en.md": NEW_PAGE})
    problem = only(orphans.check_text(read_catalogue, NAV), "colas.es.md")
    assert "not in the menu" in problem.message
    assert "'- colas.md'" in problem.hint and "not_in_nav: true" in problem.hint


def test_a_page_hidden_on_purpose_passes():
    hidden = NEW_PAGE.replace("title:", "not_in_nav: true\ntitle:")
    _, read_catalogue = read({"colas.es.md": hidden, "colas.en.md": hidden})
    assert orphans.check_text(read_catalogue, NAV) == []


def test_every_page_of_the_playbook_is_in_its_menu():
    from playbook import catalogue as content

    playbook = content.load(ROOT / "docs", ("es", "en"))
    assert orphans.check_text(playbook, (ROOT / "mkdocs.yml").read_text(encoding="utf-8")) == []


# --- Search terms -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "terms", "term", "said"),
    [
        ("factores.en.md", ["slow service", "atención al cliente"], "atención al cliente", "is in Spanish"),
        ("factores.en.md", ["cliente que grita"], "cliente que grita", "is in Spanish"),
        ("factores.es.md", ["the angry customer"], "the angry customer", "is in English"),
        ("factores.es.md", ["colas", "filas", "Colas"], "Colas", "is written twice (first on line"),
    ],
)
def test_a_search_term_of_the_wrong_language_or_written_twice_is_named(path, terms, term, said):
    written = "search_terms:\n" + "".join(f"  - {t}\n" for t in terms) + "title:"
    files, read_catalogue = read({path: replace("title:", written)})
    problem = only(untranslated.check(read_catalogue), path)
    assert problem.line == line_of(files[path], f"  - {term}\n")
    assert f"'{term}' {said}" in problem.message


@pytest.mark.parametrize("term", ["de-escalate", "VIP", "customer service", "queue"])
def test_an_english_term_passes_on_an_english_page(term):
    _, read_catalogue = read({"factores.en.md": replace("title:", f"search_terms:\n  - {term}\ntitle:")})
    assert untranslated.check(read_catalogue) == []


# --- Advice that works first time ----------------------------------------------------

def _all(edits: dict, files_extra=()):
    from playbook import checks

    files = apply(base_files(), edits)
    read_catalogue = catalogue(files)
    site = checks.site_from_catalogue(read_catalogue, files=files_extra)
    return files, checks.run_all(read_catalogue, site)


def test_a_deleted_heading_id_is_answered_with_restore_it():
    files, found = _all({"factores.es.md": replace("## Rapidez {#rapidez}", "## Rapidez al atender")})
    problem = only(found, "factores.es.md")
    assert problem.line == line_of(files["factores.es.md"], "## Rapidez al atender")
    assert "has lost its id" in problem.message and "factores.en.md ('Speed', line 8)" in problem.message
    assert problem.hint.startswith("Restore it: end its line with '{#rapidez}'")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("factores.md#rapidez", "../factores.md#rapidez"), ("../Factores.md", "../factores.md")],
    ids=["without-its-../", "other-capitals"],
)
def test_a_link_from_a_folder_gets_the_address_it_meant(written, meant):
    files, found = _all({ES_TYPE: append(f"Ver [la rapidez]({written}).")})
    problem = only(found, ES_TYPE)
    assert problem.line == line_of(files[ES_TYPE], "Ver [la rapidez]")
    assert f"Did you mean '{meant}'?" in problem.hint


@pytest.mark.parametrize("written", ["../assets/Fila.png", "assets/fila.png"],
                         ids=["other-capitals", "without-its-../"])
def test_an_image_gets_the_file_it_meant(written):
    files, found = _all({ES_TYPE: append(f"![Una fila]({written})")}, files_extra=("assets/fila.png",))
    problem = only(found, ES_TYPE)
    assert "Did you mean '../assets/fila.png'?" in problem.hint


def test_a_number_as_a_list_item_is_told_to_quote_it():
    files, found = _all({ES_TYPE: replace("    - Dar privacidad", "    - 42")})
    problem = only(found, ES_TYPE)
    assert problem.line == line_of(files[ES_TYPE], "    - 42")
    assert "after the colon" not in problem.hint and "'- \"42\"'" in problem.hint


# --- mkdocs.yml that YAML cannot read ------------------------------------------------

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
NAV_ITEM = "\n  - factores.md\n"


@pytest.mark.parametrize(
    ("new", "at", "said", "fix"),
    [
        ("\n - factores.md\n", " - factores.md", "indented unlike the lines above it", "Indent it exactly like"),
        ("\n  - factores.md: a: b\n", "  - factores.md: a", "a second ': ' inside its value", "straight quotes"),
        ("\n  - factores.md\n  oops\n", "  oops", "neither 'key: value' nor '- item'", "'key: value'"),
        # A key indented under one with its value: YAML says "mapping values" there too, but the indent is wrong.
        ("\n  - Factores: factores.md\n      title: Factores\n", "      title", "indented unlike the lines above",
         "Indent it"),
        ('\n  - "factores.md\n', '  - "factores.md', 'The quote " at column 5 is not closed', "Close it"),
        ("\n\t- factores.md\n", "\t- factores.md", "There is a tab at column 1", "type spaces (two per level"),
        (f"\n{NBSP}{NBSP}- factores.md\n", f"{NBSP}{NBSP}-", "Columns 1 to 2 hold a non-breaking space", "for each"),
    ],
    ids=["indent", "second-colon", "no-colon", "key-indented-under-a-value", "unclosed-quote", "tab", "nbsp"],
)
def test_a_broken_mkdocs_yml_is_said_on_its_line_with_the_fix(new, at, said, fix):
    from playbook import config_check

    text = CONFIG.replace(NAV_ITEM, new, 1)
    problem = config_check.unreadable(text)
    assert problem.text().startswith(f"mkdocs.yml:{line_of(text, at)}: "), problem.text()
    assert said in problem.message and fix in problem.hint


def test_the_playbook_s_mkdocs_yml_reads(tmp_path, capsys):
    from playbook import config_check

    assert config_check.main(str(ROOT / "mkdocs.yml")) == 0
    broken = tmp_path / "mkdocs.yml"
    broken.write_text(CONFIG.replace(NAV_ITEM, "\n - factores.md\n", 1), encoding="utf-8")
    assert config_check.main(str(broken)) == 1
    printed = capsys.readouterr().err
    assert printed.count("mkdocs.yml:") == 1 and "The playbook cannot be built: 1 problem" in printed


@pytest.mark.parametrize("target", ["build", "serve"])
def test_make_reads_mkdocs_yml_before_mkdocs_does(target):
    """`make build` and `make serve` say a broken mkdocs.yml in the checks' layout first: MkDocs
    would answer it with the parser's own text."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    assert "-m playbook.config_check mkdocs.yml" in recipe[0] and "mkdocs " in recipe[-1], recipe


@pytest.mark.parametrize("entry", ["factore.md", "factores.es.md"], ids=["misspelt", "with-its-language"])
def test_a_page_whose_menu_entry_is_miswritten_is_said_once_by_the_nav_check(entry):
    _, read_catalogue = read({})
    assert orphans.check_text(read_catalogue, NAV.replace("  - factores.md\n", f"  - {entry}\n")) == []


def test_an_unclosed_quote_in_the_front_matter_is_said_where_it_opens():
    files, read_catalogue = read({ES_TYPE: replace("title: Cliente enojado", 'title: "Cliente enojado')})
    problem = only(read_catalogue.problems, ES_TYPE)
    assert problem.line == line_of(files[ES_TYPE], "title:")  # the parser stops on line 19
    assert 'The quote " at column 8 is not closed' in problem.message and "Close it" in problem.hint
