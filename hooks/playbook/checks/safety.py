"""Unsafe content: nothing in a page may run script, restyle the site or pull in another site,
on staff browsers or store kiosks. Raw HTML is limited to a short list of harmless tags, and
`on…=` attributes and `javascript:`, `vbscript:` and `data:` addresses are refused in Markdown
links and images, attribute lists and HTML. A link to another site must be `https://` (`mailto:`
and `tel:` are fine), and images and other embedded files must live in docs/, so kiosks work
offline and no other site learns who reads the playbook. Each address gets one of these messages.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..catalogue import Catalogue, Problem, SourcePage
from ..label_files import said
from ..markdown import URL_ATTRIBUTES, fed
from .urls import IGNORED_BY_BROWSERS, is_external, scheme

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

ALLOWED_SCHEMES = {"https", "mailto", "tel"}
# Attributes whose address the browser loads by itself, without a click.
LOADED = frozenset(
    "src srcset poster data background imagesrcset lowsrc dynsrc manifest codebase archive classid profile icon".split()
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


def _elsewhere(link, found: str) -> tuple[str, dict] | None:
    """What is wrong with an address of another site (its message in labels/messages.yml, and the values
    it names); None when it is fine."""
    url = link.url.strip()
    if link.kind == "image":
        return "image_elsewhere", {"url": url}
    if link.kind == "html" and link.attribute in LOADED:
        return "file_elsewhere", {"url": url}
    if found in ALLOWED_SCHEMES:
        return None
    if found == "http":
        return "http_link", {"url": url, "fixed": "https://" + re.sub(r"^[^:]*:/*", "", url)}
    return ("no_scheme", {"url": url}) if not found else ("other_scheme", {"url": url, "scheme": found})


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
    # A refused tag (<iframe src=...>) is one problem, said above: its address is not another.
    refused = {(tag.line, name.lower(), value) for tag in doc.tags if tag.name in FORBIDDEN_TAGS
               for name, value in tag.attributes}
    # reference: checked where it is defined.
    for link in (link for link in doc.links if link.kind != "reference"):
        found = scheme(link.url)
        if found in DANGEROUS_SCHEMES:
            if link.kind != "html":  # html: said with its tag
                what = said("what_image" if link.kind == "image" else "what_link")
                problems.append(Problem.of(page.path, link.line, "dangerous_address", url=link.url[:60],
                                           scheme=found, what=what, why=said(DANGEROUS_SCHEMES[found])))
        elif is_external(link.url) and (link.line, link.attribute, link.url) not in refused:
            if fault := _elsewhere(link, found):
                problems.append(Problem.of(page.path, link.line, fault[0], **fault[1]))
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
