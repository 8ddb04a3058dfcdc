"""The structured part of each customer-type page, made from its front matter.

A type's data (``customer_type:`` in the front matter of docs/tipos/<id>.<lang>.md)
is written once, and this hook renders it into the page's Markdown, through
the template overrides/partials/customer-type.html, before MkDocs turns the
Markdown into HTML: its headings (#reconocer, #atender, #preguntar, #frases,
#relacionado) reach the table of contents and the search index like any
other, and its links are checked and sent to the reader's language. The quick
card, the kiosk and cards.json (hooks/cards.py) read the very same data, so the
page and its card cannot drift apart.

Any page can also ask for a list of every type (a grid, a table, their names
in a sentence, how many there are) with a marker: hooks/playbook/type_lists.py
says which, and overrides/partials/customer-types.html renders them.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import content
import customer_types
import template_cache
from playbook import type_lists

HEADING = re.compile(r"^#{1,6}[ \t]")
FENCE = re.compile(r"^[ \t]*(```|~~~)")
TEMPLATE = "partials/customer-type.html"
LISTS_TEMPLATE = "partials/customer-types.html"


class _Theme:
    env = None  # the theme's Jinja environment, made once per build


def split_intro(markdown: str) -> tuple[str, str]:
    """A page's opening paragraphs, and the rest from its first heading on."""
    lines = markdown.splitlines(keepends=True)
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and HEADING.match(line):
            return "".join(lines[:index]), "".join(lines[index:])
    return markdown, ""


def link_from(page_path: str, target: str) -> str:
    """A docs path (with its #anchor) as a relative Markdown link from a page."""
    path, _, anchor = target.partition("#")
    href = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
    return f"{href}#{anchor}" if anchor else href


def source_of(config: MkDocsConfig, page: Page):
    catalogue = content.from_config(config)
    key, language = content.split_language(page.file.src_uri, catalogue.languages)
    return catalogue.page(key, language) if language else None


# MkDocs hands its Jinja environment to hooks (on_env) only after every page's
# Markdown is read: make one of the theme's, once per build.
def on_pre_build(config: MkDocsConfig):
    _Theme.env = None


def theme_env(config: MkDocsConfig):
    if _Theme.env is None:
        _Theme.env = config.theme.get_env()
        _Theme.env.bytecode_cache = template_cache.bytecode_cache(config)
    return _Theme.env


def type_lists_of(markdown: str, source, config: MkDocsConfig) -> str:
    """The page's markers replaced by the lists of every type of its language."""
    # Lines counted in the source file (MkDocs hands hooks the body without its leading blank lines).
    errors = type_lists.problems(source.body, f"docs/{source.path}", source.body_start)
    if errors:
        raise PluginError("\n".join(errors))
    catalogue = customer_types.catalogue(config)
    models = [
        customer_types.model(catalogue, page)
        for page in customer_types.type_pages(catalogue, source.language, config.nav)
    ]
    labels = customer_types.labels()[source.language]
    types = type_lists.entries(models, source.path)
    template = theme_env(config).get_template(LISTS_TEMPLATE).module
    rendered = {
        "grid": str(template.grid(types, labels)),
        "table": str(template.table(types, labels)),
        "list": str(template.list(types, labels)),
        "count": type_lists.number(len(types), labels["numbers"]),
    }
    return type_lists.fill(markdown, rendered)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = source_of(config, page)
    if source is not None and type_lists.MARKER.search(markdown):
        markdown = type_lists_of(markdown, source, config)
    if source is None or "customer_type" not in source.meta:
        return markdown
    catalogue = customer_types.catalogue(config)
    card = customer_types.model(catalogue, source)
    labels = customer_types.labels()[source.language]
    links = [
        {"title": link["title"], "href": link_from(source.path, link["path"])}
        for link in card["related"]
    ]
    card_link = link_from(source.path, f"cards/{card['id']}.md")
    template = theme_env(config).get_template(TEMPLATE).module
    intro, rest = split_intro(markdown)
    return "".join(
        [
            intro,
            str(template.overview(card, labels)),
            rest,
            str(template.related(card, labels, links, card_link)),
        ]
    )
