"""Translation drift and review dates, for real: the command that marks a
translation reviewed, builds of a small site (support/drift_site.py) with a
fresh, a stale and an unmarked translation and pages past or before their
review date, and the playbook's own status page. The fingerprint and the
record are in tests/unit/test_translation_drift.py, the notice in Chromium in
tests/browser/test_translation_drift.py."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest

from playbook import translations
from support import FIXED_DAY, ROOT, sites, source_pages
from support.drift_site import front_matter, make_project, mark, source_page
from support.sites import base_files, line_of, replace

# A small site, built for real ----------------------------------------------------


def html(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_marking_records_the_spanish_fingerprint(drift_site):
    project, _, _ = drift_site
    recorded = front_matter(project / "docs/fresca.en.md")["translated_from"]
    spanish = source_page((project / "docs/fresca.es.md").read_text(encoding="utf-8"))
    assert recorded == translations.fingerprint(spanish)
    assert "translated_from" not in front_matter(project / "docs/sin-marca.en.md")


def test_a_stale_translation_does_not_fail_a_strict_build(drift_site):
    _, _, build = drift_site
    assert build.returncode == 0, build.stdout + build.stderr


def test_the_build_reports_stale_and_unmarked_translations(drift_site):
    _, _, build = drift_site
    output = build.stderr
    assert re.search(r"INFO\s+-\s+Translation may be out of date: docs/vieja\.es\.md changed "
                     r"after docs/vieja\.en\.md.*make translated PAGE=docs/vieja\.en\.md", output)
    assert re.search(r"INFO\s+-\s+Translation not marked reviewed: docs/sin-marca\.en\.md", output)
    assert "docs/fresca.en.md" not in output
    assert "WARNING" not in output


def test_a_stale_translation_shows_the_notice_linking_to_the_spanish_page(drift_site):
    _, site, _ = drift_site
    page = html(site, "en/vieja")
    notice = re.search(r'<aside class="admonition warning translation-notice".*?</aside>',
                       page, re.S)
    assert notice, "no out-of-date notice on the stale translation"
    assert "This translation may be out of date" in notice.group(0)
    assert "The original page in Spanish changed" in notice.group(0)
    assert re.search(r'<a href="\.\./\.\./vieja/" hreflang="es">Read the original page</a>',
                     notice.group(0))
    # Above the page's text, and out of the search index.
    assert page.index("translation-notice") < page.index("Text of the vieja page")
    index = "".join(path.read_text(encoding="utf-8") for path in (site / "en/search").rglob("*.json"))
    assert "may be out of date" not in index


@pytest.mark.parametrize("address", ["en/fresca", "en/sin-marca", "vieja", "fresca", ""])
def test_no_notice_elsewhere(drift_site, address):
    _, site, _ = drift_site
    assert "translation-notice" not in html(site, address)


def status_rows(page: str) -> dict[str, str]:
    """Translation file -> state, from the status page's table."""
    table = re.search(r'<table class="translation-status">.*?</table>', page, re.S).group(0)
    row = r'<tr data-state="([a-z-]+)">\s*<td>.*?</td>\s*<td>.*?<code>(docs/[^<]+)</code>'
    rows = re.findall(row, table, re.S)
    return {name: state for state, name in rows}


@pytest.mark.parametrize(("address", "words"), [
    ("traducciones", {"fresh": "Al día", "stale": "Puede estar desactualizada",
                      "no-record": "Sin revisión registrada"}),
    ("en/translations", {"fresh": "Up to date", "stale": "May be out of date",
                         "no-record": "No review recorded"}),
])
def test_the_status_page_lists_every_pair_in_each_language(drift_site, address, words):
    _, site, _ = drift_site
    page = html(site, address)
    assert status_rows(page) == {
        "docs/index.en.md": "fresh",
        "docs/fresca.en.md": "fresh",
        "docs/vieja.en.md": "stale",
        "docs/sin-marca.en.md": "no-record",
    }
    for state, word in words.items():
        assert re.search(rf'<tr data-state="{state}">.*?<td>{word}</td>', page, re.S)


def test_the_status_page_is_out_of_the_search_index(drift_site):
    _, site, _ = drift_site
    for index in ("search", "en/search"):
        text = "".join(path.read_text(encoding="utf-8") for path in (site / index).rglob("*.json"))
        assert "traducciones" not in text and "translations/" not in text


# Review dates -------------------------------------------------------------------

def test_the_build_reports_overdue_reviews_with_their_owner(drift_site):
    _, _, build = drift_site
    assert re.search(r"INFO\s+-\s+Review overdue: docs/fresca\.es\.md was due for review on "
                     r"2001-02-03 \(owner: Equipo de formación\)", build.stderr)
    overdue = re.findall(r"Review overdue: (docs/\S+)", build.stderr)
    assert overdue == ["docs/fresca.es.md"]


@pytest.mark.parametrize(("address", "heading"), [
    ("traducciones", "Revisiones vencidas"), ("en/translations", "Overdue reviews")])
def test_the_status_page_lists_overdue_reviews(drift_site, address, heading):
    _, site, _ = drift_site
    page = html(site, address)
    reviews = page[page.index(heading):]
    table = re.search(r'<table class="review-status">.*?</table>', reviews, re.S).group(0)
    rows = re.findall(r"<tr>\s*<td>.*?<code>(docs/[^<]+)</code>.*?<td>([^<]+)</td>\s*"
                      r'<td><time datetime="([0-9-]+)">', table, re.S)
    assert rows == [("docs/fresca.es.md", "Equipo de formación", "2001-02-03")]
    # The build's day, the same in both languages, is the one it was told (FIXED_MOMENT).
    status_day = re.search(r"<p>(?:Estado al|Status on) ([0-9-]+)\.</p>", page).group(1)
    assert status_day == FIXED_DAY
    days = (datetime.date.fromisoformat(FIXED_DAY) - datetime.date(2001, 2, 3)).days
    assert f"<td>{days}</td>" in table


def test_a_review_date_that_is_not_a_date_fails_with_file_and_line(tmp_path):
    # The playbook's own build: the content checks hold review_by to the schema's date, before any report.
    files = base_files()
    files["factores.es.md"] = replace("title:", "review_by: next spring\ntitle:")(files["factores.es.md"])
    build = sites.build(tmp_path, files)
    output = build.stdout + build.stderr
    assert build.returncode != 0
    line = line_of(files["factores.es.md"], "review_by")
    assert f"docs/factores.es.md:{line}: 'review_by' ('next spring') is not written as expected." in output
    assert "2027-03-31" in output  # how to write one
    assert "Traceback" not in output


# The command, given bad input ---------------------------------------------------

@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project")


def test_marking_takes_the_spanish_page_or_the_translation(project):
    result = mark(project, "docs/vieja.es.md", "fresca")
    assert result.returncode == 0, result.stderr
    assert "docs/vieja.en.md: reviewed against docs/vieja.es.md" in result.stdout
    assert "translated_from" in front_matter(project / "docs/vieja.en.md")
    assert "translated_from" in front_matter(project / "docs/fresca.en.md")
    assert "translated_from" not in front_matter(project / "docs/vieja.es.md")


@pytest.mark.parametrize(("setup", "argument", "message"), [
    (None, "docs/nada.en.md", "there is no Spanish page docs/nada.es.md"),
    ("delete-translation", "docs/vieja.en.md",
     "docs/vieja.en.md does not exist. Write the translation"),
    ("no-front-matter", "docs/vieja.en.md", "docs/vieja.en.md: it has no front matter"),
    ("broken-spanish", "docs/vieja.en.md", "docs/vieja.es.md cannot be read"),
])
def test_marking_refuses_bad_input_clearly_and_changes_nothing(project, setup, argument, message):
    english = project / "docs/vieja.en.md"
    if setup == "delete-translation":
        english.unlink()
    elif setup == "no-front-matter":
        english.write_text("# Old\n\nText.\n", encoding="utf-8")
    elif setup == "broken-spanish":
        spanish = project / "docs/vieja.es.md"
        spanish.write_text("---\ntitle: [roto\n---\nTexto.\n", encoding="utf-8")
    before = {path: path.read_bytes() for path in (project / "docs").rglob("*.md")}
    result = mark(project, argument)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert {path: path.read_bytes() for path in (project / "docs").rglob("*.md")} == before


def test_make_translated_needs_a_page():
    result = subprocess.run(["make", "-s", "translated"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode != 0
    assert "make translated PAGE=docs/" in result.stdout + result.stderr


# The playbook itself ----------------------------------------------------------------

@pytest.mark.parametrize(("address", "title"), [
    ("traducciones", "Estado de las traducciones"), ("en/translations", "Translation status")])
def test_the_playbook_has_a_status_page_listing_every_page(site, address, title):
    page = html(site, address)
    assert f"<h1>{title}</h1>" in page
    listed = set(status_rows(page))
    assert listed == {f"docs/{key}.en.md" for key in source_pages()}


def test_every_english_page_of_the_playbook_is_a_translation_the_command_can_mark():
    """The command reads the real site: every English page has a Spanish source."""
    result = subprocess.run(["make", "-s", "translations"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    names = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert names == {f"docs/{key}.en.md" for key in source_pages()}
