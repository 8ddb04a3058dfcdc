"""One Markdown scanner (playbook.markdown) for headings, ids and fences:
every heading form the checks accept resolves everywhere (the checks, the
customer types' related topics, the type page's split), the same as
Python-Markdown renders it, in both languages."""

from __future__ import annotations

import re

import markdown as python_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook import customer_type
from playbook.catalogue import parse_page
from playbook.markdown import heading_ids, intro_and_rest, scan

LANGUAGES = ("es", "en")
WORDS = st.sampled_from(["Rapidez", "atención", "Speed", "of", "service", "niño", "Ñandú", "über",
                         "cliente", "enojado/a", "2", "Well-informed", "¿Qué?", "«hola»"])
# Explicit ids never equal a slug of the words above, so each heading keeps its own.
IDS = st.from_regex(r"id-[a-z0-9]{1,12}", fullmatch=True)


@st.composite
def headings(draw):
    """A heading in any form: ATX (closed or not) or setext, level 1 or 2 (3 for ATX), with or without {#id}."""
    text = " ".join(draw(st.lists(WORDS, min_size=1, max_size=4)))
    explicit = draw(st.none() | IDS)
    form = draw(st.sampled_from(["atx", "atx-closed", "setext"]))
    level = draw(st.sampled_from([1, 2] if form == "setext" else [1, 2, 3]))
    label = text + (f" {{#{explicit}}}" if explicit else "")
    if form == "setext":
        source = label + "\n" + ("=" if level == 1 else "-") * max(3, len(label))
    elif form == "atx-closed":
        source = "#" * level + " " + label + " " + "#" * level if not explicit else "#" * level + " " + label
    else:
        source = "#" * level + " " + label
    return text, explicit, source


def rendered_ids(body: str) -> list[str]:
    html = python_markdown.markdown(body, extensions=["toc", "attr_list", "pymdownx.superfences"])
    return re.findall(r'<h[1-6] id="([^"]*)"', html)


@settings(max_examples=100, deadline=None)
@given(st.lists(headings(), min_size=1, max_size=4), st.sampled_from(LANGUAGES))
def test_every_heading_form_resolves_like_python_markdown(items, language):
    intro = "Un párrafo de introducción.\n\n```\n## not a heading in a fence\n```\n"
    body = intro + "\n" + "\n\nText.\n\n".join(source for _, _, source in items) + "\n\nEnd.\n"
    page, problems = parse_page(f"factores.{language}.md",
                                f"---\ntitle: T\ndescription: D\n---\n{body}".encode(), LANGUAGES)
    assert problems == []
    found = heading_ids(page)
    ids = [id_ for id_, _, _ in found]
    rendered = rendered_ids(page.body)
    assert len(rendered) == len(items)
    titles = customer_type.headings(page)
    for (text, explicit, _), (id_, _, was_explicit), heading, shown in zip(
            items, found, scan(page.body).headings, rendered, strict=True):
        assert heading.text == text
        assert was_explicit == bool(explicit)
        if explicit:
            assert id_ == explicit
        # Where an id is used once, it is the id Python-Markdown gives the heading, and
        # the customer types' related topics find the heading's text by it.
        if ids.count(id_) == 1:
            assert shown == id_
            assert titles[id_] == text
    # The type page's structured part goes before the first heading, whatever its form.
    before, rest = intro_and_rest(page.body)
    assert before + rest == page.body.replace("\r\n", "\n")
    # The hooks find the same split in the page's own scan, in the Markdown MkDocs hands them,
    # whatever an earlier hook put before the heading (a list of types).
    assert intro_and_rest(page.body, page) == (before, rest)
    assert intro_and_rest("<div>A list</div>\n\n" + page.body, page) == ("<div>A list</div>\n\n" + before, rest)
    assert "## not a heading in a fence" in before
    assert rest.startswith(items[0][2].split("\n")[0])


def test_setext_heading_with_an_id_resolves_for_a_related_topic():
    body = "Intro.\n\nRapidez en la atención {#rapidez}\n-----------------------------------\n\nTexto.\n"
    page, _ = parse_page("factores.es.md", f"---\ntitle: T\ndescription: D\n---\n{body}".encode(), LANGUAGES)
    assert customer_type.headings(page)["rapidez"] == "Rapidez en la atención"
    assert rendered_ids(page.body) == ["rapidez"]
    before, rest = intro_and_rest(page.body)
    assert before == "Intro.\n\n" and rest.startswith("Rapidez en la atención {#rapidez}\n---")
