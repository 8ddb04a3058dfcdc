"""Material's stylesheets without what the site cannot show: main.css loses the rules of the
components that nothing in mkdocs.yml enables (content tabs, a blog, a version selector...),
and palette.css Material's named colours (indigo, teal...): the playbook names its own
(``custom``, docs/assets/stylesheets/playbook.css). Plain Python over CSS and HTML text;
hooks/assets.py hands Material's files to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import cache
from .label_files import said

MAIN = re.compile(r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
PALETTE = re.compile(r"^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")
# A rule for one of Material's named colours: [data-md-color-primary=indigo] and
# the like. "custom" has none: Material leaves it to the site.
NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=")


# Each kind of setting in mkdocs.yml that brings a component onto a page, in the order a fix names
# them (labels/messages.yml: "enable_<kind>"): markdown_extensions (without "markdown.extensions."),
# pymdownx.superfences custom fences, plugins (without "material/"), theme.features, keys of extra.
KINDS = ("extensions", "fences", "plugins", "features", "extra")


@dataclass(frozen=True)
class Component:
    """A part of Material that only some sites use: its classes, and what in
    mkdocs.yml brings it onto a page (any one of these, by KINDS)."""

    name: str
    # Its blocks' class names, as a regular expression; their elements and
    # modifiers (md-tabs__link, md-tabs--active, tabbed-set) come with them.
    blocks: str
    extensions: tuple[str, ...] = ()  # markdown_extensions
    fences: tuple[str, ...] = ()  # pymdownx.superfences custom fences
    plugins: tuple[str, ...] = ()
    features: tuple[str, ...] = ()  # theme.features
    extra: tuple[str, ...] = ()  # keys of extra

    @property
    def classes(self) -> str:
        """A regular expression for any of its class names."""
        return rf"(?:{self.blocks})(?:[-_][\w-]*)?"

    def in_use(self, enabled: dict[str, frozenset[str]]) -> bool:
        """Whether mkdocs.yml enables it: ``enabled`` is each kind's settings."""
        return any(enabled[kind] & set(getattr(self, kind)) for kind in KINDS)


COMPONENTS = (
    Component("content tabs", "tabbed", extensions=("pymdownx.tabbed",)),
    Component("keyboard keys", "keys", extensions=("pymdownx.keys",)),
    Component("task lists", "task-list", extensions=("pymdownx.tasklist",)),
    Component("Critic Markup", "critic", extensions=("pymdownx.critic",)),
    Component("maths", "arithmatex", extensions=("pymdownx.arithmatex",)),
    Component("footnotes", "footnote", extensions=("footnotes", "extra", "pymdownx.extra")),
    Component("Mermaid diagrams", "mermaid", fences=("mermaid",)),
    Component("tags", "md-tags?", plugins=("tags",)),
    Component("blog", "md-post|md-pagination", plugins=("blog",)),
    Component("version selector", "md-version", extra=("version",)),
    Component("cookie consent", "md-consent", extra=("consent",)),
    Component("feedback widget", "md-feedback", extra=("analytics",)),
    Component("page status", "md-status", extra=("status",)),
    Component("breadcrumbs", "md-path", features=("navigation.path",)),
    Component("navigation tabs", "md-tabs", features=("navigation.tabs",)),
)

# Strings, whose characters are text ("{" as generated content, [x=","]), and the characters that
# open, close or separate a level of a stylesheet or a selector list.
TOKEN = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{}()\[\],]""")
NESTED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
CLASS_ATTRIBUTES = (re.compile(r'class="([^"]*)"'), re.compile(r"class='([^']*)'"))


def top_level(text: str, cut: str) -> list[str]:
    """``text`` cut at each ``cut`` outside every (), [] and {}: after each "}", a minified
    stylesheet's top-level rules and at-rule blocks, in order; at each ",", the selectors of a
    rule's selector list (commas inside :is() stay)."""
    parts, depth, start = [], 0, 0
    for match in TOKEN.finditer(text):
        char = match.group()
        depth += (char in "{([") - (char in "})]")
        if depth == 0 and char == cut:
            parts.append(text[start:match.end() if cut == "}" else match.start()])
            start = match.end()
    # What follows the last "}" is no rule; what follows the last "," is the last selector.
    return parts + [text[start:]] if cut == "," else parts


def needs(selector: str, classes: re.Pattern) -> bool:
    """Whether a selector matches only inside one of ``classes``. A class in
    :is(), :not() or an attribute selector does not count: without it, the
    selector may still match."""
    while NESTED.search(selector):
        selector = NESTED.sub("", selector)
    return bool(classes.search(selector))


def without(css: str, drop) -> str:
    """A stylesheet with every selector ``drop`` refuses, and every rule left
    with none, taken out, at any depth of @media and @supports."""
    kept = []
    for rule in top_level(css, "}"):
        prelude, _, body = rule.partition("{")
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = without(body[:-1], drop)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(rule)
        else:
            remaining = [selector for selector in top_level(prelude, ",") if not drop(selector)]
            if remaining:
                kept.append(",".join(remaining) + "{" + body)
    return "".join(kept)


def class_pattern(components) -> re.Pattern | None:
    if not components:
        return None
    return re.compile(r"\.(?:" + "|".join(c.classes for c in components) + r")(?![\w-])")


@cache.kept(size=16)
def trimmed_main(css: str, components: tuple[Component, ...]) -> str:
    pattern = class_pattern(components)
    return without(css, lambda selector: needs(selector, pattern)) if pattern else css


@cache.kept(size=16)
def trimmed_palette(css: str) -> str:
    return without(css, NAMED_COLOUR.search)


# A page that still carries a left-out component's class (raw HTML, say): the checks say what to enable.
def unstyled(html: str, components: tuple[Component, ...]) -> list[tuple[Component, str]]:
    """Classes in a page's HTML whose styles the site leaves out (``components``),
    with their component. hooks/check_content.py reports them: raw HTML in a
    page could name one (a template would too), and it would show unstyled."""
    tokens = {token for attribute in CLASS_ATTRIBUTES
              for value in attribute.findall(html) for token in value.split()}
    whose = {token: next((c for c in components if re.fullmatch(c.classes, token)), None) for token in sorted(tokens)}
    return [(component, token) for token, component in whose.items() if component]


# The fix a check gives for a left-out component: the first kind of setting that brings it.
def how_to_enable(component: Component) -> str:
    kind = next(kind for kind in KINDS if getattr(component, kind))
    return said(f"enable_{kind}", name=getattr(component, kind)[0])
