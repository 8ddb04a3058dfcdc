"""Anchors: the ids a link can jump to, and their checks: every section heading (`##` and below,
ATX or setext) ends with its id, `## Speed {#rapidez}`, as CONTRIBUTING asks (links and the other
language's page use it, and one made from the heading's words would change with every rewording and
differ between the languages; that both use the same ids is checks/parity.py's), and no id is used
twice on a page.
``Site`` is what links may point at, per language: each page with its ids, and the other files
of docs/. ``site_from_catalogue`` makes it from the sources, before the build: a type page's
headings made from its data included; what hooks generate later is waited for (``waiting``), and
the links whose anchor the sources give are checked again against the built pages (``anchored``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown.extensions.toc import slugify as toc_slugify

from .. import customer_type
from ..catalogue import Catalogue, Problem, SourcePage
from ..markdown import Slugify, heading_ids, inline_text

LEVEL = 2  # the first heading level that needs an id: the page title is the front matter's


@dataclass
class Site:
    """What a link can point at: language -> page key ("tipos/enojado") -> its ids (None: not known,
    the page cannot be read and its own problem is reported, not the links to it)."""

    pages: dict[str, dict[str, frozenset[str] | None]] = field(default_factory=dict)
    files: frozenset[str] = frozenset()  # other files below docs/: "assets/favicon.svg"
    # Before the build, hooks may still add pages and files: the links to what is not there yet
    # wait here (the arguments of links.check_link) for the built site. None: the site is complete.
    waiting: list[tuple] | None = None
    # The scanner also reads a `{#id}` where attr_list leaves it as text (a paragraph, a list item):
    # links whose anchor the sources give are checked again against the built pages' real ids.
    anchored: list[tuple] = field(default_factory=list)
    # Ids a translation lacks because its heading has another id: (language,
    # key, id). The heading is reported (checks/parity.py), not every link to it.
    excused: frozenset[tuple[str, str, str]] = frozenset()

    @property
    def open(self) -> bool:
        return self.waiting is not None

    def may_have(self, language: str, key: str, id_: str) -> bool:
        """Whether the page has ``id_``, or may still get it."""
        ids = self.pages.get(language, {}).get(key, frozenset())
        return ids is None or id_ in ids or (self.open and not self.has_page(language, key))

    def has_page(self, language: str, key: str) -> bool:
        return key in self.pages.get(language, {})

    def ids(self, language: str, key: str) -> frozenset[str]:
        return self.pages.get(language, {}).get(key) or frozenset()

    def keys(self, language: str) -> list[str]:
        return sorted(self.pages.get(language, {}))


def page_ids(page: SourcePage, slugify: Slugify = toc_slugify, separator: str = "-") -> list[tuple[str, int, bool]]:
    """(id, line, written explicitly) of each id a page's source gives it, in page order."""
    # A heading's id is its `{#id}`, else the toc extension's slug of its text (mkdocs.yml's slugify
    # and separator); other ids come from attribute lists and raw HTML.
    explicit = [(anchor.id, anchor.line, True) for anchor in page.document.anchors]
    found = {(id_, line) for id_, line, _ in explicit}
    headings = [entry for entry in heading_ids(page, slugify, separator) if entry[0] and entry[:2] not in found]
    return sorted(explicit + headings, key=lambda entry: entry[1])


def source_ids(page: SourcePage, slugify: Slugify = toc_slugify, separator: str = "-") -> frozenset[str]:
    """The ids a page will have once built, as far as its source tells: a type page's data makes
    headings with the ids of the schema too (hooks/customer_type_page.py)."""
    made = customer_type.shape().anchors.values() if page.customer_type else ()
    return frozenset([*(id_ for id_, _, _ in page_ids(page, slugify, separator)), *made])


def site_from_catalogue(
    catalogue: Catalogue,
    slugify: Slugify = toc_slugify,
    separator: str = "-",
    files=(),
    open: bool = False,
) -> Site:
    """The site the sources make; ``open``: hooks may still add pages and files (links wait)."""
    unreadable = catalogue.unreadable()
    pages: dict[str, dict] = {language: {} for language in catalogue.languages}
    for (key, language), page in catalogue.pages.items():
        pages[language][key] = None if page.path in unreadable else source_ids(page, slugify, separator)
    return Site(pages=pages, files=frozenset(files), waiting=[] if open else None)


def check(catalogue: Catalogue, slugify: Slugify = toc_slugify, separator: str = "-") -> list[Problem]:
    """Every section heading has its id, and no two headings or elements of a page share one."""
    problems = []
    for page in catalogue.pages.values():
        ids = page_ids(page, slugify, separator)
        problems += _twice(page, ids) + _unnamed(catalogue, page, ids, slugify, separator)
    return problems


def _twice(page: SourcePage, ids: list[tuple[str, int, bool]]) -> list[Problem]:
    """Each id written a second time on the page, or taken from the headings a type's data makes."""
    problems, seen = [], {}
    # A customer type's data makes headings with fixed ids (#atender...): the page's own text may not take them.
    made = set(customer_type.shape().anchors.values()) if page.customer_type else set()
    for id_, line, explicit in ids:
        if id_ in made:
            problems.append(Problem.of(page.path, line, "id_taken_by_type", id=id_))
        elif id_ in seen:
            # A heading without its {#id} is said once, as one, with an id still free.
            if explicit:
                problems.append(Problem.of(page.path, line, "id_twice", id=id_, first=seen[id_]))
        else:
            seen[id_] = line
    return problems


def _unnamed(catalogue: Catalogue, page: SourcePage, ids, slugify: Slugify, separator: str) -> list[Problem]:
    """Each section heading without its `{#id}`: the id to restore, or one to write."""
    problems = []
    # The slug the toc extension would make is the id offered; a translation is offered its original's
    # heading's in the same place, so that both languages get the same id.
    original = catalogue.page(page.key, catalogue.languages[0]) or page
    offered = _slugs(original, slugify, separator)
    for index, (heading, slug) in enumerate(zip(sections(page), _slugs(page, slugify, separator), strict=True)):
        if heading.explicit_id:
            continue
        if kept := _kept(catalogue, page, heading):
            other, theirs = kept
            problems.append(Problem.of(page.path, heading.line, "heading_id_deleted", text=inline_text(heading.text),
                                       other=other.path, other_text=inline_text(theirs.text),
                                       other_line=theirs.line, id=theirs.explicit_id))
            continue
        slug = offered[index] if index < len(offered) else slug
        # An id the page already has elsewhere would be used twice: the first free one is offered.
        taken = {id_ for id_, line, _ in ids if line != heading.line}
        slug = next(free for free in [slug] + [f"{slug}-{n}" for n in range(2, len(taken) + 3)] if free not in taken)
        problems.append(Problem.of(page.path, heading.line, "heading_no_id", heading=inline_text(heading.text),
                                   slug=slug or "section-id"))
    return problems


def sections(page: SourcePage) -> list:
    """The headings of a page that need an id, in order."""
    return [heading for heading in page.document.headings if heading.level >= LEVEL]


def _slugs(page: SourcePage, slugify: Slugify, separator: str) -> list[str]:
    """The id the toc extension would give each section heading of ``page``, in order."""
    return [slug for heading, (slug, _, _) in zip(page.document.headings, heading_ids(page, slugify, separator),
                                                  strict=True) if heading.level >= LEVEL]


# An id deleted by mistake is still on the other language's heading in the same place: the fix is
# to restore it (links use it), not to make a new one that the other file would then lack.
def _kept(catalogue: Catalogue, page: SourcePage, heading):
    """(the other language's page, its heading) in the same place as ``heading``, where that heading
    keeps an id this page lacks; None if no other language does."""
    own = sections(page)
    index, written = own.index(heading), {section.explicit_id for section in own if section.explicit_id}
    for language in catalogue.languages:
        other = catalogue.page(page.key, language)
        theirs = sections(other) if other is not None and language != page.language else []
        if index < len(theirs) and theirs[index].explicit_id and theirs[index].explicit_id not in written:
            return other, theirs[index]
    return None


def deleted_ids(catalogue: Catalogue) -> frozenset[tuple[str, str, str]]:
    """(language, page key, id) of each heading id deleted while the other language keeps it: links to
    it are explained by the heading's own problem, "restore it"."""
    return frozenset((page.language, page.key, kept[1].explicit_id) for page in catalogue.pages.values()
                     for heading in sections(page)
                     if not heading.explicit_id and (kept := _kept(catalogue, page, heading)))


def explicit_ids(page: SourcePage) -> list[tuple[str, int, str]]:
    """(id, line, text) of each section heading with its id written, in page order."""
    return [(h.explicit_id, h.line, inline_text(h.text)) for h in sections(page) if h.explicit_id]
