"""Links between pages: every internal link, and every `related` topic of a customer type,
leads to a page of the same language and to an anchor that page really has (generated pages
included). Links are written to the Markdown file, relative and without a language
(`[speed](../factores.md#rapidez)`): the build sends each language to its own version.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem, SourcePage
from ..markdown import document
from ..suggest import closest
from .anchors import Site
from .urls import Target, language_name, relative, resolve

MAX_LISTED = 8


def _anchor_problem(
    page: SourcePage,
    line: int,
    what: str,
    url: str,
    target_name: str,
    fragment: str,
    ids: frozenset[str],
    own_page: bool,
) -> Problem:
    near = closest(fragment, ids)
    listed = ", ".join(f"#{i}" for i in sorted(ids)[:MAX_LISTED]) + (
        " …" if len(ids) > MAX_LISTED else ""
    )
    where = "this page" if own_page else f"'{target_name}'"
    hint = f"Did you mean '#{near}'? " if near else ""
    hint += f"The ids of {where} are: {listed}. " if ids else f"{where.capitalize()} has no ids. "
    hint += f"Or give the heading you mean the id '{{#{fragment}}}' at the end of its line."
    return Problem(
        page.path,
        line,
        f"{what} '{url}' points to '#{fragment}', which {where} does not have.",
        hint,
    )


def check_link(
    catalogue: Catalogue,
    site: Site,
    page: SourcePage,
    url: str,
    line: int,
    what: str = "The link",
    base: str | None = None,
    raw_html: str = "",
) -> list[Problem]:
    """Problems of one internal address written in ``page`` (resolved from ``base`` if given)."""
    # Links in raw HTML are not adjusted by the build: refused unless they only jump within the page.
    language = page.language
    languages = catalogue.languages
    origin = page.path if base is None else base
    if not url.strip():
        return [
            Problem(
                page.path,
                line,
                f"{what} has no address.",
                "Put the page between the parentheses: [text](page.md), or remove the brackets.",
            )
        ]
    target = resolve(origin, url.strip())
    if target is None:
        return []
    if raw_html and (target.path or target.absolute or target.outside):
        return [
            Problem(
                page.path,
                line,
                f"The address '{url}' in raw HTML ({raw_html}) is not adjusted by the build, "
                "so it breaks on the built site.",
                "Write it in Markdown instead: [text](page.md) for a link, ![text](image.png) "
                "for an image.",
            )
        ]
    if target.absolute:
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' is an absolute address of the site.",
                "Link to the page's Markdown file, relative to this file, e.g. "
                f"'{relative(origin, 'factores.md')}'.",
            )
        ]
    if target.outside:
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' leads outside the docs folder.",
                "Link only to pages and files inside docs/; count the '../' again.",
            )
        ]
    if not target.path:
        return _check_anchor(
            catalogue, site, page, line, what, url, page.key, language, target, own=True
        )
    if not target.is_page:
        if target.path.rstrip("/") in site.files:
            return []
        guess = target.path.rstrip("/")
        for candidate in (f"{guess}/index", guess):
            if site.has_page(language, candidate):
                return [
                    Problem(
                        page.path,
                        line,
                        f"{what} '{url}' points to a built address, not to a page's file.",
                        f"Link to the Markdown file instead: "
                        f"'{relative(origin, candidate + '.md')}'.",
                    )
                ]
        if site.open:
            return []
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' points to '{target.path}', which is not in the docs folder.",
                "Check the spelling and the folder; links are relative to this file's folder.",
            )
        ]
    key, named_language = target.page(languages)
    fixed = url.replace(f".{named_language}.md", ".md") if named_language else url
    if named_language and named_language != language:
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' goes to the {language_name(named_language)} version of a page, "
                f"from a {language_name(language)} page.",
                f"Write '{fixed}': without the language in the name, each language links to its "
                f"own version.",
            )
        ]
    if named_language:
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' names the page with its language.",
                f"Write '{fixed}': without the language in the name, each language links to its "
                f"own version.",
            )
        ]
    if not site.has_page(language, key):
        if site.open:
            return []
        keys = site.keys(language)
        near = closest(key, keys)
        suggestion = f"Did you mean '{relative(origin, near + '.md')}'? " if near else ""
        return [
            Problem(
                page.path,
                line,
                f"{what} '{url}' points to a page that the {language_name(language)} site does "
                f"not have" + ("." if url.split("#")[0] == f"{key}.md" else f" ('{key}.md')."),
                suggestion + "Links are relative to this file's folder and name the page without "
                "its language ('page.md', not 'page.es.md').",
            )
        ]
    return _check_anchor(
        catalogue, site, page, line, what, url, key, language, target, own=key == page.key
    )


def _check_anchor(catalogue, site, page, line, what, url, key, language, target: Target, own: bool):
    if not target.fragment or (language, key, target.fragment) in site.excused:
        return []
    ids = site.ids(language, key)
    if site.may_have(language, key, target.fragment):
        return []
    target_page = catalogue.page(key, language)
    name = target_page.path if target_page else f"the generated page {key}"
    return [_anchor_problem(page, line, what, url, name, target.fragment, ids, own)]


def check(catalogue: Catalogue, site: Site) -> list[Problem]:
    problems: list[Problem] = []
    for page in catalogue.pages.values():
        for link in document(page).links:
            if link.kind == "reference":
                continue  # checked once, where the address is defined
            if link.kind == "html":
                raw = f'{link.attribute}="{link.url}"'
                problems += check_link(catalogue, site, page, link.url, link.line, raw_html=raw)
            else:
                what = "The image" if link.kind == "image" else "The link"
                problems += check_link(catalogue, site, page, link.url, link.line, what)
        problems += _related(catalogue, site, page)
    return problems


def _related(catalogue: Catalogue, site: Site, page: SourcePage) -> list[Problem]:
    """A customer type's `related` topics: "page.md#anchor", relative to docs/."""
    customer_type = page.customer_type or {}
    related = customer_type.get("related")
    if not isinstance(related, list):
        return []
    problems = []
    for index, entry in enumerate(related):
        if not isinstance(entry, str) or not entry.strip():
            continue  # the schema reports it
        line = page.line_of("customer_type", "related", index)
        problems += check_link(
            catalogue, site, page, entry, line, "The related topic", base="index.md"
        )
    return problems
