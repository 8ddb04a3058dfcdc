"""Practice scenarios in real builds: the tiny playbook with scenarios on its customer type
builds; each mistake an editor can make in them, injected alone, stops a plain `mkdocs build`
with the file, the line, what is wrong and how to fix it, and no traceback."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from support.practice_site import EN_TYPE, ES_TYPE, practice_files
from support.sites import apply, build, line_of, replace

REPORT_HEADER = "The playbook cannot be built"


@dataclass(frozen=True)
class Fault:
    name: str
    edits: dict
    file: str
    at: str | int  # the line, or a text whose (first) line it is
    message: str
    hint: str


FAULTS = [
    Fault("answer-out-of-range", {ES_TYPE: replace("answer: attend.2", "answer: attend.7")}, ES_TYPE,
          "answer: attend.7", "answers with attend.7, but 'customer_type.attend' has 2 lines",
          "attend.1 to attend.2"),
    Fault("answer-misspelt", {ES_TYPE: replace("answer: attend.2", "answer: atender 2")}, ES_TYPE,
          "answer: atender 2", "is not written as expected", "attend.N, phrases.N or examples.N"),
    Fault("duplicate-id", {ES_TYPE: replace("id: enojado-fila", "id: enojado-cobro")}, ES_TYPE,
          "enojado-cobro\n    situation: \"En plena", "'enojado-cobro' is already used on this page",
          "an id of its own"),
    Fault("answers-differ", {EN_TYPE: replace("answer: phrases.2", "answer: phrases.1")}, EN_TYPE,
          "answer: phrases.1\n    why: \"Impatient", "answers phrases.1 here but phrases.2 in tipos/enojado.es.md",
          "Write 'answer: phrases.2'"),
    Fault("id-translated", {EN_TYPE: replace("id: enojado-fila", "id: angry-queue")}, EN_TYPE,
          "id: angry-queue", "'angry-queue' is not in tipos/enojado.es.md", "Use the id of the scenario it translates"),
    Fault("too-few", {ES_TYPE: lambda text: re.sub(r"  - id: enojado-reembolso\n(    .*\n){3}", "", text)},
          ES_TYPE, "practice:", "has 4 items; it needs at least 5", "Add items"),
    Fault("markdown-in-why", {EN_TYPE: replace("First of all, stay calm.", "First of all, **stay calm**.")},
          EN_TYPE, "**stay calm**", "'**stay calm**' is Markdown in a practice scenario", "plain text"),
    Fault("missing-why",
          {ES_TYPE: replace('    why: "Poco autocontrol: enojado/a. Lo primero es no perder la calma."\n', "")},
          ES_TYPE, "  - id: enojado-cobro", "has no 'why' field", "Add a 'why:' line"),
    Fault("practice-without-type",
          {"factores.es.md": replace("\n---\n", "\npractice: []\n---\n")},
          "factores.es.md", "practice: []", "practice scenarios but no 'customer_type:'", "Move the 'practice:' list"),
    Fault("translation-without-practice",
          {EN_TYPE: lambda text: text.split("practice:\n")[0] + "---\n" + text.split("\n---\n", 1)[1]},
          EN_TYPE, 1, "has no practice scenarios, which tipos/enojado.es.md has", "Copy the 'practice:' list"),
]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    jobs = {"base": practice_files(), **{fault.name: apply(practice_files(), fault.edits) for fault in FAULTS}}
    tmp_path_factory.getbasetemp()

    def run(item):
        name, files = item
        return name, build(tmp_path_factory.mktemp(name), files)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, jobs.items()))


def test_the_site_with_scenarios_builds(builds):
    result = builds["base"]
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_mistake_in_the_scenarios_stops_the_build_with_file_line_and_fix(builds, fault):
    result = builds[fault.name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert output.count(REPORT_HEADER) == 1, output
    text = apply(practice_files(), fault.edits)[fault.file]
    line = fault.at if isinstance(fault.at, int) else line_of(text, fault.at)
    entries = re.findall(rf"^docs/{re.escape(fault.file)}:{line}: (.*)\n    How to fix: (.*)$", output, re.M)
    assert entries, f"no problem reported at docs/{fault.file}:{line}\n{output}"
    assert any(fault.message in what and fault.hint in how for what, how in entries), output
