"""Headings: every section heading (`##` and below, ATX or setext) ends with its id,
`## Speed {#rapidez}`, as CONTRIBUTING asks: links and the other language's page use that id,
and one made from the heading's words would change with every rewording and differ between
the languages (that both use the same ids is checks/parity.py's).
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as toc_slugify

from ..catalogue import Catalogue, Problem
from ..markdown import document, heading_ids, inline_text

LEVEL = 2  # the first level that needs an id: the page title is the front matter's


def check(catalogue: Catalogue, slugify=toc_slugify, separator: str = "-") -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        # The slug the toc extension would make is the id offered.
        for heading, (slug, _, explicit) in zip(document(page).headings, heading_ids(page, slugify, separator),
                                                strict=True):
            if heading.level >= LEVEL and not explicit:
                problems.append(Problem.of(page.path, heading.line, "heading_no_id", heading=inline_text(heading.text),
                                           slug=slug or "section-id"))
    return problems


def explicit_ids(page) -> list[tuple[str, int, str]]:
    """(id, line, text) of each section heading with its id written, in page order."""
    return [(h.explicit_id, h.line, inline_text(h.text)) for h in document(page).headings
            if h.level >= LEVEL and h.explicit_id]
