"""Untranslated text: an English page that still reads as Spanish. A translation is often
started by copying the Spanish file, and the parity checks then pass, since every field and
heading id is there; the text tells, by its function words ("que", "los", "para" against
"the", "and", "of").
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, Problem, SourcePage, strings
from ..label_files import counted, said
from ..markdown import inline_text

# The most frequent Spanish and English function words, none of them a word
# of the other language ("a", "no", "me", "son", "he" left out).
SPANISH = frozenset(
    """
de la que el en y los del se las por un para con una su al lo como más pero sus le ya
este porque esta entre cuando muy sin sobre también hasta hay donde quien desde todo nos
durante todos uno les ni contra otros ese eso ante ellos esto antes algunos qué unos
otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas
algunas algo es está están ser puede hace cada o u usted cómo así según sea
""".split()
)
ENGLISH = frozenset(
    """
the of and to in is that for it with as was on be by this are or from at which but
not have an they you were their one all we can her has there been if more when will
would who what so out up into do than its them these some could should your how our
""".split()
)
LANGUAGE = "en"  # the language checked
# Spanish: a paragraph of MIN_WORDS or more, over SPANISH_SHARE Spanish words and RATIO times the English
# ones. Set on the playbook's pages: English ones have at most 15 % Spanish words, Spanish ones a third.
MIN_WORDS = 8
SPANISH_SHARE = 0.2
RATIO = 2
WORD = re.compile(r"[^\W\d_]+")


def spanish(text: str) -> bool:
    """Whether a text reads as Spanish rather than English."""
    words = [word.lower() for word in WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return False
    es = sum(word in SPANISH for word in words)
    en = sum(word in ENGLISH for word in words)
    return es > SPANISH_SHARE * len(words) and es > RATIO * en


# Values that are the same in every language, not text to translate.
NOT_TEXT = frozenset({"id", "icon", "related", "kind", "translated_from", "review_by"})


def paragraphs(page: SourcePage) -> list[tuple[int, str]]:
    """(line, plain text) of each block of the page's text, separated by blank lines."""
    doc = page.document
    blocks, lines, start = [], [], None
    for index, line in enumerate(doc.prose.split("\n") + [""]):
        if line.strip():
            start = doc.body_start + index if start is None else start
            lines.append(line)
        elif lines:
            blocks.append((start, inline_text(" ".join(lines))))
            lines, start = [], None
    return blocks


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.in_language(LANGUAGE):
        found = [page.line_of(*path) for path, text in strings(page.meta, skip=NOT_TEXT) if spanish(text)]
        found += [line for line, text in paragraphs(page) if spanish(text)]
        if not found:
            continue
        # One problem per page, on its first Spanish paragraph: the fix is the same for all.
        original = catalogue.page(page.key, catalogue.languages[0])
        more = len(found) - 1
        problems.append(Problem.of(page.path, found[0], "still_spanish",
                                   also=said("more_paragraphs", more=counted("paragraph", more)) if more else "",
                                   original=original.path if original else said("the_spanish_page")))
    return problems
