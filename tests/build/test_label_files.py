"""A mistake in a label file (the interface's words, hooks/playbook/labels/)
stops the build with the file, the line and the fix, never a traceback."""

from __future__ import annotations

import shutil

import pytest

from support import ROOT, mkdocs_build

CARDS = "hooks/playbook/labels/cards.yml"


def project_with(tmp_path, edit):
    project = tmp_path / "project"
    for name in ("docs", "hooks", "overrides", "templates"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    labels = project / CARDS
    labels.write_text(edit(labels.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def drop_english(key):
    def edit(text):
        start = text.index("\nen:")
        english = text[start:]
        line = next(line for line in english.splitlines(keepends=True) if line.startswith(f"  {key}:"))
        return text[:start] + english.replace(line, "", 1)
    return edit


@pytest.mark.parametrize("edit, expected", [
    (lambda text: text.replace("recognise:", "recognise: [oops", 1), f"{CARDS}:"),
    (drop_english("recognise"), "'en' has no 'recognise'"),
    (lambda text: text.replace("recognise: Reconocer", "recognise: ''", 1), "'es' leaves 'recognise' empty"),
])
def test_a_broken_label_file_stops_the_build_with_its_file_and_fix(tmp_path, edit, expected):
    project = project_with(tmp_path, edit)
    result = mkdocs_build(project, project / "site", "--strict")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert expected in output and "How to fix:" in output
    assert not list((project / "site").rglob("*.html"))
