"""A customer type copied from another and left unchanged: a new type's page is often started
from an existing one, and when only its `id` and `icon` are changed the menu, the cards and the
kiosk show two types of the same name. Two type pages of one language with the same title, name
or summary are a copy; the copy is the page whose translation record (`translated_from`) was copied
with it, else the one whose record is not up to date beside one that is, else the later in the folder.
"""

from __future__ import annotations

from .. import translations
from ..catalogue import Catalogue, Problem, SourcePage

# What names and sums up a type, where a copy shows: (key path in the front matter, as said).
FIELDS = ((("title",), "title"), (("customer_type", "name"), "customer_type.name"),
          (("customer_type", "summary"), "customer_type.summary"))


def _value(page: SourcePage | None, keys: tuple) -> str:
    value = page.meta if page else None
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return " ".join(value.split()).casefold() if isinstance(value, str) else ""


def same(page: SourcePage | None, other: SourcePage | None) -> list[tuple[tuple, str]]:
    """The fields two pages share, word for word (case and spacing aside)."""
    return [(keys, name) for keys, name in FIELDS if _value(page, keys) and _value(page, keys) == _value(other, keys)]


def _records(catalogue: Catalogue, page: SourcePage, key: str) -> bool:
    """Whether ``page``'s translation record is that of the first-language page of ``key`` as it is."""
    source = catalogue.page(key, catalogue.languages[0])
    recorded = page.meta.get(translations.RECORD_KEY)
    return source is not None and source is not page and recorded == translations.fingerprint(source)


# Which of two alike pages is the copy: the one whose translation record was copied with it (it
# records the other type's source), else the one whose record is not fresh beside one that is,
# else the later in the folder.
def _the_copy(catalogue: Catalogue, page: SourcePage, original: SourcePage) -> bool:
    copied = _records(catalogue, page, original.key), _records(catalogue, original, page.key)
    if any(copied):
        return copied[0]
    mine, theirs = _records(catalogue, page, page.key), _records(catalogue, original, original.key)
    return not mine if mine != theirs else page.key > original.key


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for language in catalogue.languages:
        others = [lang for lang in catalogue.languages if lang != language]
        types = catalogue.customer_types(language)
        for page in types:
            for original in types:
                shared = same(page, original)
                if original is page or not shared:
                    continue
                translations = [(catalogue.page(page.key, lang), catalogue.page(original.key, lang)) for lang in others]
                copied_everywhere = all(same(mine, theirs) for mine, theirs in translations)
                # Copied in every language: said once, in the first language.
                if copied_everywhere and language != catalogue.languages[0]:
                    continue
                if not _the_copy(catalogue, page, original):
                    continue
                fields = ", ".join(f"'{name}'" for _, name in shared)
                translation = translations[0][0] if translations else None
                if copied_everywhere or translation is None:
                    problems.append(Problem.of(page.path, page.line_of(*shared[0][0]), "type_copy_everywhere",
                                               original=original.path, fields=fields))
                else:
                    problems.append(Problem.of(page.path, page.line_of(*shared[0][0]), "type_copy",
                                               original=original.path, fields=fields, translation=translation.path))
                break  # one original named is enough
    return problems
