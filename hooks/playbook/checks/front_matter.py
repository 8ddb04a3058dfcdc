"""Front matter: every page's YAML block against playbook/schemas/page.schema.json, the one
description of what a page may say (the same schema gives editors completion in their editor).
Schema errors become plain sentences with the field's line and a "did you mean" for a misspelt
key.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..catalogue import Catalogue, Problem, SourcePage
from ..schema import fields, validator
from ..suggest import closest

# A JSON type: what it is called, and how to write it.
TYPES = {
    "string": ("a text", "Write it as text after the colon; put it in quotes if it looks like a number, a date or "
               "yes/no, or contains ': ' or ' #'."),
    "array": ("a list", "Write each item on its own line below the field, indented, starting with '- '."),
    "object": ("a group of 'key: value' fields",
               "Write its fields below it, each on its own line, indented by two spaces: 'key: value'."),
    "boolean": ("true or false", "Write true or false."),
    "number": ("a number", "Write a number."),
    "integer": ("a whole number", "Write a whole number."),
}

# What a list or text too short or too long is told: (what it is, how to fix it).
SIZES = {
    "minItems": lambda size, least: (
        ("is an empty list" if size == 0 else f"has {size} item{'s' * (size != 1)}") + f"; it needs at least {least}",
        "Add items, each on its own line starting with '- '."),
    "maxItems": lambda size, most: (f"has {size} items; at most {most} fit", f"Keep the {most} that matter most."),
    "minLength": lambda size, least: (
        "is empty" if size == 0 else f"is {size} characters long; it needs at least {least}", "Write it out."),
    "maxLength": lambda size, most: (f"is {size} characters long; at most {most} fit", "Shorten it."),
}


def as_json(value):
    """Front matter as JSON sees it: YAML dates become "2027-03-31" text, as in an editor."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _field(path) -> str:
    """("customer_type", "attend", 2) -> "item 3 of 'customer_type.attend'"."""
    names = [str(part) for part in path if not isinstance(part, int)]
    dotted = ".".join(names) or "the front matter"
    if path and isinstance(path[-1], int):
        return f"item {path[-1] + 1} of '{dotted}'"
    return f"'{dotted}'" if names else dotted


def _kind(value) -> str:
    """What a value is, in the words of TYPES."""
    if isinstance(value, bool):
        return "yes/no (true/false)"
    if value is None:
        return "empty"
    for kind, json_type in ((int, "number"), (float, "number"), (str, "string"), (list, "array"), (dict, "object")):
        if isinstance(value, kind):
            return TYPES[json_type][0]
    return f"a {type(value).__name__}"


def _nested_owner(key: str, root: dict) -> str | None:
    """The field that ``key`` belongs under, when it is written one level too high."""
    return next((".".join(path[:-1]) for path, _ in fields(root) if path[-1] == key and len(path) > 1), None)


def _translate(page: SourcePage, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    line = page.line_of(*path)
    where = _field(path)
    field = where[0].upper() + where[1:]  # the sentence starts with it
    keyword, value, instance = error.validator, error.validator_value, error.instance
    subschema = error.schema if isinstance(error.schema, dict) else {}
    description = subschema.get("description", "")
    allowed = subschema.get("properties", {})

    # Several problems: a field missing, or written that the schema does not know.
    if keyword == "required":
        # A misspelt field is reported once, as unknown, with its "did you mean".
        misspelt = {closest(name, allowed) for name in instance if name not in allowed}
        container = "the front matter" if not path else f"'{path[-1]}'"
        return [
            Problem(page.path, line, f"{field} has no '{name}' field.",
                    f"Add a '{name}:' line to {container}. {allowed.get(name, {}).get('description', '')}".strip())
            for name in value
            if isinstance(instance, dict) and name not in instance and name not in misspelt
        ]
    if keyword == "additionalProperties":
        problems = []
        for name in (name for name in instance if name not in allowed):
            listed = ", ".join(sorted(allowed))
            if owner := _nested_owner(str(name), subschema):
                hint = f"'{name}' belongs under '{owner}': indent it below that field."
            elif near := closest(name, allowed):
                hint = f"Did you mean '{near}'? The fields allowed here are: {listed}."
            else:
                hint = f"Remove it, or use one of the fields allowed here: {listed}."
            inside = "" if not path else f" in {where}"
            problems.append(Problem(page.path, page.line_of(*path, name), f"Unknown field '{name}'{inside}.", hint))
        return problems

    # One problem: what the field's value is, said after its name, and how to write it.
    if keyword == "type":
        expected = value if isinstance(value, str) else value[0]
        said = f"must be {TYPES[expected][0] if expected in TYPES else expected}, not {_kind(instance)}"
        hint = (TYPES[expected][1] if expected in TYPES else description) or "Check the field's value."
        # A list item has no colon: its text follows the '- ', quoted when YAML would read it as something else.
        if expected == "string" and path and isinstance(path[-1], int):
            number = isinstance(instance, (int, float)) and not isinstance(instance, bool)
            hint = ("Write the item's text after its '- '; put it in quotes if it looks like a number, a date or "
                    + (f"yes/no: '- \"{instance}\"'." if number else "yes/no, e.g. '- \"yes\"'."))
    elif keyword in SIZES:
        said, how = SIZES[keyword](len(instance) if isinstance(instance, (list, str)) else 0, value)
        hint = f"{how} {description}".strip()
    elif keyword == "enum":
        choices = [str(choice) for choice in value]
        near = closest(instance, choices)
        said = f"is '{instance}', which is not allowed here"
        hint = (f"Did you mean '{near}'? " if near else "") + f"Write one of: {', '.join(choices)}."
    elif keyword in ("pattern", "format"):
        said = f"('{instance}') " + ("is not written as expected" if keyword == "pattern"
                                     else f"is not a valid {value}")
        hint = subschema.get("patternErrorMessage") or description or "Check its spelling."
    elif keyword == "uniqueItems":
        said, hint = "lists the same item twice", "Remove the repeated item."
    else:
        said = f"is not valid: {error.message}"
        hint = description or "Check the field against the page schema (hooks/playbook/schemas/page.schema.json)."
    return [Problem(page.path, line, f"{field} {said}.", hint)]


def _icon_problem(page: SourcePage, icon, path, icon_dirs) -> list[Problem]:
    if not isinstance(icon, str) or "/" not in icon or not icon_dirs:
        return []
    if any((Path(folder) / f"{icon}.svg").is_file() for folder in icon_dirs):
        return []
    icon_set, _, name = icon.rpartition("/")
    known = [file.stem for folder in icon_dirs for file in (Path(folder) / icon_set).glob("*.svg")]
    if not known:
        return []  # the schema reports an unknown icon set
    near = closest(name, known)
    hint = (f"Did you mean '{icon_set}/{near}'? " if near else "") + (
        "Find icon names at https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/.")
    return [Problem(page.path, page.line_of(*path), f"There is no icon '{icon}'.", hint)]


def check(catalogue: Catalogue, icon_dirs=()) -> list[Problem]:
    """Every readable page's front matter against the schema, and a customer type's id and icons."""
    unreadable = {problem.path for problem in catalogue.problems}
    problems: list[Problem] = []
    ids: dict[tuple[str, str], SourcePage] = {}
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        if page.path in unreadable:
            continue
        # Beyond the schema: no key written twice, no list item glued to the one above (the catalogue
        # finds both while reading), a type's id its file name and one page per language, icons that exist.
        problems += page.front_matter_problems
        errors = validator().iter_errors(as_json(page.meta))
        for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
            problems += _translate(page, error)
        problems += _icon_problem(page, page.meta.get("icon"), ("icon",), icon_dirs)
        customer_type = page.customer_type or {}
        problems += _icon_problem(page, customer_type.get("icon"), ("customer_type", "icon"), icon_dirs)
        id_, stem = customer_type.get("id"), page.key.rsplit("/", 1)[-1]
        if not isinstance(id_, str):
            continue
        if id_ != stem:
            problems.append(Problem(
                page.path, page.line_of("customer_type", "id"),
                f"The customer type's id is '{id_}', but its file is named '{stem}'.",
                f"Write 'id: {stem}' (the id must equal the file name, in both languages), or rename the files of "
                "both languages."))
        if other := ids.get((page.language, id_)):
            problems.append(Problem(
                page.path, page.line_of("customer_type", "id"),
                f"The customer type id '{id_}' is already used by {other.path}.",
                "Give each customer type its own id (its file name)."))
        else:
            ids[(page.language, id_)] = page
    return problems
