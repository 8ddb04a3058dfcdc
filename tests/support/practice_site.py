"""The tiny playbook of support/sites.py with practice scenarios on its customer type
(fixtures/practice/, one file per language), for the practice check's unit and build tests."""

from __future__ import annotations

from .sites import BASE, apply, base_files

ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"
SCENARIOS = BASE.parent / "practice"


def with_scenarios(language: str):
    """An edit: the type page with the scenarios at the end of its front matter."""
    block = (SCENARIOS / f"enojado.{language}.yml").read_text(encoding="utf-8").rstrip("\n")

    def edit(text: str) -> str:
        head, separator, rest = text.partition("\n---\n")
        return head + "\n" + block + separator + rest

    return edit


def practice_files() -> dict:
    """Every page of the base site, its type with scenarios in both languages."""
    return apply(base_files(), {ES_TYPE: with_scenarios("es"), EN_TYPE: with_scenarios("en")})
