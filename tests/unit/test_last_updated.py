"""Last updated and the build's day, without a build: `make` lets the build run on a machine
without git, and a build tells one day, its own. The builds themselves are in
tests/build/test_last_updated.py and tests/build/test_translation_drift.py."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

from playbook import build
from support import FIXED_DAY, FIXED_MOMENT, ROOT


def test_make_lets_the_build_run_without_git():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export GIT_PYTHON_REFRESH := quiet$", makefile, re.M)


def test_a_build_keeps_the_moment_it_started_and_the_next_build_takes_its_own(monkeypatch):
    # The last-updated fallback and the status page's day read it: a build that crosses midnight
    # (SOURCE_DATE_EPOCH moving stands in for the clock) still tells one day in both languages.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FIXED_MOMENT))
    one_build = SimpleNamespace()
    started = build.moment(one_build)
    assert started.isoformat() == f"{FIXED_DAY}T12:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FIXED_MOMENT + 24 * 3600))
    assert build.moment(one_build) == started
    assert build.moment(SimpleNamespace()) == started + datetime.timedelta(days=1)
    # Without SOURCE_DATE_EPOCH, the clock's time.
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = datetime.datetime.now(datetime.UTC)
    assert before <= build.moment(SimpleNamespace()) <= datetime.datetime.now(datetime.UTC)
