"""A page's `search_terms` (front matter): the words staff type, in the page's language, each once.
A term of the other language, usually copied with the translation, only brings the page up in a
search of the wrong language; a term written twice (case and spacing aside) adds nothing. A term
tells its language the way the untranslated check tells a paragraph's: by its function words
("que", "para" against "the", "with"), and for English by letters it does not have (ñ, á, ¿).
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem, SourcePage
from .untranslated import ENGLISH, SPANISH

OWN = {"es": SPANISH, "en": ENGLISH}
# Letters no English word is written with.
SPANISH_LETTERS = frozenset("ñáéíóúü¿¡")


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


def _problems(page: SourcePage, languages: tuple[str, ...]) -> list[Problem]:
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
    return [problem for page in catalogue.pages.values() for problem in _problems(page, catalogue.languages)]
