"""Headings: every section heading (`##` and below, ATX or setext) ends with its id,
`## Speed {#rapidez}`, as CONTRIBUTING asks: links and the other language's page use that id,
and one made from the heading's words would change with every rewording and differ between
the languages (that both use the same ids is checks/parity.py's).
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as toc_slugify

from ..catalogue import Catalogue, Problem
from ..markdown import heading_ids, inline_text

LEVEL = 2  # the first level that needs an id: the page title is the front matter's


def check(catalogue: Catalogue, slugify=toc_slugify, separator: str = "-") -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        sections = [heading for heading in page.document.headings if heading.level >= LEVEL]
        # The slug the toc extension would make is the id offered.
        for heading, (slug, _, explicit) in zip(page.document.headings, heading_ids(page, slugify, separator),
                                                strict=True):
            if heading.level < LEVEL or explicit:
                continue
            # "Restore '{#id}'" where another language's heading in the same place keeps an id this page lacks.
            if kept := _kept(catalogue, page, sections, heading):
                other, theirs = kept
                problems.append(Problem.of(page.path, heading.line, "heading_id_deleted", id=theirs.explicit_id,
                                           text=inline_text(heading.text), other=other.path,
                                           other_text=inline_text(theirs.text), other_line=theirs.line))
            else:
                problems.append(Problem.of(page.path, heading.line, "heading_no_id", heading=inline_text(heading.text),
                                           slug=slug or "section-id"))
    return problems


# An id deleted by mistake is still on the other language's heading in the same place: the fix is
# to restore it (links use it), not to make a new one that the other file would then lack.
def _kept(catalogue: Catalogue, page, sections, heading):
    """(the other language's page, its heading) in the same place as ``heading``, where that heading
    keeps an id this page lacks; None if no other language does."""
    own = {section.explicit_id for section in sections if section.explicit_id}
    index = sections.index(heading)
    for language in catalogue.languages:
        other = catalogue.page(page.key, language)
        if language == page.language or other is None:
            continue
        theirs = [section for section in other.document.headings if section.level >= LEVEL]
        if index < len(theirs) and theirs[index].explicit_id and theirs[index].explicit_id not in own:
            return other, theirs[index]
    return None


def deleted_ids(catalogue: Catalogue) -> frozenset[tuple[str, str, str]]:
    """(language, page key, id) of each heading id deleted while the other language keeps it: links to
    it are explained by the heading's own problem, "restore it"."""
    found = set()
    for page in catalogue.pages.values():
        sections = [heading for heading in page.document.headings if heading.level >= LEVEL]
        for heading in sections:
            if not heading.explicit_id and (kept := _kept(catalogue, page, sections, heading)):
                found.add((page.language, page.key, kept[1].explicit_id))
    return frozenset(found)


def explicit_ids(page) -> list[tuple[str, int, str]]:
    """(id, line, text) of each section heading with its id written, in page order."""
    return [(h.explicit_id, h.line, inline_text(h.text)) for h in page.document.headings
            if h.level >= LEVEL and h.explicit_id]
