"""Admonitions: a box (`!!! tip "In practice"`) shows only the text indented
below it by four spaces. Text that is not indented falls out of the box, which
is then printed empty, an easy slip that Markdown lets through silently.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem
from ..markdown import document


def check(catalogue: Catalogue) -> list[Problem]:
    return [
        Problem(page.path, box.line,
                f"The '{box.kind}' box has no text: nothing below it is indented, so it would be shown empty.",
                f"Indent the box's text by four spaces more than the '!!!' line ('{' ' * (box.indent + 4)}Text'), "
                "with no unindented line in between.")
        for page in catalogue.pages.values() for box in document(page).admonitions if box.empty
    ]
