"""Images: every image says what it shows, for readers who cannot see it: a Markdown image
needs its text between the brackets, `![Counter with a queue](../assets/counter.jpg)`, and an
HTML `<img>` its `alt`. Screen readers read it, and browsers show it when the image cannot load.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem
from ..markdown import inline_text


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        doc = page.document
        problems += [Problem.of(page.path, link.line, "image_no_text", url=link.url)
                     for link in doc.links if link.kind == "image" and not inline_text(link.text)]
        # An <img> with a src is reported for its address (raw HTML breaks, other sites are refused), with a
        # Markdown fix that says what it shows: one message for the tag.
        problems += [Problem.of(page.path, tag.line, "img_no_alt") for tag in doc.tags
                     if tag.name == "img" and not (dict(tag.attributes).get("alt") or "").strip()
                     and not dict(tag.attributes).get("src")]
    return problems
