"""Anchors: the ids a link can jump to, and one check, that no id is used twice on a page.
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
from ..markdown import Slugify, heading_ids


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
    unreadable = {problem.path for problem in catalogue.problems}
    pages: dict[str, dict] = {language: {} for language in catalogue.languages}
    for (key, language), page in catalogue.pages.items():
        pages[language][key] = None if page.path in unreadable else source_ids(page, slugify, separator)
    return Site(pages=pages, files=frozenset(files), waiting=[] if open else None)


def check(catalogue: Catalogue, slugify: Slugify = toc_slugify, separator: str = "-") -> list[Problem]:
    """No two headings or elements of a page share an id."""
    problems = []
    for page in catalogue.pages.values():
        seen: dict[str, int] = {}
        # A customer type's data makes headings with fixed ids (#atender...):
        # the page's own text may not take them.
        made = set(customer_type.shape().anchors.values()) if page.customer_type else set()
        for id_, line, explicit in page_ids(page, slugify, separator):
            if id_ in made:
                problems.append(Problem.of(page.path, line, "id_taken_by_type", id=id_))
            elif id_ in seen:
                # A heading without its {#id} is the headings check's to say, with an id still free.
                if explicit:
                    problems.append(Problem.of(page.path, line, "id_twice", id=id_, first=seen[id_]))
            else:
                seen[id_] = line
    return problems
