"""Last updated, without a build: `make` lets the build run on a machine
without git. The builds themselves are in tests/build/test_last_updated.py."""

from __future__ import annotations

import re

from support import ROOT


def test_make_lets_the_build_run_without_git():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export GIT_PYTHON_REFRESH := quiet$", makefile, re.M)
