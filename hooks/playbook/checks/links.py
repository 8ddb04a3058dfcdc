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


# Links in raw HTML are not adjusted by the build; a language named in the link takes the reader
# out of theirs: both written the way the fix says.
RAW_HTML = ("The address '{url}' in raw HTML ({raw_html}) is not adjusted by the build, so it breaks "
            "on the built site.",
            "Write it in Markdown instead: [text](page.md) for a link, ![text](image.png) for an image.")
OWN_VERSION = "Write '{fixed}': without the language in the name, each language links to its own version."
# What a link to something a hook has not made yet gets, instead of a problem: it waits.
WAIT = object()


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
    """Problems of one internal address written in ``page`` (resolved from ``base`` if given);
    in an open site, a link to what a hook may still make waits in ``site.waiting``, and one to an
    anchor is kept in ``site.anchored`` to be checked again against the built page."""
    found = _fault(catalogue, site, page, url, what, page.path if base is None else base, raw_html)
    if found is WAIT:
        site.waiting.append((page, url, line, what, base, raw_html))
        return []
    if found is None and site.open and "#" in url:
        site.anchored.append((page, url, line, what, base, raw_html))
    return [Problem(page.path, line, *found)] if found else []


def _fault(catalogue, site: Site, page: SourcePage, url, what, origin, raw_html):
    """What is wrong with a link and how to fix it; None: nothing; WAIT: not known yet."""
    language = page.language
    if not url.strip():
        return (f"{what} has no address.",
                "Put the page between the parentheses: [text](page.md), or remove the brackets.")
    target = resolve(origin, url.strip())
    if target is None:
        return None
    # Refused unless they only jump within the page.
    if raw_html and (target.path or target.absolute or target.outside):
        return RAW_HTML[0].format(url=url, raw_html=raw_html), RAW_HTML[1]
    if target.absolute:
        return (f"{what} '{url}' is an absolute address of the site.",
                "Link to the page's Markdown file, relative to this file, e.g. "
                f"'{relative(origin, 'factores.md')}'.")
    if target.outside:
        return (f"{what} '{url}' leads outside the docs folder.",
                "Link only to pages and files inside docs/; count the '../' again.")
    if not target.path:
        return _anchor_fault(catalogue, site, page.key, language, url, what, target, own=True)
    if not target.is_page:
        guess = target.path.rstrip("/")
        if guess in site.files:
            return None
        for candidate in (f"{guess}/index", guess):
            if site.has_page(language, candidate):
                return (f"{what} '{url}' points to a built address, not to a page's file.",
                        f"Link to the Markdown file instead: '{relative(origin, candidate + '.md')}'.")
        if site.open:
            return WAIT
        meant = _meant(origin, url, site.files)
        return (f"{what} '{url}' points to '{target.path}', which is not in the docs folder.",
                (f"Did you mean '{meant}'? " if meant else "")
                + "Check the spelling and the folder; links are relative to this file's folder.")
    key, named_language = target.page(catalogue.languages)
    if named_language:
        message = (f"{what} '{url}' goes to the {language_name(named_language)} version of a page, from a "
                   f"{language_name(language)} page." if named_language != language
                   else f"{what} '{url}' names the page with its language.")
        return message, OWN_VERSION.format(fixed=url.replace(f".{named_language}.md", ".md"))
    if not site.has_page(language, key):
        if site.open:
            return WAIT
        near = closest(key, site.keys(language))
        meant = _meant(origin, url, [f"{known}.md" for known in site.keys(language)])
        meant = meant or (relative(origin, near + ".md") if near else None)
        suggestion = f"Did you mean '{meant}'? " if meant else ""
        return (f"{what} '{url}' points to a page that the {language_name(language)} site does not "
                "have" + ("." if url.split("#")[0] == f"{key}.md" else f" ('{key}.md')."),
                suggestion + "Links are relative to this file's folder and name the page without "
                "its language ('page.md', not 'page.es.md').")
    return _anchor_fault(catalogue, site, key, language, url, what, target, own=key == page.key)


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


def _anchor_fault(catalogue, site: Site, key, language, url, what, target: Target, own: bool):
    fragment = target.fragment
    if not fragment or (language, key, fragment) in site.excused or site.may_have(language, key, fragment):
        return None
    target_page = catalogue.page(key, language)
    name = target_page.path if target_page else f"the generated page {key}"
    where = "this page" if own else f"'{name}'"
    ids = site.ids(language, key)
    near = closest(fragment, ids)
    listed = ", ".join(f"#{i}" for i in sorted(ids)[:MAX_LISTED]) + (" …" if len(ids) > MAX_LISTED else "")
    hint = f"Did you mean '#{near}'? " if near else ""
    hint += f"The ids of {where} are: {listed}. " if ids else f"{where.capitalize()} has no ids. "
    hint += f"Or give the heading you mean the id '{{#{fragment}}}' at the end of its line."
    return f"{what} '{url}' points to '#{fragment}', which {where} does not have.", hint


def check(catalogue: Catalogue, site: Site) -> list[Problem]:
    return [problem for page in catalogue.pages.values() for address in addresses(page)
            for problem in check_link(catalogue, site, page, *address)]


def addresses(page: SourcePage):
    """(url, line, what, base, raw HTML) of each internal address a page writes: its links, and a
    customer type's `related` topics ("page.md#anchor", relative to docs/)."""
    for link in document(page).links:
        if link.kind == "html":
            yield link.url, link.line, "The link", None, f'{link.attribute}="{link.url}"'
        elif link.kind != "reference":  # checked once, where the address is defined
            yield link.url, link.line, "The image" if link.kind == "image" else "The link", None, ""
    related = (page.customer_type or {}).get("related")
    for index, entry in enumerate(related if isinstance(related, list) else []):
        if isinstance(entry, str) and entry.strip():  # else the schema reports it
            line = page.line_of("customer_type", "related", index)
            yield entry, line, "The related topic", "index.md", ""
