"""Card text: the fields of `customer_type:` are plain text. The quick cards, the kiosk and
cards.json show them exactly as written, so Markdown in them would be printed with its
asterisks and brackets; the playbook refuses it rather than render it, since a card is read
at two metres, where emphasis and links do not help.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, Problem, strings

MARKDOWN = [
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), "bold (** or __)"),
    (re.compile(r"(?<![\w*])\*(?=\S)[^*]+(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)[^_]+(?<=\S)_(?!\w)"), "italics (* or _)"),
    (re.compile(r"!?\[[^\]]*\]\([^)]*\)|\[[^\]]+\]\[[^\]]*\]|<https?://[^>]*>"), "a link"),
    (re.compile(r"`[^`]+`"), "code (`)"),
    (re.compile(r":[a-z0-9][a-z0-9_+-]*[a-z_+-][a-z0-9_+-]*:"), "an emoji code"),
]
# Not free text: `related` holds addresses, checked as links.
PLAIN = ("id", "icon", "related")


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        for path, text in strings(page.customer_type or {}, ("customer_type",), PLAIN):
            for pattern, what in MARKDOWN:
                if match := pattern.search(text):
                    problems.append(Problem(
                        page.path, page.line_of(*path),
                        f"'{match.group(0)}' is Markdown ({what}) in a card field: cards show it as written, "
                        "with its symbols.",
                        "Write card fields as plain text: remove the symbols. Put links and emphasis in the page's "
                        "text below the front matter instead."))
                    break  # one problem per field
    return problems
