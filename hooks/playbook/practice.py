"""Practice: the rounds, the worksheet and the kiosk's break-room mode are made from the
customer types' own data (playbook/customer_type.py) and the scenarios each type page carries
after it (``practice:``, its shape in schemas/page.schema.json, checked by checks/practice.py).
Nothing is typed twice: a scenario names its answer as a line of its type's data, and the wrong
choices a round offers are lines of the other types' data.
"""

from __future__ import annotations

from . import cache, customer_type, label_files
from .catalogue import Catalogue

# The lists of a type's data a scenario's answer may name, and the field whose heading teaches it.
LISTS = {"attend": "attend", "phrases": "phrases", "examples": "questions"}


def model(catalogue: Catalogue, language: str, nav=None) -> dict:
    """Every type of a language (nav order) with its lists, and every scenario with its answer's
    text: {"types": [...], "scenarios": [...]} (checked data only)."""
    pages = {page.customer_type["id"]: page for page in catalogue.customer_types(language)}
    types, scenarios = [], []
    for card in customer_type.models(catalogue, language, nav):
        lists = {"attend": card["attend"], "phrases": card["phrases"], "examples": card["questions"]["examples"]}
        types.append({"id": card["id"], "name": card["name"], "icon": card["icon"], "page": card["page"],
                      "lists": lists})
        for item in pages[card["id"]].meta.get("practice") or []:
            field, _, number = item["answer"].partition(".")
            scenarios.append({"id": item["id"], "type": card["id"], "situation": item["situation"].strip(),
                              "why": item["why"].strip(), "field": field, "index": int(number) - 1,
                              "answer": lists[field][int(number) - 1]})
    return {"types": types, "scenarios": scenarios}


def anchors() -> dict[str, str]:
    """A section of a type page -> its heading's id: recognise, and each list an answer may name."""
    ids = customer_type.shape().anchors
    return {"recognise": ids["recognise"], **{name: ids[field] for name, field in LISTS.items()}}


def sheet_order(scenarios: list[dict]) -> list[dict]:
    """The worksheet's order: mixed, so types do not come in a row, and the same on every build."""
    return sorted(scenarios, key=lambda item: cache.digest(item["id"]))


def kiosk_slides(catalogue: Catalogue, languages: tuple[str, ...], nav=None) -> list[dict]:
    """The kiosk's break-room mode: every scenario of each language (in ``languages``' order), as
    the kiosk shows it: the situation, then who it is, what to do and why."""
    slides = []
    for language in languages:
        data, words = model(catalogue, language, nav), label_files.labels("practice")[language]
        names = {entry["id"]: entry["name"] for entry in data["types"]}
        slides += [{"language": language, "situation": item["situation"], "type": names[item["type"]],
                    "answer": item["answer"], "why": item["why"],
                    "labels": {key: words[key] for key in ("who", "kiosk_reveal", "answer_type", "answer_do")}}
                   for item in sheet_order(data["scenarios"])]
    return slides
