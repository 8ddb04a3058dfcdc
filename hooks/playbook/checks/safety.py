"""Unsafe content: nothing in a page may run script, restyle the site or pull in another site,
on staff browsers or store kiosks. Raw HTML is limited to a short list of harmless tags, and
`on…=` attributes and `javascript:`, `vbscript:` and `data:` addresses are refused in Markdown
links and images, attribute lists and HTML.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..catalogue import Catalogue, Problem, SourcePage
from ..markdown import URL_ATTRIBUTES, document, fed
from .urls import IGNORED_BY_BROWSERS, scheme

# Addresses are read as a browser reads them (references decoded, blanks in the scheme dropped),
# so `&#106;avascript:` is caught too.
DANGEROUS_SCHEMES = {
    "javascript": "runs code in the browser",
    "vbscript": "runs code in the browser",
    "data": "can carry a whole page or script inside the address",
}

FORBIDDEN_TAGS = {
    "script": (
        "runs code in every browser that opens the page",
        "Pages cannot carry scripts. If the site needs new behaviour, ask a developer.",
    ),
    "iframe": ("embeds another page or site inside this one", "Link to it instead: [text](https://...)."),
    "object": ("embeds an external object or plug-in", "Link to the file instead."),
    "embed": ("embeds an external object or plug-in", "Link to the file instead."),
    "style": ("restyles the whole site", "Ask a developer to add the style to the site's stylesheet."),
    "frame": ("embeds another page", "Link to it instead."),
    "frameset": ("replaces the page with other pages", "Link to them instead."),
    "applet": ("runs a plug-in", "Remove it."),
    "base": ("changes where every link of the page goes", "Remove it."),
    "meta": ("can redirect the browser or change how the page is read", "Remove it."),
    "link": ("loads files from elsewhere into the page", "Remove it."),
    "form": ("sends what staff type to an address", "Remove it."),
    "svg": ("can carry script and load files", "Add the image as a file: ![text](../assets/image.svg)."),
    "math": ("can carry links that run code", "Remove it."),
    "template": ("hides markup that scripts can bring to life", "Remove it."),
    "noscript": ("is only shown when script is off", "Remove it."),
    "portal": ("embeds another page", "Link to it instead."),
}

# Everything else is refused: new tags are allowed here, one by one, once they are known to be harmless.
ALLOWED_TAGS = frozenset(
    """
a abbr article aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em
figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span
strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
""".split()
)

UNSAFE_STYLE = re.compile(r"url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:|-moz-binding", re.I)


def _attribute_problem(name: str, value: str | None) -> tuple[str, str] | None:
    """What is wrong with an attribute, and how to fix it; None when it is harmless."""
    name = name.lower()
    if name.startswith("on"):
        return (f"The attribute '{name}' runs code in the browser.", "Remove the attribute.")
    if name == "srcdoc":
        return ("The attribute 'srcdoc' embeds a whole page.", "Remove the attribute.")
    if value is None:
        return None
    if name == "style" and UNSAFE_STYLE.search(html.unescape(value)):
        return ("The style attribute loads files or runs code.",
                "Remove it; ask a developer to add the style to the site's stylesheet.")
    # A srcset lists several addresses, each followed by its size.
    candidates = [value]
    if name in ("srcset", "imagesrcset"):
        candidates = [part.strip().split(" ")[0] for part in value.split(",")]
    for found in (scheme(candidate) for candidate in candidates if name in URL_ATTRIBUTES):
        if found in DANGEROUS_SCHEMES:
            return (f"The address in '{name}' is a '{found}:' address, which {DANGEROUS_SCHEMES[found]}.",
                    "Use a page of the site (page.md) or an https:// address instead.")
    decoded = IGNORED_BY_BROWSERS.sub("", html.unescape(value)).lower()
    if "javascript:" in decoded or "vbscript:" in decoded:
        return (f"The attribute '{name}' holds a script address.", "Remove the attribute.")
    return None


def _page(page: SourcePage) -> list[Problem]:
    doc = document(page)
    problems = []
    for tag in doc.tags:
        if tag.name in FORBIDDEN_TAGS:
            why, fix = FORBIDDEN_TAGS[tag.name]
            problems.append(Problem(page.path, tag.line, f"Raw HTML <{tag.name}> is not allowed: it {why}.", fix))
        elif tag.name not in ALLOWED_TAGS:
            problems.append(Problem(
                page.path, tag.line, f"The HTML tag <{tag.name}> is not allowed in a page.",
                "Use Markdown instead (lists, tables, admonitions, card grids), or one of the allowed "
                f"tags: {', '.join(sorted(ALLOWED_TAGS))}."))
    # An attribute runs code alike in a tag and in an attribute list {…} (whose id and classes are harmless).
    holders = [(f"<{tag.name}>", tag.line, tag.attributes) for tag in doc.tags] + [
        ("an attribute list {…}", found.line, [(n, v) for n, v in found.attributes if n not in ("id", ".")])
        for found in doc.attr_lists]
    for where, line, attributes in holders:
        for name, value in attributes:
            if found := _attribute_problem(name, value):
                problems.append(Problem(page.path, line, f"In {where}: {found[0]}", found[1]))
    for link in doc.links:
        found = scheme(link.url)
        # html: checked with its tag; reference: where it is defined.
        if link.kind not in ("html", "reference") and found in DANGEROUS_SCHEMES:
            problems.append(Problem(
                page.path, link.line,
                f"The {'image' if link.kind == 'image' else 'link'} '{link.url[:60]}' is a '{found}:' address, "
                f"which {DANGEROUS_SCHEMES[found]}.",
                "Link to a page of the site (page.md) or to an https:// address instead."))
    return problems


def check(catalogue: Catalogue) -> list[Problem]:
    return [problem for page in catalogue.pages.values() for problem in _page(page)]


# --- The rendered page ---------------------------------------------------------

RENDERED_FORBIDDEN = frozenset(FORBIDDEN_TAGS) - {"svg", "math", "form", "noscript", "template"}


class _Rendered(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, text to look for in the source)

    def handle_starttag(self, tag, attrs):
        if tag in RENDERED_FORBIDDEN:
            self.found.append((f"<{tag}>", f"<{tag}"))
        for name, value in attrs:
            if _attribute_problem(name, value):
                self.found.append((f"the attribute '{name}' of <{tag}>", name))

    handle_startendtag = handle_starttag


# Read as a browser reads it (references decoded, blanks dropped), a page that
# has none of these has nothing unsafe, and needs no parsing: most pages.
SUSPECT = re.compile("|".join(
    [f"<{tag}" for tag in sorted(RENDERED_FORBIDDEN)]
    + [r"on[a-z]+=", "srcdoc", "script:", "data:", r"url\(", r"expression\(", "@import", "behavior:", "-moz-binding"]
))


# A second line of defence: the HTML a page really became.
def rendered(html_text: str) -> list[tuple[str, str]]:
    """Unsafe things in a page's rendered HTML: (what, text to look for in the source)."""
    if not SUSPECT.search(IGNORED_BY_BROWSERS.sub("", html.unescape(html_text)).lower()):
        return []
    return fed(_Rendered(), html_text).found
