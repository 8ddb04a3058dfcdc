"""Every line our hooks log is in the editor's language. The base playbook, with what makes the
hooks speak without stopping a build (a stale and an unmarked translation, reviews overdue with and
without an owner, no git history, no favicon or colours of its own, the offline copy's size), built
for real with PLAYBOOK_MESSAGES=es and =en: each line a file of hooks/ logged must read as one of
labels/messages.yml's texts in that language and hold none of the other language's words, and
both builds must say the same things."""

from __future__ import annotations

import functools
import json
import os
import re
import string
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from playbook import label_files
from support import ROOT
from support.sites import apply, base_files, make_project, replace

MESSAGES = label_files.labels("messages", label_files.MESSAGES)
LANGUAGES = tuple(MESSAGES)
HEAD = "---\n\n"  # the end of a base page's front matter
FILES = apply(base_files(), {
    "factores.en.md": replace(HEAD, "translated_from: sha256:0123456789abcdef\n" + HEAD),
    "factores.es.md": replace(HEAD, "owner: Equipo de formación\nreview_by: 2001-02-03\n" + HEAD),
    "index.es.md": replace(HEAD, "review_by: 2002-03-04\n" + HEAD),
})
# Runs `mkdocs build` as its command line does, keeping what each file of hooks/ logs (its
# logger's name aside: a record knows the file that logged it).
LOGGED = """
import json, logging, sys
from pathlib import Path
from mkdocs.__main__ import cli
hooks, kept, site = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), sys.argv[3]
said = []
class Ours(logging.Handler):
    def emit(self, record):
        if Path(record.pathname).resolve().is_relative_to(hooks):
            said.append(record.getMessage())
for name in ("mkdocs", ""):
    logging.getLogger(name).addHandler(Ours())
try:
    cli(["build", "--strict", "--site-dir", site], standalone_mode=False)
finally:
    kept.write_text(json.dumps(said), encoding="utf-8")
"""


def literal(text: str) -> str:
    return "".join(part for part, *_ in string.Formatter().parse(text))


def pattern(text: str) -> re.Pattern:
    """A catalogue text as a regular expression: each {placeholder} any text."""
    parts = string.Formatter().parse(text)
    return re.compile("".join(re.escape(part) + ("(?s:.+?)" if name is not None else "")
                              for part, name, _, _ in parts))


@functools.cache
def readings(language: str) -> dict[str, tuple[re.Pattern, int]]:
    """Every line the catalogue can say in ``language``: each text alone, and each with its fix
    (label_files.said_with_fix), with how many characters of their own they have; only texts with
    words of their own (not '{how}')."""
    words = MESSAGES[language]
    texts = {key: text for key, text in words.items() if isinstance(text, str)}
    texts |= {f"{key}+fix": f"{text.strip()} {texts[f'{key}_fix'].strip()}"
              for key, text in list(texts.items()) if f"{key}_fix" in texts}
    return {key: (pattern(text.strip()), len(literal(text).strip())) for key, text in texts.items()
            if len(literal(text).strip()) >= 8}


def foreign(language: str) -> set[str]:
    """The other languages' words: each run of text of their messages (12 characters or more)
    that no message of ``language`` holds."""
    own = "\n".join(literal(text) for text in MESSAGES[language].values() if isinstance(text, str))
    runs = {run.strip() for other in LANGUAGES if other != language
            for text in MESSAGES[other].values() if isinstance(text, str)
            for run in re.split(r"[\n'\"()]", literal(text))}
    return {run for run in runs if len(run) >= 12 and run not in own}


@pytest.fixture(scope="module")
def logged(tmp_path_factory) -> dict[str, list[str]]:
    """What the hooks logged in each language's build."""
    base = {name: value for name, value in os.environ.items()
            if name not in ("PLAYBOOK_MESSAGES", *label_files.LOCALE)}

    def run(language):
        project = make_project(tmp_path_factory.mktemp(f"logged-{language}"), FILES)
        kept = project / "logged.json"
        result = subprocess.run(
            [sys.executable, "-c", LOGGED, str(ROOT / "hooks"), str(kept), str(project / "site")],
            cwd=project, env={**base, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOK_MESSAGES": language},
            capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        return language, json.loads(kept.read_text(encoding="utf-8"))

    with ThreadPoolExecutor(max_workers=len(LANGUAGES)) as pool:
        return dict(pool.map(run, LANGUAGES))


def said(line: str, language: str) -> str | None:
    """The catalogue's key of a logged line in ``language`` (the one with most words of its own)."""
    found = [(size, key) for key, (read, size) in readings(language).items() if read.fullmatch(line)]
    return max(found, default=(0, None))[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_line_the_hooks_log_is_a_message_of_the_editor_language(logged, language):
    lines = logged[language]
    assert lines, "the hooks logged nothing: the fixture no longer makes them speak"
    unsaid = [line for line in lines if said(line, language) is None]
    assert unsaid == [], f"not a message of the '{language}' catalogue:\n" + "\n".join(unsaid)
    words = foreign(language)
    mixed = [f"{line}\n    ({', '.join(sorted(w for w in words if w in line))})"
             for line in lines if any(word in line for word in words)]
    assert mixed == [], f"words of another language in the '{language}' build:\n" + "\n".join(mixed)


def test_both_languages_say_the_same_things(logged):
    said_by = {language: Counter(said(line, language) for line in lines) for language, lines in logged.items()}
    assert len(set(map(frozenset, (counts.items() for counts in said_by.values())))) == 1, said_by
