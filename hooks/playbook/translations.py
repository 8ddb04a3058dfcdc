"""Which Spanish text each translation translates: a translated page records in its front
matter the fingerprint of the Spanish page it was last checked against
(``translated_from: sha256:1f0c3a9b7d2e4c55``). When the Spanish page changes, the
translation is *stale* until someone reviews it and records the new fingerprint with
``make translated PAGE=docs/factores.en.md`` (tools/translated.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from . import catalogue as content
from .cache import digest

# The front-matter key of the record, in translated pages only.
RECORD_KEY = "translated_from"
# Keys that say who looks after a page and when, not what it says.
# And the words staff type to find a page, which each language has its own of.
EDITORIAL_KEYS = frozenset({"owner", "review_by", "search_terms", RECORD_KEY})

FRESH, STALE, NO_RECORD, NO_TRANSLATION = "fresh", "stale", "no-record", "no-translation"


def normalise_text(text: str) -> str:
    """Text as a reader sees it: NFC, \\n line ends, no trailing spaces, single blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def fingerprint(page: content.SourcePage) -> str:
    """The fingerprint of a source page's translatable front matter and text."""
    # Normalised, so changes a reader cannot see (line ends, trailing spaces, blank lines, the
    # order of keys, YAML comments) leave a translation fresh.
    meta = {key: value for key, value in page.meta.items() if key not in EDITORIAL_KEYS}
    front = json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str)
    front = normalise_text(front)
    return "sha256:" + digest(f"{front}\n---\n{normalise_text(page.body)}")


@dataclass(frozen=True)
class PagePair:
    """A source page and its translation into one language, with the translation's state."""

    key: str  # "tipos/enojado"
    language: str  # the translation's language
    source: content.SourcePage
    translation: content.SourcePage | None
    state: str  # FRESH, STALE, NO_RECORD or NO_TRANSLATION

    @property
    def name(self) -> str:
        """The translation's file as editors name it, written or not: "docs/tipos/enojado.en.md"."""
        return f"docs/{self.key}.{self.language}.md"


def pair_state(source: content.SourcePage, translation: content.SourcePage | None,
               language: str) -> PagePair:
    """The state of ``source``'s translation into ``language`` (None: not written)."""
    if translation is None:
        return PagePair(source.key, language, source, None, NO_TRANSLATION)
    # The fingerprint the translation records, against the source's now.
    recorded = translation.meta.get(RECORD_KEY)
    recorded = str(recorded).strip() if recorded not in (None, "") else None
    state = NO_RECORD if recorded is None else FRESH if recorded == fingerprint(source) else STALE
    return PagePair(source.key, language, source, translation, state)


def pairs(catalogue: content.Catalogue, default: str) -> list[PagePair]:
    """Every page of the default language with each of its translations, in path order."""
    return [
        pair_state(source, catalogue.page(source.key, language), language)
        for source in catalogue.in_language(default)
        for language in catalogue.languages
        if language != default
    ]
