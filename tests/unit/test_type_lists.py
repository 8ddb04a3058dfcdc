"""Lists of every customer type (hooks/playbook/type_lists.py): markers found
with their lines, replaced, and a misspelt one reported with file, line and
fix; editors' text kept from breaking the Markdown; counts in words; and no
page or label that writes a count of types by hand."""

from __future__ import annotations

import re

import pytest
import yaml

from playbook import type_lists
from support import ROOT

# --- The markers, as plain text --------------------------------------------------------


def test_markers_are_found_with_their_lines():
    text = "Intro\n\n<!-- customer-types: grid -->\n\nHay <!--customer-types:count--> tipos.\n"
    assert type_lists.problems(text, "index.es.md") == []
    assert type_lists.fill(text, {"grid": "G", "count": "seis"}) == "Intro\n\nG\n\nHay seis tipos.\n"
    misspelt = text.replace("grid", "gird").replace("count", "cuont")
    assert [(p.line, p.message) for p in type_lists.problems(misspelt, "index.es.md")] == [
        (3, "'<!-- customer-types: gird -->' names no list of customer types."),
        (5, "'<!-- customer-types: cuont -->' names no list of customer types.")]


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
    problems = type_lists.problems(body, "index.es.md", first_line=4)
    assert len(problems) == 1
    assert str(problems[0]).startswith("docs/index.es.md:6: ")
    assert hint in problems[0].hint and "grid, table, list, count" in problems[0].hint


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


def test_no_page_writes_a_count_of_types_by_hand():
    """Counts of customer types come from the markers, never from the text."""
    counted = re.compile(r"\b(seis|six|6)\s+(tipos|types|customer types|tarjetas|cards)\b", re.I)
    for path in (ROOT / "docs").rglob("*.md"):
        assert not counted.search(path.read_text(encoding="utf-8")), path
    labels = yaml.safe_load((ROOT / "hooks" / "playbook" / "labels" / "cards.yml").read_text())
    assert not counted.search(yaml.safe_dump(labels, allow_unicode=True))



@pytest.mark.parametrize("written", [
    "<!-- customer-type: grid -->", "<!-- Customer-types: grid -->", "<!-- customer types: grid -->",
    "<!-- tipos-de-cliente: grid -->", "<!-- customer_types grid -->",
])
def test_a_misspelt_marker_word_is_reported_not_passed_over(written):
    found = type_lists.problems(f"Intro.\n\n{written}\n", "index.es.md", first_line=5)
    assert len(found) == 1, found
    assert str(found[0]).startswith("docs/index.es.md:7: ") and "<!-- customer-types: grid -->" in found[0].hint
    assert type_lists.problems("<!-- customer-types: grid -->", "index.es.md") == []
