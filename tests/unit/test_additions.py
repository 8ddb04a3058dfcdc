"""Editorial additions: `!!! aporte` boxes get the label of the page's language
as their title (hooks/playbook/additions.py), in whatever form editors write them."""

from __future__ import annotations

import pytest
import yaml

from playbook import additions
from support import ROOT


@pytest.mark.parametrize(
    "written, shown",
    [
        ("!!! aporte\n    Texto.", '!!! aporte "Aporte del manual"\n    Texto.'),
        ('!!! aporte "Ejemplos"\n    Texto.', '!!! aporte "Aporte del manual: Ejemplos"\n    Texto.'),
        ('!!!aporte  "Ejemplos"  \n    Texto.', '!!!aporte "Aporte del manual: Ejemplos"\n    Texto.'),
        ('??? aporte "Más"\n    Texto.', '??? aporte "Aporte del manual: Más"\n    Texto.'),
        ("???+ aporte\n    Texto.", '???+ aporte "Aporte del manual"\n    Texto.'),
        ("- Lista\n\n    !!! aporte\n        Texto.", '- Lista\n\n    !!! aporte "Aporte del manual"\n        Texto.'),
        ('!!! tip "Consejo"\n    Texto.', '!!! tip "Consejo"\n    Texto.'),
        ("```\n!!! aporte\n```", "```\n!!! aporte\n```"),
    ],
)
def test_boxes_get_the_label(written, shown):
    assert additions.label_boxes(written, "Aporte del manual") == shown


def test_a_quote_in_a_title_does_not_end_it():
    assert (
        additions.label_boxes('!!! aporte "Un "ejemplo""\n    T.', "L")
        == '!!! aporte "L: Un \u201dejemplo\u201d"\n    T.'
    )


def test_a_page_handed_to_the_hook_is_labelled_from_its_own_scan():
    """MkDocs hands the hook the body without its leading blank lines, with what earlier hooks
    added: the boxes are found by the page's one scan, not a second one, and fenced ones are left."""
    from playbook.catalogue import parse_page

    body = '\n\n```\n!!! aporte\n```\n\nTexto.\n\n!!! aporte "Uno"\n    A.\n\n!!! aporte\n    B.\n'
    page, _ = parse_page("a.es.md", f"---\ntitle: T\n---\n{body}".encode(), ("es", "en"))
    markdown = body.lstrip("\n").replace("Texto.", "Texto.\n\n<div>added</div>\n\n")
    expected = additions.label_boxes(markdown, "L")
    assert expected.count('aporte "L') == 2 and "```\n!!! aporte\n```" in expected
    assert additions.label_boxes(markdown, "L", page) == expected


def test_the_label_exists_in_every_language():
    labels = yaml.safe_load((ROOT / "hooks" / "playbook" / "labels" / "cards.yml").read_text(encoding="utf-8"))
    assert labels["es"]["addition"] == "Aporte del manual"
    assert labels["en"]["addition"] == "Playbook addition"




def test_the_real_pages_mark_their_additions_in_both_languages():
    """Every page pair has as many addition boxes in English as in Spanish."""
    from playbook.markdown import scan

    for spanish in sorted((ROOT / "docs").rglob("*.es.md")):
        english = spanish.with_name(spanish.name.replace(".es.md", ".en.md"))
        counts = [
            sum(box.kind == "aporte" for box in scan(path.read_text(encoding="utf-8")).admonitions)
            for path in (spanish, english)
        ]
        assert counts[0] == counts[1], spanish.name
    assert sum("!!! aporte" in path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.es.md")) >= 10
