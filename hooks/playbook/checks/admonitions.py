"""Admonitions: a box (`!!! tip "In practice"`) shows only the text indented
below it by four spaces. Text that is not indented falls out of the box, which
is then printed empty, an easy slip that Markdown lets through silently.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem


def check(catalogue: Catalogue) -> list[Problem]:
    return [
        Problem.of(page.path, box.line, "empty_box", kind=box.kind, indent=" " * (box.indent + 4))
        for page in catalogue.pages.values() for box in page.document.admonitions if box.empty
    ]
