"""Lists of every customer type are generated from the types' data (hooks/
playbook/type_lists.py, overrides/partials/customer-types.html): a seventh
type, added as CONTRIBUTING says (its two pages and one line of nav),
appears on the home page, in the table of tipos/ and in the sentence of
optimizar, in both languages, and every count says seven. A misspelt marker
stops the build with its file, line and the fix."""

from __future__ import annotations

import re

import pytest

from support import LANGUAGES, cards_site, mkdocs_build, page_url

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
        # Its scenarios are its own too: a scenario id is used once in a language.
        for scenario in meta.get("practice", []):
            scenario["id"] = scenario["id"].replace("enojado", type_id, 1)
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
    assert 'href="tipos/indeciso/"' in grid and name in grid and summary in grid
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


def test_markers_in_a_type_pages_heading_and_box_title_keep_its_blocks_and_label(tmp_path):
    """A marker in the first heading of a type page, or in an `!!! aporte` box's title, is
    filled after the type page's blocks are placed and the box is labelled, so neither is lost."""
    project = cards_site.copy_project(tmp_path / "project")
    heading = {"es": "## Notas {#notas}", "en": "## Notes {#notas}"}
    box = {"es": "Los <!-- customer-types: count --> tipos", "en": "The <!-- customer-types: count --> types"}
    for language in LANGUAGES:
        page = project / "docs" / "tipos" / f"enojado.{language}.md"
        text = page.read_text(encoding="utf-8")
        text = text.replace(heading[language], heading[language].replace(
            " {#notas}", " <!-- customer-types: count --> {#notas}"))
        text += f'\n!!! aporte "{box[language]}"\n\n    Texto.\n'
        page.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    label = {"es": "Aporte del manual", "en": "Playbook addition"}
    six = {"es": "seis", "en": "six"}
    for language in LANGUAGES:
        html = html_of(tmp_path / "site", "tipos/enojado", language)
        ids = re.findall(r'<h2 id="([\w-]+)"', html)
        assert ids.index("reconocer") < ids.index("notas") < ids.index("relacionado"), ids
        titles = re.findall(r'<p class="admonition-title">(.*?)</p>', html, re.S)
        assert any(label[language] in title and six[language] in title.lower() for title in titles), titles
