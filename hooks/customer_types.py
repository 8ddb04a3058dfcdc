"""The customer types' data: one model for the type page, its card, the kiosk
and cards.json.

Not a hook: hooks/customer_type_page.py and hooks/cards.py import it. The data
of a type lives in the front matter of its page (``customer_type:``), once per
language; this module checks that it fits a card and turns it into plain
dictionaries the templates and cards.json read. The words around the data
(block titles, kinds of question) come from card_labels.yml beside this file.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path, PurePosixPath

import yaml
from markdown.extensions.toc import slugify
from mkdocs.exceptions import PluginError

import content
from content import Catalogue, Problem, SourcePage

LABELS_FILE = Path(__file__).with_name("card_labels.yml")

# What a card holds. A card must fit one A6 sheet and a 1080p screen at 32 px:
# these limits keep it so (tests/test_cards_fit.py builds a card at every limit).
LIMITS = {
    "recognise": (1, 6),
    "attend": (1, 6),
    "guidance": (1, 3),
    "examples": (2, 3),
    "phrases": (2, 3),
}
MAX_CHARS = {"name": 30, "summary": 100, "item": 70, "phrase": 160}
KINDS = ("open", "exploratory", "closed", "open-then-closed")
FIELDS = ("id", "name", "icon", "summary", "recognise", "attend", "questions", "phrases", "related")
QUESTION_FIELDS = ("kind", "guidance", "examples")

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
ICON = re.compile(r"^[a-z0-9-]+/[a-z0-9-]+$")


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


def resolve_related(
    catalogue: Catalogue, page: SourcePage, entry
) -> tuple[dict | None, str | None]:
    """A related entry -> {path, title} in the page's language, or the reason it fails."""
    if not isinstance(entry, str) or not entry.strip():
        return None, "is not a page address"
    key, anchor = split_related(entry.strip())
    target = catalogue.page(key, page.language)
    if target is None:
        return None, f"names '{key}.md', and there is no such page in this language"
    if not anchor:
        return {"path": entry.strip(), "title": str(target.meta.get("title") or key)}, None
    titles = headings(target)
    if anchor not in titles:
        return None, f"names the section '#{anchor}', and '{key}.md' has no heading with that id"
    return {"path": entry.strip(), "title": titles[anchor]}, None


def _text_problems(value, where, limit) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"{where} must be a line of text"
    if len(value.strip()) > limit:
        return f"{where} has {len(value.strip())} characters; a card has room for {limit}"
    return None


def _list_problems(page: SourcePage, keys: tuple, value, bounds, limit, hint) -> list[Problem]:
    name = ".".join(str(k) for k in keys[1:])
    low, high = bounds
    line = page.line_of(*keys)
    if not isinstance(value, list):
        return [
            Problem(
                page.path,
                line,
                f"customer_type.{name} must be a list of {low} to {high} lines.",
                f"Write each one on its own line starting with '- '. {hint}",
            )
        ]
    problems = []
    if not low <= len(value) <= high:
        problems.append(
            Problem(
                page.path,
                line,
                f"customer_type.{name} has {len(value)} lines; it needs {low} to {high}.",
                hint if len(value) > high else f"Add at least {low}.",
            )
        )
    for index, item in enumerate(value):
        message = _text_problems(item, f"Line {index + 1} of customer_type.{name}", limit)
        if message:
            problems.append(
                Problem(
                    page.path,
                    page.line_of(*keys, index),
                    message + ".",
                    "Shorten it, or split it in two lines. Put text that contains ':' in quotes.",
                )
            )
    return problems


def _unknown(page: SourcePage, keys: tuple, mapping: dict, known: tuple) -> list[Problem]:
    problems = []
    for key in mapping:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = (
            f"Did you mean '{close[0]}'?" if close else f"The known fields are: {', '.join(known)}."
        )
        problems.append(
            Problem(
                page.path,
                page.line_of(*keys, key),
                f"customer_type has an unknown field '{key}'.",
                hint,
            )
        )
    return problems


def page_problems(catalogue: Catalogue, page: SourcePage, icon_exists) -> list[Problem]:
    """What keeps one type page's data from making its card, in plain words."""
    data = page.meta.get("customer_type")
    if not isinstance(data, dict):
        return [
            Problem(
                page.path,
                page.line_of("customer_type"),
                "customer_type must be a group of fields (id, name, icon, summary, ...).",
                "Copy the customer_type block of another type page and change its values.",
            )
        ]
    problems = _unknown(page, ("customer_type",), data, FIELDS)
    for key in FIELDS:
        if key not in data:
            problems.append(
                Problem(
                    page.path,
                    page.line_of("customer_type"),
                    f"customer_type has no '{key}'.",
                    f"Add '{key}:' as in the other type pages.",
                )
            )
    stem = PurePosixPath(page.key).name
    if "id" in data and data["id"] != stem:
        problems.append(
            Problem(
                page.path,
                page.line_of("customer_type", "id"),
                f"customer_type.id is '{data['id']}', but the file is named '{stem}'.",
                f"Write 'id: {stem}': the id is the file name, the same in every language.",
            )
        )
    for key in ("name", "summary", "icon"):
        if key in data:
            message = _text_problems(data[key], f"customer_type.{key}", MAX_CHARS.get(key, 200))
            if message:
                problems.append(
                    Problem(
                        page.path,
                        page.line_of("customer_type", key),
                        message + ".",
                        "Write a short line of text; put it in quotes if it contains ':'.",
                    )
                )
    icon = data.get("icon")
    if (
        isinstance(icon, str)
        and icon.strip()
        and not (ICON.match(icon.strip()) and icon_exists(icon.strip()))
    ):
        problems.append(
            Problem(
                page.path,
                page.line_of("customer_type", "icon"),
                f"There is no icon called '{icon}'.",
                "Pick one from https://pictogrammers.com/library/mdi/ and write it as "
                "'material/<name>', e.g. 'material/emoticon-angry-outline'.",
            )
        )
    for key in ("recognise", "attend"):
        if key in data:
            problems += _list_problems(
                page,
                ("customer_type", key),
                data[key],
                LIMITS[key],
                MAX_CHARS["item"],
                "Keep the six most useful; move the rest to the page's text.",
            )
    if "phrases" in data:
        problems += _list_problems(
            page,
            ("customer_type", "phrases"),
            data["phrases"],
            LIMITS["phrases"],
            MAX_CHARS["phrase"],
            "Keep the most useful ones.",
        )
    questions = data.get("questions")
    if "questions" in data and not isinstance(questions, dict):
        problems.append(
            Problem(
                page.path,
                page.line_of("customer_type", "questions"),
                "customer_type.questions must hold 'kind', 'guidance' and 'examples'.",
                "Copy the questions block of another type page and change its values.",
            )
        )
    elif isinstance(questions, dict):
        problems += _unknown(page, ("customer_type", "questions"), questions, QUESTION_FIELDS)
        kind = questions.get("kind")
        if kind not in KINDS:
            problems.append(
                Problem(
                    page.path,
                    page.line_of("customer_type", "questions", "kind"),
                    f"customer_type.questions.kind is '{kind}'.",
                    f"Write one of: {', '.join(KINDS)}.",
                )
            )
        for key in ("guidance", "examples"):
            keys = ("customer_type", "questions", key)
            if key not in questions:
                problems.append(
                    Problem(
                        page.path,
                        page.line_of(*keys[:-1]),
                        f"customer_type.questions has no '{key}'.",
                        f"Add '{key}:' with its lines, as in the other type pages.",
                    )
                )
            else:
                problems += _list_problems(
                    page,
                    keys,
                    questions[key],
                    LIMITS[key],
                    MAX_CHARS["item"],
                    "Keep the most useful ones.",
                )
    related = data.get("related")
    if "related" in data and not isinstance(related, list):
        problems.append(
            Problem(
                page.path,
                page.line_of("customer_type", "related"),
                "customer_type.related must be a list of page addresses.",
                "Write each as '- page.md#section', e.g. '- factores.md#rapidez'.",
            )
        )
    elif isinstance(related, list):
        for index, entry in enumerate(related):
            _, reason = resolve_related(catalogue, page, entry)
            if reason:
                problems.append(
                    Problem(
                        page.path,
                        page.line_of("customer_type", "related", index),
                        f"The related link '{entry}' {reason}.",
                        "Write it as 'page.md#section', with the page's path below docs/ "
                        "and the id written after its heading, e.g. 'factores.md#rapidez'.",
                    )
                )
    for heading in sorted(set(headings(page, generated=False)) & set(ANCHORS.values())):
        problems.append(
            Problem(
                page.path,
                page.body_start,
                f"The heading id '#{heading}' is taken: the type page makes that heading "
                f"from customer_type.",
                "Give the heading in the page's text another id.",
            )
        )
    return problems


def problems(catalogue: Catalogue, icon_exists) -> list[Problem]:
    """What keeps any type's data from making the cards, every language, together."""
    found = []
    typed = {(p.key, p.language) for p in catalogue.pages.values() if "customer_type" in p.meta}
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        if "customer_type" not in page.meta:
            continue
        found += page_problems(catalogue, page, icon_exists)
        for language in catalogue.languages:
            if (page.key, language) not in typed:
                other = f"{page.key}.{language}.md"
                exists = catalogue.page(page.key, language) is not None
                state = "has no customer_type" if exists else "does not exist"
                found.append(
                    Problem(
                        page.path,
                        page.line_of("customer_type"),
                        f"This customer type has no '{language}' half: docs/{other} {state}.",
                        f"Write docs/{other} with the same customer_type fields, translated.",
                    )
                )
    return found


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
        "related": [resolve_related(catalogue, page, entry)[0] for entry in data["related"]],
        "source": page.path,
        "page": f"{page.key}.md",
    }


def icon_finder(config):
    """Whether an icon ("material/emoticon-angry-outline") is among the theme's icons."""
    folders = [Path(folder, ".icons") for folder in config.theme.dirs]
    return lambda icon: any((folder / f"{icon}.svg").is_file() for folder in folders)


def report(found: list[Problem]) -> str:
    count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
    return f"The customer types' data cannot make the quick cards ({count}):\n\n" + "\n".join(
        str(problem) for problem in found
    )


class _Checked:
    catalogue: Catalogue | None = None


def checked(config) -> Catalogue:
    """The site's catalogue, once its customer types are known to make good cards.

    Stops the build with every problem found, each with its file and line.
    """
    catalogue = content.from_config(config)
    if _Checked.catalogue is not catalogue:
        found = problems(catalogue, icon_finder(config))
        if found:
            raise PluginError(report(found))
        _Checked.catalogue = catalogue
    return catalogue
