"""Translation drift and review dates: the fingerprint, the command that marks a
translation reviewed, and real builds of a small site with a fresh, a stale
and an unmarked translation and pages past or before their review date."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import content
import translations
from support import ROOT, mkdocs_build, source_pages
from support.chromium import AXE, WCAG_TAGS
from support.server import serve

LANGUAGES = ("es", "en")


def source_page(text: str, path: str = "pagina.es.md") -> content.SourcePage:
    page, problems = content.parse_page(path, text.encode(), LANGUAGES)
    assert problems == []
    return page


# The fingerprint ---------------------------------------------------------------

SPANISH = "---\ntitle: Factores\ndescription: Los seis factores.\n---\n\nAmabilidad y rapidez.\n"


def test_fingerprint_ignores_what_a_reader_cannot_see():
    base = translations.fingerprint(source_page(SPANISH))
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", base)
    invisible = (
        "---\r\n# a comment\r\ndescription: Los seis factores.\r\ntitle: Factores\r\n"
        "owner: Formación\r\nreview_by: 2030-01-01\r\n---\r\n\r\n\r\n\r\n"
        "Amabilidad y rapidez.   \r\n\r\n"
    )
    assert translations.fingerprint(source_page(invisible)) == base


@pytest.mark.parametrize("changed", [
    SPANISH.replace("rapidez", "rapidez en la atención"),
    SPANISH.replace("title: Factores", "title: Los factores"),
    SPANISH + "\nUn párrafo nuevo.\n",
])
def test_fingerprint_changes_with_the_text(changed):
    assert translations.fingerprint(source_page(changed)) != translations.fingerprint(
        source_page(SPANISH))


# Writing the record -------------------------------------------------------------

def test_record_goes_last_in_the_front_matter_and_nothing_else_moves():
    text = "---\ntitle: Factors  # kept\ndescription: Six.\n---\n\nBody.\n"
    updated = translations.with_record(text, "sha256:0123456789abcdef")
    assert updated == (
        "---\ntitle: Factors  # kept\ndescription: Six.\n"
        "translated_from: sha256:0123456789abcdef\n---\n\nBody.\n"
    )


def test_an_old_record_is_replaced_where_it_stands():
    text = "\ufeff---\r\ntranslated_from: sha256:old\r\ntitle: Factors\r\n---\r\nBody.\r\n"
    updated = translations.with_record(text, "sha256:new")
    assert updated == (
        "\ufeff---\r\ntranslated_from: sha256:new\r\ntitle: Factors\r\n---\r\nBody.\r\n")


def test_a_page_without_front_matter_is_refused():
    with pytest.raises(ValueError, match="no front matter"):
        translations.with_record("# Factors\n\nBody.\n", "sha256:new")


def without_record(text: str) -> list[str]:
    """The lines of a page but the record's: its key line and the indented lines of its value."""
    kept, in_record = [], False
    for line in text.splitlines():
        in_record = line.startswith("translated_from:") or (in_record and line[:1] in (" ", "\t"))
        if not in_record:
            kept.append(line)
    return kept


lines = st.lists(
    st.sampled_from(["title: A", "description: 'B: c'", "# comment", "items:", "  - x",
                     "translated_from: sha256:old", "owner: Equipo"]),
    max_size=8,
)


@given(front=lines, body=st.text(alphabet="abc \n#-", max_size=40))
def test_marking_changes_only_the_record(front, body):
    text = "---\n" + "".join(f"{line}\n" for line in front) + "---\n" + body
    updated = translations.with_record(text, "sha256:fedcba9876543210")
    assert without_record(updated) == without_record(text)
    assert updated.count("translated_from: sha256:fedcba9876543210") == 1
    assert updated.endswith(body)


# A small site, built for real ----------------------------------------------------

def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def make_project(folder: Path) -> Path:
    """A two-language site with the real hooks and templates, and three page pairs."""
    hooks = ROOT / "hooks"
    folder.mkdir(parents=True, exist_ok=True)
    config = {
        "site_name": "Prueba",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides"), "language": "es",
                  "palette": {"scheme": "default", "primary": "custom", "accent": "custom"}},
        "extra_css": ["assets/stylesheets/playbook.css"],
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "suffix", "reconfigure_search": False, "languages": [
                {"locale": "es", "name": "Español", "default": True, "build": True},
                {"locale": "en", "name": "English", "build": True},
            ]}},
        ],
        "hooks": [str(hooks / name) for name in
                  ("search_per_language.py", "generated_pages.py", "translation_drift.py",
                   "review_dates.py")],
        "nav": ["index.md", "fresca.md", "vieja.md", "sin-marca.md"],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    docs = folder / "docs"
    # The playbook's own styles: its colours and underlined links.
    (docs / "assets/stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "docs/assets/stylesheets/playbook.css", docs / "assets/stylesheets")
    for key, title in [("index", "Inicio"), ("fresca", "Fresca"), ("vieja", "Vieja"),
                       ("sin-marca", "Sin marca")]:
        write(docs / f"{key}.es.md", f"""
            ---
            title: {title}
            description: Página {title.lower()}.
            ---

            Texto de la página {title.lower()}.
            """)
        write(docs / f"{key}.en.md", f"""
            ---
            title: {title} (en)
            description: The {title.lower()} page.
            ---

            Text of the {title.lower()} page.
            """)
    return folder


def mark(project: Path, *pages: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "translations.py"), "mark", *pages],
        cwd=project, capture_output=True, text=True, timeout=60,
    )


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.fixture(scope="module")
def drift_site(tmp_path_factory):
    """The small site after marking every translation, changing one Spanish page
    and unmarking another, with review dates; built with --strict."""
    project = make_project(tmp_path_factory.mktemp("drift"))
    docs = project / "docs"
    result = mark(project, "docs/index.en.md", "docs/fresca.en.md", "docs/vieja.en.md")
    assert result.returncode == 0, result.stderr
    # The Spanish page changes after its translation was reviewed.
    vieja = docs / "vieja.es.md"
    vieja.write_text(vieja.read_text(encoding="utf-8") + "\nUna corrección urgente.\n",
                     encoding="utf-8")
    # Review dates: one long past, one far ahead.
    fresca = docs / "fresca.es.md"
    fresca.write_text(fresca.read_text(encoding="utf-8").replace(
        "---\n\n", "owner: Equipo de formación\nreview_by: 2001-02-03\n---\n\n", 1),
        encoding="utf-8")
    sin_marca = docs / "sin-marca.en.md"
    sin_marca.write_text(sin_marca.read_text(encoding="utf-8").replace(
        "---\n\n", "review_by: 2999-12-31\n---\n\n", 1), encoding="utf-8")
    site = tmp_path_factory.mktemp("drift-site")
    build = mkdocs_build(project, site, "--strict")
    return project, site, build


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
    index = (site / "en/search/search_index.json").read_text(encoding="utf-8")
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
    ("en/traducciones", {"fresh": "Up to date", "stale": "May be out of date",
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
    for index in ("search/search_index.json", "en/search/search_index.json"):
        assert "traducciones" not in (site / index).read_text(encoding="utf-8")


# Review dates -------------------------------------------------------------------

def test_the_build_reports_overdue_reviews_with_their_owner(drift_site):
    _, _, build = drift_site
    assert re.search(r"INFO\s+-\s+Review overdue: docs/fresca\.es\.md was due for review on "
                     r"2001-02-03 \(owner: Equipo de formación\)", build.stderr)
    overdue = re.findall(r"Review overdue: (docs/\S+)", build.stderr)
    assert overdue == ["docs/fresca.es.md"]


@pytest.mark.parametrize(("address", "heading"), [
    ("traducciones", "Revisiones vencidas"), ("en/traducciones", "Overdue reviews")])
def test_the_status_page_lists_overdue_reviews(drift_site, address, heading):
    _, site, _ = drift_site
    page = html(site, address)
    reviews = page[page.index(heading):]
    table = re.search(r'<table class="review-status">.*?</table>', reviews, re.S).group(0)
    rows = re.findall(r"<tr>\s*<td>.*?<code>(docs/[^<]+)</code>.*?<td>([^<]+)</td>\s*"
                      r'<td><time datetime="([0-9-]+)">', table, re.S)
    assert rows == [("docs/fresca.es.md", "Equipo de formación", "2001-02-03")]
    days = (datetime.date.today() - datetime.date(2001, 2, 3)).days
    assert f"<td>{days}</td>" in table


def test_a_review_date_that_is_not_a_date_fails_with_file_and_line(tmp_path):
    project = make_project(tmp_path / "project")
    page = project / "docs/fresca.es.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "---\n\n", "review_by: next spring\n---\n\n", 1), encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site", "--strict")
    assert build.returncode != 0
    assert "docs/fresca.es.md:4: 'review_by: next spring' is not a date." in build.stderr
    assert "2027-03-31" in build.stderr  # how to write one
    assert "Traceback" not in build.stderr


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


def test_labels_exist_in_both_languages():
    labels = yaml.safe_load((ROOT / "hooks/translation_labels.yml").read_text(encoding="utf-8"))

    def shape(value):
        return {k: shape(v) for k, v in value.items()} if isinstance(value, dict) else None

    assert set(labels) == set(LANGUAGES)
    assert shape(labels["es"]) == shape(labels["en"])
    assert set(labels["en"]["states"]) == {translations.FRESH, translations.STALE,
                                            translations.NO_RECORD, translations.NO_TRANSLATION}


# The playbook itself ----------------------------------------------------------------

@pytest.mark.parametrize(("address", "title"), [
    ("traducciones", "Estado de las traducciones"), ("en/traducciones", "Translation status")])
def test_the_playbook_has_a_status_page_listing_every_page(site, address, title):
    page = html(site, address)
    assert f"<h1>{title}</h1>" in page
    listed = set(status_rows(page))
    assert listed == {f"docs/{key}.en.md" for key in source_pages()}


def test_every_english_page_of_the_playbook_is_a_translation_the_command_can_mark():
    """The command reads the real site: every English page has a Spanish source."""
    result = subprocess.run([sys.executable, "hooks/translations.py", "status"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    names = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert names == {f"docs/{key}.en.md" for key in source_pages()}


# In Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def drift_server(drift_site):
    """The small site over HTTP on 127.0.0.1."""
    _, site, _ = drift_site
    with serve(site) as base:
        yield base


@pytest.mark.browser
def test_the_notice_is_seen_and_leads_to_the_spanish_page(drift_server, page):
    page.goto(drift_server + "en/vieja/")
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert notice.get_attribute("role") == "note"
    # The small site's pages are not the playbook's: check the notice itself.
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = page.evaluate("""tags => axe.run('.translation-notice', {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", WCAG_TAGS)
    assert results["passes"] and results["violations"] == []
    notice.get_by_role("link", name="Read the original page").click()
    page.wait_for_url(drift_server + "vieja/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator(".translation-notice").count() == 0
