"""Last updated: every page shows when it last changed, in its language, and
the strict build still passes in a copy without git history, on a machine
without git, and in a shallow clone on a CI runner."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys

import pytest
from babel.dates import format_date

from support import ROOT, page_url

IGNORED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                 ".pytest_cache", ".cache")
DATE = re.compile(r'<span class="git-revision-date-localized-plugin '
                  r'git-revision-date-localized-plugin-date"[^>]*>([^<]+)</span>')


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=cwd, check=True, capture_output=True, timeout=60)


def start_build(project, site_dir, **env):
    """Start a real strict `mkdocs build` of ``project``; the caller waits for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The playbook built three ways at once, each from a copy of the working tree."""
    base = tmp_path_factory.mktemp("last-updated")
    # A downloaded copy: no .git at all.
    plain = base / "plain"
    shutil.copytree(ROOT, plain, ignore=IGNORED)
    # A machine without git: git is not on PATH (the Makefile sets GIT_PYTHON_REFRESH).
    no_git_bin = base / "bin"
    no_git_bin.mkdir()
    # A CI runner's shallow clone: one commit of a longer history.
    history = base / "history"
    shutil.copytree(ROOT, history, ignore=IGNORED)
    git("init", "-q", ".", cwd=history)
    git("add", "-A", cwd=history)
    git("commit", "-q", "-m", "First", cwd=history)
    (history / "README.md").write_text((history / "README.md").read_text() + "\n")
    git("commit", "-q", "-a", "-m", "Second", cwd=history)
    shallow = base / "shallow"
    git("clone", "-q", "--depth", "1", history.as_uri(), str(shallow), cwd=base)
    cases = {
        "no-history": (plain, {}),
        "no-git": (history, {"PATH": str(no_git_bin), "GIT_PYTHON_REFRESH": "quiet"}),
        "shallow": (shallow, {"GITHUB_ACTIONS": "true"}),
    }
    processes = {name: (start_build(project, base / f"site-{name}", **env), base / f"site-{name}")
                 for name, (project, env) in cases.items()}
    results = {}
    for name, (process, site_dir) in processes.items():
        _, err = process.communicate(timeout=300)
        results[name] = (process.returncode, err, site_dir)
    return results


def dates(site, key) -> dict[str, str]:
    """The "last updated" date shown on a page, by language."""
    shown = {}
    for language in ("es", "en"):
        html = (site / page_url(key, language) / "index.html").read_text(encoding="utf-8")
        match = DATE.search(html)
        assert match, f"{page_url(key, language)} shows no last-updated date"
        shown[language] = match.group(1)
    return shown


@pytest.mark.parametrize("case", ["no-history", "no-git", "shallow"])
def test_the_strict_build_passes(builds, case):
    returncode, err, _ = builds[case]
    assert returncode == 0, err
    assert not re.search(r"^(WARNING|ERROR)\b", err, re.M), err
    assert "Traceback" not in err


@pytest.mark.parametrize("case", ["no-history", "no-git"])
def test_without_history_pages_show_the_build_date_in_their_language(builds, case):
    _, err, site = builds[case]
    today = datetime.datetime.now(datetime.UTC).date()
    assert dates(site, "factores") == {
        "es": format_date(today, "long", locale="es"),
        "en": format_date(today, "long", locale="en"),
    }
    # Said once, as information, not once per page.
    notes = re.findall(r"^INFO\s+-\s+mkdocs_git_revision_date_localized_plugin: .*build date",
                       err, re.M)
    assert 1 <= len(notes) <= os.cpu_count() + 1


def test_a_shallow_clone_on_ci_is_reported_as_information(builds):
    _, err, _ = builds["shallow"]
    assert re.search(r"^INFO\s+-\s+mkdocs_git_revision_date_localized_plugin: \s*Running on "
                     r"GitHub Actions might lead to wrong\s+Git revision dates", err, re.M)


def test_the_playbook_shows_last_updated_dates_in_each_language(site):
    for key in ("factores", "tipos/enojado", "index"):
        shown = dates(site, key)
        assert re.fullmatch(r"\d{1,2} de [a-záéíóú]+ de \d{4}", shown["es"]), shown
        assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", shown["en"]), shown
