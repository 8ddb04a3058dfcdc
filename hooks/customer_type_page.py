"""What a page's Markdown gets from the playbook's data and words: the structured part of each
customer-type page, rendered from the ``customer_type:`` of its front matter; the lists of every
type that any page asks for with a marker (playbook/type_lists.py); and every editorial addition
box titled in the page's language (playbook/additions.py). The quick card, the kiosk and
cards.json (hooks/cards.py) read the very same data (playbook/customer_type.py), so a page and
its card cannot drift apart.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import additions, build, customer_type, label_files, markdown, type_lists
from playbook.checks.urls import relative

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Into the Markdown, before MkDocs makes HTML: the headings (#reconocer, #atender...) reach the
# table of contents and search, and the links are checked and sent to the reader's language.
def on_page_markdown(markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = build.source_of(config, page)
    if source is not None and "customer_type" in source.meta:
        markdown_text = type_page(markdown_text, source, config)
    words = label_files.labels("cards")[build.current_language(config)]
    markdown_text = additions.label_boxes(markdown_text, words["addition"], source)
    # Markers last: the two steps above find their lines by the page's source text, markers and all.
    if source is not None and type_lists.MARKER.search(markdown_text):
        markdown_text = type_lists_of(markdown_text, source, config)
    return markdown_text


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def type_page(markdown_text: str, source, config: MkDocsConfig) -> str:
    """A type page's Markdown with the blocks its data makes: action first (the overview before
    the page's own text, whose opening paragraphs get a heading of their own), the related pages
    and its card at the end."""
    card = customer_type.model(build.checked_catalogue(config), source)
    labels = label_files.labels("cards")[source.language]
    links = [{"title": link["title"], "href": relative(source.path, link["path"])} for link in card["related"]]
    card_link = relative(source.path, customer_type.card_path(card["id"]))
    template = build.theme_env(config).get_template(TEMPLATE).module
    anchors = customer_type.shape().anchors
    intro, rest = markdown.intro_and_rest(markdown_text, source)
    background = str(template.background(labels, anchors)) if intro.strip() else ""
    return "".join([str(template.overview(card, labels, anchors)), background, intro, rest,
                    str(template.related(card, labels, links, card_link, anchors))])


def type_lists_of(markdown_text: str, source, config: MkDocsConfig) -> str:
    """The page's markers replaced by the lists of every type of its language (the content checks
    have held every marker to a kind of list, with its file, line and fix)."""
    models = customer_type.models(build.checked_catalogue(config), source.language, config.nav)
    labels = label_files.labels("cards")[source.language]
    types = type_lists.entries(models, source.path)
    template = build.theme_env(config).get_template(LISTS_TEMPLATE).module
    # Each kind of list is the template's macro of its name; a count is a word of the labels.
    rendered = {kind: str(getattr(template, kind)(types, labels)) for kind in ("grid", "table", "list")}
    rendered["count"] = type_lists.number(len(types), labels["numbers"])
    return type_lists.fill(markdown_text, rendered)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

TEMPLATE = "partials/customer-type.html"
LISTS_TEMPLATE = "partials/customer-types.html"
