"""The build's messages (hooks/playbook/labels/messages.yml): one catalogue in both languages,
chosen by PLAYBOOK_MESSAGES or the editor's locale, Spanish when nothing says otherwise."""

from __future__ import annotations

import string

import pytest

from playbook import label_files
from playbook.catalogue import Problem

MESSAGES = label_files.labels("messages", label_files.MESSAGES)


@pytest.mark.parametrize("environment, expected", [
    ({}, "es"),
    ({"LANG": "C.UTF-8"}, "es"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "es_MX.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "es_AR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "es"),
    ({"LANG": "en_US.UTF-8", "PLAYBOOK_MESSAGES": "es"}, "es"),
    ({"LANG": "es_CL.UTF-8", "PLAYBOOK_MESSAGES": "en"}, "en"),
])
def test_the_editor_language_comes_from_the_setting_then_the_locale(monkeypatch, environment, expected):
    for name in ("PLAYBOOK_MESSAGES", *label_files.LOCALE):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert label_files.language() == expected


@pytest.mark.parametrize("language, message, fix", [
    ("es", "La imagen 'fila.png' no tiene un texto que diga qué muestra.",
     "Cómo arreglarlo: Escríbelo entre los corchetes: ![Lo que muestra la imagen](fila.png)."),
    ("en", "The image 'fila.png' has no text saying what it shows.",
     "How to fix: Write it between the brackets: ![What the image shows](fila.png)."),
])
def test_a_problem_is_said_in_the_editor_language(monkeypatch, language, message, fix):
    monkeypatch.setenv("PLAYBOOK_MESSAGES", language)
    problem = Problem.of("factores.es.md", 12, "image_no_text", url="fila.png")
    assert problem.text() == f"docs/factores.es.md:12: {message}\n    {fix}"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_message_has_its_fix_and_the_same_placeholders_in_both_languages():
    spanish, english = MESSAGES["es"], MESSAGES["en"]
    assert spanish.keys() == english.keys()
    for key in spanish:
        assert placeholders(spanish[key]) == placeholders(english[key]), key
        if key.endswith("_fix"):
            assert key.removesuffix("_fix") in spanish, key
