"""Images: every image says what it shows, for readers who cannot see it: a Markdown image
needs its text between the brackets, `![Counter with a queue](../assets/counter.jpg)`, and an
HTML `<img>` its `alt`. Screen readers read it, and browsers show it when the image cannot load.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem
from ..markdown import document, inline_text


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        doc = document(page)
        problems += [Problem(page.path, link.line, f"The image '{link.url}' has no text saying what it shows.",
                             f"Write it between the brackets: ![What the image shows]({link.url}).")
                     for link in doc.links if link.kind == "image" and not inline_text(link.text)]
        problems += [Problem(page.path, tag.line, "The <img> has no alt text saying what it shows.",
                             'Add alt="What the image shows" to the tag, or write the image in Markdown: '
                             "![What the image shows](image.png).")
                     for tag in doc.tags if tag.name == "img" and not (dict(tag.attributes).get("alt") or "").strip()]
    return problems
