"""The content checks: one module per concern, each a pure function from the
catalogue (and, for links, what the site offers to link to) to a list of
catalogue.Problem. hooks/check_content.py runs them all during a build."""

from __future__ import annotations

from collections.abc import Callable

from markdown.extensions.toc import slugify as toc_slugify

from ..catalogue import Catalogue, Problem
from . import anchors, citations, external, files, front_matter, links, parity, safety
from .anchors import Site, site_from_catalogue


def run_all(
    catalogue: Catalogue,
    site: Site | None = None,
    *,
    slugify: Callable = toc_slugify,
    separator: str = "-",
    icon_dirs=(),
) -> list[Problem]:
    """Every problem of the content, sorted by file and line, each once."""
    if site is None:
        site = site_from_catalogue(catalogue, slugify, separator)
    problems = (
        files.check(catalogue)
        + front_matter.check(catalogue, icon_dirs)
        + anchors.check(catalogue, slugify, separator)
        + links.check(catalogue, site)
        + parity.check(catalogue, site)
        + citations.check(catalogue)
        + safety.check(catalogue)
        + external.check(catalogue)
    )
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.message))


__all__ = ["Site", "run_all", "site_from_catalogue"]
