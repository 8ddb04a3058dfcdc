"""The build's messages (hooks/playbook/labels/messages.yml): one catalogue in both languages,
chosen by PLAYBOOK_MESSAGES or the editor's locale, Spanish when nothing says otherwise."""

from __future__ import annotations

import re
import string

import pytest

from playbook import label_files
from playbook.catalogue import Problem, field_name
from playbook.checks import report
from support import ROOT

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


# --- The guides: each lists every message kind, in its own language ----------------------------

GUIDES = {"es": "CONTRIBUTING.md", "en": "CONTRIBUTING.en.md"}
SECTION = {"es": "## Los mensajes de las revisiones", "en": "## The checks' messages"}


def kinds(words: dict) -> list[str]:
    """The problem kinds: a key with its ``_fix``."""
    return [key for key in words if f"{key}_fix" in words]


def shown(words: dict, key: str) -> str:
    """A message as the guide quotes it: what changes from case to case as '…' (a link's subject named)."""
    text = words[key]
    if text.startswith("{what}"):
        text = words["what_link"] + text.removeprefix("{what}")
    return re.sub(r"\{[a-z_]+\}", "…", text).replace("{{", "{").replace("}}", "}").strip()


def guide_quotes(language: str) -> list[str]:
    """The messages quoted in the first column of the guide's tables of messages (those that stop
    the build, then those that only inform)."""
    text = (ROOT / GUIDES[language]).read_text(encoding="utf-8")
    section = text[text.index(SECTION[language]):].split("\n## ")[0]
    tables = [block for block in section.split("\n\n") if block.strip().startswith("| ")]
    rows = [row for table in tables for row in table.strip().splitlines()[2:]]
    return [quote for row in rows for quote in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def matches(quote: str, message: str) -> bool:
    """The guide quotes a message whole, or its beginning followed by ' …'."""
    return message.startswith(quote.removesuffix(" …")) if quote.endswith(" …") else quote == message


@pytest.mark.parametrize("language", GUIDES)
def test_each_guide_lists_every_message_in_its_language_and_nothing_else(language):
    words, quotes = MESSAGES[language], guide_quotes(language)
    messages = {key: shown(words, key) for key in kinds(words)}
    unlisted = [f"{key}: {text}" for key, text in messages.items() if not any(matches(q, text) for q in quotes)]
    unknown = [quote for quote in quotes if not any(matches(quote, text) for text in messages.values())]
    assert not unlisted, f"{GUIDES[language]} does not list: " + "\n".join(unlisted)
    assert not unknown, f"{GUIDES[language]} lists messages no check gives: " + "\n".join(unknown)


@pytest.mark.parametrize("language", GUIDES)
def test_each_guide_shows_a_report_as_the_build_words_it(monkeypatch, language):
    monkeypatch.setenv("PLAYBOOK_MESSAGES", language)
    problem = Problem.of("factores.es.md", 2, "field_missing", field=field_name(()).capitalize(),
                         name="description", container=field_name(()), about="")
    text = (ROOT / GUIDES[language]).read_text(encoding="utf-8")
    example = text[text.index(SECTION[language]):].split("```text\n", 1)[1].split("```", 1)[0]
    heading, _, shown_problem = example.partition("\n\n")
    assert heading == report([problem, problem]).splitlines()[0]
    what, fix = problem.text().splitlines()
    assert shown_problem.splitlines()[0] == what
    assert fix.startswith(shown_problem.splitlines()[1].removesuffix(" …"))


def test_every_field_the_schema_describes_has_its_words():
    from playbook.schema import page_schema

    named, unworded = [], []

    # A field described in the schema's English only would explain its problems to a Spanish editor
    # in English: every description needs its words in the catalogue.
    def walk(node, path=""):
        if isinstance(node, dict):
            named.extend(node[key] for key in ("x-about", "x-pattern") if key in node)
            if path and isinstance(node.get("description"), str) and "x-about" not in node:
                unworded.append(path)
            for key, value in node.items():
                walk(value, f"{path}/{key}")

    walk(page_schema())
    assert unworded == []
    assert named and [name for name in named if name not in MESSAGES["en"]] == []


def test_a_broken_messages_file_still_words_its_own_problem(tmp_path, monkeypatch):
    broken = tmp_path / "messages.yml"
    text = label_files.MESSAGES_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("  no_text: ", "  no_text: [", 1), encoding="utf-8")
    monkeypatch.setattr(label_files, "MESSAGES_FILE", broken)
    monkeypatch.setenv("PLAYBOOK_MESSAGES", "es")
    [problem] = label_files.problems(broken, label_files.MESSAGES, "hooks/playbook/labels/messages.yml")
    assert problem.text().startswith("hooks/playbook/labels/messages.yml:")
    assert "Los textos no son YAML válido" in problem.message
    assert problem.text().endswith(
        "Cómo arreglarlo: Revisa la sangría y pon entre comillas el texto que lleva ':' o '#'.")


def test_every_problem_takes_its_words_from_the_catalogue():
    """No message is written in Python: a problem is made with Problem.of (playbook/build_errors.py's
    own Problem is a failed report read back, not a message)."""
    written = [f"{path.relative_to(ROOT)}:{number}" for path in sorted((ROOT / "hooks").rglob("*.py"))
               if path.name != "build_errors.py"
               for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
               if re.search(r"\bProblem\(", line) and not line.lstrip().startswith("class ")]
    assert written == []


# --- Numbers: a decimal as the editor's language writes it ------------------------------------

@pytest.mark.parametrize(("language", "size"), [("es", "0,7 MB"), ("en", "0.7 MB")])
def test_a_decimal_is_written_as_the_editor_language_writes_it(monkeypatch, language, size):
    monkeypatch.setenv("PLAYBOOK_MESSAGES", language)
    line = label_files.said("offline_stored", language=language, size=label_files.decimal(0.6789), files=3,
                            pages=2, all=2, worker="sw.js")
    assert f" {size} " in line


def test_no_message_is_handed_a_number_already_formatted():
    """Every decimal the hooks hand a message is written by label_files.decimal, in the editor's language,
    never formatted in Python with a format spec ("{size:.1f}") that writes it the English way."""
    import ast

    calls = {"said", "said_with_fix", "of"}
    formatted = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "attr", None) or getattr(name, "id", None)
            if not isinstance(node, ast.Call) or name not in calls:
                continue
            formatted += [f"{path.relative_to(ROOT)}:{value.lineno}" for keyword in node.keywords
                          for value in ast.walk(keyword.value)
                          if isinstance(value, ast.FormattedValue) and value.format_spec is not None
                          and re.search(r"[efg%]$", ast.unparse(value.format_spec).strip("'\""))]
    assert formatted == []
