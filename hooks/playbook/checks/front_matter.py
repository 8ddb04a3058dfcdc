"""Files and front matter: each page is readable UTF-8 text with YAML front matter (the catalogue
records what kept a file from being read; it is handed on here), says something, and its YAML block
follows playbook/schemas/page.schema.json, the one description of what a page may say (the same
schema gives editors completion in their editor). Schema errors become plain sentences with the
field's line and a "did you mean" for a misspelt key.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..catalogue import Catalogue, Problem, SourcePage, field_name, mapped
from ..label_files import counted, said
from ..schema import fields, validator
from ..suggest import closest, did_you_mean

# A JSON type -> the name of its words in labels/messages.yml: "type_<name>" what it is called,
# "write_<name>" how to write it.
TYPES = {"string": "text", "array": "list", "object": "group", "boolean": "boolean", "number": "number",
         "integer": "integer"}
# A list or text too short or too long -> its message, by whether it is empty.
SIZES = {"minItems": ("too_few_items", "empty_list"), "maxItems": ("too_many_items",) * 2,
         "minLength": ("too_short", "empty_text"), "maxLength": ("too_long",) * 2}


# Front matter as JSON sees it: YAML dates become "2027-03-31" text, as in an editor.
def _as_json(value):
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


def _kind(value) -> str:
    """What a value is, in the words of TYPES."""
    if isinstance(value, bool):
        return said("yes_no")
    if value is None:
        return said("empty_value")
    for kind, json_type in ((int, "number"), (float, "number"), (str, "string"), (list, "array"), (dict, "object")):
        if isinstance(value, kind):
            return said(f"type_{TYPES[json_type]}")
    return type(value).__name__


def _about(subschema: dict) -> str:
    """What the schema says a field is for (its x-about names it in labels/messages.yml), or ""."""
    return said(subschema["x-about"]) if "x-about" in subschema else ""


# `description "Los seis factores: …"`: a field's colon left out, and a ': ' further on, make YAML read
# the whole start of the line as a key. Deleting that "unknown field" would lose the editor's text.
def _near(name, allowed: dict) -> tuple[str, str | None]:
    """What an unknown key is (its message key) and the field allowed here it comes nearest:
    one whose colon was left out, a misspelt one, or none."""
    first, _, rest = str(name).partition(" ")
    if rest and first in allowed:
        return "colon_missing", first
    near = closest(name, allowed)
    return ("misspelt_field" if near else "unknown_field"), near


def _nested_owner(key: str, root: dict) -> str | None:
    """The field that ``key`` belongs under, when it is written one level too high."""
    return next((".".join(path[:-1]) for path, _ in fields(root) if path[-1] == key and len(path) > 1), None)


def _translate(page: SourcePage, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    line = page.line_of(*path)
    where = field_name(path)
    field = where[0].upper() + where[1:]  # the sentence starts with it
    keyword, value, instance = error.validator, error.validator_value, error.instance
    subschema = error.schema if isinstance(error.schema, dict) else {}
    allowed = subschema.get("properties", {})

    # Several problems: a field missing, or written that the schema does not know.
    if keyword == "required":
        # A misspelt field is reported once, as unknown, with its "did you mean".
        misspelt = {_near(name, allowed)[1] for name in instance if name not in allowed}
        # A field written one level too high is said there, with where it belongs (indent it), not also here.
        above = page.meta
        for part in path[:-1]:
            above = above[part]
        return [Problem.of(page.path, line, "field_missing", field=field, name=name, container=field_name(path),
                           about=_about(allowed.get(name, {})))
                for name in value if isinstance(instance, dict) and name not in instance and name not in misspelt
                and not (path and name in above)]
    if keyword == "additionalProperties":
        problems = []
        for name in (name for name in instance if name not in allowed):
            values = {"name": name, "listed": ", ".join(sorted(allowed)),
                      "inside": said("in_field", field=where) if path else ""}
            if owner := _nested_owner(str(name), subschema):
                kind, values["owner"] = "field_too_high", owner
            else:
                kind, values["near"] = _near(name, allowed)
            problems.append(Problem.of(page.path, page.line_of(*path, name), kind, **values))
        return problems

    # One problem: what the field's value is, said after its name, and how to write it.
    about, values = _about(subschema), {"field": field, "value": instance}
    if keyword == "type":
        expected = TYPES.get(value if isinstance(value, str) else value[0], "text")
        kind, values = "wrong_type", {**values, "expected": said(f"type_{expected}"), "kind": _kind(instance),
                                      "how": said(f"write_{expected}")}
        # A list item has no colon: its text follows the '- ', quoted when YAML would read it as something else.
        if expected == "text" and path and isinstance(path[-1], int):
            number = isinstance(instance, (int, float)) and not isinstance(instance, bool)
            values["how"] = said("write_item_number", value=instance) if number else said("write_item")
    elif keyword in SIZES:
        size = len(instance) if isinstance(instance, (list, str)) else 0
        kind, values = SIZES[keyword][size == 0], {**values, "size": size, "limit": value, "about": about,
                                                   "items": counted("item", size)}
    elif keyword == "enum":
        choices = [str(choice) for choice in value]
        near = closest(instance, choices)
        kind, values = "not_allowed", {**values, "choices": ", ".join(choices),
                                       "near": did_you_mean(near)}
    elif keyword == "pattern" or (keyword, value) == ("format", "date"):
        kind = "not_as_expected" if keyword == "pattern" else "invalid_date"
        values["how"] = said(subschema.get("x-pattern", "check_spelling"))
    elif keyword == "uniqueItems":
        kind = "same_item_twice"
    else:
        # The schema's own words (English) are left out: the field's description says what it takes.
        kind, values = "not_valid", {**values, "how": about or said("check_schema")}
    return [Problem.of(page.path, line, kind, **values)]


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
    return [Problem.of(page.path, page.line_of(*path), "no_icon", icon=icon,
                       near=did_you_mean(near and f"{icon_set}/{near}"))]


def check(catalogue: Catalogue, icon_dirs=()) -> list[Problem]:
    """What kept a file from being read; every readable page's text, its front matter against the
    schema, and a customer type's id and icons."""
    unreadable = catalogue.unreadable()
    problems: list[Problem] = list(catalogue.problems)
    ids: dict[tuple[str, str], SourcePage] = {}
    for page in sorted(catalogue.pages.values(), key=lambda p: p.path):
        if page.path in unreadable:
            continue
        # A customer type's page may be front matter only: its structured part is rendered from it.
        if not page.customer_type and not page.body.strip():
            problems.append(Problem.of(page.path, page.body_start, "no_text"))
        # Beyond the schema: no key written twice, no list item glued to the one above (the catalogue
        # finds both while reading), a type's id its file name and one page per language, icons that exist.
        problems += page.front_matter_problems
        errors = sorted(validator().iter_errors(mapped(page.meta, _as_json)),
                        key=lambda e: [str(p) for p in e.absolute_path])
        # One message per value: one not written as its pattern asks is not also an invalid date, nor is an
        # empty text also not written as its pattern asks.
        said_else = {("format", tuple(e.absolute_path)) for e in errors if e.validator == "pattern"} | {
            ("pattern", tuple(e.absolute_path)) for e in errors if e.validator == "minLength" and not e.instance}
        # A value a list item was glued onto is too long, and its list too short, because of the glue: the
        # glued item's problem says the fix (indent it).
        said_else |= {("maxLength", path) for path in page.glued} | {("minItems", path[:-1]) for path in page.glued}
        # A related topic written with '../' is the link check's to say, with the address to write; scenarios
        # on a page with no customer type are the practice check's (move them), whatever their shape.
        for error in errors:
            path = tuple(error.absolute_path)
            if not ((error.validator, path) in said_else
                    or (path[:2] == ("customer_type", "related") and str(error.instance).startswith("../"))
                    or (path[:1] == ("practice",) and "customer_type" not in page.meta)):
                problems += _translate(page, error)
        problems += _icon_problem(page, page.meta.get("icon"), ("icon",), icon_dirs)
        customer_type = page.customer_type or {}
        problems += _icon_problem(page, customer_type.get("icon"), ("customer_type", "icon"), icon_dirs)
        id_, stem = customer_type.get("id"), page.key.rsplit("/", 1)[-1]
        if not isinstance(id_, str):
            continue
        if id_ != stem:
            problems.append(Problem.of(page.path, page.line_of("customer_type", "id"), "type_id_not_file",
                                       id=id_, stem=stem))
        if other := ids.get((page.language, id_)):
            problems.append(Problem.of(page.path, page.line_of("customer_type", "id"), "type_id_taken",
                                       id=id_, other=other.path))
        else:
            ids[(page.language, id_)] = page
    return problems
