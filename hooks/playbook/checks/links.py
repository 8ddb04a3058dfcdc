"""Links between pages: every internal link, and every `related` topic of a customer type,
leads to a page of the same language and to an anchor that page really has (generated pages
included). Links are written to the Markdown file, relative and without a language
(`[speed](../factores.md#rapidez)`): the build sends each language to its own version.
"""

from __future__ import annotations

import re

from .. import characters
from ..catalogue import Catalogue, Problem, SourcePage
from ..label_files import said
from ..suggest import closest, did_you_mean
from .anchors import Site
from .urls import Target, language_name, relative, resolve

MAX_LISTED = 8


# What a link to something a hook has not made yet gets, instead of a problem: it waits.
WAIT = object()


def check_link(
    catalogue: Catalogue,
    site: Site,
    page: SourcePage,
    url: str,
    line: int,
    what: str = "link",
    base: str | None = None,
    raw_html: str = "",
) -> list[Problem]:
    """Problems of one internal address written in ``page`` (resolved from ``base`` if given; ``what``:
    link, image or related); in an open site, a link to what a hook may still make waits in
    ``site.waiting``, and one to an anchor is kept in ``site.anchored`` to be checked again against
    the built page."""
    # An address holding an invisible character is named by the pastes check, with its column.
    if characters.invisible(url):
        return []
    found = _fault(catalogue, site, page, url, what, page.path if base is None else base, raw_html)
    if found is WAIT:
        site.waiting.append((page, url, line, what, base, raw_html))
        return []
    if found is None and site.open and "#" in url:
        site.anchored.append((page, url, line, what, base, raw_html))
    return [Problem.of(page.path, line, found[0], what=said(f"what_{what}"), url=url, **found[1])] if found else []


def _fault(catalogue, site: Site, page: SourcePage, url, what, origin, raw_html):
    """What is wrong with a link (its message, the values it names); None: nothing; WAIT: not known yet."""
    language = page.language
    if not url.strip():
        return "empty_address", {}
    target = resolve(origin, url.strip())
    if target is None:
        return None
    # Refused unless they only jump within the page.
    if raw_html and (target.path or target.absolute or target.outside):
        return ("raw_html_image" if raw_html.startswith("src=") else "raw_html_address"), {"raw_html": raw_html}
    if target.absolute:
        return "absolute_address", {"example": relative(origin, "factores.md")}
    # A related topic is written from docs/ and takes no '../': the fix is the address without them.
    if target.outside:
        return ("related_outside", {"fixed": re.sub(r"^(\.\./)+", "", url.strip())}) if what == "related" \
            else ("outside_docs", {})
    if not target.path:
        return _anchor_fault(catalogue, site, page.key, language, target, own=True)
    if not target.is_page:
        guess = target.path.rstrip("/")
        if guess in site.files:
            return None
        for candidate in (f"{guess}/index", guess):
            if site.has_page(language, candidate):
                return "built_address", {"fixed": relative(origin, candidate + ".md")}
        # A name written with other capitals or without its '../' is said at once: no hook makes it.
        meant = _meant(origin, url, site.files)
        if site.open and not meant:
            return WAIT
        return "missing_file", {"path": target.path, "near": did_you_mean(meant)}
    key, named_language = target.page(catalogue.languages)
    if named_language:
        fixed = url.replace(f".{named_language}.md", ".md")
        if named_language != language:
            return "other_language_link", {"fixed": fixed, "named": language_name(named_language),
                                           "language": language_name(language)}
        return "language_in_link", {"fixed": fixed}
    if not site.has_page(language, key):
        meant = _meant(origin, url, [f"{known}.md" for known in site.keys(language)])
        if site.open and not meant:
            return WAIT
        near = closest(key, site.keys(language))
        meant = meant or (relative(origin, near + ".md") if near else None)
        return "missing_page", {"language": language_name(language),
                                "near": did_you_mean(meant),
                                "resolved": "" if url.split("#")[0] == f"{key}.md" else f" ('{key}.md')"}
    return _anchor_fault(catalogue, site, key, language, target, own=key == page.key)


# The two slips a near-match misses: a name written with other capitals ("Fila.png" for "fila.png"),
# and a link from a folder (tipos/) written as if from docs/ itself, without its "../".
def _meant(origin: str, url: str, known) -> str | None:
    """The address ``url`` (written in ``origin``) was meant to be, among the paths ``known``."""
    address, hash_, fragment = url.strip().partition("#")
    by_lower = {path.lower(): path for path in known}
    for attempt in [address] + (["../" + address] if "/" in origin else []):
        target = resolve(origin, attempt)
        if target and target.path and not target.outside and target.path.lower() in by_lower:
            return relative(origin, by_lower[target.path.lower()]) + hash_ + fragment
    return None


def _anchor_fault(catalogue, site: Site, key, language, target: Target, own: bool):
    fragment = target.fragment
    if not fragment or (language, key, fragment) in site.excused or site.may_have(language, key, fragment):
        return None
    target_page = catalogue.page(key, language)
    where = said("this_page") if own else f"'{target_page.path}'" if target_page else said("generated_page", key=key)
    ids = site.ids(language, key)
    near = closest(fragment, ids)
    listed = ", ".join(f"#{i}" for i in sorted(ids)[:MAX_LISTED]) + (" …" if len(ids) > MAX_LISTED else "")
    known = said("ids_listed", where=where, listed=listed) if ids else said("no_ids", where=where)
    return "missing_anchor", {"fragment": fragment, "where": where, "ids": known[0].upper() + known[1:],
                              "near": did_you_mean(near and f"#{near}")}


def check(catalogue: Catalogue, site: Site) -> list[Problem]:
    return [problem for page in catalogue.pages.values() for address in addresses(page)
            for problem in check_link(catalogue, site, page, *address)]


def addresses(page: SourcePage):
    """(url, line, what, base, raw HTML) of each internal address a page writes: its links, and a
    customer type's `related` topics ("page.md#anchor", relative to docs/)."""
    for link in page.document.links:
        if link.kind == "html":
            yield link.url, link.line, "link", None, f'{link.attribute}="{link.url}"'
        elif link.kind != "reference":  # checked once, where the address is defined
            yield link.url, link.line, "image" if link.kind == "image" else "link", None, ""
    related = (page.customer_type or {}).get("related")
    for index, entry in enumerate(related if isinstance(related, list) else []):
        if isinstance(entry, str) and entry.strip():  # else the schema reports it
            line = page.line_of("customer_type", "related", index)
            yield entry, line, "related", "index.md", ""
