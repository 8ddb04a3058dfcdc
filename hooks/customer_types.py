"""The customer types' data: one model for the type page, its card, the kiosk
and cards.json.

Not a hook: hooks/customer_type_page.py and hooks/cards.py import it. The data
of a type lives in the front matter of its page (``customer_type:``), once per
language, and hooks/schemas/page.schema.json says what it may hold. The
content checks (hooks/check_content.py, hooks/checks/) hold every page to that
schema and stop the build before any card is made, so this module trusts the
data and turns it into plain dictionaries the templates and cards.json read.
The words around the data (block titles, kinds of question) come from
card_labels.yml beside this file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError

import content
from content import Catalogue, SourcePage

LABELS_FILE = Path(__file__).with_name("card_labels.yml")
SCHEMA_FILE = Path(__file__).with_name("schemas") / "page.schema.json"


def _card_limits() -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    """What a card holds, as the schema says: lines per list, characters per text.

    A card must fit one A6 sheet and a 1080p screen at 32 px: the schema's
    limits keep it so (tests/test_cards_browser.py builds a card at every limit).
    """
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    fields = schema["properties"]["customer_type"]["properties"]
    lists = {**fields, **fields["questions"]["properties"]}
    limits = {key: (lists[key]["minItems"], lists[key]["maxItems"])
              for key in ("recognise", "attend", "guidance", "examples", "phrases")}
    chars = {"name": fields["name"]["maxLength"], "summary": fields["summary"]["maxLength"],
             "item": schema["definitions"]["text"]["maxLength"],
             "phrase": schema["definitions"]["phrase"]["maxLength"]}
    return limits, chars


LIMITS, MAX_CHARS = _card_limits()

# The headings the type page gets from its data: fixed ids, the same in every
# language, so links like tipos/enojado.md#atender work from either.
ANCHORS = {
    "recognise": "reconocer",
    "attend": "atender",
    "ask": "preguntar",
    "phrases": "frases",
    "related": "relacionado",
}

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
ATTR_ID = re.compile(r"[ \t]*\{:?[^}]*?#([\w-]+)[^}]*\}[ \t]*$")
FENCE = re.compile(r"^[ \t]*(```|~~~)")


class _Labels:
    signature: tuple = ()
    labels: dict = {}


def labels() -> dict[str, dict]:
    """The UI words of every language, read from card_labels.yml (again when it changes)."""
    stat = LABELS_FILE.stat()
    signature = (stat.st_mtime_ns, stat.st_size)
    if signature != _Labels.signature:
        _Labels.labels = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))
        _Labels.signature = signature
    return _Labels.labels


def headings(page: SourcePage, generated: bool = True) -> dict[str, str]:
    """Every heading id of a page -> the heading's text (explicit ids and toc slugs).

    With ``generated``, a type page's headings include those its data makes.
    """
    found = {}
    in_fence = False
    for line in page.body.splitlines():
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        text = match.group(2)
        attr = ATTR_ID.search(text)
        if attr:
            text = text[: attr.start()].rstrip(" #")
            found[attr.group(1)] = text
        else:
            found[slugify(text, "-")] = text
    if generated and page.customer_type:
        words = labels().get(page.language, {})
        found.update({anchor: words.get(name, anchor) for name, anchor in ANCHORS.items()})
    return found


def split_related(entry: str) -> tuple[str, str]:
    """ "factores.md#rapidez" -> ("factores", "rapidez"); no anchor -> ("factores", "")."""
    path, _, anchor = entry.partition("#")
    return path.removesuffix(".md"), anchor


def related_topic(catalogue: Catalogue, page: SourcePage, entry: str) -> dict:
    """A related entry ("factores.md#rapidez") -> its path and title in the page's language."""
    key, anchor = split_related(entry.strip())
    target = catalogue.page(key, page.language)
    title = headings(target)[anchor] if anchor else str(target.meta.get("title") or key)
    return {"path": entry.strip(), "title": title}


def nav_order(nav) -> list[str]:
    """The pages of a nav setting, as paths without language, in reading order."""
    order = []

    def walk(item):
        if isinstance(item, str):
            if item.endswith(".md"):
                order.append(item.removesuffix(".md"))
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return order


def type_pages(catalogue: Catalogue, language: str, nav=None) -> list[SourcePage]:
    """A language's type pages in the order of the navigation (then by name)."""
    order = {key: index for index, key in enumerate(nav_order(nav))}
    pages = catalogue.customer_types(language)
    return sorted(pages, key=lambda p: (order.get(p.key, len(order)), p.key))


def model(catalogue: Catalogue, page: SourcePage) -> dict:
    """A type page's data as the templates and cards.json read it (checked data only)."""
    data = page.customer_type
    words = labels()[page.language]
    questions = data["questions"]
    return {
        "id": data["id"],
        "language": page.language,
        "name": data["name"].strip(),
        "icon": data["icon"].strip(),
        "summary": data["summary"].strip(),
        "recognise": [item.strip() for item in data["recognise"]],
        "attend": [item.strip() for item in data["attend"]],
        "questions": {
            "kind": questions["kind"],
            "kind_label": words["question_kinds"][questions["kind"]],
            "guidance": [item.strip() for item in questions["guidance"]],
            "examples": [item.strip() for item in questions["examples"]],
        },
        "phrases": [item.strip() for item in data["phrases"]],
        "related": [related_topic(catalogue, page, entry) for entry in data["related"]],
        "source": page.path,
        "page": f"{page.key}.md",
    }


CHECKS = "hooks/check_content.py"


def catalogue(config) -> Catalogue:
    """The site's catalogue, its customer types already checked.

    hooks/check_content.py checks every page against the schema before any
    hook makes a card, and stops the build with each problem's file, line and
    fix: it must be registered, and before the card hooks.
    """
    if not content.hook_registered(config, CHECKS):
        raise PluginError(
            f"The quick cards need the content checks: add '{CHECKS}' to the hooks in "
            "mkdocs.yml, before the card hooks."
        )
    return content.from_config(config)
