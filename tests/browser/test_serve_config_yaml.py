"""A mkdocs.yml that YAML cannot read, under `make serve`: the open pages show one problem, on
mkdocs.yml's line, with its fix and nothing else (no parser text "also reported"), the terminal
prints it once with no traceback, and the fix reloads the page. A real `mkdocs serve` of the
base site on 127.0.0.1, a page open in Chromium, mkdocs.yml broken and fixed on disk."""

from __future__ import annotations

import pytest

from support.server import free_port, mkdocs_serve
from support.sites import base_files, line_of, make_project

WAIT_MS = 120_000  # a rebuild on a busy two-core machine


@pytest.mark.browser
def test_a_broken_mkdocs_yml_is_one_problem_on_its_line(tmp_path, context):
    from playwright.sync_api import expect

    project = make_project(tmp_path / "project", base_files())
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    with mkdocs_serve(project, free_port(), "--livereload") as (base, printed):
        page = context.new_page()
        page.goto(base + "en/factores/")
        expect(page.locator("article h1")).to_have_text("Test factors", timeout=WAIT_MS)

        # An item of nav indented one space less than the others: YAML cannot read the file.
        config.write_text(text.replace("\n  - factores.md\n", "\n - factores.md\n"), encoding="utf-8")
        error = page.locator("main.playbook-build-error")
        expect(error.locator("li")).to_have_count(1, timeout=WAIT_MS)
        expect(error.locator(".where")).to_have_text(f"mkdocs.yml:{line_of(text, '  - factores.md')}")
        expect(error.locator("li")).to_contain_text("indented unlike the lines above it")
        expect(error.locator(".fix")).to_contain_text("Indent it exactly like the other lines")
        expect(error.locator("pre")).to_have_count(0)  # nothing else "also reported"

        config.write_text(text, encoding="utf-8")
        expect(page.locator("article h1")).to_have_text("Test factors", timeout=WAIT_MS)
        output = "\n".join(printed)
    assert output.count("mkdocs.yml:") == 1 and "indented unlike the lines above it" in output, output
    assert "Traceback" not in output and "expected <block end>" not in output, output
