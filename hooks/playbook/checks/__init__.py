"""The content checks: one module per concern, each a pure function from the catalogue (and,
for links, what the site offers to link to) to a list of catalogue.Problem.
hooks/check_content.py runs them all during a build, and each problem is reported once, on
the file at fault.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify

from .. import type_lists
from ..catalogue import Catalogue, Problem
from ..label_files import said
from . import (
    anchors,
    blanks,
    card_text,
    citations,
    copies,
    emoji,
    front_matter,
    links,
    nav,
    orphans,
    parity,
    pastes,
    placeholders,
    practice,
    safety,
    untranslated,
)
from .anchors import Site, site_from_catalogue


def run_all(catalogue: Catalogue, site: Site, *, slugify: Callable = toc_slugify, separator: str = "-",
            icon_dirs=(), emoji_names: frozenset[str] | None = None,
            templates: placeholders.Placeholders | None = None, config_file=None) -> list[Problem]:
    """Every problem of the content, each once: unreadable files first, then by file and line."""
    # What is wrong within each file, found in that file alone.
    own = (
        front_matter.check(catalogue, icon_dirs)
        + anchors.check(catalogue, slugify, separator)
        + safety.check(catalogue)
        + blanks.check(catalogue)
        + emoji.check(catalogue, emoji_names)
        + card_text.check(catalogue)
        + placeholders.check(catalogue, templates)
        + untranslated.check(catalogue)
        + pastes.check(catalogue)
        # The markers of the lists of types, before hooks/customer_type_page.py fills them.
        + [problem for page in catalogue.pages.values()
           for problem in type_lists.problems(page.body, page.path, page.body_start)]
    )
    faulty = {problem.path for problem in own}
    # What needs other files: links, the two languages, citations. A heading
    # whose id differs from its original's is reported, not each link to it.
    site = dataclasses.replace(site, excused=frozenset(parity.missing_ids(catalogue, faulty))
                               | anchors.deleted_ids(catalogue))
    # mkdocs.yml, read once for the checks of its menu (a mkdocs.yml YAML cannot read is MkDocs' to say).
    config = Path(config_file).read_text(encoding="utf-8") if config_file and Path(config_file).is_file() else ""
    # A page with a broken link is not compared with its translation either: "copy it from the
    # original" would copy the broken link.
    linked = links.check(catalogue, site)
    problems = (
        own
        + linked
        + parity.check(catalogue, site, faulty | {problem.path for problem in linked})
        + citations.check(catalogue)
        + nav.check_text(config, Path(config_file or nav.CONFIG).name)
        + practice.check(catalogue, faulty)
        + orphans.check_text(catalogue, config)
        + copies.check(catalogue)
    )
    return ordered(catalogue, problems)


# A file that cannot be read gives one problem, first, and nothing else is said of it or because of
# it (the comparing checks, such as parity, leave out every page whose own checks failed).
def ordered(catalogue: Catalogue, problems: list[Problem]) -> list[Problem]:
    """Each problem once; a file that cannot be read first, then by file and line."""
    unreadable = catalogue.unreadable()
    return sorted(
        set(problems),
        key=lambda p: (p.path not in unreadable, not p.in_docs, p.path, p.line, p.message),
    )


def report(problems: list[Problem], docs: str = "docs", where: str | None = None, waiting: int = 0) -> str:
    """The report that stops the build: every problem with its file, line and fix (the
    content checks' and mkdocs.yml's: ``where`` says which; the pages when not said), and how many
    links (``waiting``) point at pages the build has not made yet, so are not checked yet."""
    count, where = len(problems), where or said("in_pages")
    lines = [said("cannot_build_one" if count == 1 else "cannot_build", count=count, where=where), ""]
    for problem in problems:
        lines += [problem.text(docs), ""]
    if waiting:
        lines += [said("links_wait_one" if waiting == 1 else "links_wait", count=waiting), ""]
    return "\n".join(lines)


__all__ = ["Site", "ordered", "report", "run_all", "site_from_catalogue"]
