"""The structured part of each customer-type page, rendered from the ``customer_type:`` of its
front matter, and the lists of every type that any page asks for with a marker
(playbook/type_lists.py). The quick card, the kiosk and cards.json (hooks/cards.py) read the
very same data (playbook/customer_type.py), so a page and its card cannot drift apart.
"""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache, customer_type, markdown, templates, type_lists

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Into the Markdown, before MkDocs makes HTML: the headings (#reconocer, #atender...) reach the
# table of contents and search, and the links are checked and sent to the reader's language.
def on_page_markdown(markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = source_of(config, page)
    if source is not None and type_lists.NEAR.search(markdown_text):
        markdown_text = type_lists_of(markdown_text, source, config)
    if source is None or "customer_type" not in source.meta:
        return markdown_text
    catalogue = build.checked_catalogue(config)
    card = customer_type.model(catalogue, source)
    labels = customer_type.labels()[source.language]
    links = [
        {"title": link["title"], "href": link_from(source.path, link["path"])}
        for link in card["related"]
    ]
    card_link = link_from(source.path, f"cards/{card['id']}.md")
    template = theme_env(config).get_template(TEMPLATE).module
    anchors = customer_type.shape().anchors
    intro, rest = markdown.intro_and_rest(markdown_text, source)
    return "".join(
        [
            intro,
            str(template.overview(card, labels, anchors)),
            rest,
            str(template.related(card, labels, links, card_link, anchors)),
        ]
    )


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def link_from(page_path: str, target: str) -> str:
    """A docs path (with its #anchor) as a relative Markdown link from a page."""
    path, _, anchor = target.partition("#")
    href = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
    return f"{href}#{anchor}" if anchor else href


def source_of(config: MkDocsConfig, page: Page):
    return build.catalogue(config).of(page.file.src_uri)


# MkDocs hands its Jinja environment to hooks (on_env) only after every page's
# Markdown is read: make one of the theme's, once per build.
@cache.kept()
def theme_env(config: MkDocsConfig):
    env = config.theme.get_env()
    env.bytecode_cache = templates.bytecode_cache(build.cache_folder(config, "templates"))
    return env


def type_lists_of(markdown_text: str, source, config: MkDocsConfig) -> str:
    """The page's markers replaced by the lists of every type of its language."""
    # Lines counted in the source file (MkDocs hands hooks the body without its leading blank lines).
    errors = type_lists.problems(source.body, f"docs/{source.path}", source.body_start)
    if errors:
        raise PluginError("\n".join(errors))
    catalogue = build.checked_catalogue(config)
    models = [
        customer_type.model(catalogue, page)
        for page in customer_type.type_pages(catalogue, source.language, config.nav)
    ]
    labels = customer_type.labels()[source.language]
    types = type_lists.entries(models, source.path)
    template = theme_env(config).get_template(LISTS_TEMPLATE).module
    rendered = {
        "grid": str(template.grid(types, labels)),
        "table": str(template.table(types, labels)),
        "list": str(template.list(types, labels)),
        "count": type_lists.number(len(types), labels["numbers"]),
    }
    return type_lists.fill(markdown_text, rendered)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TEMPLATE = "partials/customer-type.html"
LISTS_TEMPLATE = "partials/customer-types.html"
