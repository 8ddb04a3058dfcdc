"""Lighter pages: the stylesheets and scripts every page loads, trimmed as they
are copied to the site. Sources in docs/assets keep their comments.

- Material's main.css styles every component Material has. The rules of a
  component the site cannot show (content tabs, a blog, a version selector...:
  COMPONENTS says what in mkdocs.yml would bring each one) are left out.
  Enabling one in mkdocs.yml keeps its rules; should a page still carry one
  of its classes (raw HTML, say), hooks/check_content.py stops the build and
  says what to enable.
- Material's palette.css defines its named primary and accent colours (indigo,
  teal...), which the playbook never uses: it names its own (``custom``,
  docs/assets/stylesheets/playbook.css). The site gets palette.css without
  them; the light and dark schemes stay as Material wrote them.
- The playbook's own CSS and JavaScript are minified (rcssmin, rjsmin).

A content page costs about seven KB (gzip) less for it; tests/benchmark.py
weighs it against vanilla Material.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import content

MAIN = re.compile(r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
PALETTE = re.compile(r"^assets/stylesheets/palette\.[0-9a-f]+\.min\.css$")
# A rule for one of Material's named colours: [data-md-color-primary=indigo] and
# the like. "custom" has none: Material leaves it to the site.
NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=")
MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


@dataclass(frozen=True)
class Component:
    """A part of Material that only some sites use: its classes, and what in
    mkdocs.yml brings it onto a page (any one of these)."""

    name: str
    # Its blocks' class names, as a regular expression; their elements and
    # modifiers (md-tabs__link, md-tabs--active, tabbed-set) come with them.
    blocks: str
    extensions: tuple[str, ...] = ()  # markdown_extensions
    fence: str = ""  # a pymdownx.superfences custom fence
    plugins: tuple[str, ...] = ()
    features: tuple[str, ...] = ()  # theme.features
    extra: str = ""  # a key of extra

    @property
    def classes(self) -> str:
        """A regular expression for any of its class names."""
        return rf"(?:{self.blocks})(?:[-_][\w-]*)?"

    def in_use(self, config: MkDocsConfig) -> bool:
        extensions = {name.removeprefix("markdown.extensions.") for name in config.markdown_extensions}
        fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
        plugins = {name.removeprefix("material/") for name in config.plugins}
        return bool(
            extensions & set(self.extensions)
            or (self.fence and any(fence.get("name") == self.fence for fence in fences))
            or plugins & set(self.plugins)
            or set(config.theme.get("features") or ()) & set(self.features)
            or (self.extra and config.extra.get(self.extra))
        )


COMPONENTS = (
    Component("content tabs", "tabbed", extensions=("pymdownx.tabbed",)),
    Component("keyboard keys", "keys", extensions=("pymdownx.keys",)),
    Component("task lists", "task-list", extensions=("pymdownx.tasklist",)),
    Component("Critic Markup", "critic", extensions=("pymdownx.critic",)),
    Component("maths", "arithmatex", extensions=("pymdownx.arithmatex",)),
    Component("footnotes", "footnote", extensions=("footnotes", "extra", "pymdownx.extra")),
    Component("Mermaid diagrams", "mermaid", fence="mermaid"),
    Component("tags", "md-tags?", plugins=("tags",)),
    Component("blog", "md-post|md-pagination", plugins=("blog",)),
    Component("version selector", "md-version", extra="version"),
    Component("cookie consent", "md-consent", extra="consent"),
    Component("feedback widget", "md-feedback", extra="analytics"),
    Component("page status", "md-status", extra="status"),
    Component("breadcrumbs", "md-path", features=("navigation.path",)),
    Component("navigation tabs", "md-tabs", features=("navigation.tabs",)),
)

# Braces in strings ("{" as generated content) do not open or close a block.
BRACE = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[{}]""")
NESTED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
CLASS_ATTRIBUTES = (re.compile(r'class="([^"]*)"'), re.compile(r"class='([^']*)'"))


def top_level_rules(css: str) -> list[str]:
    """A minified stylesheet's top-level rules and at-rule blocks, in order."""
    rules, depth, start = [], 0, 0
    for match in BRACE.finditer(css):
        if match.group() == "{":
            depth += 1
        elif match.group() == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start:match.end()])
                start = match.end()
    return rules


def selectors(prelude: str) -> list[str]:
    """The selectors of a rule's selector list (commas inside :is() stay)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


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
    for rule in top_level_rules(css):
        prelude, _, body = rule.partition("{")
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = without(body[:-1], drop)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(rule)
        else:
            remaining = [selector for selector in selectors(prelude) if not drop(selector)]
            if remaining:
                kept.append(",".join(remaining) + "{" + body)
    return "".join(kept)


@content.once_per_build
def unused(config: MkDocsConfig) -> tuple[Component, ...]:
    """The components the site does not enable: worked out once per build, not on every page."""
    return tuple(c for c in COMPONENTS if not c.in_use(config))


def class_pattern(components) -> re.Pattern | None:
    if not components:
        return None
    return re.compile(r"\.(?:" + "|".join(c.classes for c in components) + r")(?![\w-])")


@functools.lru_cache(maxsize=16)
def trimmed_main(css: str, components: tuple[Component, ...]) -> str:
    pattern = class_pattern(components)
    return without(css, lambda selector: needs(selector, pattern)) if pattern else css


@functools.lru_cache(maxsize=16)
def trimmed_palette(css: str) -> str:
    return without(rcssmin.cssmin(css), NAMED_COLOUR.search)


@functools.lru_cache(maxsize=64)
def minified(extension: str, text: str) -> str:
    return MINIFIERS[extension](text)


# After mkdocs-static-i18n (-100) has settled the files of the language built.
# Both languages' builds write the same files: each is worked out once.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig):
    for file in list(files):
        if MAIN.match(file.src_uri) or PALETTE.match(file.src_uri):
            if MAIN.match(file.src_uri):
                file.content_string = trimmed_main(file.content_string, unused(config))
            else:
                file.content_string = trimmed_palette(file.content_string)
            # A source map describes the untrimmed file.
            source_map = files.get_file_from_path(file.src_uri + ".map")
            if source_map is not None:
                files.remove(source_map)
            continue
        extension = posixpath.splitext(file.src_uri)[1]
        ours = file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(config.docs_dir)
        if ours and file.src_uri.startswith("assets/") and extension in MINIFIERS:
            file.content_string = minified(extension, file.content_string)
    return files


def unstyled(html: str, config: MkDocsConfig) -> list[tuple[Component, str]]:
    """Classes in a page's HTML whose styles the site leaves out, with their
    component. hooks/check_content.py reports them: raw HTML in a page could
    name one (a template would too), and it would show unstyled."""
    if not content.hook_registered(config, "hooks/assets.py"):
        return []  # this hook is not registered: Material's CSS is whole
    components = unused(config)
    pattern = token_pattern(components)
    if pattern is None:
        return []
    tokens = {token for attribute in CLASS_ATTRIBUTES
              for value in attribute.findall(html) for token in value.split()}
    return [
        (next(c for c in components if re.fullmatch(c.classes, token)), token)
        for token in sorted(filter(pattern.fullmatch, tokens))
    ]


@functools.lru_cache(maxsize=16)
def token_pattern(components: tuple[Component, ...]) -> re.Pattern | None:
    """One class name of any of ``components``."""
    return re.compile("|".join(c.classes for c in components)) if components else None


def how_to_enable(component: Component) -> str:
    if component.extensions:
        return f"add '{component.extensions[0]}' to markdown_extensions in mkdocs.yml"
    if component.fence:
        return f"add a '{component.fence}' custom fence to pymdownx.superfences in mkdocs.yml"
    if component.plugins:
        return f"add the '{component.plugins[0]}' plugin to mkdocs.yml"
    if component.features:
        return f"add '{component.features[0]}' to theme.features in mkdocs.yml"
    return f"set extra.{component.extra} in mkdocs.yml"
