"""How large a quick card's type can be on paper: one number per card, its print scale, that
docs/assets/stylesheets/cards.css multiplies its print type by (``--qc-print``, set by a rule
for each scale from the card's ``data-qc-print``, in hundredths), so that every
card fills most of one sheet and none needs two. Print runs no script to measure the laid-out
card and its paper is chosen only in the print dialog, so the scale is worked out here from
the card's text (tests/browser/test_card_print.py prints every card on A6 to Letter).
"""

from __future__ import annotations

import textwrap

# The sheet, in ems at scale 1 (cards.css: the tighter of 1/33 of the printable width and 1/48.5
# of its height; the lists are 8 pt on A6).
WIDTH = 33.0
HEIGHT = 48.5
# The share of the height a card should take before the blocks are spread.
TARGET = 0.85
# An average character of Arial or Liberation Sans in ems (bold a little wider), and what the parts
# below leave out (margins, rounding): fitted to the twelve cards as Chromium prints them, within 8 %.
CHAR = 0.46
BOLD = 0.5
OVERHEAD = 2.3
LINE = 1.25  # line height of the card in print
# Never smaller than this (a card at every limit the schema allows fits at
# 0.75) nor larger than this (a card of one line per block).
SMALLEST = 0.7
LARGEST = 1.5


def lines(text: str, width_em: float, char_em: float) -> int:
    """The lines a text takes, broken between words (a word longer than a line on one of its own),
    in a column ``width_em`` wide; an empty text takes one."""
    per_line = max(1, int(width_em / char_em))
    wrapped = textwrap.wrap(" ".join(text.split()), per_line, break_long_words=False, break_on_hyphens=False)
    return max(1, len(wrapped))


def height(card: dict, scale: float) -> float:
    """The card's height in ems at scale 1, were its type ``scale`` times as large."""
    # Laid out line by line as cards.css prints it, erring on the long side: cards.css shares
    # out whatever height is left between the blocks.
    width = WIDTH / scale  # the sheet's width in ems of the scaled type
    # Head: the icon (2.6 em) beside the name (1.6 em, line height 1.15) and
    # the summary, between the icon and the QR code (5 em), gaps of 0.6 em.
    beside = width - 2.6 - 5 - 1.2
    name = lines(card["name"], beside / 1.6, BOLD) * 1.6 * 1.15
    summary = lines(card["summary"], beside, CHAR) * LINE
    head = max(5.0, name + 0.2 + summary)
    # A block: its rule and title (1.15 em), then its items, indented 1.1 em.
    item_width = width - 1.1

    def items(texts: list[str]) -> float:
        return sum(lines(text, item_width, CHAR) * LINE + 0.15 for text in texts)

    block = 0.25 + 0.3 + 1.15 * 1.2 + 0.3
    questions = card["questions"]
    ask = (lines(questions["kind_label"], width, BOLD) * LINE + 0.2 + items(questions["guidance"])
           + LINE + 0.6 + items(questions["examples"]))
    blocks = 3 * block + items(card["recognise"]) + items(card["attend"]) + ask + 2 * 0.5
    return scale * (head + 0.5 + blocks + OVERHEAD)


def print_scale(card: dict) -> float:
    """The largest scale, by hundredths, at which the card takes at most TARGET of the sheet."""
    scale = LARGEST
    while scale > SMALLEST and height(card, scale) > TARGET * HEIGHT:
        scale = round(scale - 0.01, 2)
    return max(SMALLEST, scale)

