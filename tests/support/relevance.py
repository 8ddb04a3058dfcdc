"""The relevance suite's queries (tests/search_queries.yml): what staff type,
per language, and the page that must come up in the first three results (or
first, where the suite says so)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

QUERIES = Path(__file__).resolve().parents[1] / "search_queries.yml"


@dataclass(frozen=True)
class Case:
    query: str
    page: str  # below the language root: "tipos/enojado/", "" for the home page
    first: bool = False  # the page must be the first result, not only among the first three


@cache
def _all() -> dict:
    return yaml.safe_load(QUERIES.read_text(encoding="utf-8"))


def cases(language: str) -> list[Case]:
    return [Case(str(item["query"]), str(item["page"] or ""), bool(item.get("first")))
            for item in _all()[language]]
