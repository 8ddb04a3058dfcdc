"""Blanks: what a page would show with nothing in it, an easy slip Markdown lets through silently.
A box (`!!! tip "In practice"`) shows only the text indented below it by four spaces: text that
is not indented falls out of it, and the box is printed empty. An image needs words for readers who
cannot see it: a Markdown image its text between the brackets, `![Counter with a queue](../assets/counter.jpg)`,
an HTML `<img>` its `alt` (screen readers read it, and browsers show it when the image cannot load).
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem
from ..markdown import inline_text


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        doc = page.document
        problems += [Problem.of(page.path, box.line, "empty_box", kind=box.kind, indent=" " * (box.indent + 4))
                     for box in doc.admonitions if box.empty]
        problems += [Problem.of(page.path, link.line, "image_no_text", url=link.url)
                     for link in doc.links if link.kind == "image" and not inline_text(link.text)]
        # An <img> with a src is reported for its address (raw HTML breaks, other sites are refused), with a
        # Markdown fix that says what it shows: one message for the tag.
        problems += [Problem.of(page.path, tag.line, "img_no_alt") for tag in doc.tags
                     if tag.name == "img" and not (dict(tag.attributes).get("alt") or "").strip()
                     and not dict(tag.attributes).get("src")]
    return problems
