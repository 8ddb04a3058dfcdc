"""Last updated: every page shows the date of its last commit, in its language,
on the machine's real git, from a throw-away repository with known commit
dates; a shallow clone, a copy without history and a machine without git each
build, strictly, and say so in one line.

The git tested is the first on PATH (`git --version` is in the output of
test_git_version): run this file again with another git first on PATH to
test that one too.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys

import pytest
from babel.dates import format_date

from playbook import git_dates
from support import ROOT, page_url
from support.sites import base_files, make_project

UTC = datetime.UTC
# The date Material shows at the foot of a page, after the clock icon.
SHOWN = re.compile(r'<aside class="md-source-file">\s*<span class="md-source-file__fact">\s*'
                   r'<span class="md-icon" title="[^"]+">.*?</span>\s*([^<]+?)\s*</span>', re.S)
ONE_LINE = re.compile(r"^INFO\s+-\s+Last updated: .*$", re.M)

# The history of the throw-away repository: (author date, committer date, files changed).
FIRST = datetime.datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
SPANISH_FIX = datetime.datetime(2025, 7, 14, 23, 30, tzinfo=UTC)
# Written in January, merged in September: the page changed on the site in September.
WRITTEN = datetime.datetime(2025, 1, 2, 9, 0, tzinfo=UTC)
MERGED = datetime.datetime(2025, 9, 30, 8, 15, tzinfo=UTC)


def git(*args, cwd, when: tuple[datetime.datetime, datetime.datetime] | None = None, env=None):
    extra = {}
    if when:
        extra = {"GIT_AUTHOR_DATE": when[0].isoformat(), "GIT_COMMITTER_DATE": when[1].isoformat()}
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
         "-c", "init.defaultBranch=main", "-c", "commit.gpgSign=false", *args],
        cwd=cwd, check=True, capture_output=True, text=True, timeout=60,
        env={**os.environ, **extra, **(env or {})},
    )


def edit(path, line: str):
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def start_build(project, site_dir, **env):
    """Start a real `mkdocs build --strict` of ``project``; the caller waits for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The base fixture site built four ways at once: with its whole history, from a
    shallow clone of it, from a copy without .git, and with no git on PATH."""
    base = tmp_path_factory.mktemp("last-updated")
    history = make_project(base / "history", base_files())
    docs = history / "docs"
    git("init", "-q", ".", cwd=history)
    git("add", "-A", cwd=history)
    git("commit", "-q", "-m", "First", cwd=history, when=(FIRST, FIRST))
    edit(docs / "factores.es.md", "Una corrección urgente.")
    git("commit", "-q", "-a", "-m", "Urgent Spanish fix", cwd=history, when=(SPANISH_FIX, SPANISH_FIX))
    edit(docs / "tipos" / "enojado.en.md", "A late translation.")
    git("commit", "-q", "-a", "-m", "Translation", cwd=history, when=(WRITTEN, MERGED))
    # Edited after its last commit: the date is still the commit's.
    edit(docs / "index.es.md", "Sin guardar en git todavía.")

    shallow = base / "shallow"
    git("clone", "-q", "--depth", "1", history.as_uri(), str(shallow), cwd=base)
    plain = base / "plain"
    shutil.copytree(history, plain, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    # The same repository, for the build that finds no git to read it with.
    no_git = base / "no-git"
    shutil.copytree(history, no_git, symlinks=True)
    no_git_bin = base / "bin"
    no_git_bin.mkdir()
    cases = {
        "history": (history, {}),
        # A CI runner's checkout: the plugin this hook replaced warned here.
        "shallow": (shallow, {"GITHUB_ACTIONS": "true"}),
        "no-repository": (plain, {}),
        "no-git": (no_git, {"PATH": str(no_git_bin)}),
    }
    started = datetime.datetime.now(UTC).date()
    processes = {name: (start_build(project, base / f"site-{name}", **env), base / f"site-{name}")
                 for name, (project, env) in cases.items()}
    results = {}
    for name, (process, site_dir) in processes.items():
        out, err = process.communicate(timeout=300)
        results[name] = (process.returncode, out + err, site_dir)
    return results, started


def shown(site, key, language) -> str:
    html = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
    match = SHOWN.search(html)
    assert match, f"{page_url(key, language)} shows no last-updated date"
    return match.group(1)


def long_dates(day: datetime.date | datetime.datetime) -> dict[str, str]:
    day = day.date() if isinstance(day, datetime.datetime) else day
    return {language: format_date(day, "long", locale=language) for language in ("es", "en")}


def test_git_version():
    version = subprocess.run(["git", "--version"], capture_output=True, text=True, check=True).stdout
    print(version)
    assert re.match(r"git version \d+\.\d+", version)


@pytest.mark.parametrize("case", ["history", "shallow", "no-repository", "no-git"])
def test_the_strict_build_passes_without_a_warning(builds, case):
    returncode, output, _ = builds[0][case]
    assert returncode == 0, output
    assert not re.search(r"^(WARNING|ERROR)\b", output, re.M), output
    assert "Traceback" not in output


def test_each_page_shows_its_last_commit_date_in_its_language(builds):
    _, output, site = builds[0]["history"]
    expected = {
        # Only the Spanish page got the fix; the English one keeps the first date.
        ("factores", "es"): SPANISH_FIX, ("factores", "en"): FIRST,
        # The committer date (merged), not the author date (written).
        ("tipos/enojado", "es"): FIRST, ("tipos/enojado", "en"): MERGED,
        # Changed since, but not committed.
        ("index", "es"): FIRST, ("index", "en"): FIRST,
        ("referencias", "es"): FIRST, ("referencias", "en"): FIRST,
    }
    for (key, language), when in expected.items():
        assert shown(site, key, language) == long_dates(when)[language], (key, language)
    assert shown(site, "factores", "es") == "14 de julio de 2025"
    assert shown(site, "tipos/enojado", "en") == "September 30, 2025"
    # A full history is nothing to report.
    assert not ONE_LINE.search(output), output
    assert "git" not in output.lower(), output


def test_a_shallow_clone_says_so_once_and_shows_its_commit_date(builds):
    _, output, site = builds[0]["shallow"]
    lines = ONE_LINE.findall(output)
    assert len(lines) == 1, output
    assert "shallow git clone" in lines[0] and "git fetch --unshallow" in lines[0]
    # Eight pages (four per language), all dated by the one commit the clone holds.
    assert "8 of 8 pages" in lines[0]
    for key in ("factores", "tipos/enojado", "index"):
        for language in ("es", "en"):
            assert shown(site, key, language) == long_dates(MERGED)[language]
    # The only lines about git are that one.
    assert len([line for line in output.splitlines() if "git" in line.lower()]) == 1, output


@pytest.mark.parametrize("case, reason", [("no-repository", "not a git repository"),
                                          ("no-git", "git is not installed")])
def test_without_history_pages_show_the_build_date_and_say_so_once(builds, case, reason):
    (_, output, site), started = builds[0][case], builds[1]
    lines = ONE_LINE.findall(output)
    assert len(lines) == 1, output
    assert reason in lines[0] and "build date" in lines[0], lines[0]
    today = {started, datetime.datetime.now(UTC).date()}
    for key in ("factores", "tipos/enojado"):
        for language in ("es", "en"):
            assert shown(site, key, language) in {long_dates(day)[language] for day in today}


def test_generated_pages_show_no_date(builds):
    _, _, site = builds[0]["history"]
    for language in ("es", "en"):
        html = (site / page_url("cards/index", language) / "index.html").read_text(encoding="utf-8")
        assert 'class="md-source-file"' not in html


def test_one_git_log_reads_every_file_name_git_can_hold(tmp_path):
    """Spaces, accents, quotes and a file changed after a rename, read by the real git."""
    docs = tmp_path / "docs"
    (docs / "sub dir").mkdir(parents=True)
    names = ["señal.es.md", "sub dir/with space.md", 'quote"d.md', "tab\there.md"]
    for name in names:
        (docs / name).write_text("one\n", encoding="utf-8")
    (tmp_path / "outside.md").write_text("not in docs\n", encoding="utf-8")
    git("init", "-q", ".", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "-q", "-m", "one", cwd=tmp_path, when=(FIRST, FIRST))
    git("mv", "señal.es.md", "señales.es.md", cwd=docs)
    git("commit", "-q", "-m", "rename", cwd=tmp_path, when=(WRITTEN, MERGED))
    edit(docs / "sub dir" / "with space.md", "two")
    git("commit", "-q", "-a", "-m", "two", cwd=tmp_path, when=(SPANISH_FIX, SPANISH_FIX))

    history = git_dates.read(docs)
    assert history.missing == "" and history.shallow is False and history.cut == set()
    assert history.dates == {
        "señales.es.md": int(MERGED.timestamp()),  # a renamed file's date is its rename's
        "sub dir/with space.md": int(SPANISH_FIX.timestamp()),
        'quote"d.md': int(FIRST.timestamp()),
        "tab\there.md": int(FIRST.timestamp()),
        # The old name, last seen when it went away; outside.md is not in the folder.
        "señal.es.md": int(MERGED.timestamp()),
    }


def test_a_folder_outside_any_repository_has_no_history(tmp_path):
    history = git_dates.read(tmp_path)
    assert history.dates == {} and "not a git repository" in history.missing


def test_the_playbook_shows_each_page_s_last_commit_date(site):
    """The real site: the date of each page's last commit, when this is a full clone."""
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT,
                             capture_output=True, text=True)
    if shallow.returncode != 0 or shallow.stdout.strip() != "false":
        pytest.skip("the playbook's own dates need a full git clone")
    for key in ("factores", "tipos/enojado", "index", "referencias"):
        for language in ("es", "en"):
            source = f"docs/{key}.{language}.md"
            if subprocess.run(["git", "diff", "--quiet", "HEAD", "--", source], cwd=ROOT).returncode:
                continue  # changed since its last commit: today's work
            stamp = subprocess.run(["git", "log", "-1", "--format=%ct", "--", source], cwd=ROOT,
                                   capture_output=True, text=True, check=True).stdout.strip()
            when = datetime.datetime.fromtimestamp(int(stamp), UTC)
            assert shown(site, key, language) == long_dates(when)[language], source


# These builds speak English (tests/conftest.py): the English guide quotes their lines; that each
# guide quotes every message in its own language is tests/unit/test_messages.py's.
@pytest.mark.parametrize("guide", ["CONTRIBUTING.en.md"])
def test_the_guides_explain_each_line_about_dates(builds, guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    for case in ("shallow", "no-repository"):
        line = ONE_LINE.search(builds[0][case][1]).group(0)
        said = line.split("INFO", 1)[1].split("-", 1)[1].strip()
        # The table quotes the line up to its first variable part.
        assert f"| `{said.split('(')[0]}(" in text, (guide, said)
