"""Untranslated text: an English page that still reads as Spanish. A translation is often
started by copying the Spanish file, and the parity checks then pass, since every field and
heading id is there; the text tells, by its function words ("que", "los", "para" against
"the", "and", "of"). And a page's `search_terms` (front matter): the words staff type, in the
page's language, each once. A term of the other language, usually copied with the translation,
only brings the page up in a search of the wrong language; a term written twice (case and spacing
aside) adds nothing. A term tells its language by the same function words, and for English by
letters it does not have (ñ, á, ¿).
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
OWN = {"es": SPANISH, "en": ENGLISH}
# Letters no English word is written with.
SPANISH_LETTERS = frozenset("ñáéíóúü¿¡")


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


def language_of(term: str, languages: tuple[str, ...]) -> str | None:
    """The language a term is clearly written in, by its function words and letters; None: unclear."""
    words = [word.strip(".,;:¿?¡!\"'()").casefold() for word in term.split()]
    votes = {language: sum(word in OWN.get(language, ()) for word in words) for language in languages}
    if "es" in votes and SPANISH_LETTERS & set(term.casefold()):
        votes["es"] += 1
    best = max(votes, key=votes.get, default=None)
    if best is None or not votes[best] or list(votes.values()).count(votes[best]) > 1:
        return None
    return best


def _search_terms(page: SourcePage, languages: tuple[str, ...]) -> list[Problem]:
    terms = page.meta.get("search_terms")
    if not isinstance(terms, list):
        return []  # the schema says what the field must be
    problems, seen = [], {}
    for index, term in enumerate(terms):
        if not isinstance(term, str) or not term.strip():
            continue
        line = page.line_of("search_terms", index)
        same = " ".join(term.split()).casefold()
        if same in seen:
            problems.append(Problem.of(page.path, line, "search_term_twice", term=term.strip(), first=seen[same]))
            continue
        seen[same] = line
        written_in = language_of(term, languages)
        if written_in and written_in != page.language:
            problems.append(Problem.of(page.path, line, f"search_term_in_{written_in}", term=term.strip()))
    return problems


def check(catalogue: Catalogue) -> list[Problem]:
    problems = [problem for page in catalogue.pages.values() for problem in _search_terms(page, catalogue.languages)]
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
