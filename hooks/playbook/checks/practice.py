"""Practice scenarios: the ``practice:`` list a customer type's page carries after its
``customer_type:`` (its shape is the schema's, schemas/page.schema.json). Beyond the schema, each
scenario's answer names a line the type's data really has, every id is used once in a language,
both languages hold the same scenarios in the same order with the same answers, and the texts
are plain (the practice page, the kiosk and the worksheet show them as written).
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem, SourcePage
from ..label_files import counted
from .card_text import MARKDOWN
from .urls import language_name

# An answer's first word -> the list of the type's data it names.
ANSWER_FIELDS = {"attend": ("attend",), "phrases": ("phrases",), "examples": ("questions", "examples")}


def scenarios(page: SourcePage) -> list[tuple[int, dict]]:
    """The page's well-formed scenarios with their index (the schema reports the others)."""
    value = page.meta.get("practice")
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value)
            if isinstance(item, dict) and isinstance(item.get("id"), str)]


def answer_line(data: dict, answer) -> tuple[tuple[str, ...], int, list] | None:
    """"attend.2" -> (("attend",), 1, the type's attend list); None if it is not written as one."""
    if not isinstance(answer, str) or "." not in answer:
        return None
    name, _, number = answer.partition(".")
    if name not in ANSWER_FIELDS or not number.isdigit():
        return None
    items = data
    for key in ANSWER_FIELDS[name]:
        items = items.get(key) if isinstance(items, dict) else None
    return ANSWER_FIELDS[name], int(number) - 1, items if isinstance(items, list) else []


def _own(page: SourcePage) -> list[Problem]:
    """What is wrong within one page: a scenario on a page without a type, an answer its data
    lacks, Markdown in a text."""
    if "practice" not in page.meta:
        return []
    data = page.customer_type
    if data is None:
        return [Problem.of(page.path, page.line_of("practice"), "practice_without_type")]
    problems = []
    for index, item in scenarios(page):
        found = answer_line(data, item.get("answer"))
        if found is not None:
            fields, position, items = found
            # A list with no lines is the schema's to say (each of them is required): said once, as missing.
            if items and position >= len(items):
                name = item["answer"].partition(".")[0]
                dotted = ".".join(("customer_type", *fields))
                problems.append(Problem.of(
                    page.path, page.line_of("practice", index, "answer"),
                    "practice_answer_past", id=item["id"],
                    answer=item["answer"], field=dotted, lines=counted("line", len(items)), name=name,
                    count=len(items)))
        for key in ("situation", "why"):
            text = item.get(key)
            match = next((m for pattern, _ in MARKDOWN if isinstance(text, str) and (m := pattern.search(text))), None)
            if match:
                problems.append(Problem.of(page.path, page.line_of("practice", index, key), "practice_markdown",
                                           markdown=match.group(0)))
    return problems


def _unique_ids(catalogue: Catalogue) -> list[Problem]:
    """Each scenario id once per language: progress and the round's address use it."""
    problems = []
    for language in catalogue.languages:
        seen: dict[str, SourcePage] = {}
        for page in sorted(catalogue.in_language(language), key=lambda p: p.path):
            for index, item in scenarios(page):
                if (other := seen.get(item["id"])) is not None:
                    problems.append(Problem.of(
                        page.path, page.line_of("practice", index, "id"),
                        "practice_id_twice" if other is page else "practice_id_taken", id=item["id"],
                        other=other.path, suggestion=f"{page.key.rsplit('/', 1)[-1]}-{index + 1}"))
                else:
                    seen[item["id"]] = page
    return problems


def _parity(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    """The same scenarios, in the same order, with the same answers, in every language:
    reported on the translation."""
    problems = []
    for original, page in catalogue.translated(faulty):
        if "practice" not in original.meta:
            continue
        wanted = {item["id"]: (index, item) for index, item in scenarios(original)}
        if "practice" not in page.meta:
            problems.append(Problem.of(page.path, 1, "practice_untranslated", original=original.path,
                                       line=original.line_of("practice")))
            continue
        have = {item["id"]: (index, item) for index, item in scenarios(page)}
        before = len(problems)
        # A scenario missing while another is unknown is that one's id translated: said once, as unknown.
        translated = any(id_ not in wanted for id_ in have)
        for id_, (index, item) in wanted.items():
            if id_ not in have and not translated:
                problems.append(Problem.of(
                    page.path, page.line_of("practice"), "practice_missing", id=id_, original=original.path,
                    line=original.line_of("practice", index), language=language_name(page.language),
                    answer=item.get("answer")))
            elif id_ in have and have[id_][1].get("answer") != item.get("answer"):
                problems.append(Problem.of(
                    page.path, page.line_of("practice", have[id_][0], "answer"), "practice_answer_differs",
                    id=id_, here=have[id_][1].get("answer"), answer=item.get("answer"), original=original.path,
                    line=original.line_of("practice", index, "answer")))
        for id_, (index, _) in have.items():
            if id_ not in wanted:
                problems.append(Problem.of(page.path, page.line_of("practice", index, "id"), "practice_unknown",
                                           id=id_, original=original.path))
        order = [id_ for id_ in wanted if id_ in have]
        if len(problems) == before and order != [id_ for id_ in have if id_ in wanted]:
            problems.append(Problem.of(page.path, page.line_of("practice"), "practice_order",
                                       original=original.path, order=", ".join(order)))
    return problems


# Once any type has scenarios, every type needs them: a new type would otherwise never come up in
# practice (its name still would, as a wrong choice). A site without any is left alone.
def _every_type(catalogue: Catalogue) -> list[Problem]:
    default = catalogue.languages[0]
    types = catalogue.customer_types(default)
    with_practice = [page for page in types if "practice" in page.meta]
    if not with_practice:
        return []
    return [Problem.of(page.path, 1, "practice_type_without", example=with_practice[0].path)
            for page in types if "practice" not in page.meta]


def check(catalogue: Catalogue, faulty=frozenset()) -> list[Problem]:
    """Every problem of the practice scenarios (the schema's come from the front-matter check)."""
    own = [problem for page in catalogue.pages.values() for problem in _own(page)]
    # Scenarios said wrong on their page are not compared with their translation, which would be told to copy them.
    return own + _every_type(catalogue) + _unique_ids(catalogue) + _parity(catalogue, faulty | {p.path for p in own})
