"""A customer type: its shape, read from the page schema (schemas/page.schema.json, the one
declaration of it), and its model, the one the type page, its card, the kiosk and cards.json
are rendered from. The data lives in each page's front matter (``customer_type:``), once per
language; the words around it (block titles, kinds of question) come from labels/cards.yml.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import cache, config_check, label_files, schema
from .catalogue import Catalogue, SourcePage, mapped
from .markdown import heading_ids


@dataclass(frozen=True)
class Shape:
    """A customer type's shape, as the schema declares it."""

    fields: tuple[str, ...]  # in the schema's order: cards.json follows it
    anchors: dict[str, str]  # a field (and "background") -> the id of its heading on the type page
    same_everywhere: frozenset[tuple[str, ...]]  # field paths the same in every language


@cache.kept(files=lambda: [schema.PAGE_SCHEMA])
def shape() -> Shape:
    node = schema.page_schema()["properties"]["customer_type"]
    fields = dict(schema.fields(node))
    anchors = {path[-1]: field["x-heading-id"] for path, field in fields.items() if "x-heading-id" in field}
    # The page's own opening text goes under a heading of its own, after the blocks.
    anchors["background"] = node["x-background-heading-id"]
    return Shape(
        fields=tuple(node["properties"]),
        anchors=anchors,
        same_everywhere=frozenset(("customer_type", *path) for path, field in fields.items()
                                  if field.get("x-same-in-every-language")),
    )


def headings(page: SourcePage) -> dict[str, str]:
    """Every heading id of a page -> the heading's text (explicit ids and toc slugs); a type
    page's include those its data makes."""
    found = {id_: heading.text for heading, (id_, _, _) in zip(page.document.headings, heading_ids(page), strict=True)}
    if page.customer_type:
        words = label_files.labels("cards").get(page.language, {})
        found.update({anchor: words.get(name, anchor) for name, anchor in shape().anchors.items()})
    return found


def related_topic(catalogue: Catalogue, page: SourcePage, entry: str) -> dict:
    """A related entry ("factores.md#rapidez") -> its path and title in the page's language."""
    path, _, anchor = entry.strip().partition("#")
    key = path.removesuffix(".md")
    target = catalogue.page(key, page.language)
    title = headings(target)[anchor] if anchor else str(target.meta.get("title") or key)
    return {"path": entry.strip(), "title": title}


def nav_order(nav) -> list[str]:
    """The pages of a nav setting, as paths without language, in reading order."""
    return [entry.path.removesuffix(".md") for entry in config_check.walk(nav or []) if entry.path.endswith(".md")]


def models(catalogue: Catalogue, language: str, nav=None) -> list[dict]:
    """The models of a language's type pages, in the order of the navigation (then by name)."""
    order = {key: index for index, key in enumerate(nav_order(nav))}
    pages = sorted(catalogue.customer_types(language), key=lambda p: (order.get(p.key, len(order)), p.key))
    return [model(catalogue, page) for page in pages]


def card_path(type_id: str) -> str:
    """A type's quick card as a docs path, "cards/enojado.md" (hooks/cards.py makes it)."""
    return f"cards/{type_id}.md"


def model(catalogue: Catalogue, page: SourcePage) -> dict:
    """A type page's data as the templates and cards.json read it (checked data only):
    every field of the shape, in its order, and what is worked out from them."""
    # No checks here: the content checks hold every page to the schema before any card is made.
    data = page.customer_type
    words = label_files.labels("cards")[page.language]
    # A field the schema leaves optional (escalation) is left out where the page has none.
    card = {name: mapped(data[name], lambda value: value.strip() if isinstance(value, str) else value)
            for name in shape().fields if name in data}
    questions = card["questions"]
    # The kind's words, beside the kind they name.
    card["questions"] = {"kind": questions["kind"], "kind_label": words["question_kinds"][questions["kind"]],
                         **{name: value for name, value in questions.items() if name != "kind"}}
    card["related"] = [related_topic(catalogue, page, entry) for entry in data["related"]]
    card.update(language=page.language, source=page.path, page=f"{page.key}.md")
    return card
