"""Lists of every customer type, generated from the types' own data wherever a page asks for
one with a marker, so that a new type appears everywhere with no page to edit but its own two
and one line of ``nav``. Plain Python: it finds the markers, says what is wrong with a
misspelt one and puts each list in its place (overrides/partials/customer-types.html renders it).
"""

from __future__ import annotations

import html
import re

from .catalogue import Problem
from .checks.urls import relative
from .suggest import closest, did_you_mean

# An HTML comment readers never see: ``<!-- customer-types: grid -->`` (icons, names, summaries),
# ``table`` (a comparison), ``list`` (names in a sentence) or ``count`` (how many, in words).
MARKER = re.compile(r"<!--[ \t]*customer-types:[ \t]*(?P<name>[^\s>]*)[ \t]*-->")
# What an editor may write for a marker by mistake: another spelling or case of the word.
NEAR = re.compile(r"<!--\s*(?P<word>customer[ \t_-]*types?|tipos?[ \t_-]*de[ \t_-]*clientes?)\s*:?\s*"
                  r"(?P<name>[^\s>]*)\s*-->", re.I)
KINDS = ("grid", "table", "list", "count")


def problems(markdown: str, path: str, first_line: int = 1) -> list[Problem]:
    """Each marker of a page's text (``path`` below docs/, from ``first_line`` of its file) that names
    no list, or is misspelt: file, line and the fix (the content checks run it on every page)."""
    def line(match) -> int:
        return markdown.count("\n", 0, match.start()) + first_line

    # Anything but the marker itself (another word, a space before the colon, a line break) lists nothing.
    found = [Problem.of(path, line(match), "marker_misspelt", marker=" ".join(match.group(0).split()),
                        name=match.group("name") or "grid")
             for match in NEAR.finditer(markdown) if not MARKER.fullmatch(match.group(0))]
    for match in MARKER.finditer(markdown):
        if (name := match.group("name")) not in KINDS:
            close = closest(name, KINDS)
            found.append(Problem.of(path, line(match), "marker_unknown", name=name,
                                    near=did_you_mean(close), kinds=", ".join(KINDS)))
    return found


def fill(markdown: str, rendered: dict[str, str]) -> str:
    """The Markdown with each marker replaced by the rendering of its kind."""
    return MARKER.sub(lambda match: rendered[match.group("name")], markdown)


def entries(types: list[dict], page_path: str) -> list[dict]:
    """What the lists show of each type (its model, playbook/customer_type.py), linked from a page."""
    return [
        {
            "id": data["id"],
            # Editors' plain text, escaped for the Markdown the lists are made of.
            "name": markdown_text(data["name"]),
            "lower_name": markdown_text(data["name"][:1].lower() + data["name"][1:]),
            "summary": markdown_text(data["summary"]),
            "recognise": markdown_text("; ".join(data["recognise"])),
            "kind_label": markdown_text(data["questions"]["kind_label"]),
            # Material's emoji syntax for the type's icon: material/x -> :material-x:
            "emoji": ":" + data["icon"].replace("/", "-") + ":",
            "href": relative(page_path, data["page"]),
        }
        for data in types
    ]


def number(count: int, words: dict[str, str]) -> str:
    """A count in words of the page's language (labels/cards.yml ``numbers``), else in digits."""
    return words.get(str(count), str(count))


def markdown_text(text: str) -> str:
    """An editor's plain text, safe inside Markdown (a table cell, a link's text)."""
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", html.escape(text, quote=False))
