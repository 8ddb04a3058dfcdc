"""Translation parity: both languages always move together. Every page exists in every
language; a customer type's data has the same shape in each (same fields, lists of the same
length, the same language-neutral values); and every anchor linked to exists in every
language of its target page. Problems are reported on the translation that falls short.
"""

from __future__ import annotations

from .. import customer_type, schema
from ..catalogue import Catalogue, Problem, SourcePage
from ..markdown import document, heading_ids
from .anchors import Site
from .headings import explicit_ids
from .urls import language_name, resolve


def _missing_pages(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for key in catalogue.keys():
        present = [language for language in catalogue.languages if catalogue.page(key, language)]
        problems += [
            Problem(catalogue.page(key, present[0]).path, 1,
                    f"This page has no {language_name(language)} version: {key}.{language}.md is missing.",
                    f"Create docs/{key}.{language}.md with the translation of this page "
                    "(same front matter fields, same heading ids).")
            for language in catalogue.languages if language not in present
        ]
    return problems


def _compare(problems: list[Problem], reference: SourcePage, page: SourcePage, a, b, path: tuple) -> None:
    """Report where ``b`` (of ``page``) lacks the shape of ``a`` (of ``reference``)."""
    where = ".".join(str(p) for p in path)
    # Values that do not change with the language (the schema's x-same-in-every-language).
    if path in customer_type.shape().same_everywhere:
        if a != b:
            problems.append(Problem(
                page.path, page.line_of(*path),
                f"'{where}' differs from {reference.path}, and it must be the same in every language.",
                f"Copy it unchanged from {reference.path} (line {reference.line_of(*path)})."))
    elif isinstance(a, dict) and isinstance(b, dict):
        node = schema.at(path)
        for name, value in a.items():
            # An unknown field, or a missing required one, is the schema's to report.
            if name not in node.get("properties", {name: None}):
                continue
            if name in b:
                _compare(problems, reference, page, value, b[name], (*path, name))
            elif name not in node.get("required", []):
                problems.append(Problem(
                    page.path, page.line_of(*path), f"'{where}' has no '{name}' field, which {reference.path} has.",
                    f"Add '{name}:' with the translation of {reference.path} (line {reference.line_of(*path, name)})."))
    elif isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        problems.append(Problem(
            page.path, page.line_of(*path),
            f"'{where}' has {len(b)} item{'s' * (len(b) != 1)} here but {len(a)} in {reference.path}.",
            "Translate every item, so both languages have the same list in the same order."))


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
                problems.append(Problem(
                    page.path, 1,
                    f"This page has no customer_type data, which {reference.path} has: "
                    f"the {language_name(page.language)} card would be missing.",
                    f"Copy the 'customer_type:' block from {reference.path} into this page's front matter "
                    "and translate its texts."))
            else:
                _compare(problems, reference, page, reference.customer_type, page.customer_type, ("customer_type",))
    return problems


def _translations(catalogue: Catalogue, faulty=frozenset()):
    """(original, translation) of every page whose original and translation were read well."""
    for key in catalogue.keys():
        original = catalogue.page(key, catalogue.languages[0])
        if original is None or original.path in faulty:
            continue
        for language in catalogue.languages[1:]:
            page = catalogue.page(key, language)
            if page is not None and page.path not in faulty:
                yield original, page


def _id_differences(original: SourcePage, page: SourcePage) -> tuple[list, list]:
    """The section ids (id, line, text) the translation has that its original lacks, and the reverse."""
    own, ids = explicit_ids(page), explicit_ids(original)
    wanted, have = {id_ for id_, _, _ in ids}, {id_ for id_, _, _ in own}
    return [entry for entry in own if entry[0] not in wanted], [entry for entry in ids if entry[0] not in have]


def missing_ids(catalogue: Catalogue, faulty=frozenset()) -> set[tuple[str, str, str]]:
    """(language, page key, id) of each heading id a translation lacks, which its
    original has: links to it are explained by the heading's own problem."""
    return {(page.language, page.key, id_) for original, page in _translations(catalogue, faulty)
            for id_, _, _ in _id_differences(original, page)[1]}


def _heading_ids(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    """Section headings carry the same ids in every language: reported on the translation."""
    problems = []
    default = catalogue.languages[0]
    for original, page in _translations(catalogue, faulty):
        extra, missing = _id_differences(original, page)
        # An id each side lacks, in the same order, is probably the same section with another id.
        for (id_, line, text), (other, other_line, other_text) in zip(extra, missing, strict=False):
            problems.append(Problem(
                page.path, line,
                f"The heading '{text}' has the id '#{id_}', which {original.path} does not have; its heading "
                f"'{other_text}' (line {other_line}) has '#{other}' instead.",
                f"Headings keep the same ids in every language: if they are the same section, write "
                f"'{{#{other}}}' here (or change both files, and the links to it)."))
        for id_, line, text in extra[len(missing):]:
            problems.append(Problem(
                page.path, line, f"The heading '{text}' has the id '#{id_}', which {original.path} does not have.",
                f"Give it the id of the {language_name(default)} heading it translates, or add the section to "
                f"{original.path} too, with the same id."))
        own = explicit_ids(page)
        for other, other_line, other_text in missing[len(extra):]:
            problems.append(Problem(
                page.path, own[-1][1] if own else page.body_start,
                f"This page has no heading with the id '#{other}', which {original.path} has on line {other_line} "
                f"('{other_text}').",
                f"Translate that section here, ending its heading with '{{#{other}}}'."))
    return problems


def _linked_anchors(catalogue: Catalogue, site: Site) -> list[Problem]:
    """Every anchor linked from any page exists in every language of its target."""
    wanted: dict[tuple[str, str], tuple[SourcePage, int]] = {}  # (key, anchor) -> first link
    linked_in: dict[tuple[str, str], set[str]] = {}  # (key, anchor) -> languages that link to it
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        addresses = [(page.path, link.url, link.line) for link in document(page).links
                     if link.kind in ("link", "image", "definition")]
        related = (page.customer_type or {}).get("related")
        if isinstance(related, list):
            addresses += [("index.md", entry, page.line_of("customer_type", "related", i))
                          for i, entry in enumerate(related) if isinstance(entry, str)]
        for base, url, line in addresses:
            target = resolve(base, url)
            if target is None or not target.fragment or target.absolute or target.outside:
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
                problems.append(Problem(
                    source.path, line,
                    f"'#{anchor}' is linked here, but the generated page {key} has no '#{anchor}' "
                    f"in {language_name(language)}.",
                    "Link to a section that exists in every language."))
            else:
                at, hint = _translated_heading(catalogue, key, anchor, target)
                problems.append(Problem(
                    target.path, at, f"'#{anchor}' is linked from {source.path}:{line}, but this page has no "
                    f"'#{anchor}'.", hint))
    return problems


def _translated_heading(catalogue: Catalogue, key: str, anchor: str, target: SourcePage) -> tuple[int, str]:
    """The line of the heading of ``target`` that probably translates ``#anchor``, and a hint."""
    fix = (f"Headings keep the same ids in every language: add '{{#{anchor}}}' at the end of the heading that "
           "translates it.")
    for other in (catalogue.page(key, language) for language in catalogue.languages):
        if other is None or other is target:
            continue
        ids = [id_ for id_, _, _ in heading_ids(other)]
        headings = document(target).headings
        # The heading in the same place among the page's headings.
        if anchor in ids and ids.index(anchor) < len(headings):
            heading = headings[ids.index(anchor)]
            return heading.line, f"{fix} It is probably this one, '{heading.text}'."
    return 1, fix


def check(catalogue: Catalogue, site: Site, faulty=frozenset()) -> list[Problem]:
    """``faulty``: the pages whose own checks failed, left out of the comparisons."""
    # Such a page is reported once, where it is wrong, and none of its values is offered as the one to copy.
    faulty = frozenset(faulty) | {problem.path for problem in catalogue.problems}
    linked = [p for p in _linked_anchors(catalogue, site) if p.path not in faulty]
    # A heading whose id differs and is linked is one problem: the link's says more.
    at = {(p.path, p.line) for p in linked}
    headings = [p for p in _heading_ids(catalogue, faulty) if (p.path, p.line) not in at]
    return _missing_pages(catalogue) + _customer_types(catalogue, faulty) + headings + linked
