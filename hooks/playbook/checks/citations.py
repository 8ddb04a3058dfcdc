"""Citations: every source named in the text links to its entry on the references page
(`[Kotler (2007)](referencias.md#kotler-2007)`, to an entry `### Kotler (2007) {#kotler-2007}`),
every entry is cited at least once in each language, and every page cites a source. What a
page adds beyond its sources is marked as the playbook's own instead (`!!! aporte`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..catalogue import Catalogue, Problem, SourcePage, strings
from ..label_files import said
from ..markdown import heading_ids, inline_text
from .urls import Target, language_name, relative, resolve

REFERENCES = "referencias"  # the references page, without language
# The names looked for come from the entries themselves: the last word of four letters or more before
# the year ("Kotler (2007)" -> "Kotler"), so a new entry is checked at once. These even without one.
KNOWN_AUTHORS = ("Subercaseaux", "Kotler")
UNCITED = {"index", REFERENCES}  # pages that need not cite a source: a map of the site, the sources


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    author: str  # the name that cites it in the text
    line: int


def entries(page: SourcePage) -> list[Entry]:
    found = []
    for heading, (id_, line, _) in zip(page.document.headings, heading_ids(page), strict=True):
        if heading.level != 3 or not id_:
            continue
        title = inline_text(heading.text)
        words = re.findall(r"[^\W\d_]{4,}", title.split(" (")[0])
        found.append(Entry(id_, title, words[-1] if words else "", line))
    return found


def authors(catalogue: Catalogue) -> set[str]:
    names = set(KNOWN_AUTHORS)
    for language in catalogue.languages:
        page = catalogue.page(REFERENCES, language)
        if page:
            names.update(entry.author for entry in entries(page) if entry.author)
    return names


def _example(page: SourcePage, candidates: list[Entry]) -> str:
    address = relative(page.path, f"{REFERENCES}.md")
    if not candidates:
        return said("citation_example", address=address)
    entry = candidates[0]
    example = f"[{entry.title.replace(' (', ', ').rstrip(')')}]({address}#{entry.id})"
    if len(candidates) > 1:
        example += said("its_entries", entries=", ".join(f"#{e.id}" for e in candidates))
    return example


def _to_references(page: SourcePage, url: str, languages) -> Target | None:
    """Where ``url`` leads when it is the references page ("referencias.md#kotler-2007"); else None."""
    target = resolve(page.path, url)
    return target if target and target.is_page and target.page(languages)[0] == REFERENCES else None


def _named(around, target: Target | None, entry_ids, reference_ids) -> tuple[str, dict] | None:
    """What is wrong where an author is named (``around``: the links the name is in): its message and values."""
    if not around:
        return "citation_missing", {}
    if target is None:
        return "citation_elsewhere", {"url": around[-1].url}
    if not target.fragment:
        return "citation_no_entry", {}
    if target.fragment not in entry_ids and target.fragment in reference_ids:
        return "citation_not_entry", {"fragment": target.fragment}
    return None


def check(catalogue: Catalogue) -> list[Problem]:
    # Never empty: KNOWN_AUTHORS are named even without an entry.
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(authors(catalogue)))) + r")\b", re.I)
    problems: list[Problem] = []
    unreadable = catalogue.unreadable()
    for language in catalogue.languages:
        references = catalogue.page(REFERENCES, language)
        if references is None or references.path in unreadable:
            continue  # the parity check reports the missing page, the file check the other
        listed = entries(references)
        entry_ids = {entry.id for entry in listed}
        reference_ids = {id_ for id_, _, _ in heading_ids(references)}
        by_author: dict[str, list[Entry]] = {}
        for entry in listed:
            by_author.setdefault(entry.author.lower(), []).append(entry)
        cited: set[str] = set()
        for page in catalogue.in_language(language):
            if page.key == REFERENCES:
                continue
            doc = page.document
            links = [link for link in doc.links if link.kind in ("link", "reference", "autolink")]
            # A citation names the references page without its language, as every link does.
            targets = {link: _to_references(page, link.url, catalogue.languages) for link in links}
            cites = {t.fragment for t in targets.values() if t and t.page(catalogue.languages)[1] is None} & entry_ids
            cited |= cites
            if not cites and page.key not in UNCITED and page.path not in unreadable and page.body.strip():
                lines = page.body.split("\n")
                first = next((i for i, text in enumerate(lines) if text.strip()), 0)
                problems.append(Problem.of(page.path, page.body_start + first, "cites_nothing",
                                           example=_example(page, listed)))
            for match in pattern.finditer(doc.prose):
                name = match.group(1)
                around = [link for link in links if link.span[0] <= match.start() < link.span[1]]
                target = targets[around[-1]] if around else None
                if fault := _named(around, target, entry_ids, reference_ids):
                    # The entry its fix names is cited once that is done: not also said to be uncited.
                    cited |= {entry.id for entry in by_author.get(name.lower(), [])[:1]}
                    problems.append(Problem.of(page.path, doc.line_at(match.start()), fault[0], name=name,
                                               example=_example(page, by_author.get(name.lower(), [])), **fault[1]))
            problems += [Problem.of(page.path, page.line_of(*path), "citation_in_front_matter", name=match.group(1))
                         for path, value in strings(page.meta) for match in pattern.finditer(value)]
        # A page that cannot be read may well cite it: its own problem comes first.
        if any(p.path in unreadable for p in catalogue.in_language(language)):
            continue
        problems += [Problem.of(references.path, entry.line, "reference_uncited", id=entry.id,
                                language=language_name(language), page=REFERENCES)
                     for entry in listed if entry.id not in cited]
    return problems
