"""Editorial additions: what the playbook adds beyond the sources it cites
(examples, phrases, tables, practical advice) is marked, so trainers can tell
it from what the sources say.

Editors mark an addition with a box of the kind KIND, the same word in both
languages: `!!! aporte` above the indented text, or `!!! aporte "Ejemplos"`
with a title of their own. Readers see the box titled with the label of their
language ("Aporte del manual", "Playbook addition"), before the editor's title
when there is one; hooks/additions.py puts it there, and
docs/assets/stylesheets/playbook.css gives the box its colour and icon.
"""

from __future__ import annotations

import re

from .markdown import scan

KIND = "aporte"
MARKER = re.compile(r"^(?P<lead>[ \t]*(?:!!!|\?\?\?\+?)[ \t]*)")


def label_boxes(markdown: str, label: str) -> str:
    """``markdown`` with every addition box titled with ``label``."""
    boxes = [box for box in scan(markdown).admonitions if box.kind == KIND]
    if not boxes:
        return markdown
    lines = markdown.split("\n")
    for box in boxes:
        index = box.line - 1
        lead = MARKER.match(lines[index]).group("lead")
        title = f"{label}: {box.title}" if box.title else label
        title = title.replace('"', "\u201d")
        lines[index] = f'{lead}{KIND} "{title}"'
    return "\n".join(lines)
