"""Advice that works first time: for every kind of problem an editor can get (each message of
labels/messages.yml with a fix, made with Problem.of), a tiny playbook with that problem goes
through the checks a build runs (in this process, as tests/unit/test_each_problem_once.py runs
them, with mkdocs.yml's and the label files' own checks), the fix its message gives is applied as
an editor would (by the values the message names: the address meant, the id to restore, the value
to write), and the checks must then find nothing: the problem gone, and no new one.

A message kind with no case here fails the sweep, so a new message cannot come without the test
of its fix. tests/build/test_paste_checks_build.py builds many of them broken at once with a real
`mkdocs build`, applies the fixes the build printed, and the next `mkdocs build --strict` passes.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from playbook import catalogue, config_check, label_files
from playbook.checks import parity, placeholders
from playbook.checks.anchors import site_from_catalogue
from support import LANGUAGES, ROOT
from support.practice_site import practice_files
from support.sites import DELETE, NAV, append, apply, base_files, line_of, replace
from support.sites import catalogue as in_memory

ES_TYPE, EN_TYPE = "tipos/enojado.es.md", "tipos/enojado.en.md"
BOTH = (ES_TYPE, EN_TYPE)
CONFIG = "mkdocs.yml"
LABELS = "hooks/playbook/labels/palabras.yml"  # a label file, as a translator would add one
SVG = (ROOT / "docs" / "assets" / "favicon.svg").read_bytes()
TEMPLATES = placeholders.from_folder(ROOT / "templates", LANGUAGES)
# Lines the build logs that stop nothing (label_files.said_with_fix), and the lines of `mkdocs serve`'s
# rebuild: not problems of a file, so no fix of a file to try.
NOT_PROBLEMS = {"translation_stale", "translation_unrecorded", "review_overdue", "dates_no_history", "dates_shallow",
                "rebuild_failed",
                # Found in the rendered HTML, when the checks of the sources let something through: no
                # Markdown is known to give it (the safety check would name it), so it has no case; a
                # page a hook makes with a script or an unstyled component: tests/build/test_checks.py,
                # its own hook.
                "unsafe_html", "generated_unsafe", "generated_unstyled",
                # Found in the built pages only: a Material component whose styles the site leaves out
                # (tests/build/test_assets.py builds it and applies its fix), a generated page lacking an
                # anchor (its own test below, on a made-up generated page).
                "unstyled_html", "generated_anchor_missing"}


def _module(path: str):
    spec = importlib.util.spec_from_file_location(f"advice_{Path(path).stem}", ROOT / "tests" / path)
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ONCE = _module("unit/test_each_problem_once.py")
PASTE = _module("build/test_paste_checks_build.py")
PASTE_SLIPS = {slip.name: slip for slip in PASTE.SLIPS}
FAULTS = {fault.name: fault.edits for _, fault in ONCE.FAULTS}


def config_text(nav: str = NAV) -> str:
    """The site's mkdocs.yml with the tiny playbook's menu (as support.sites.make_project writes it)."""
    return re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", nav, (ROOT / CONFIG).read_text(encoding="utf-8"))


# --- What a build says of a project (its pages below docs/, its mkdocs.yml, its label files) ------

KINDS: dict[catalogue.Problem, str] = {}


@pytest.fixture(autouse=True)
def _kinds(monkeypatch):
    """Problem.of, remembering the message kind of each problem it makes."""
    monkeypatch.setenv("PLAYBOOK_MESSAGES", "en")
    made = catalogue.Problem.of.__func__

    def of(cls, path, line, key, /, **values):
        problem = made(cls, path, line, key, **values)
        KINDS[problem] = key
        return problem

    monkeypatch.setattr(catalogue.Problem, "of", classmethod(of))


def problems(files: dict, folder: Path) -> list[catalogue.Problem]:
    """What a build of ``files`` stops with, in the order a build finds it: mkdocs.yml that YAML
    cannot read (before MkDocs starts), a label file, `nav` (on_files), then the content checks."""
    config = files.get(CONFIG, config_text())
    if found := config_check.unreadable(config):
        return [found]
    labels = [label_files.problems(_written(folder, path, text), LANGUAGES, path)
              for path, text in files.items() if path.startswith("hooks/")]
    if labels := sum(labels, []):
        return labels
    docs = {path: text for path, text in files.items() if path != CONFIG and not path.startswith("hooks/")}
    named = {f"{catalogue.split_language(path, LANGUAGES)[0]}.md" for path in docs if path.endswith(".md")}
    named |= {f"{key}.md" for key in ONCE.GENERATED}
    found = config_check.nav_problems(config_check.nav_entries(config), named,
                                      {path for path in docs if not path.endswith(".md")}, LANGUAGES)
    return found or ONCE.reported(docs, config_file=_written(folder, CONFIG, config), templates=TEMPLATES)


def _written(folder: Path, path: str, text: str | bytes) -> Path:
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return file


# --- Fixes, by the values the message names -----------------------------------------------------
# Each takes the project's files and a problem, and returns the files fixed.

Fix = Callable[[dict, catalogue.Problem], dict]


def quoted(text: str, after: str = "") -> str:
    """The first 'value' quoted after ``after`` in a message."""
    return re.search(re.escape(after) + r".*?'([^']*)'", text).group(1)


def lines(files: dict, problem) -> list[str]:
    return files[problem.path].split("\n")


def set_line(files: dict, problem, text: str | None, at: int | None = None) -> dict:
    found = lines(files, problem)
    if text is None:
        del found[(at or problem.line) - 1]
    else:
        found[(at or problem.line) - 1] = text
    return {**files, problem.path: "\n".join(found)}


def the_line(files, problem) -> str:
    return lines(files, problem)[problem.line - 1]


def swap(in_message: str = "", in_hint: str = "") -> Fix:
    """Write the value the fix names (quoted after ``in_hint``) in place of the one the message names."""
    def fix(files, problem):
        written, meant = quoted(problem.message, in_message), quoted(problem.hint, in_hint)
        return set_line(files, problem, the_line(files, problem).replace(written, meant, 1))
    return fix


def retype(in_hint: str) -> Fix:
    """The line as the fix writes it (quoted after ``in_hint``), at its indentation."""
    def fix(files, problem):
        indent = re.match(r"\s*(?:- )?", the_line(files, problem)).group()
        return set_line(files, problem, indent + quoted(problem.hint, in_hint))
    return fix


def edit_own(old: str, new: str) -> Fix:
    """A change the message describes without naming a value, made in the problem's file."""
    return lambda files, problem: apply(files, {problem.path: replace(old, new)})


def delete_line(files, problem):
    return set_line(files, problem, None)


def quote_value(files, problem):
    """'key: text: more' -> 'key: "text: more"' (put text that contains ':' in quotes)."""
    key, value = the_line(files, problem).split(": ", 1)
    return set_line(files, problem, f'{key}: "{value}"')


def edit(path: str, old: str, new: str) -> Fix:
    """A change the message describes without naming a value, written by hand."""
    return lambda files, problem: apply(files, {path: replace(old, new)})


def restore(*paths: str, site=base_files) -> Fix:
    """The file(s) written as they should be ("write it out", "translate it"): the site's own."""
    return lambda files, problem: {**files, **{path: site()[path] for path in paths}}


def delete_files(files, problem):
    """The page deleted in both languages."""
    key, _ = catalogue.split_language(problem.path, LANGUAGES)
    return apply(files, {f"{key}.{language}.md": DELETE for language in LANGUAGES})


def add_to_the_menu(files, problem):
    line, after = quoted(problem.hint, "Add the line"), quoted(problem.hint, "after")
    config = files.get(CONFIG, config_text())
    at = re.search(rf"^( *)- {re.escape(after)}\n", config, re.M)
    return {**files, CONFIG: config[:at.end()] + at.group(1) + line + "\n" + config[at.end():]}


def indent_block(files, problem):
    """The line and those indented below it, two spaces further in (below the field it belongs to)."""
    found = lines(files, problem)
    end = problem.line
    while end < len(found) and found[end].startswith(" "):
        end += 1
    found[problem.line - 1:end] = ["  " + line for line in found[problem.line - 1:end]]
    return {**files, problem.path: "\n".join(found)}


def keep_items(files, problem):
    """A list cut to the number of items the fix names (the first ones)."""
    keep = int(re.search(r"Keep the (\d+)", problem.hint).group(1))
    found = lines(files, problem)
    start = problem.line
    end = start
    while end < len(found) and found[end].lstrip().startswith("- "):
        end += 1
    del found[start + keep:end]
    return {**files, problem.path: "\n".join(found)}


def add_items(*items: str) -> Fix:
    """Items added to the list on the problem's line, at its items' indentation."""
    def fix(files, problem):
        found = lines(files, problem)
        indent = re.match(r"\s*", found[problem.line]).group()
        found[problem.line:problem.line] = [f"{indent}- {item}" for item in items]
        return {**files, problem.path: "\n".join(found)}
    return fix


def own_id(files, problem):
    """The scenario's id made the one the fix suggests."""
    suggestion = re.search(r"word: (\S+?)\.?$", problem.hint).group(1)
    return set_line(files, problem, the_line(files, problem).replace(quoted(problem.message), suggestion))


def _other_type(language: str, site=practice_files) -> str:
    """Another customer type (with the site's scenarios), reached by links only: tipos/impaciente."""
    text = site()[f"tipos/enojado.{language}.md"].replace("---\ntitle:", "---\nnot_in_nav: true\ntitle:", 1)
    for old, new in (("enojado", "impaciente"), ("Enojado", "Impaciente"), ("Angry", "Impatient"),
                     ("angry", "impatient"), ("Poco autocontrol", "Poca paciencia"),
                     ("Little self-control", "Little patience")):
        text = text.replace(old, new)
    return text.replace("emoticon-impatient", "emoticon-angry")


def append_scenario(id_: str, answer: str, language: str):
    """An edit: a scenario added at the end of the type's list (after its last 'why:')."""
    words = {"es": ("«¡Nadie me atiende!», grita en la fila.", "Grita su molestia: enojado/a. Reconoce su molestia."),
             "en": ("'Nobody is serving me!', they shout in the queue.", "Shouting: angry. Acknowledge the upset.")}
    situation, why = words[language]
    scenario = f'  - id: {id_}\n    situation: "{situation}"\n    answer: {answer}\n    why: "{why}"'
    return lambda text: re.sub(r'(?s)(.*\n    why: "[^\n]*)', lambda m: m.group(1) + "\n" + scenario, text, count=1)


def cited(hint: str) -> str:
    """The citation link a fix writes out: [Author, year](referencias.md#entry)."""
    return re.search(r"\[[^\]]*\]\(referencias\.md#[^)]*\)", hint).group()


def _copied(files, problem):
    """The line copied unchanged from the page and line the fix names."""
    source, line = re.search(r"from (\S+) \(line (\d+)\)", problem.hint).groups()
    return files[source].split("\n")[int(line) - 1]


COUNTER_SECTION = "  - Para el mostrador:\n      - cards/index.md\n"
RELATED = "    - factores.md#rapidez\n"
ESCALATION = '  escalation:\n    when: "{when}"\n    how: "{how}"\n'
KOTLER = {f"referencias.{language}.md": append("### Kotler (2007) {#kotler-2007}\n\nKotler, P. (2007). *Marketing*.")
          for language in LANGUAGES}

KOTLER_EN = {"factores.en.md": append("Text ([Kotler, 2007](referencias.md#kotler-2007)).")}


def paste_fix(name: str) -> Fix:
    """A fix of tests/build/test_paste_checks_build.py, which reads the problem as the build prints it."""
    fix = getattr(PASTE, name)
    return lambda files, p: fix(files, PASTE.Entry(p.path, p.line, p.message, p.hint))


def slip(name: str):
    """A case of a slip of tests/build/test_paste_checks_build.py, on its site (with its menu)."""
    return Case({}, paste_fix(PASTE_SLIPS[name].fix.__name__), lambda: PASTE._broken(PASTE_SLIPS[name]))


def with_config() -> dict:
    return {**base_files(), CONFIG: config_text()}


OWN = {"es": {"title": "Cliente nuevo", "name": "Nuevo/a", "summary": "Recién llegado; paciencia y pasos claros."},
       "en": {"title": "New customer", "name": "Newcomer", "summary": "New to the shop; patience and clear steps."}}


def own_values(files, problem):
    """Each field the message names written anew, in the page and its translation."""
    key, _ = catalogue.split_language(problem.path, LANGUAGES)
    for language in LANGUAGES:
        for name in re.findall(r"'([\w.]+)'", problem.hint):
            field = name.rsplit(".", 1)[-1]
            files = apply(files, {f"{key}.{language}.md": lambda text, field=field, language=language: re.sub(
                rf"(?m)^(\s*{field}): .*$", lambda m: f"{m.group(1)}: {OWN[language][field]}", text, count=1)})
    return files


def _config_line(files, problem) -> str:
    return lines(files, problem)[int(re.search(r"line (\d+)", problem.hint).group(1)) - 1]


def _swapped(text: str, first: str, second: str) -> str:
    """The scenarios ``first`` and ``second`` (ids) in each other's places."""
    block = r"  - id: {}\n(?:    .*\n)+?(?=  - id|\S|\Z)"
    one, two = (re.search(block.format(name), text).group() for name in (first, second))
    return text.replace(one, "\0").replace(two, one).replace("\0", two)


@dataclass(frozen=True)
class Case:
    """A slip said as one kind of problem (CASES: by kind, or "kind/variant" for a second place it is said)."""

    edits: dict | str  # the slip (a fault's name: its edits in the build tests)
    fix: Fix
    site: Callable[[], dict] = base_files


CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> rama-de-ana"
ZERO_WIDTH, NBSP = "\u200b", "\u00a0"
LABEL_TEXT = "es:\n  hola: Hola\n  adios: Chao\nen:\n  hola: Hello\n  adios: Goodbye\n"
FRONT = "\n---\n"
DESCRIPTION = "How to serve a long queue without losing your calm, in the minimal test site."
# A page reached by links only, in each language.
NEW_PAGE = ("---\ntitle: Colas\ndescription: Cómo atender una fila larga sin perder la calma, en el sitio "
            "mínimo de prueba.\nnot_in_nav: true\n---\n\nTexto sobre las colas "
            "([Instituto Guillermo Subercaseaux, sf.b](referencias.md#igs-sfb)).\n")
NEW_PAGE_EN = (f"---\ntitle: Queues\ndescription: {DESCRIPTION}\nnot_in_nav: true\n---\n\nText about the queues "
               "([Instituto Guillermo Subercaseaux, n.d.-b](referencias.md#igs-sfb)).\n")


def _front(extra: str, path: str = "factores.es.md") -> dict:
    """A front-matter line (or several) added before a page's closing '---'."""
    return {path: replace(FRONT, f"\n{extra}{FRONT}")}


CASES: dict[str, Case] = {
    # Label files
    "label_unreadable": Case({LABELS: LABEL_TEXT.replace("Chao", "Adiós").encode("latin-1")},
                             lambda files, p: {**files, LABELS: files[LABELS].decode("latin-1")}),
    "label_yaml": Case({LABELS: LABEL_TEXT.replace("Hello", "Hello: welcome")}, quote_value),
    "label_no_languages": Case({LABELS: "- hola\n"}, lambda files, p: {**files, LABELS: LABEL_TEXT}),
    "label_language_missing": Case({LABELS: LABEL_TEXT.split("en:")[0]},
                                   lambda files, p: {**files, LABELS: files[LABELS] + f"{quoted(p.message)}:\n"
                                                     "  hola: Hello\n  adios: Goodbye\n"}),
    "label_key_missing": Case({LABELS: LABEL_TEXT.replace("  adios: Goodbye\n", "")},
                              lambda files, p: {**files, LABELS: files[LABELS].replace(
                                  f"\n{quoted(p.hint, 'to the')}\n", f"\n{quoted(p.hint, 'to the')}\n"
                                  f"  {quoted(p.hint, 'Add')} Goodbye\n")}),
    "label_empty": Case({LABELS: LABEL_TEXT.replace("Goodbye", "''")},
                        lambda files, p: {**files, LABELS: files[LABELS].replace(
                            f"  {quoted(p.hint)}: ''", f"  {quoted(p.hint)}: Goodbye")}),
    # Reading a page
    "no_text": Case({f"colas.{language}.md": f"---\ntitle: Colas\ndescription: {DESCRIPTION}\nnot_in_nav: true\n---\n"
                     for language in LANGUAGES}, delete_files),
    "empty_box": Case("empty-admonition", lambda files, p: set_line(
        files, p, quoted(p.hint, "line (").replace("Text", "Un consejo con sangría."), p.line + 2)),
    "image_no_text": Case("image-without-alt", lambda files, p: set_line(
        files, p, re.search(r"!\[.*\)", p.hint).group().replace("What the image shows", "Una cola"))),
    "img_no_alt": Case({"factores.en.md": append('<img width="10">')}, lambda files, p: set_line(
        files, p, the_line(files, p).replace("<img ", '<img alt="A queue" '))),
    "not_utf8": Case("latin-1", lambda files, p: {**files, p.path: files[p.path].decode("latin-1")}),
    "empty_page": Case("empty-page", restore("factores.en.md")),
    "front_matter_unclosed": Case("no-closing-front-matter-line", lambda files, p: set_line(
        files, p, "---\n", int(re.search(r"line (\d+)", p.hint).group(1)))),
    "no_front_matter": Case({"factores.es.md": lambda text: text.split(FRONT, 1)[1]},
                            restore("factores.es.md")),
    "front_matter_yaml": Case({"index.es.md": replace("title: Inicio de prueba", "title: [Inicio de prueba")},
                              lambda files, p: set_line(files, p, the_line(files, p).replace("[", ""))),
    # The same YAML slips said in plain words in a page's front matter as in mkdocs.yml (yaml_* below).
    "yaml_colon/front matter": Case("malformed-yaml", quote_value),
    "front_matter_not_fields": Case({"factores.es.md": lambda text: "---\n- Factores" + FRONT + text.split(FRONT)[1]},
                                    restore("factores.es.md")),
    "field_twice": Case("duplicate-key", delete_line),
    "glued_item": Case("mis-indented-item-in-spanish", lambda files, p: set_line(
        files, p, lines(files, p)[p.line - 2][:len(lines(files, p)[p.line - 2]) - len(
            lines(files, p)[p.line - 2].lstrip())] + the_line(files, p).lstrip())),
    "no_language": Case({"colas.md": NEW_PAGE}, lambda files, p: apply(files, {
        "colas.md": DELETE, quoted(p.hint): files["colas.md"], quoted(p.hint, "translation"): NEW_PAGE_EN})),
    # A language the site lacks: named in Spanish, the page it is, and translated.
    "language_unknown": Case({"colas.spa.md": NEW_PAGE}, lambda files, p: apply(files, {
        "colas.spa.md": DELETE, quoted(p.hint, "Name it"): files["colas.spa.md"], quoted(p.hint, "or"): NEW_PAGE_EN})),
    # A copy of a page that exists (saved without its language, or with another one): nothing to keep.
    "page_copy": Case({"factores.md": lambda text: NEW_PAGE}, lambda files, p: apply(files, {p.path: DELETE})),
    "page_copy/other-language": Case({"factores.fr.md": lambda text: NEW_PAGE},
                                     lambda files, p: apply(files, {p.path: DELETE})),
    # The front matter against the page schema
    "field_missing": Case("missing-description", lambda files, p: set_line(
        files, p, the_line(files, p) + f"\n{quoted(p.hint, 'Add a')} Los factores que hacen un buen servicio, en un "
        "sitio mínimo de prueba.")),
    # A colon left out, and a ': ' further on: YAML reads the start of the line as a key.
    "colon_missing": Case({"factores.es.md": replace(
        "description: Los factores que hacen un buen servicio, en un sitio mínimo de prueba.",
        'description "Los factores que hacen un buen servicio: en un sitio mínimo de prueba."')},
        lambda files, p: set_line(files, p, the_line(files, p).replace(
            quoted(p.hint, "after"), quoted(p.hint, "after") + ":", 1))),
    "colon_missing/unquoted": Case({"factores.es.md": replace(
        "description: Los factores que hacen un buen servicio, en un sitio mínimo de prueba.",
        "description Los factores que hacen un buen servicio: en un sitio mínimo de prueba.")},
        lambda files, p: set_line(files, p, re.sub(r"^(\w+) (.*)$", r'\1: "\2"', the_line(files, p)))
        if "straight quotes" in p.hint else files),
    "unknown_field": Case(_front("autor: Ana"), delete_line),
    "misspelt_field": Case("unknown-customer-type-field", swap("field", "Did you mean")),
    "field_too_high": Case({ES_TYPE: lambda text: re.sub(r"(?m)^  (channels:|  (?:phone|chat|email):)", r"\1", text)},
                           indent_block),
    "wrong_type": Case("list-written-as-text", lambda files, p: set_line(
        files, p, the_line(files, p).replace(": ", ":\n    - ", 1).rstrip() + "\n    - Give them privacy")),
    "empty_list": Case({ES_TYPE: replace("  recognise:\n    - Bajo autocontrol", "  recognise: []")},
                       lambda files, p: set_line(files, p, "  recognise:\n    - Bajo autocontrol")),
    "too_few_items": Case({ES_TYPE: replace('    - "Vamos a resolverlo ahora."\n', "")},
                          add_items('"Vamos a resolverlo ahora."')),
    "too_many_items": Case({path: replace("  attend:\n", "  attend:\n" + "    - Escuchar\n" * 5) for path in BOTH},
                           keep_items),
    "empty_text": Case({EN_TYPE: replace("  name: Angry", "  name: ''")},
                       lambda files, p: set_line(files, p, "  name: Angry")),
    "too_short": Case({"factores.en.md": lambda text: re.sub("description: .*", "description: Good service.", text)},
                      lambda files, p: set_line(files, p, "description: The factors that make good service, as "
                                                "staff meet them.")),
    "too_long": Case({EN_TYPE: replace("  name: Angry", "  name: Angry, upset and shouting at the counter")},
                     lambda files, p: set_line(files, p, "  name: Angry")),
    "not_allowed": Case("unknown-question-kind", swap("is", "Did you mean")),
    "not_as_expected": Case(_front("review_by: 2027-3-31"), lambda files, p: set_line(
        files, p, "review_by: 2027-03-31")),
    "invalid_date": Case(_front("review_by: '2027-02-31'"),
                         lambda files, p: set_line(files, p, "review_by: 2027-02-28")),
    "same_item_twice": Case({path: replace("    - factores.md#rapidez\n", "    - factores.md#rapidez\n" * 2)
                             for path in BOTH}, edit_own(RELATED * 2, RELATED)),
    "not_valid": Case(_front("search:\n  boost: 0"), lambda files, p: apply(files, {
        p.path: replace("  boost: 0", "  boost: 2")})),
    "no_icon": Case("unknown-icon", swap("icon", "Did you mean")),
    "type_id_not_file": Case({path: replace("  id: enojado", "  id: enfadado") for path in BOTH},
                             retype("Write")),
    "type_id_taken": Case({f"otros/enojado.{language}.md": _other_type(language, base_files).replace(
        "id: impaciente", "id: enojado") for language in LANGUAGES},
        # Said of both pages of each language: the files are renamed once.
        lambda files, p: files if "otros/enojado.es.md" not in files else apply(files, {
            **{f"otros/enojado.{language}.md": DELETE for language in LANGUAGES},
            **{f"otros/impaciente.{language}.md": files[f"otros/enojado.{language}.md"].replace(
                "id: enojado", "id: impaciente") for language in LANGUAGES}})),
    # Practice scenarios (a type with scenarios in both languages)
    "practice_without_type": Case({f"factores.{language}.md": replace(FRONT, "\npractice: []" + FRONT)
                                   for language in LANGUAGES}, lambda files, p: delete_line(files, p), practice_files),
    "practice_answer_past": Case({path: replace("answer: attend.2", "answer: attend.7") for path in BOTH},
                                 lambda files, p: set_line(files, p, the_line(files, p).replace(
                                     "attend.7", re.search(r"to (attend\.\d+)", p.hint).group(1))), practice_files),
    "practice_markdown": Case("markdown-in-why", lambda files, p: set_line(
        files, p, the_line(files, p).replace(quoted(p.message), quoted(p.message).strip("*_"))), practice_files),
    "practice_id_twice": Case({path: replace("id: enojado-fila", "id: enojado-cobro") for path in BOTH}, own_id,
                              practice_files),
    "practice_id_taken": Case({f"tipos/impaciente.{language}.md": lambda _, language=language: _other_type(
        language).replace("impaciente-fila", "enojado-fila") for language in LANGUAGES}, own_id, practice_files),
    "practice_type_without": Case({f"tipos/impaciente.{language}.md": lambda _, language=language: _other_type(language)
                                   for language in LANGUAGES}, lambda files, p: {
                                       **files, **{path: practice_files()[path] for path in BOTH}}),
    "practice_untranslated": Case("translation-without-practice", restore(EN_TYPE, site=practice_files),
                                  practice_files),
    "practice_missing": Case({ES_TYPE: append_scenario("enojado-gritos", "phrases.1", "es")}, lambda files, p: {
        **files, p.path: append_scenario(quoted(p.hint, "with")[4:], quoted(p.hint, "and")[8:], "en")(files[p.path])},
        practice_files),
    "practice_answer_differs": Case("answers-differ", retype("Write"), practice_files),
    "practice_unknown": Case("id-translated", restore(EN_TYPE, site=practice_files), practice_files),
    "practice_order": Case({EN_TYPE: lambda text: _swapped(text, "enojado-cobro", "enojado-fila")},
                           restore(EN_TYPE, site=practice_files), practice_files),
    # Headings and ids
    "heading_no_id": Case({"factores.es.md": append("## Trato cordial\n\nTexto."),
                           "factores.en.md": append("## Kind treatment\n\nText.")},
                          lambda files, p: set_line(files, p, the_line(files, p) + " " + quoted(p.hint, "languages:"))),
    "id_taken_by_type": Case({path: append("## Atender {#atender}\n\nTexto.") for path in BOTH},
                             edit_own("{#atender}", "{#atencion}")),
    "id_twice": Case({"factores.es.md": append("## Otra rapidez {#rapidez}\n\nTexto."),
                      "factores.en.md": append("## More speed {#rapidez}\n\nText.")},
                     lambda files, p: set_line(files, p, the_line(files, p).replace("{#rapidez}", "{#mas-rapidez}"))),
    "card_markdown": Case("bold-in-card-field", lambda files, p: set_line(
        files, p, the_line(files, p).replace(quoted(p.message), quoted(p.message).strip("*_")))),
    "unknown_emoji": Case("unknown-emoji", swap("", "Did you mean")),
    # Addresses
    "image_elsewhere": Case("external-image", lambda files, p: set_line(
        {**files, "assets/logo.svg": SVG}, p, the_line(files, p).replace(quoted(p.message), "assets/logo.svg"))),
    "file_elsewhere": Case({"factores.en.md": append('<img alt="Logo" srcset="https://example.com/logo.png 2x">')},
                           delete_line),
    "http_link": Case("http-link", swap("link", "Write")),
    "no_scheme": Case({"factores.en.md": append("See [the guide](//example.com/guide).")},
                      lambda files, p: set_line(files, p, the_line(files, p).replace(
                          f"({quoted(p.message)})", f"({quoted(p.hint, 'Write')})"))),
    "other_scheme": Case({"factores.en.md": append("See [the guide](ftp://example.com/guide).")},
                         lambda files, p: set_line(files, p, the_line(files, p).replace("ftp:", "https:"))),
    "empty_address": Case({"factores.es.md": append("Ver la [rapidez]().")},
                          lambda files, p: set_line(files, p, the_line(files, p).replace("()", "(#rapidez)"))),
    "raw_html_address": Case("raw-html-link", lambda files, p: set_line(
        files, p, f"[Inicio]({quoted(p.message)})")),
    "raw_html_image": Case("img-without-alt", lambda files, p: set_line(files, p, re.search(
        r"!\[.*\)", p.hint).group().replace("What the image shows", "A queue"))),
    "absolute_address": Case("absolute-link", swap("link", "e.g.")),
    "outside_docs": Case({"factores.es.md": append("Ver el [inicio](../../index.md).")},
                         lambda files, p: set_line(files, p, the_line(files, p).replace("../../", ""))),
    "related_outside": Case({path: replace("    - factores.md#rapidez", "    - ../factores.md#rapidez")
                             for path in BOTH}, swap("topic", "Write")),
    "built_address": Case({"index.es.md": append("Ver las [tarjetas](cards/).")}, swap("", "instead:")),
    "missing_file": Case({"assets/fila.svg": SVG, ES_TYPE: append("![Una fila](../assets/Fila.svg)")},
                         swap("", "Did you mean")),
    # An image not added yet, nothing like it in docs/: added where the message says the link points.
    "missing_file/not-added": Case({ES_TYPE: append("![Una fila larga](../assets/cola-larga.svg)")},
                                   lambda files, p: {**files, re.search(r"docs/(assets/)", p.hint).group(1)
                                                     + quoted(p.message, "points to").rsplit("/", 1)[-1]: SVG}),
    "other_language_link": Case("link-to-other-language", swap("", "Write")),
    "language_in_link": Case({"index.es.md": replace("(factores.md#rapidez)", "(factores.es.md#rapidez)")},
                             swap("", "Write")),
    "missing_page": Case("missing-page", swap("", "Did you mean")),
    "missing_anchor": Case("missing-anchor", lambda files, p: set_line(files, p, the_line(files, p).replace(
        "#" + quoted(p.message, "points to").lstrip("#"), quoted(p.hint, "Did you mean")))),
    # Citations
    "citation_missing": Case({**KOTLER, **KOTLER_EN, "factores.es.md": append("Según Kotler, el servicio es útil.")},
                             lambda files, p: set_line(files, p, the_line(files, p).replace("Kotler", cited(p.hint)))),
    "citation_elsewhere": Case({**KOTLER, **KOTLER_EN, "factores.es.md": append("Texto ([Kotler, 2007](https://example.com/k)).")},
                               lambda files, p: set_line(files, p, "Texto (" + cited(p.hint) + ").")),
    "citation_no_entry": Case("citation-without-entry", lambda files, p: set_line(files, p, re.sub(
        r"\[[^\]]*\]\(referencias\.md\)", cited(p.hint), the_line(files, p)))),
    "citation_not_entry": Case({"factores.es.md": append(
        "Texto ([Instituto Guillermo Subercaseaux, sf.b](referencias.md#fuentes)).")},
        lambda files, p: set_line(files, p, "Texto (" + cited(p.hint) + ").")),
    "cites_nothing": Case("page-without-citation", lambda files, p: set_line(
        files, p, the_line(files, p).rstrip(".") + " (" + cited(p.hint) + ").")),
    "citation_in_front_matter": Case({"factores.es.md": replace("title: Factores de prueba",
                                                                "title: Factores según Subercaseaux")},
                                     lambda files, p: set_line(files, p, "title: Factores de prueba")),
    "reference_uncited": Case({**KOTLER, **KOTLER_EN},
                              lambda files, p: apply(files, {"factores.es.md": append(
                                  f"Texto ([Kotler, 2007]({quoted(p.hint, 'link to')})).")})),
    # The two languages
    "still_spanish": Case("english-page-still-spanish", restore("factores.en.md")),
    "no_translation": Case({"colas.es.md": NEW_PAGE}, lambda files, p: {
        **files, re.search(r"Create docs/(\S+)", p.hint).group(1): NEW_PAGE_EN}),
    "differs_between_languages": Case("customer-type-icon-differs", lambda files, p: set_line(
        files, p, _copied(files, p))),
    "field_not_translated": Case({ES_TYPE: replace("  related:", ESCALATION.format(
        when="Si amenaza o insulta.", how="Llama a tu supervisor/a.") + "  related:")},
        lambda files, p: apply(files, {EN_TYPE: replace("  related:", ESCALATION.format(
            when="If they threaten or insult.", how="Call your supervisor.") + "  related:")})),
    "items_differ": Case("customer-type-list-lengths-differ", restore(EN_TYPE)),
    "no_type_data": Case("customer-type-missing-english-half", restore(EN_TYPE)),
    "heading_id_differs": Case("linked-heading-renamed-in-translation", lambda files, p: set_line(
        files, p, re.sub(r"\{#[^}]*\}", quoted(p.hint, "same section, write"), the_line(files, p)))),
    "heading_id_extra": Case({"factores.en.md": append("## Extra {#extra}\n\nText.")},
                             lambda files, p: apply(files, {"factores.es.md": append(
                                 "## Más {#" + quoted(p.message, "id").lstrip("#") + "}\n\nTexto.")})),
    "heading_id_missing": Case({"factores.es.md": append("## Trato {#trato}\n\nTexto.")},
                               lambda files, p: apply(files, {p.path: append(
                                   "## Treatment " + quoted(p.hint, "ending its heading with") + "\n\nText.")})),
    "anchor_untranslated": Case("anchor-missing-in-translation", lambda files, p: set_line(
        files, p, re.sub(r" \{#[^}]*\}", "", the_line(files, p)) + " " + quoted(p.hint, "add"))),
    # Unsafe content
    "forbidden_tag": Case("iframe", delete_line),
    "unknown_tag": Case({"factores.es.md": append("<marquee>Oferta</marquee>")},
                        lambda files, p: set_line(files, p, "**Oferta**")),
    "attribute_runs_code": Case("onerror-attribute", lambda files, p: set_line(
        files, p, re.sub(rf' {quoted(p.message, "attribute")}="[^"]*"', "", the_line(files, p)))),
    "attribute_srcdoc": Case({"factores.es.md": append('<div srcdoc="x">Texto</div>')},
                             lambda files, p: set_line(files, p, the_line(files, p).replace(' srcdoc="x"', ""))),
    "unsafe_style": Case({"factores.es.md": append('<span style="background: url(x.png)">Texto</span>')},
                         lambda files, p: set_line(files, p, re.sub(r' style="[^"]*"', "", the_line(files, p)))),
    "attribute_dangerous_address": Case("encoded-javascript-in-html", lambda files, p: set_line(
        files, p, re.sub(r'href="[^"]*"', 'href="https://example.com/"', the_line(files, p)))),
    "attribute_script_address": Case({"factores.es.md": append('<span title="javascript:alert(1)">Texto</span>')},
                                     lambda files, p: set_line(files, p, re.sub(
                                         rf' {quoted(p.message, "attribute")}="[^"]*"', "", the_line(files, p)))),
    "dangerous_address": Case("javascript-link", lambda files, p: set_line(
        files, p, the_line(files, p).replace(quoted(p.message), "factores.md"))),
    # The lists of customer types
    "marker_misspelt": Case({"index.es.md": append("<!-- customer-type: grid -->")}, retype("Write it")),
    "marker_unknown": Case({"index.es.md": append("<!-- customer-types: grilla -->")}, lambda files, p: set_line(
        files, p, the_line(files, p).replace(quoted(p.message).split(": ")[1].split(" ")[0],
                                             quoted(p.hint, "Did you mean")))),
    # The placeholders of the templates
    "placeholder_value": Case("template-title-left", restore(ES_TYPE)),
    "placeholder_text": Case("template-sentence-left", delete_line),
    # mkdocs.yml: its menu, and YAML it cannot read
    "nav_page_with_language": Case({CONFIG: replace("  - factores.md\n", "  - factores.es.md\n")},
                                   swap("page", "Write"), with_config),
    "nav_page_misspelt": Case({CONFIG: replace("  - factores.md\n", "  - factore.md\n")},
                              swap("page", "Did you mean"), with_config),
    "nav_page_missing": Case({CONFIG: replace("  - factores.md\n", "  - factores.md\n  - colas.md\n")},
                             lambda files, p: {**files, **dict(zip(
                                 re.search(r"create the page: docs/(\S+) and docs/(\S+)\.$", p.hint).groups(),
                                 (NEW_PAGE, NEW_PAGE_EN), strict=True))}, with_config),
    "menu_untranslated": Case({CONFIG: replace("  - cards/index.md\n", COUNTER_SECTION)},
                              lambda files, p: set_line(files, p, _config_line(files, p) + "\n" + re.match(
                                  r"\s*", lines(files, p)[int(re.search(r"line (\d+)", p.hint).group(1))]).group()
                                  + quoted(p.hint, "Add").replace("<its English name>", "For the counter"),
                                  int(re.search(r"line (\d+)", p.hint).group(1))), with_config),
    "menu_translation_unused": Case({CONFIG: lambda text: text.replace(
        "  - cards/index.md\n", COUNTER_SECTION).replace(
        "            Tipos de cliente: Customer types\n",
        "            Tipos de cliente: Customer types\n            Para el mostradr: For the counter\n")},
        swap("", "Did you mean"), with_config),
    "yaml_colon": Case({CONFIG: replace("site_name: ", "site_name: Manual: ")}, quote_value, with_config),
    "yaml_no_colon": Case({CONFIG: replace("\nnav:", "\nsite_author Ana\nnav:")},
                          lambda files, p: set_line(files, p, the_line(files, p).replace(" ", ": ", 1)), with_config),
    "yaml_unclosed_quote": Case({CONFIG: lambda text: re.sub(r"(?m)^site_description: .*$",
                                                             'site_description: "Manual de servicio', text)},
                                lambda files, p: set_line(files, p, the_line(files, p) + re.search(
                                    r"quote \((.)\)", p.hint).group(1)), with_config),
    "yaml_indent": Case({CONFIG: replace("\nnav:", "\nextra_css:\n  - a.css\n - b.css\nnav:")},
                        lambda files, p: set_line(files, p, "  " + the_line(files, p).lstrip()), with_config),
    # The same slips in a page's front matter, which libyaml reads (it words its problems its own way).
    "yaml_indent/front-matter": Case({ES_TYPE: replace("    - Dar privacidad", "  - Dar privacidad")},
                                     lambda files, p: set_line(files, p, "    " + the_line(files, p).lstrip())),
    "yaml_no_colon/front-matter": Case({ES_TYPE: replace("    kind: closed", "    kind closed")},
                                       lambda files, p: set_line(files, p, the_line(files, p).replace(
                                           "kind ", "kind: ", 1))),
    "yaml_other": Case({CONFIG: replace("\nnav:", "\ncopyright: @Ana\nnav:")}, quote_value, with_config),
    # What a paste or a merge leaves (the slips of tests/build/test_paste_checks_build.py)
    **{kind: slip(name) for kind, name in (
        ("merge_conflict", "conflict-in-text"), ("characters_yaml", "nbsp-indenting-a-search-term"),
        ("character_yaml", "nbsp-after-a-colon"), ("character_quote", "typographic-quotes"),
        ("character_invisible", "zero-width-in-text"), ("character_markdown", "nbsp-after-a-heading-mark"),
        ("table_row_short", "table-row-missing-a-cell"), ("tabbed_lines", "table-pasted-from-a-spreadsheet"),
        ("type_copy", "english-type-copied"), ("not_in_nav", "page-out-of-the-menu"),
        ("search_term_in_es", "search-term-in-spanish-on-an-english-page"), ("search_term_twice", "search-term-twice"),
        ("heading_id_deleted", "heading-id-deleted"))},
    # Saved as UTF-8 from a file read in another encoding: a letter became \ufffd. Retyped, it reads.
    "lost_letters": Case({"factores.es.md": replace("Tratar bien.", "Tratar bien: atenci\ufffdn.")},
                         lambda files, p: set_line(files, p, the_line(files, p).replace("\ufffd", "ó"))),
    "merge_marker": Case({"factores.es.md": replace("Tratar bien.", "Tratar bien.\n>>>>>>> rama-de-ana")}, delete_line),
    "characters_markdown": Case({"factores.es.md": append(f"-{NBSP}{NBSP}Uno")}, paste_fix("type_instead")),
    "characters_invisible": Case({"factores.es.md": replace("Tratar bien.", f"Tratar bien.{ZERO_WIDTH * 2}")},
                                 lambda files, p: set_line(files, p, the_line(files, p).replace(ZERO_WIDTH, ""))),
    "table_row_long": Case({"factores.es.md": append("| A | B |\n| --- | --- |\n| 1 | 2 | 3 |")},
                           lambda files, p: set_line(files, p, the_line(files, p).rsplit(" 3 |", 1)[0])),
    "search_term_in_en": Case(_front("search_terms:\n  - colas\n  - help with the queue"), delete_line),
    "type_copy_everywhere": Case({f"tipos/nuevo.{language}.md": PASTE._copied_type(language, own=False)
                                  for language in LANGUAGES}, own_values,
                                 lambda: PASTE._broken(PASTE_SLIPS["english-type-copied"])),
}


def _kinds_with_a_fix() -> list[str]:
    words = label_files.labels("messages", label_files.MESSAGES)["en"]
    return [key for key in words if f"{key}_fix" in words and key not in NOT_PROBLEMS]


def test_every_message_kind_has_a_case():
    assert [kind for kind in _kinds_with_a_fix() if kind not in {case.partition("/")[0] for case in CASES}] == []


@pytest.mark.parametrize("kind", list(CASES))
def test_the_fix_the_message_gives_works_first_time(kind, tmp_path):
    case = CASES[kind]
    edits = FAULTS[case.edits] if isinstance(case.edits, str) else case.edits
    files = apply(case.site(), edits)
    found = problems(files, tmp_path / "broken")
    said = "\n\n".join(problem.text() for problem in found)
    assert found and {KINDS[problem] for problem in found} == {kind.partition("/")[0]}, said
    fixed = files
    for problem in found:
        fixed = case.fix(fixed, problem)
    assert problems(fixed, tmp_path / "fixed") == [], said


# --- A generated page's anchor in one language only ------------------------------------------------
# No page of docs/ can give it (a generated page's ids come from data the checks hold equal in both
# languages), so the case is made with a generated page whose ids differ, as a new generator might make.

def test_a_link_to_a_generated_anchor_one_language_lacks_is_fixed_as_its_message_says():
    def said(files):
        pages = in_memory(files)
        site = site_from_catalogue(pages)
        site.pages["es"]["cards"], site.pages["en"]["cards"] = frozenset({"quiosco", "solo"}), frozenset({"quiosco"})
        return [problem for problem in parity.check(pages, site) if KINDS.get(problem) == "generated_anchor_missing"]

    files = apply(base_files(), {"index.es.md": append("\nLas [tarjetas](cards.md#solo).\n")})
    [problem] = said(files)
    assert (problem.path, problem.line) == ("index.es.md", line_of(files["index.es.md"], "cards.md#solo"))
    assert problem.hint == "Link to a section that exists in every language."
    # The fix: the link goes to a section both languages' page has.
    assert said(apply(files, {"index.es.md": replace("cards.md#solo", "cards.md#quiosco")})) == []
