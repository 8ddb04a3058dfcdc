"""The build's messages in the editor's language: the same broken playbook (a link to a page that
does not exist, which MkDocs would note too) built with messages in Spanish (nothing set: the
playbook's first language), in English (an English locale) and in Spanish again
(PLAYBOOK_MESSAGES over an English locale): the problem once, with its file, line and fix in that
language, and no note of MkDocs' own beside ours."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from support.sites import append, apply, base_files, line_of, make_project

FILES = apply(base_files(), {"factores.es.md": append("Ver [la página](nada.md).")})
SETTINGS = {
    "nothing set": {"LANG": "C.UTF-8"},
    "English locale": {"LANG": "en_GB.UTF-8"},
    "setting over locale": {"LANG": "en_US.UTF-8", "PLAYBOOK_MESSAGES": "es"},
}
SPANISH = {
    "header": "No se puede construir el manual: 1 problema por arreglar en sus páginas.",
    "link": ("El enlace 'nada.md' apunta a una página que el sitio en español no tiene.",
             "Cómo arreglarlo: Los enlaces son relativos a la carpeta de este archivo y nombran la página sin su "
             "idioma ('página.md', no 'página.es.md')."),
}
ENGLISH = {
    "header": "The playbook cannot be built: 1 problem to fix in its pages.",
    "link": ("The link 'nada.md' points to a page that the Spanish site does not have.",
             "How to fix: Links are relative to this file's folder and name the page without its language "
             "('page.md', not 'page.es.md')."),
}
EXPECTED = {"nothing set": SPANISH, "English locale": ENGLISH, "setting over locale": SPANISH}
PLACES = {"link": ("factores.es.md", "[la página]")}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    """What `mkdocs build` says of the broken playbook under each setting."""
    base = {name: value for name, value in os.environ.items()
            if name not in ("PLAYBOOK_MESSAGES", "LC_ALL", "LC_MESSAGES", "LANG")}
    tmp_path_factory.getbasetemp()

    def run(setting):
        project = make_project(tmp_path_factory.mktemp("messages"), FILES)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(project / "site")],
            cwd=project, env={**base, "NO_MKDOCS_2_WARNING": "1", **SETTINGS[setting]},
            capture_output=True, text=True, timeout=300)
        assert result.returncode == 1, result.stdout + result.stderr
        return setting, result.stdout + result.stderr

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, SETTINGS))


@pytest.mark.parametrize("setting", SETTINGS)
def test_each_problem_is_said_once_in_the_editor_language(outputs, setting):
    output, said = outputs[setting], EXPECTED[setting]
    assert "Traceback" not in output
    assert output.count(said["header"]) == 1, output
    for name, (path, marker) in PLACES.items():
        line = line_of(FILES[path], marker)
        message, fix = said[name]
        assert output.count(f"docs/{path}:{line}: ") == 1, output
        assert f"docs/{path}:{line}: {message}\n    {fix}\n" in output, output


@pytest.mark.parametrize("setting", SETTINGS)
def test_no_note_of_mkdocs_beside_ours(outputs, setting):
    assert not re.search(r"WARNING|contains a link", outputs[setting]), outputs[setting]
