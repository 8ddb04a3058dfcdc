"""Translation parity: both languages always move together. Every page exists in every
language; a customer type's data has the same shape in each (same fields, lists of the same
length, the same language-neutral values); and every anchor linked to exists in every
language of its target page. Problems are reported on the translation that falls short.
"""

from __future__ import annotations

from .. import customer_type, schema
from ..catalogue import Catalogue, Problem, SourcePage
from ..label_files import counted, said
from ..markdown import heading_ids
from .anchors import Site, explicit_ids
from .links import addresses
from .urls import language_name, resolve


def _missing_pages(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for key in catalogue.keys():
        present = [language for language in catalogue.languages if catalogue.page(key, language)]
        problems += [Problem.of(catalogue.page(key, present[0]).path, 1, "no_translation", key=key,
                                lang=language, language=language_name(language))
                     for language in catalogue.languages if language not in present]
    return problems


def _compare(problems: list[Problem], reference: SourcePage, page: SourcePage, a, b, path: tuple) -> None:
    """Report where ``b`` (of ``page``) lacks the shape of ``a`` (of ``reference``)."""
    where = ".".join(str(p) for p in path)
    # Values that do not change with the language (the schema's x-same-in-every-language).
    if path in customer_type.shape().same_everywhere:
        if a != b:
            problems.append(Problem.of(page.path, page.line_of(*path), "differs_between_languages", field=where,
                                       reference=reference.path, line=reference.line_of(*path)))
    elif isinstance(a, dict) and isinstance(b, dict):
        node = schema.at(path)
        for name, value in a.items():
            # An unknown field, or a missing required one, is the schema's to report.
            if name not in node.get("properties", {name: None}):
                continue
            if name in b:
                _compare(problems, reference, page, value, b[name], (*path, name))
            elif name not in node.get("required", []):
                problems.append(Problem.of(page.path, page.line_of(*path), "field_not_translated", field=where,
                                           name=name, reference=reference.path, line=reference.line_of(*path, name)))
    elif isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        problems.append(Problem.of(page.path, page.line_of(*path), "items_differ", field=where,
                                   items=counted("item", len(b)), other=len(a), reference=reference.path))


def _customer_types(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    default = catalogue.languages[0]
    for key in catalogue.keys():
        pages = [page for page in (catalogue.page(key, language) for language in catalogue.languages) if page]
        if any(page.path in faulty for page in pages):
            continue  # its own problems first: they are reported where they are
        with_data = [page for page in pages if page.customer_type is not None]
        if not with_data:
            continue
        reference = next((p for p in with_data if p.language == default), with_data[0])
        for page in pages:
            # The reference itself, or data present but malformed: the schema reports it.
            if page is reference or ("customer_type" in page.meta and page.customer_type is None):
                continue
            if page.customer_type is None:
                problems.append(Problem.of(page.path, 1, "no_type_data", reference=reference.path,
                                           language=language_name(page.language)))
            else:
                _compare(problems, reference, page, reference.customer_type, page.customer_type, ("customer_type",))
    return problems


def _id_differences(original: SourcePage, page: SourcePage) -> tuple[list, list]:
    """The section ids (id, line, text) the translation has that its original lacks, and the reverse."""
    own, ids = explicit_ids(page), explicit_ids(original)
    wanted, have = {id_ for id_, _, _ in ids}, {id_ for id_, _, _ in own}
    return [entry for entry in own if entry[0] not in wanted], [entry for entry in ids if entry[0] not in have]


def missing_ids(catalogue: Catalogue, faulty=frozenset()) -> set[tuple[str, str, str]]:
    """(language, page key, id) of each heading id a translation lacks, which its
    original has: links to it are explained by the heading's own problem."""
    return {(page.language, page.key, id_) for original, page in catalogue.translated(faulty)
            for id_, _, _ in _id_differences(original, page)[1]}


def _heading_ids(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    """Section headings carry the same ids in every language: reported on the translation."""
    problems = []
    default = catalogue.languages[0]
    for original, page in catalogue.translated(faulty):
        extra, missing = _id_differences(original, page)
        # An id each side lacks, in the same order, is probably the same section with another id.
        for (id_, line, text), (other, other_line, other_text) in zip(extra, missing, strict=False):
            problems.append(Problem.of(page.path, line, "heading_id_differs", heading=text, id=id_,
                                       original=original.path, other_heading=other_text, other_line=other_line,
                                       other=other))
        for id_, line, text in extra[len(missing):]:
            problems.append(Problem.of(page.path, line, "heading_id_extra", heading=text, id=id_,
                                       original=original.path, language=language_name(default)))
        own = explicit_ids(page)
        for other, other_line, other_text in missing[len(extra):]:
            problems.append(Problem.of(page.path, own[-1][1] if own else page.body_start, "heading_id_missing",
                                       other=other, original=original.path, line=other_line, heading=other_text))
    return problems


def _linked_anchors(catalogue: Catalogue, site: Site) -> list[Problem]:
    """Every anchor linked from any page exists in every language of its target."""
    wanted: dict[tuple[str, str], tuple[SourcePage, int]] = {}  # (key, anchor) -> first link
    linked_in: dict[tuple[str, str], set[str]] = {}  # (key, anchor) -> languages that link to it
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        # The addresses the link check reads, but raw HTML's (it may only jump within its own page).
        for url, line, _, base, raw_html in addresses(page):
            target = resolve(base or page.path, url)
            if raw_html or target is None or not target.fragment or target.absolute or target.outside:
                continue
            if target.path and not target.is_page:
                continue
            key, named = target.page(catalogue.languages) if target.path else (page.key, None)
            if named:
                continue  # the link check reports it
            wanted.setdefault((key, target.fragment), (page, line))
            linked_in.setdefault((key, target.fragment), set()).add(page.language)
    problems = []
    for (key, anchor), (source, line) in sorted(wanted.items()):
        if not any(anchor in site.ids(language, key) for language in catalogue.languages):
            continue  # missing in every language: the link check reports the links
        for language in catalogue.languages:
            # A link of this language to it is the link check's.
            if language in linked_in[(key, anchor)]:
                continue
            if not site.has_page(language, key) or site.may_have(language, key, anchor):
                continue
            target = catalogue.page(key, language)
            if target is None:
                problems.append(Problem.of(source.path, line, "generated_anchor_missing", anchor=anchor, key=key,
                                           language=language_name(language)))
            else:
                at, probably = _translated_heading(catalogue, key, anchor, target)
                problems.append(Problem.of(target.path, at, "anchor_untranslated", anchor=anchor,
                                           source=f"{source.path}:{line}", probably=probably))
    return problems


def _translated_heading(catalogue: Catalogue, key: str, anchor: str, target: SourcePage) -> tuple[int, str]:
    """The line of the heading of ``target`` that probably translates ``#anchor``, and the words naming it."""
    for other in (catalogue.page(key, language) for language in catalogue.languages):
        if other is None or other is target:
            continue
        ids = [id_ for id_, _, _ in heading_ids(other)]
        headings = target.document.headings
        # The heading in the same place among the page's headings.
        if anchor in ids and ids.index(anchor) < len(headings):
            heading = headings[ids.index(anchor)]
            return heading.line, said("probably_this_heading", heading=heading.text)
    return 1, ""


def check(catalogue: Catalogue, site: Site, faulty=frozenset()) -> list[Problem]:
    """``faulty``: the pages whose own checks failed, left out of the comparisons."""
    # Such a page is reported once, where it is wrong, and none of its values is offered as the one to copy.
    faulty = frozenset(faulty) | catalogue.unreadable()
    linked = [p for p in _linked_anchors(catalogue, site) if p.path not in faulty]
    # A heading whose id differs and is linked is one problem: the link's says more.
    at = {(p.path, p.line) for p in linked}
    headings = [p for p in _heading_ids(catalogue, faulty) if (p.path, p.line) not in at]
    return _missing_pages(catalogue) + _customer_types(catalogue, faulty) + headings + linked
