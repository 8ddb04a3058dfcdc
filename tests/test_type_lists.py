"""Lists of every customer type are generated from the types' data (hooks/
playbook/type_lists.py, overrides/partials/customer-types.html): a seventh
type, added as CONTRIBUTING says (its two pages and one line of nav),
appears on the home page, in the table of tipos/ and in the sentence of
optimizar, in both languages, and every count says seven. A misspelt marker
stops the build with its file, line and the fix."""

from __future__ import annotations

import re

import pytest
import yaml

import cards_site
from conftest import LANGUAGES, mkdocs_build, page_url

from playbook import type_lists

# --- The markers, as plain text --------------------------------------------------------


def test_markers_are_found_with_their_lines():
    text = "Intro\n\n<!-- customer-types: grid -->\n\nHay <!--customer-types:count--> tipos.\n"
    assert type_lists.markers(text) == [type_lists.Marker("grid", 3), type_lists.Marker("count", 5)]


def test_fill_replaces_each_marker_and_nothing_else():
    text = "a <!-- customer-types: count --> b <!-- other --> <!-- customer-types: list -->"
    filled = type_lists.fill(text, {"count": "seis", "list": "[x](x.md)"})
    assert filled == "a seis b <!-- other --> [x](x.md)"


@pytest.mark.parametrize(
    ("marker", "hint"),
    [("gird", "Did you mean 'grid'?"), ("tabla", "Did you mean 'table'?"), ("", ""), ("xyz", "")],
)
def test_a_marker_that_names_no_list_is_reported_with_file_line_and_fix(marker, hint):
    text = f"---\ntitle: x\n---\n\nText\n<!-- customer-types: {marker} -->\n"
    body = text.split("---\n", 2)[2]
    problems = type_lists.problems(body, "docs/index.es.md", first_line=4)
    assert len(problems) == 1
    assert problems[0].startswith("docs/index.es.md:6: ")
    assert hint in problems[0] and "grid, table, list, count" in problems[0]


def test_editors_text_cannot_break_the_markdown_of_a_list():
    assert type_lists.markdown_text("a | b *c* [d] <e> & _f_") == (
        "a \\| b \\*c\\* \\[d\\] &lt;e&gt; &amp; \\_f\\_")


@pytest.mark.parametrize(("count", "word"), [(0, "cero"), (6, "seis"), (7, "siete"), (13, "13")])
def test_counts_are_words_of_the_language_then_digits(count, word):
    words = {str(n): w for n, w in enumerate(["cero", "uno", "dos", "tres", "cuatro", "cinco",
                                              "seis", "siete", "ocho", "nueve", "diez", "once", "doce"])}
    assert type_lists.number(count, words) == word


def test_links_are_relative_to_the_page():
    data = {"id": "x", "name": "X", "icon": "material/account", "summary": "S", "recognise": ["r"],
            "questions": {"kind_label": "k"}, "page": "tipos/x.md"}
    assert type_lists.entries([data], "index.es.md")[0]["href"] == "tipos/x.md"
    assert type_lists.entries([data], "tipos/index.en.md")[0]["href"] == "x.md"
    assert type_lists.entries([data], "optimizar.es.md")[0]["emoji"] == ":material-account:"


# --- A seventh type, built --------------------------------------------------------------

NEW = {"es": ("Indeciso/a", "Duda entre varias opciones: resumir y recomendar una."),
       "en": ("Undecided", "Torn between options: summarise and recommend one.")}


def add_type(project, type_id="indeciso"):
    """A new type as CONTRIBUTING says: its two pages and one line of nav."""
    for language in LANGUAGES:
        meta, body = cards_site.read_page(project / "docs" / "tipos" / f"enojado.{language}.md")
        meta.pop("translated_from", None)
        meta["title"] = NEW[language][0]
        data = meta["customer_type"]
        data["id"] = type_id
        data["name"], data["summary"] = NEW[language]
        data["icon"] = "material/scale-balance"
        cards_site.write_page(project / "docs" / "tipos" / f"{type_id}.{language}.md", meta, body)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      - tipos/conversador.md\n",
                                   f"      - tipos/conversador.md\n      - tipos/{type_id}.md\n"),
                      encoding="utf-8")


@pytest.fixture(scope="module")
def seven(tmp_path_factory):
    project = cards_site.copy_project(tmp_path_factory.mktemp("seven"))
    add_type(project)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def html_of(site, key, language):
    return (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_seventh_type_appears_on_every_list_with_the_count(seven, language):
    name, summary = NEW[language]
    seven_word = {"es": "siete", "en": "seven"}[language]
    home = html_of(seven, "index", language)
    grid = home[home.index('class="pb-types"'):]
    grid = grid[: grid.index("</div>")]
    assert grid.count("<li>") == 7
    assert f'href="tipos/indeciso/"' in grid and name in grid and summary in grid
    assert f" {seven_word}" in home.lower() and "seis" not in home and " six" not in home
    table = html_of(seven, "tipos/index", language)
    rows = re.findall(r"<tr>.*?</tr>", table[: table.index('id="tipos-de-preguntas"')], re.S)
    assert len(rows) == 1 + 7
    assert 'href="indeciso/"' in rows[-1] and summary in rows[-1]
    assert f"los {seven_word} tipos" in table or f"the {seven_word} types" in table
    optimise = html_of(seven, "optimizar", language)
    sentence = re.search(r"(Hay|There are) (\w+) (tipos|types), [^<]*: (.*?)\.</p>", optimise)
    assert sentence and sentence.group(2) == seven_word
    links = re.findall(r'href="\.\./tipos/([\w-]+)/"', sentence.group(4))
    assert links == [*cards_site.TYPES, "indeciso"]
    joiner = {"es": " y ", "en": " and "}[language]
    assert f"</a>{joiner}<a" in sentence.group(4)


def test_no_page_writes_a_count_of_types_by_hand():
    """Counts of customer types come from the markers, never from the text."""
    counted = re.compile(r"\b(seis|six|6)\s+(tipos|types|customer types|tarjetas|cards)\b", re.I)
    for path in (cards_site.ROOT / "docs").rglob("*.md"):
        assert not counted.search(path.read_text(encoding="utf-8")), path
    labels = yaml.safe_load((cards_site.ROOT / "hooks" / "card_labels.yml").read_text())
    assert not counted.search(yaml.safe_dump(labels, allow_unicode=True))


def test_a_misspelt_marker_stops_the_build_naming_file_and_line(tmp_path):
    project = cards_site.copy_project(tmp_path / "project")
    page = project / "docs" / "optimizar.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<!-- customer-types: list -->", "<!-- customer-types: lsit -->"),
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index(
        next(x for x in page.read_text(encoding="utf-8").splitlines() if "lsit" in x)) + 1
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"docs/optimizar.en.md:{line}: " in output
    assert "Did you mean 'list'?" in output
    assert "Traceback" not in output
