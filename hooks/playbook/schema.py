"""The page schema (schemas/page.schema.json): what front matter may hold. It is the one
declaration of a page's fields and of a customer type's shape, down to each block's heading id
(``x-heading-id``) and the values the same in every language (``x-same-in-every-language``):
validators ignore ``x-`` keywords, playbook.customer_type reads them.
"""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft7Validator

from . import cache

PAGE_SCHEMA = Path(__file__).with_name("schemas") / "page.schema.json"


@cache.kept(files=lambda: [PAGE_SCHEMA])
def page_schema() -> dict:
    return json.loads(PAGE_SCHEMA.read_text(encoding="utf-8"))


@cache.kept(files=lambda: [PAGE_SCHEMA])
def validator() -> Draft7Validator:
    return Draft7Validator(page_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)


def fields(node: dict, path: tuple = ()):
    """Every field below a schema node, with its path: (("customer_type", "name"), {...}), in order."""
    for name, field in node.get("properties", {}).items():
        yield (*path, name), field
        if isinstance(field, dict):
            yield from fields(field, (*path, name))


def at(path: tuple) -> dict:
    """The schema of the field at ``path`` ("customer_type", "questions"); {} if unknown."""
    node = page_schema()
    for name in path:
        if isinstance(name, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(name, {})
        if "$ref" in node:
            node = page_schema()["definitions"][node["$ref"].rpartition("/")[2]]
    return node
