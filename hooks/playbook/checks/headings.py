"""Headings: every section heading (`##` and below, ATX or setext) ends with its id,
`## Speed {#rapidez}`, as CONTRIBUTING asks: links and the other language's page use that id,
and one made from the heading's words would change with every rewording and differ between
the languages (that both use the same ids is checks/parity.py's).
"""

from __future__ import annotations

from markdown.extensions.toc import slugify as toc_slugify

from ..catalogue import Catalogue, Problem
from ..markdown import heading_ids, inline_text
from .anchors import page_ids

LEVEL = 2  # the first level that needs an id: the page title is the front matter's


def check(catalogue: Catalogue, slugify=toc_slugify, separator: str = "-") -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        sections = [heading for heading in page.document.headings if heading.level >= LEVEL]
        # The slug the toc extension would make is the id offered; a translation is offered its original's
        # heading's in the same place, so that both languages get the same id.
        original = catalogue.page(page.key, catalogue.languages[0]) or page
        offered = _slugs(original, slugify, separator)
        for index, (heading, slug) in enumerate(zip(sections, _slugs(page, slugify, separator), strict=True)):
            if not heading.explicit_id:
                if deleted := _deleted_id(catalogue, page, sections, heading):
                    problems.append(deleted)
                    continue
                slug = offered[index] if index < len(offered) else slug
                # An id the page already has elsewhere would be used twice: the first free one is offered.
                taken = {id_ for id_, line, _ in page_ids(page, slugify, separator) if line != heading.line}
                slug = next(free for free in [slug] + [f"{slug}-{n}" for n in range(2, len(taken) + 3)]
                            if free not in taken)
                problems.append(Problem.of(page.path, heading.line, "heading_no_id", heading=inline_text(heading.text),
                                           slug=slug or "section-id"))
    return problems


def _slugs(page, slugify, separator) -> list[str]:
    """The id the toc extension would give each section heading of ``page``, in order."""
    return [slug for heading, (slug, _, _) in zip(page.document.headings, heading_ids(page, slugify, separator),
                                                  strict=True) if heading.level >= LEVEL]


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


def _deleted_id(catalogue: Catalogue, page, sections, heading) -> Problem | None:
    """"Restore '{#id}'" where another language's heading in the same place keeps an id this page lacks."""
    if not (kept := _kept(catalogue, page, sections, heading)):
        return None
    other, theirs = kept
    return Problem.of(page.path, heading.line, "heading_id_deleted", text=inline_text(heading.text),
                      other=other.path, other_text=inline_text(theirs.text), other_line=theirs.line,
                      id=theirs.explicit_id)


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
