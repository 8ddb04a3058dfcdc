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
        for language in catalogue.languages:
            if language in present:
                continue
            source = catalogue.page(key, present[0])
            problems.append(
                Problem(
                    source.path,
                    1,
                    f"This page has no {language_name(language)} version: {key}.{language}.md is "
                    f"missing.",
                    f"Create docs/{key}.{language}.md with the translation of this page "
                    "(same front matter fields, same heading ids).",
                )
            )
    return problems


def _schema_at(path: tuple) -> dict:
    return schema.at(path)


def _required(path: tuple) -> set[str]:
    return set(_schema_at(path).get("required", []))


def _known(path: tuple, name) -> bool:
    """Whether the schema knows the field (an unknown one is the schema's to report)."""
    return name in _schema_at(path).get("properties", {name: None})


def _compare(
    problems: list[Problem], reference: SourcePage, page: SourcePage, a, b, path: tuple
) -> None:
    """Report where ``b`` (of ``page``) lacks the shape of ``a`` (of ``reference``)."""
    where = ".".join(str(p) for p in path)
    # Values that do not change with the language (the schema's x-same-in-every-language).
    if path in customer_type.shape().same_everywhere:
        if a != b:
            problems.append(
                Problem(
                    page.path,
                    page.line_of(*path),
                    f"'{where}' differs from {reference.path}, and it must be the same in every "
                    f"language.",
                    f"Copy it unchanged from {reference.path} (line {reference.line_of(*path)}).",
                )
            )
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for name, value in a.items():
            if not _known(path, name):
                continue
            if name in b:
                _compare(problems, reference, page, value, b[name], (*path, name))
            elif name not in _required(path):  # a missing required field: the schema reports it
                problems.append(
                    Problem(
                        page.path,
                        page.line_of(*path),
                        f"'{where}' has no '{name}' field, which {reference.path} has.",
                        f"Add '{name}:' with the translation of {reference.path} (line "
                        f"{reference.line_of(*path, name)}).",
                    )
                )
        return
    if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        problems.append(
            Problem(
                page.path,
                page.line_of(*path),
                f"'{where}' has {len(b)} item{'s' * (len(b) != 1)} here but {len(a)} in "
                f"{reference.path}.",
                "Translate every item, so both languages have the same list in the same order.",
            )
        )


def _customer_types(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    problems: list[Problem] = []
    default = catalogue.languages[0]
    for key in catalogue.keys():
        pages = [catalogue.page(key, language) for language in catalogue.languages]
        pages = [page for page in pages if page is not None]
        if any(page.path in faulty for page in pages):
            continue  # its own problems first: they are reported where they are
        with_data = [page for page in pages if page.customer_type is not None]
        if not with_data:
            continue
        reference = next((p for p in with_data if p.language == default), with_data[0])
        for page in pages:
            if page is reference:
                continue
            if page.customer_type is None:
                if "customer_type" in page.meta:
                    continue  # present but malformed: the schema reports it
                problems.append(
                    Problem(
                        page.path,
                        1,
                        f"This page has no customer_type data, which {reference.path} has: "
                        f"the {language_name(page.language)} card would be missing.",
                        f"Copy the 'customer_type:' block from {reference.path} into this page's "
                        f"front matter "
                        "and translate its texts.",
                    )
                )
                continue
            _compare(
                problems,
                reference,
                page,
                reference.customer_type,
                page.customer_type,
                ("customer_type",),
            )
    return problems


def missing_ids(catalogue: Catalogue, faulty=frozenset()) -> set[tuple[str, str, str]]:
    """(language, page key, id) of each heading id a translation lacks, which its
    original has: links to it are explained by the heading's own problem."""
    default = catalogue.languages[0]
    found = set()
    for key in catalogue.keys():
        original = catalogue.page(key, default)
        if original is None or original.path in faulty:
            continue
        for language in catalogue.languages[1:]:
            page = catalogue.page(key, language)
            if page is None or page.path in faulty:
                continue
            have = {id_ for id_, _, _ in explicit_ids(page)}
            found |= {(language, key, id_) for id_, _, _ in explicit_ids(original) if id_ not in have}
    return found


def _heading_ids(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    """Section headings carry the same ids in every language: reported on the translation."""
    problems = []
    default = catalogue.languages[0]
    for key in catalogue.keys():
        original = catalogue.page(key, default)
        if original is None or original.path in faulty:
            continue
        ids = explicit_ids(original)
        wanted = [id_ for id_, _, _ in ids]
        for language in catalogue.languages[1:]:
            page = catalogue.page(key, language)
            if page is None or page.path in faulty:
                continue
            own = explicit_ids(page)
            have = [id_ for id_, _, _ in own]
            extra = [entry for entry in own if entry[0] not in wanted]
            missing = [entry for entry in ids if entry[0] not in have]
            for (id_, line, text), (other, other_line, other_text) in zip(extra, missing, strict=False):
                problems.append(Problem(
                    page.path, line,
                    f"The heading '{text}' has the id '#{id_}', which {original.path} does not "
                    f"have; its heading '{other_text}' (line {other_line}) has '#{other}' "
                    "instead.",
                    f"Headings keep the same ids in every language: if they are the same "
                    f"section, write '{{#{other}}}' here (or change both files, and the links "
                    "to it)."))
            for id_, line, text in extra[len(missing):]:
                problems.append(Problem(
                    page.path, line,
                    f"The heading '{text}' has the id '#{id_}', which {original.path} does not "
                    "have.",
                    f"Give it the id of the {language_name(default)} heading it translates, or "
                    f"add the section to {original.path} too, with the same id."))
            for other, other_line, other_text in missing[len(extra):]:
                problems.append(Problem(
                    page.path, own[-1][1] if own else page.body_start,
                    f"This page has no heading with the id '#{other}', which {original.path} "
                    f"has on line {other_line} ('{other_text}').",
                    f"Translate that section here, ending its heading with '{{#{other}}}'."))
    return problems


def _linked_anchors(catalogue: Catalogue, site: Site) -> list[Problem]:
    """Every anchor linked from any page exists in every language of its target."""
    wanted: dict[tuple[str, str], tuple[SourcePage, int]] = {}  # (key, anchor) -> first link
    linked_in: dict[tuple[str, str], set[str]] = {}  # (key, anchor) -> languages that link to it
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        addresses = [
            (page.path, link.url, link.line)
            for link in document(page).links
            if link.kind in ("link", "image", "definition")
        ]
        related = (page.customer_type or {}).get("related")
        if isinstance(related, list):
            addresses += [
                ("index.md", entry, page.line_of("customer_type", "related", i))
                for i, entry in enumerate(related)
                if isinstance(entry, str)
            ]
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
            if language in linked_in[(key, anchor)]:
                continue  # a link of this language to it is checked by the link check
            if not site.has_page(language, key) or site.may_have(language, key, anchor):
                continue
            target = catalogue.page(key, language)
            if target is None:
                problems.append(
                    Problem(
                        source.path,
                        line,
                        f"'#{anchor}' is linked here, but the generated page {key} has no "
                        f"'#{anchor}' "
                        f"in {language_name(language)}.",
                        "Link to a section that exists in every language.",
                    )
                )
                continue
            at, hint = _translated_heading(catalogue, key, anchor, target)
            problems.append(
                Problem(
                    target.path,
                    at,
                    f"'#{anchor}' is linked from {source.path}:{line}, but this page has no "
                    f"'#{anchor}'.",
                    hint,
                )
            )
    return problems


def _translated_heading(
    catalogue: Catalogue, key: str, anchor: str, target: SourcePage
) -> tuple[int, str]:
    """The line of the heading of ``target`` that probably translates ``#anchor``, and a hint."""
    fix = f"add '{{#{anchor}}}' at the end of the heading that translates it."
    for language in catalogue.languages:
        other = catalogue.page(key, language)
        if other is None or other is target:
            continue
        ids = [id_ for id_, _, _ in heading_ids(other)]
        if anchor in ids:
            position = ids.index(anchor)
            headings = document(target).headings
            if position < len(headings):
                heading = headings[position]
                return heading.line, (
                    f"Headings keep the same ids in every language: {fix} "
                    f"It is probably this one, '{heading.text}'."
                )
    return 1, f"Headings keep the same ids in every language: {fix}"


def check(catalogue: Catalogue, site: Site, faulty=frozenset()) -> list[Problem]:
    """``faulty``: the pages whose own checks failed, left out of the comparisons."""
    # Such a page is reported once, where it is wrong, and none of its values is offered as the one to copy.
    unreadable = {problem.path for problem in catalogue.problems}
    faulty = frozenset(faulty) | unreadable
    linked = [p for p in _linked_anchors(catalogue, site) if p.path not in faulty]
    # A heading whose id differs and is linked is one problem: the link's says more.
    at = {(p.path, p.line) for p in linked}
    headings = [p for p in _heading_ids(catalogue, faulty) if (p.path, p.line) not in at]
    return _missing_pages(catalogue) + _customer_types(catalogue, faulty) + headings + linked
