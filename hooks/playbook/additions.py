"""Editorial additions: what the playbook adds beyond the sources it cites (examples,
phrases, tables, practical advice) sits in a box that editors mark `!!! aporte`, so trainers
can tell it from what the sources say. Readers see the box titled with their language's label
("Aporte del manual", "Playbook addition"); docs/assets/stylesheets/playbook.css styles it.
"""

from __future__ import annotations

import re

from .markdown import handed

# The same word in both languages, so editors of either mark additions alike.
KIND = "aporte"
MARKER = re.compile(r"^(?P<lead>[ \t]*(?:!!!|\?\?\?\+?)[ \t]*)")
# The title as written on the box's line: the scan blanks comments, a type-list marker among them.
TITLE = re.compile(r'"(?P<title>.*)"[ \t]*$')


def label_boxes(markdown: str, label: str, page=None) -> str:
    """``markdown`` with every addition box titled with ``label``; ``page``: the catalogue page
    ``markdown`` was handed for, whose own scan finds the boxes."""
    if KIND not in markdown:
        return markdown
    document, index_of = handed(markdown, page)
    lines = markdown.split("\n")
    for box in document.admonitions:
        index = index_of(box.line) if box.kind == KIND else None
        if index is None:
            continue
        lead = MARKER.match(lines[index]).group("lead")
        written = TITLE.search(lines[index])
        # The label before the editor's own title (`!!! aporte "Ejemplos"`), when there is one.
        title = f"{label}: {written['title']}" if written and written["title"] else label
        title = title.replace('"', "\u201d")
        lines[index] = f'{lead}{KIND} "{title}"'
    return "\n".join(lines)
