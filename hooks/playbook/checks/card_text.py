"""Card text: the fields of `customer_type:` are plain text. The quick cards, the kiosk and
cards.json show them exactly as written, so Markdown in them would be printed with its
asterisks and brackets; the playbook refuses it rather than render it, since a card is read
at two metres, where emphasis and links do not help.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, Problem, strings
from ..label_files import said

# Each kind of Markdown, and the name of its words in labels/messages.yml.
MARKDOWN = [
    (re.compile(r"\*\*[^*]+\*\*|__[^_]+__"), "markdown_bold"),
    (re.compile(r"(?<![\w*])\*(?=\S)[^*]+(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)[^_]+(?<=\S)_(?!\w)"), "markdown_italics"),
    (re.compile(r"!?\[[^\]]*\]\([^)]*\)|\[[^\]]+\]\[[^\]]*\]|<https?://[^>]*>"), "markdown_link"),
    (re.compile(r"`[^`]+`"), "markdown_code"),
    (re.compile(r":[a-z0-9][a-z0-9_+-]*[a-z_+-][a-z0-9_+-]*:"), "markdown_emoji"),
]
# Not free text: `related` holds addresses, checked as links.
PLAIN = ("id", "icon", "related")


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        for path, text in strings(page.customer_type or {}, ("customer_type",), PLAIN):
            for pattern, what in MARKDOWN:
                if match := pattern.search(text):
                    problems.append(Problem.of(page.path, page.line_of(*path), "card_markdown",
                                               text=match.group(0), what=said(what)))
                    break  # one problem per field
    return problems
