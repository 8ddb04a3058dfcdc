"""The practice check (playbook/checks/practice.py) on in-memory playbooks: clean scenarios
pass; a type left without scenarios once others have them, scenarios in another order in
the translation, and an answer past the end of its list are each reported once, with the
file, the line and the fix (a scenario the translation lacks, in Spanish for a Spanish editor);
the worksheet's order is mixed and the same every time."""

from __future__ import annotations

import re

from playbook import practice
from playbook.checks import practice as check
from support.practice_site import EN_TYPE, ES_TYPE, practice_files
from support.sites import apply, catalogue, line_of, replace


def problems(files) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message} | {p.hint}" for p in check.check(catalogue(files))]


def test_clean_scenarios_pass():
    assert problems(practice_files()) == []


def test_a_type_without_scenarios_is_reported_once_others_have_them():
    files = practice_files()
    files["tipos/otro.es.md"] = files[ES_TYPE].split("practice:")[0].replace("id: enojado", "id: otro") + \
        "---\n\nTexto.\n"
    found = problems(files)
    assert found == [f"tipos/otro.es.md:1: This customer type has no practice scenarios; the other types have them. | "
                     f"Add a 'practice:' list at the end of the front matter, as in {ES_TYPE}, with at least 5 "
                     "scenarios (the type template, templates/tipo-de-cliente.es.md, shows one)."]


def test_scenarios_in_another_order_are_reported_on_the_translation():
    files = practice_files()
    text = files[EN_TYPE]
    start, end = text.index("  - id: enojado-cobro"), text.index("  - id: enojado-fila")
    files[EN_TYPE] = text[:start] + text[end:].replace("---\n", text[start:end] + "---\n", 1)
    assert problems(files) == [
        f"{EN_TYPE}:{line_of(files[EN_TYPE], 'practice:')}: The scenarios are in another order than in {ES_TYPE}. | "
        f"Put them in the order of {ES_TYPE}: enojado-cobro, enojado-fila, enojado-hervidor, "
        "enojado-explicaciones, enojado-reembolso."]


def test_an_answer_past_its_list_names_the_lines_there_are():
    files = apply(practice_files(), {ES_TYPE: replace("answer: phrases.2", "answer: phrases.3")})
    found = problems(files)
    assert found[0] == (f"{ES_TYPE}:{line_of(files[ES_TYPE], 'answer: phrases.3')}: The scenario "
                        "'enojado-explicaciones' answers with phrases.3, but 'customer_type.phrases' has 2 lines. | "
                        "Name a line it has, counted from 1: phrases.1 to phrases.2.")


def test_a_scenario_missing_from_the_translation_is_said_in_spanish_to_a_spanish_editor(monkeypatch):
    monkeypatch.setenv("PLAYBOOK_MESSAGES", "es")
    files = apply(practice_files(), {EN_TYPE: lambda text: re.sub(r"  - id: enojado-fila\n(    .*\n){3}", "", text)})
    assert problems(files) == [
        f"{EN_TYPE}:{line_of(files[EN_TYPE], 'practice:')}: Aquí falta el escenario 'enojado-fila' de {ES_TYPE} "
        f"(línea {line_of(files[ES_TYPE], 'id: enojado-fila')}). | "
        "Agrégalo, traducido al inglés, con 'id: enojado-fila' y 'answer: attend.2'."]


def test_the_worksheet_order_is_mixed_and_stable():
    items = [{"id": f"tipo-{n}"} for n in range(20)]
    order = [item["id"] for item in practice.sheet_order(items)]
    assert order == [item["id"] for item in practice.sheet_order(list(reversed(items)))]
    assert order != [item["id"] for item in items]
