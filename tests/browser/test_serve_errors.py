"""`make serve`: a failed rebuild shows in the open pages, in each page's
language, and the fix reloads them. A real `mkdocs serve` of a fixture site on
127.0.0.1, Spanish and English pages open in Chromium, files broken and fixed
on disk."""

from __future__ import annotations

import inspect

import pytest

import serve_errors
from playbook import build_errors, checks, label_files
from playbook.catalogue import Problem
from support import LANGUAGES, ROOT
from support.server import free_port, mkdocs_serve
from support.sites import base_files, line_of, make_project

TITLES = {"es": "Este cambio no se pudo publicar", "en": "This change could not be built"}
HOW_TO_FIX = {"es": "Cómo arreglarlo:", "en": "How to fix:"}
# The base site's pages, as they show when the build works.
WORKING = {"es": "Factores de prueba", "en": "Test factors"}
WAIT_MS = 120_000  # a rebuild on a busy two-core machine


def wait_for_error(page, language: str, where: str):
    from playwright.sync_api import expect

    expect(page.locator("main.playbook-build-error h1")).to_have_text(TITLES[language], timeout=WAIT_MS)
    expect(page.locator("main.playbook-build-error")).to_contain_text(where)
    expect(page.locator("main.playbook-build-error")).to_contain_text(HOW_TO_FIX[language])
    assert page.evaluate("document.documentElement.lang") == language


def wait_for_page(page, language: str):
    from playwright.sync_api import expect

    expect(page.locator("article h1")).to_have_text(WORKING[language], timeout=WAIT_MS)
    expect(page.locator("main.playbook-build-error")).to_have_count(0)


@pytest.mark.browser
def test_a_failed_rebuild_shows_in_each_open_page_and_the_fix_reloads_it(tmp_path, context):
    project = make_project(tmp_path / "project", base_files())
    source = project / "docs" / "factores.es.md"
    config = project / "mkdocs.yml"
    with mkdocs_serve(project, free_port(), "--livereload") as (base, printed):
        pages = {"es": context.new_page(), "en": context.new_page()}
        pages["es"].goto(base + "factores/")
        pages["en"].goto(base + "en/factores/")
        for language, page in pages.items():
            wait_for_page(page, language)

        # A page's mistake: every open page says so, each in its own language.
        original = source.read_text(encoding="utf-8")
        source.write_text(original + "\nVer [la guía](guia-perdida.md).\n", encoding="utf-8")
        where = f"docs/factores.es.md:{line_of(source.read_text(encoding='utf-8'), 'guia-perdida')}"
        for language, page in pages.items():
            wait_for_error(page, language, where)
            page.screenshot(path=str(tmp_path / f"error-{language}.png"), full_page=True)
        # Fixed: the pages reload by themselves onto the real page.
        source.write_text(original, encoding="utf-8")
        for language, page in pages.items():
            wait_for_page(page, language)

        # A mistake in mkdocs.yml's nav, the same way.
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  - factores.md\n", "  - factore.md\n"), encoding="utf-8")
        for language, page in pages.items():
            wait_for_error(page, language, f"mkdocs.yml:{line_of(text, '  - factores.md')}")
            assert "factores.md" in page.locator("main.playbook-build-error").inner_text()
        config.write_text(text, encoding="utf-8")
        for language, page in pages.items():
            wait_for_page(page, language)

        output = "\n".join(printed)
    # The terminal says it too: the report, and what the browser shows, once per failure.
    assert output.count("The rebuild failed: the ") == 2, output
    assert output.count(f"{where}: The link 'guia-perdida.md'") == 1, output
    assert "Traceback" not in output


def test_mkdocs_dev_server_still_has_what_serve_errors_swaps(tmp_path):
    """hooks/serve_errors.py swaps the dev server's builder and error_handler, as MkDocs 1.6.1 has them."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        assert serve_errors.internals_changed(server) is None, serve_errors.internals_changed(server)
        # Used as then: a rebuild calls builder(); an address the site lacks gets error_handler(404)'s page.
        assert "self.builder()" in inspect.getsource(LiveReloadServer._build_loop), \
            f"{serve_errors.CHECKED_AGAINST}'s dev server rebuilt by calling self.builder(); this MkDocs does not"
        server.error_handler = lambda code: b"page %d" % code
        answer = server.serve_request({"PATH_INFO": "/missing/"}, lambda status, headers: None)
        assert answer == [b"page 404"], \
            f"{serve_errors.CHECKED_AGAINST}'s dev server answered a missing page with error_handler(404): {answer}"
    finally:
        server.server_close()
    assert "has none" in serve_errors.internals_changed(object())


def test_the_error_page_has_every_word_in_every_language():
    labels = label_files.labels("build_error", tuple(LANGUAGES))
    assert set(labels) == set(LANGUAGES)
    keys = [set(words) for words in labels.values()]
    assert all(k == keys[0] for k in keys) and {"title", "intro", "how_to_fix"} <= keys[0]
    assert all(isinstance(v, str) and v.strip() for words in labels.values() for v in words.values())


def test_a_report_is_split_into_problems_with_their_fixes():
    misspelt = Problem("mkdocs.yml", 147, "The nav names the page 'factore.md', which is not in docs/.",
                       "Did you mean 'factores.md'?", in_docs=False)
    nav = checks.report([misspelt], where="mkdocs.yml")
    pages = ("The playbook cannot be built: 2 problems to fix in its pages.\n\n"
             "docs/factores.es.md:17: The link 'x.md' points to a page that the Spanish site does not have.\n"
             "    How to fix: Links are relative to this file's folder.\n\n"
             "cards/enojado.md: The page cards/enojado generated by a hook (en) contains a script.\n"
             "    How to fix: It is made from the pages' front matter.\n")
    failure = build_errors.parse_report(nav, ["WARNING from MkDocs"])
    # The checks' own problem, read back from the report whole.
    assert failure.problems == [misspelt]
    assert failure.details == []
    failure = build_errors.parse_report(pages)
    assert failure.summary.startswith("The playbook cannot be built: 2 problems")
    assert [p.at() for p in failure.problems] == ["docs/factores.es.md:17", "cards/enojado.md"]
    assert failure.problems[1].hint == "It is made from the pages' front matter."
    # A stop without a file named (a strict build's warnings): what was logged is shown.
    failure = build_errors.parse_report("Aborted with 1 warnings in strict mode!", ["A warning."])
    assert failure.problems == [] and failure.details == ["A warning."]


def test_each_page_gets_the_error_in_its_language(tmp_path):
    for page in ("index.html", "factores/index.html", "en/index.html", "en/tipos/enojado/index.html",
                 "404.html", "entrada/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("old", encoding="utf-8")
    pages = build_errors.pages_of(tmp_path)
    written = build_errors.write_error_pages(tmp_path, pages, {"es": "ES", "en": "EN"}, {"es": "", "en": "en/"})
    assert written == 6
    assert {page: (tmp_path / page).read_text(encoding="utf-8") for page in pages} == {
        "404.html": "ES", "en/index.html": "EN", "en/tipos/enojado/index.html": "EN",
        "entrada/index.html": "ES", "factores/index.html": "ES", "index.html": "ES"}


@pytest.mark.parametrize("guide, message", [
    ("CONTRIBUTING.md", "La compilación falló: las … páginas del sitio dicen por qué,"),
    ("CONTRIBUTING.en.md", "The rebuild failed: the … pages of the site say why,"),
])
def test_the_guides_explain_the_failed_rebuild(guide, message):
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert f"| `{message}" in text
