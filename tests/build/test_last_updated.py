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

from playbook import git_dates, label_files
from support import FIXED_DAY, FIXED_MOMENT, ROOT, page_url
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
        # Without history a page shows the build's day: one set in advance (FIXED_MOMENT), not the clock's.
        "no-repository": (plain, {"SOURCE_DATE_EPOCH": str(FIXED_MOMENT)}),
        "no-git": (no_git, {"PATH": str(no_git_bin), "SOURCE_DATE_EPOCH": str(FIXED_MOMENT)}),
    }
    processes = {name: (start_build(project, base / f"site-{name}", **env), base / f"site-{name}")
                 for name, (project, env) in cases.items()}
    results = {}
    for name, (process, site_dir) in processes.items():
        out, err = process.communicate(timeout=300)
        results[name] = (process.returncode, out + err, site_dir)
    return results


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
    returncode, output, _ = builds[case]
    assert returncode == 0, output
    assert not re.search(r"^(WARNING|ERROR)\b", output, re.M), output
    assert "Traceback" not in output


def test_each_page_shows_its_last_commit_date_in_its_language(builds):
    _, output, site = builds["history"]
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
    _, output, site = builds["shallow"]
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
    _, output, site = builds[case]
    lines = ONE_LINE.findall(output)
    assert len(lines) == 1, output
    assert reason in lines[0] and "build date" in lines[0], lines[0]
    for key in ("factores", "tipos/enojado"):
        for language in ("es", "en"):
            assert shown(site, key, language) == long_dates(datetime.date.fromisoformat(FIXED_DAY))[language]


def test_generated_pages_show_no_date(builds):
    _, _, site = builds["history"]
    for language in ("es", "en"):
        html = (site / page_url("cards/index", language) / "index.html").read_text(encoding="utf-8")
        assert 'class="md-source-file"' not in html


# --- What's new: the same history, as each language's novedades/ page ------------------------

WHATS_NEW = re.compile(r'<li>\s*<p><time datetime="([^"]+)">([^<]+)</time>: ([^<]*)</p>\s*<ul>(.*?)</ul>', re.S)


def whats_new(site, language) -> tuple[str, list[tuple[str, str, str, list[str]]]]:
    """The page's text and its changes: (ISO date, date shown, line, the pages' addresses)."""
    html = (site / page_url("novedades", language) / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    here = "/" + page_url("novedades", language)
    changes = []
    for iso, shown_date, line, pages in WHATS_NEW.findall(article):
        links = re.findall(r'<a href="([^"]+)">', pages)
        resolved = [os.path.normpath(os.path.join(here, link)).rstrip("/") + "/" for link in links]
        changes.append((iso, shown_date, line, [url.replace("//", "/") for url in resolved]))
    return article, changes


def test_whats_new_lists_each_languages_changes_newest_first(builds):
    _, _, site = builds["history"]
    expected = {"es": (SPANISH_FIX, ["factores"]), "en": (MERGED, ["tipos/enojado"])}
    for language, (when, keys) in expected.items():
        article, changes = whats_new(site, language)
        # Commits without trailers: the neutral line, never their subjects.
        revised = label_files.labels("whats_new")[language]["revised"]
        assert changes[0] == (when.date().isoformat(), long_dates(when)[language], revised,
                              ["/" + page_url(key, language) for key in keys]), changes
        # Then the first commit, with every other page of the language that git dates.
        assert [change[2] for change in changes] == [revised, revised]
        assert not any(subject in article for subject in ("Urgent Spanish fix", "Translation", "First"))
        dates = [change[0] for change in changes]
        assert dates == sorted(dates, reverse=True)
        assert all(url.startswith("/en/") == (language == "en") for change in changes for url in change[3])
        # The page committed later and edited since is dated by its commit, in the first group.
        assert "/" + page_url("index", language) in changes[1][3]


def test_whats_new_from_a_shallow_clone_lists_no_false_change_and_says_why(builds):
    _, _, site = builds["shallow"]
    for language, words in label_files.labels("whats_new").items():
        article, changes = whats_new(site, language)
        # The one commit the clone holds shows every file as new: nothing it dates is listed.
        assert changes == []
        assert words["shallow"] in article and words["none"] not in article


@pytest.mark.parametrize("case", ["no-repository", "no-git"])
def test_whats_new_without_git_says_so_on_the_page(builds, case):
    returncode, _, site = builds[case]
    assert returncode == 0
    for language, words in label_files.labels("whats_new").items():
        article, changes = whats_new(site, language)
        assert changes == [] and words["no_history"] in article


def test_whats_new_from_a_deeper_shallow_clone_lists_the_changes_it_holds_whole(tmp_path):
    """A CI checkout of a few commits: the changes after its cut are true, and listed; the pages
    the cut commit dates are not."""
    history = make_project(tmp_path / "history", base_files())
    git("init", "-q", ".", cwd=history)
    git("add", "-A", cwd=history)
    git("commit", "-q", "-m", "First", cwd=history, when=(FIRST, FIRST))
    edit(history / "docs" / "factores.es.md", "Una corrección.")
    git("commit", "-q", "-a", "-m", "Second", cwd=history, when=(SPANISH_FIX, SPANISH_FIX))
    edit(history / "docs" / "factores.en.md", "A fix.")
    git("commit", "-q", "-a", "-m", "Factores: a fix", "-m", "News: Factors: a fix", cwd=history,
        when=(MERGED, MERGED))
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "2", history.as_uri(), str(clone), cwd=tmp_path)
    process = start_build(clone, tmp_path / "site")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    _, english = whats_new(tmp_path / "site", "en")
    assert english == [(MERGED.date().isoformat(), long_dates(MERGED)["en"], "Factors: a fix", ["/en/factores/"])]
    # The Spanish fix is the cut commit: every file looks new in it, so none is listed.
    article, spanish = whats_new(tmp_path / "site", "es")
    assert spanish == [] and label_files.labels("whats_new")["es"]["shallow"] in article


# Each case of a line on what changed, one commit (or merge) per page, newest last.
A_CHANGE = [datetime.datetime(2025, month, 1, 12, 0, tzinfo=UTC) for month in range(2, 8)]


@pytest.fixture(scope="module")
def trailers(tmp_path_factory):
    """The base site with a history whose commits carry the trailers of the labels' languages
    (Novedad, News), some of them, or none; built once. -> (site, the commit subjects)."""
    base = tmp_path_factory.mktemp("trailers")
    key = {language: words["trailer"] for language, words in label_files.labels("whats_new").items()}
    history = make_project(base / "history", base_files())
    docs = history / "docs"
    subjects = ["First", "Factores: lint fix (factores.py, 3 tests)", "Referencias: reflow to 100 columns",
                "Index: hero copy, dev wording", "Merge branch 'portada'", "Enojado: move the escalation block",
                "Merge branch 'enojado'"]
    git("init", "-q", ".", cwd=history)
    git("add", "-A", cwd=history)
    git("commit", "-q", "-m", subjects[0], cwd=history, when=(FIRST, FIRST))

    def commit(subject, when, *lines):
        git("commit", "-q", "-a", "-m", subject, *(["-m", "\n".join(lines)] if lines else []),
            cwd=history, when=(when, when))

    def both(key_words):
        return [f"{key[language]}: {words}" for language, words in key_words.items()]

    # Both trailers, a direct commit.
    for language in ("es", "en"):
        edit(docs / f"factores.{language}.md", "Cambio.")
    commit(subjects[1], A_CHANGE[0], *both({"es": "Factores: nueva lista", "en": "Factors: a new list"}))
    # No trailer at all.
    for language in ("es", "en"):
        edit(docs / f"referencias.{language}.md", "Cambio.")
    commit(subjects[2], A_CHANGE[1])
    # Spanish only, on a branch merged by a merge without trailers: the commit speaks for it.
    git("checkout", "-q", "-b", "portada", cwd=history)
    for language in ("es", "en"):
        edit(docs / f"index.{language}.md", "Cambio.")
    commit(subjects[3], A_CHANGE[2], f"{key['es']}: Inicio: una portada nueva")
    git("checkout", "-q", "main", cwd=history)
    git("merge", "-q", "--no-ff", "-m", subjects[4], "portada", cwd=history, when=(A_CHANGE[3], A_CHANGE[3]))
    # A branch commit with an English trailer, merged by a merge with both: the merge's lines win.
    git("checkout", "-q", "-b", "enojado", cwd=history)
    for language in ("es", "en"):
        edit(docs / "tipos" / f"enojado.{language}.md", "Cambio.")
    commit(subjects[5], A_CHANGE[4], f"{key['en']}: Angry: developer words")
    git("checkout", "-q", "main", cwd=history)
    git("merge", "-q", "--no-ff", "-m", subjects[6], "-m",
        "\n".join(both({"es": "Cliente enojado: cuándo llamar a un supervisor",
                          "en": "Angry customer: when to call a supervisor"})),
        "enojado", cwd=history, when=(A_CHANGE[5], A_CHANGE[5]))
    process = start_build(history, base / "site")
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, out + err
    return base / "site", subjects


def test_whats_new_shows_each_language_its_own_trailer_or_the_neutral_line(trailers):
    site, subjects = trailers
    words = label_files.labels("whats_new")
    expected = {
        "es": [(A_CHANGE[5], "Cliente enojado: cuándo llamar a un supervisor", "tipos/enojado"),
               (A_CHANGE[3], "Inicio: una portada nueva", "index"),
               (A_CHANGE[1], words["es"]["revised"], "referencias"),
               (A_CHANGE[0], "Factores: nueva lista", "factores")],
        "en": [(A_CHANGE[5], "Angry customer: when to call a supervisor", "tipos/enojado"),
               (A_CHANGE[3], words["en"]["revised"], "index"),
               (A_CHANGE[1], words["en"]["revised"], "referencias"),
               (A_CHANGE[0], "Factors: a new list", "factores")],
    }
    for language, rows in expected.items():
        article, changes = whats_new(site, language)
        assert changes == [(when.date().isoformat(), long_dates(when)[language], line,
                            ["/" + page_url(key, language)]) for when, line, key in rows], changes
        # Developer words never reach staff: no subject, no other language's line.
        assert not [subject for subject in subjects if subject in article], language
        assert "developer words" not in article
        other = "en" if language == "es" else "es"
        assert not [line for _, line, _ in expected[other] if line != words[other]["revised"] and line in article]


def test_the_playbooks_whats_new_is_in_the_navigation_of_both_languages(site):
    for language, words in label_files.labels("whats_new").items():
        home = (site / page_url("index", language) / "index.html").read_text(encoding="utf-8")
        nav = home[home.index('md-nav--primary'):]
        link = re.search(r'href="[^"]*novedades/"[^>]*>(.*?)</a>', nav, re.S)
        assert link and re.sub(r"<[^>]+>|\s+", " ", link.group(1)).strip() == words["title"]


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
            # A merge dates the pages it brings in, as the build reads them.
            asked = ["git", "log", "-1", "-s", "--diff-merges=first-parent", "--format=%ct", "--", source]
            stamp = subprocess.run(asked, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
            when = datetime.datetime.fromtimestamp(int(stamp), UTC)
            assert shown(site, key, language) == long_dates(when)[language], source


# These builds speak English (tests/conftest.py): the English guide quotes their lines; that each
# guide quotes every message in its own language is tests/unit/test_messages.py's.
@pytest.mark.parametrize("guide", ["CONTRIBUTING.en.md"])
def test_the_guides_explain_each_line_about_dates(builds, guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    for case in ("shallow", "no-repository"):
        line = ONE_LINE.search(builds[case][1]).group(0)
        said = line.split("INFO", 1)[1].split("-", 1)[1].strip()
        # The table quotes the line up to its first variable part.
        assert f"| `{said.split('(')[0]}(" in text, (guide, said)
