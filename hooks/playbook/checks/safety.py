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
from ..label_files import said
from ..markdown import URL_ATTRIBUTES, fed
from .urls import IGNORED_BY_BROWSERS, scheme

# Addresses are read as a browser reads them (references decoded, blanks in the scheme dropped),
# so `&#106;avascript:` is caught too. Each with the name of what it does in labels/messages.yml.
DANGEROUS_SCHEMES = {"javascript": "runs_code", "vbscript": "runs_code", "data": "carries_page"}

# Each refused tag -> the name of its words in labels/messages.yml: "tag_<name>" what it does,
# "tag_<name>_instead" what to do instead (tags alike share them).
FORBIDDEN_TAGS = {
    "script": "script", "iframe": "iframe", "object": "object", "embed": "object", "style": "style",
    "frame": "frame", "frameset": "frameset", "applet": "applet", "base": "base", "meta": "meta", "link": "link",
    "form": "form", "svg": "svg", "math": "math", "template": "template", "noscript": "noscript", "portal": "frame",
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


def _attribute_problem(name: str, value: str | None) -> tuple[str, dict] | None:
    """What is wrong with an attribute (its message in labels/messages.yml, the values it names);
    None when it is harmless."""
    name = name.lower()
    if name.startswith("on"):
        return "attribute_runs_code", {"name": name}
    if name == "srcdoc":
        return "attribute_srcdoc", {}
    if value is None:
        return None
    if name == "style" and UNSAFE_STYLE.search(html.unescape(value)):
        return "unsafe_style", {}
    # A srcset lists several addresses, each followed by its size.
    candidates = [value]
    if name in ("srcset", "imagesrcset"):
        candidates = [part.strip().split(" ")[0] for part in value.split(",")]
    for found in (scheme(candidate) for candidate in candidates if name in URL_ATTRIBUTES):
        if found in DANGEROUS_SCHEMES:
            return "attribute_dangerous_address", {"name": name, "scheme": found,
                                                   "why": said(DANGEROUS_SCHEMES[found])}
    decoded = IGNORED_BY_BROWSERS.sub("", html.unescape(value)).lower()
    if "javascript:" in decoded or "vbscript:" in decoded:
        return "attribute_script_address", {"name": name}
    return None


def _page(page: SourcePage) -> list[Problem]:
    doc = page.document
    problems = []
    for tag in doc.tags:
        if words := FORBIDDEN_TAGS.get(tag.name):
            problems.append(Problem.of(page.path, tag.line, "forbidden_tag", tag=tag.name, why=said(f"tag_{words}"),
                                       instead=said(f"tag_{words}_instead")))
        elif tag.name not in ALLOWED_TAGS:
            problems.append(Problem.of(page.path, tag.line, "unknown_tag", tag=tag.name,
                                       allowed=", ".join(sorted(ALLOWED_TAGS))))
    # An attribute runs code alike in a tag and in an attribute list {…} (whose id and classes are harmless).
    holders = [(f"<{tag.name}>", tag.line, tag.attributes) for tag in doc.tags] + [
        (said("attribute_list"), found.line, [(n, v) for n, v in found.attributes if n not in ("id", ".")])
        for found in doc.attr_lists]
    for where, line, attributes in holders:
        for name, value in attributes:
            if found := _attribute_problem(name, value):
                problems.append(Problem.of(page.path, line, found[0], where=where, **found[1]))
    for link in doc.links:
        found = scheme(link.url)
        # html: checked with its tag; reference: where it is defined.
        if link.kind not in ("html", "reference") and found in DANGEROUS_SCHEMES:
            problems.append(Problem.of(page.path, link.line, "dangerous_address", url=link.url[:60], scheme=found,
                                       what=said("what_image" if link.kind == "image" else "what_link"),
                                       why=said(DANGEROUS_SCHEMES[found])))
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
                self.found.append((said("attribute_of", name=name, tag=tag), name))

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
