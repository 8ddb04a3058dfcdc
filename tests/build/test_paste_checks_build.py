"""Pastes, merges and invisible characters in real builds: a tiny playbook with one such slip goes
through a plain `mkdocs build`, which must stop with one report naming the file and line at fault,
the conflict, character, term or page copied, and the fix, with no traceback. The fixes below apply
what a message says, as an editor would, by the values it names (the column, the line to add, the id
to restore, the address meant): tests/unit/test_advice_works.py applies each to its slip and checks
again, and tests/build/test_advice_works_build.py builds many slips at once and their fixes.

The broken sites are built in parallel, once per test run (module fixture).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build
from support.sites import append, apply, base_files, line_of, make_project, replace

REPORT_HEADER = "The playbook cannot be built"
ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"
ENTRY = re.compile(r"^((?:docs/)?[\w./-]+):(\d+): (.*)\n    How to fix: (.*)$", re.M)
SVG = (ROOT / "docs" / "assets" / "favicon.svg").read_bytes()
NBSP, ZERO_WIDTH = "\u00a0", "\u200b"


@dataclass(frozen=True)
class Entry:
    """One problem of a report, as printed."""

    file: str  # below docs/, or "mkdocs.yml"
    line: int
    message: str
    hint: str


# --- Fixes, applied by the values the message names ------------------------------------------
# Each takes the project's text files (below docs/, and "mkdocs.yml") and the problem, and returns
# them fixed. Line and column are the message's.

def _lines(files: dict, entry: Entry) -> list[str]:
    return files[entry.file].split("\n")


def _set_line(files: dict, entry: Entry, text: str | None, at: int | None = None) -> dict:
    lines = _lines(files, entry)
    index = (at or entry.line) - 1
    if text is None:
        del lines[index]
    else:
        lines[index] = text
    return {**files, entry.file: "\n".join(lines)}


def _quoted(text: str, after: str) -> str:
    """The first 'value' quoted after ``after`` in a message."""
    return re.search(re.escape(after) + r"[^']*?'([^']*)'", text).group(1)


def keep_first_version(files, entry):
    start, end = map(int, re.search(r"lines (\d+) to (\d+)", entry.message).groups())
    lines = _lines(files, entry)
    middle = next(i for i in range(start, end) if lines[i - 1].startswith("======="))
    kept = lines[:start - 1] + lines[start:middle - 1] + lines[end:]
    return {**files, entry.file: "\n".join(kept)}


TYPED = {"an ordinary space": " ", "spaces (two per level of indentation)": "  ", 'a straight quote "': '"'}


def type_instead(files, entry):
    column, last = re.search(r"[Cc]olumns? (\d+)(?: to (\d+))?", entry.message).groups()
    column, count = int(column), int(last or column) - int(column) + 1
    typed = TYPED[re.search(r"(?:type|Type) (.+?) (?:in its place|for each|at both ends)", entry.hint).group(1)]
    line = _lines(files, entry)[entry.line - 1]
    fixed = line[:column - 1] + typed * count + line[column - 1 + count:]
    if "at both ends" in entry.hint:  # the closing quote too: the last typographic one of the line
        last = max(fixed.rfind(quote) for quote in "”“»’")
        fixed = fixed[:last] + typed + fixed[last + 1:]
    return _set_line(files, entry, fixed)


def press_backspace(files, entry):
    after = int(re.search(r"column (\d+)", entry.hint).group(1))
    line = _lines(files, entry)[entry.line - 1]
    return _set_line(files, entry, line[:after - 2] + line[after - 1:])


def complete_the_row(files, entry):
    header = int(re.search(r"its header (\d+)", entry.message).group(1))
    line = _lines(files, entry)[entry.line - 1]
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    cells = (cells + [""] * header)[:header]
    return _set_line(files, entry, "| " + " | ".join(cells) + " |")


def write_as_table(files, entry):
    first, delimiter = _quoted(entry.hint, "table:"), _quoted(entry.hint, "then a line")
    count = int(re.search(r"These (\d+) lines", entry.message).group(1))
    lines = _lines(files, entry)
    index = entry.line - 1
    rows = [first, delimiter] + ["| " + " | ".join(lines[i].split("\t")) + " |"
                                 for i in range(index + 1, index + count)]
    return {**files, entry.file: "\n".join(lines[:index] + rows + lines[index + count:])}


def delete_the_line(files, entry):
    return _set_line(files, entry, None)


def restore_the_id(files, entry):
    restored = _quoted(entry.hint, "end its line with")
    return _set_line(files, entry, _lines(files, entry)[entry.line - 1] + " " + restored)


def use_the_address_meant(files, entry):
    written, meant = _quoted(entry.message, ""), _quoted(entry.hint, "Did you mean")
    return _set_line(files, entry, _lines(files, entry)[entry.line - 1].replace(f"({written})", f"({meant})"))


def add_to_the_menu(files, entry):
    line, after = _quoted(entry.hint, "Add the line"), _quoted(entry.hint, "after")
    config = files["mkdocs.yml"]
    at = re.search(rf"^( *)- {re.escape(after)}\n", config, re.M)
    return {**files, "mkdocs.yml": config[:at.end()] + at.group(1) + line + "\n" + config[at.end():]}


def quote_the_item(files, entry):
    written = re.search(r"'(- \"[^\"]*\")'", entry.hint).group(1)
    indent = re.match(r"\s*", _lines(files, entry)[entry.line - 1]).group()
    return _set_line(files, entry, indent + written)


NEW_VALUES = {"title": "Newcomer", "customer_type.name": "Newcomer",
              "customer_type.summary": "New to the shop; patience and clear steps."}


def write_own_values(files, entry):
    text = files[entry.file]
    for name in re.findall(r"'([\w.]+)'", entry.message.split("unchanged:")[1]):
        key = name.rsplit(".", 1)[-1]
        text = re.sub(rf"^(\s*{key}): .*$", lambda m, name=name: f"{m.group(1)}: {NEW_VALUES[name]}", text, count=1,
                      flags=re.M)
    return {**files, entry.file: text}


@dataclass(frozen=True)
class Slip:
    name: str
    edits: dict
    file: str  # as the report names it
    at: str  # a text whose line it is
    message: str  # part of what is wrong
    hint: str  # part of how to fix it
    fix: Callable[[dict, Entry], dict]
    nav: tuple = ()  # pages added to the menu


CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> rama-de-ana"
NEW_PAGE = ("---\ntitle: Colas\ndescription: Cómo atender una fila larga sin perder la calma, en el sitio "
            "mínimo de prueba.\n---\n\nTexto sobre las colas "
            "([Instituto Guillermo Subercaseaux, sf.b](referencias.md#igs-sfb)).\n")
NEW_PAGE_EN = ("---\ntitle: Queues\ndescription: How to serve a long queue without losing your calm, in the "
               "minimal test site.\n---\n\nText about the queues "
               "([Instituto Guillermo Subercaseaux, n.d.-b](referencias.md#igs-sfb)).\n")


def _copied_type(language: str, own: bool):
    """A new type, tipos/nuevo, started from tipos/enojado: its own data (own) or only a new id."""
    def edit(_):
        text = base_files()[f"tipos/enojado.{language}.md"].replace("id: enojado", "id: nuevo")
        if own:
            text = (text.replace("Cliente enojado", "Cliente nuevo").replace("Enojado/a", "Nuevo/a")
                    .replace("Poco autocontrol; calma", "Recién llegado; paciencia"))
        return text
    return edit


SLIPS = [
    Slip("conflict-in-front-matter",
         {ES_TYPE: replace("  name: Enojado/a", CONFLICT.format(ours="  name: Enojado/a", theirs="  name: Molesto/a"))},
         "docs/" + ES_TYPE, "<<<<<<<", "A merge conflict was left here", "'<<<<<<<', '=======', '>>>>>>>'",
         keep_first_version),
    Slip("conflict-in-text",
         {"factores.en.md": replace("Answer in time.", CONFLICT.format(ours="Answer in time.", theirs="Be quick."))},
         "docs/factores.en.md", "<<<<<<<", "A merge conflict was left here", "Keep the version you want",
         keep_first_version),
    Slip("nbsp-indenting-a-search-term",
         {"factores.es.md": replace("title:", f"search_terms:\n  - buen trato\n{NBSP}{NBSP}- colas\ntitle:")},
         "docs/factores.es.md", "- colas", "Columns 1 to 2 hold a non-breaking space (2 times)",
         "Delete all 2 and type an ordinary space for each",
         type_instead),
    Slip("nbsp-after-a-colon",
         {EN_TYPE: replace("  name: Angry", f"  name:{NBSP}Angry")},
         "docs/" + EN_TYPE, "Angry\n", "There is a non-breaking space at column 8", "type an ordinary space",
         type_instead),
    Slip("tab-in-front-matter",
         {EN_TYPE: replace("  summary: Little", "\tsummary: Little")},
         "docs/" + EN_TYPE, "summary: Little", "There is a tab at column 1", "type spaces (two per level",
         type_instead),
    Slip("typographic-quotes",
         {"factores.en.md": replace("title: Test factors", "title: “Test factors: speed”")},
         "docs/factores.en.md", "title:", "starts with a typographic quote “", 'Type a straight quote "',
         type_instead),
    Slip("zero-width-in-text",
         {"factores.es.md": replace("Responder a tiempo.", f"Responder a tiem{ZERO_WIDTH}po.")},
         "docs/factores.es.md", "Responder", "There is a zero-width character (U+200B) at column 17",
         "press Backspace once", press_backspace),
    Slip("zero-width-in-a-link-address",
         {ES_TYPE: append(f"Ver la [rapidez](../factores.md{ZERO_WIDTH}#rapidez).")},
         "docs/" + ES_TYPE, "Ver la [rapidez]", "There is a zero-width character (U+200B) at column 32",
         "(column 33) and press Backspace once", press_backspace),
    Slip("nbsp-after-a-heading-mark",
         {"factores.es.md": replace("## Amabilidad", f"##{NBSP}Amabilidad")},
         "docs/factores.es.md", "Amabilidad {", "There is a non-breaking space at column 3", "type an ordinary space",
         type_instead),
    Slip("table-row-missing-a-cell",
         {"factores.es.md": append("| Factor | Qué es | Ejemplo |\n| --- | --- | --- |\n| Rapidez | Atender pronto |")},
         "docs/factores.es.md", "| Rapidez | Atender pronto |", "This table row has 2 cells and its header 3",
         "Add the missing cell", complete_the_row),
    Slip("table-pasted-from-a-spreadsheet",
         {"factores.en.md": append("Factor\tWhat it is\nSpeed\tServing promptly\nCourtesy\tKind treatment")},
         "docs/factores.en.md", "Factor\t", "These 3 lines are separated by tabs",
         "'| Factor | What it is |'", write_as_table),
    Slip("english-type-copied",
         {"tipos/nuevo.es.md": _copied_type("es", own=True), "tipos/nuevo.en.md": _copied_type("en", own=False)},
         "docs/tipos/nuevo.en.md", "title:", f"This page is a copy of {EN_TYPE} left unchanged",
         "translated from tipos/nuevo.es.md", write_own_values, nav=("tipos/nuevo.md",)),
    Slip("page-out-of-the-menu",
         {"colas.es.md": NEW_PAGE, "colas.en.md": NEW_PAGE_EN},
         "docs/colas.es.md", "---", "This page is not in the menu", "Add the line '- colas.md' to 'nav'",
         add_to_the_menu),
    Slip("search-term-in-spanish-on-an-english-page",
         {"factores.en.md": replace("title:", "search_terms:\n  - slow service\n  - atención rápida\ntitle:")},
         "docs/factores.en.md", "atención rápida", "The search term 'atención rápida' is in Spanish",
         "Write it in English", delete_the_line),
    Slip("search-term-twice",
         {"factores.es.md": replace("title:", "search_terms:\n  - colas\n  - Colas\ntitle:")},
         "docs/factores.es.md", "Colas", "The search term 'Colas' is written twice (first on line 3)",
         "Delete this line", delete_the_line),
    Slip("heading-id-deleted",
         {"factores.es.md": replace("## Rapidez {#rapidez}", "## Rapidez al atender")},
         "docs/factores.es.md", "## Rapidez", "has lost its id", "end its line with '{#rapidez}'", restore_the_id),
    Slip("number-as-a-list-item",
         {ES_TYPE: replace("    - Dar privacidad", "    - 42")},
         "docs/" + ES_TYPE, "    - 42", "must be a text, not a number", "'- \"42\"'", quote_the_item),
    Slip("link-from-a-folder-without-its-dots",
         {ES_TYPE: append("Ver la [rapidez](factores.md#rapidez).")},
         "docs/" + ES_TYPE, "Ver la [rapidez]", "points to a page", "Did you mean '../factores.md#rapidez'?",
         use_the_address_meant),
    Slip("image-name-with-other-capitals",
         {"assets/fila.svg": SVG, ES_TYPE: append("![Una fila](../assets/Fila.svg)")},
         "docs/" + ES_TYPE, "![Una fila]", "which is not in the docs folder", "Did you mean '../assets/fila.svg'?",
         use_the_address_meant),
]


def _config(nav: tuple) -> str:
    config = make_project.__globals__["NAV"]
    for page in nav:
        config = config.replace("      - tipos/enojado.md\n", f"      - tipos/enojado.md\n      - {page}\n")
    return config


def _project(destination: Path, files: dict) -> Path:
    project = make_project(destination, {path: text for path, text in files.items() if path != "mkdocs.yml"})
    if "mkdocs.yml" in files:
        (project / "mkdocs.yml").write_text(files["mkdocs.yml"], encoding="utf-8")
    return project


def _broken(slip: Slip) -> dict:
    files = apply(base_files(), slip.edits)
    # The menu of the base site, with the slip's pages.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", _config(slip.nav), config)
    return {**files, "mkdocs.yml": config}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Each slip built broken: (its result, its files)."""
    tmp_path_factory.getbasetemp()

    def run(slip: Slip):
        files = _broken(slip)
        folder = tmp_path_factory.mktemp(slip.name)
        return slip.name, (mkdocs_build(_project(folder / "broken", files), folder / "site", "--no-strict"), files)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, SLIPS))


@pytest.mark.parametrize("slip", SLIPS, ids=lambda slip: slip.name)
def test_a_slip_stops_the_build_once_named_on_its_line(builds, slip):
    broken, files = builds[slip.name]
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0, output
    assert "Traceback" not in output
    assert output.count(REPORT_HEADER) == 1, output
    line = line_of(files[slip.file.removeprefix("docs/")], slip.at)
    entries = ENTRY.findall(output)
    assert [(where, int(at)) for where, at, _, _ in entries] == [(slip.file, line)], output
    _, _, message, hint = entries[0]
    assert slip.message in message and slip.hint in hint, output


def test_a_conflict_is_named_in_spanish_when_the_editor_reads_spanish(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAYBOOK_MESSAGES", "es")
    files = _broken(SLIPS[0])
    result = mkdocs_build(_project(tmp_path / "project", files), tmp_path / "site", "--no-strict")
    output = result.stdout + result.stderr
    line = line_of(files[ES_TYPE], "<<<<<<<")
    assert f"docs/{ES_TYPE}:{line}: Aquí quedó un conflicto de fusión (líneas {line} a {line + 4})" in output
    assert "Cómo arreglarlo: Deja la versión que quieras" in output
