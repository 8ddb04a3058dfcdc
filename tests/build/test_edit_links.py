"""Report a problem / suggest a change: with REPO_URL set, every page made from a file of docs/
has Material's "edit this page" button, titled in the page's language, leading to that very file
(factores.en.md for the English page) in the repository; generated pages (cards, kiosk...) have
none. Without REPO_URL (the session build), no page has one, and the build passes strict."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from support import LANGUAGES, ROOT, page_url

REPOSITORY = "https://github.com/example/playbook"
TITLES = {"es": "Editar esta página", "en": "Edit this page"}
EDIT = re.compile(r'<a href="([^"]*)" title="([^"]*)" class="md-content__button md-icon" rel="edit">')


def sources() -> list[tuple[str, str, str]]:
    """Every page of docs/: its file below docs/, its key and its language."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        relative = path.relative_to(ROOT / "docs").as_posix()
        stem, language, _ = relative.rsplit(".", 2)
        found.append((relative, stem, language))
    return found


@pytest.fixture(scope="module")
def with_repository(tmp_path_factory):
    site = tmp_path_factory.mktemp("repository-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": REPOSITORY}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_every_page_of_docs_links_to_editing_its_own_file_in_its_language(with_repository):
    pages = sources()
    assert {language for _, _, language in pages} == set(LANGUAGES)
    for relative, key, language in pages:
        html = (with_repository / page_url(key, language) / "index.html").read_text(encoding="utf-8")
        links = EDIT.findall(html)
        assert links == [(f"{REPOSITORY}/edit/main/docs/{relative}", TITLES[language])], relative
        # No widget that would ask the repository's host for its stars.
        assert "md-header__source" not in html


def test_generated_pages_have_no_edit_link(with_repository):
    generated = [page_url(key, language) for language in LANGUAGES
                 for key in ("cards/index", "cards/enojado", "kiosk/index")]
    for url in generated:
        assert 'rel="edit"' not in (with_repository / url / "index.html").read_text(encoding="utf-8"), url


def test_without_a_repository_no_page_has_an_edit_link(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    assert [path for path in pages if 'rel="edit"' in path.read_text(encoding="utf-8")] == []
