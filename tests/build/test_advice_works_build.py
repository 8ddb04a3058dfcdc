"""Advice that works first time, in real builds: a tiny playbook with many slips at once (a paste's
invisible characters, links and image names without their '../' or with other capitals, an id lost,
values the schema refuses) goes
through a plain `mkdocs build`, which must stop with one report that says what the checks say in
tests/unit/test_advice_works.py, each problem once on its line; then each fix of that sweep is
applied to the problems as the build printed them (the values taken from the printed messages),
and `mkdocs build --strict` of the fixed playbook must pass: no problem left, none new, and no
warning of MkDocs' own.
"""

from __future__ import annotations

import importlib.util
import re
import sys

from playbook.catalogue import Problem
from support import ROOT, mkdocs_build
from support.sites import apply, base_files, line_of, make_project

spec = importlib.util.spec_from_file_location("advice_sweep", ROOT / "tests" / "unit" / "test_advice_works.py")
SWEEP = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(SWEEP)

ES_TYPE = SWEEP.ES_TYPE
_kinds = SWEEP._kinds  # the fixture that tells each problem's kind
ZERO_WIDTH = "\u200b"
ENTRY = re.compile(r"^docs/([\w./-]+):(\d+): (.*)\n    How to fix: (.*)$", re.M)
# Slips made at once, each in its own place, and the kind each is said as.
KINDS = {
    "link-to-other-language": "other_language_link", "absolute-link": "absolute_address",
    "heading-id-deleted": "heading_id_deleted", "unknown-customer-type-field": "misspelt_field",
    "unknown-icon": "no_icon", "http-link": "http_link", "nbsp-after-a-colon": "character_yaml",
    "table-row-missing-a-cell": "table_row_short", "search-term-twice": "search_term_twice",
    "number-as-a-list-item": "wrong_type", "unknown-emoji": "unknown_emoji", "image-without-alt": "image_no_text",
    # Links and images from a folder without their '../', or with other capitals: said at once.
    "link-from-a-folder-without-its-dots": "missing_page", "image-name-with-other-capitals": "missing_file",
    # A zero-width character pasted inside a link's address, on the angry type's page.
    "zero-width-in-a-link-address": "character_invisible",
}
ADDRESS = f"[rapidez](../factores.md{ZERO_WIDTH}#rapidez)"


def _edits() -> list[dict]:
    """Every slip's edits, to apply one after the other."""
    return [SWEEP.FAULTS[name] if name in SWEEP.FAULTS else SWEEP.PASTE_SLIPS[name].edits for name in KINDS]


def _fix(name: str):
    """The fix of a slip: its own where it has one (the paste slips'), else its message kind's."""
    slip = SWEEP.PASTE_SLIPS.get(name)
    return SWEEP.paste_fix(slip.fix.__name__) if slip else SWEEP.CASES[KINDS[name]].fix


def _broken() -> dict:
    files = base_files()
    for edits in _edits():
        files = apply(files, edits)
    return files


def _fixed(files: dict, printed: list[Problem], folder) -> dict:
    """Each problem fixed as its message says, the last lines of each file first (a fix may add or
    remove lines below its own, never above)."""
    names = {kind: name for name, kind in KINDS.items()}
    kinds = {(problem.path, problem.line, problem.message): SWEEP.KINDS[problem]
             for problem in SWEEP.problems(files, folder) if problem in SWEEP.KINDS}
    for problem in sorted(printed, key=lambda p: (p.path, -p.line)):
        files = _fix(names[kinds[(problem.path, problem.line, problem.message)]])(files, problem)
    return files


def test_many_slips_at_once_stop_the_build_once_each_and_their_fixes_make_it_pass(tmp_path, _kinds):
    files = _broken()
    broken = mkdocs_build(make_project(tmp_path / "broken", files), tmp_path / "broken-site", "--no-strict")
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0 and "Traceback" not in output, output
    printed = [Problem(path, int(line), message, hint) for path, line, message, hint in ENTRY.findall(output)]
    # What the build prints is what the checks of the sweep say: the same problems, each once.
    expected = SWEEP.problems(files, tmp_path / "checked")
    assert sorted(printed, key=str) == sorted(expected, key=str), output
    assert len({(p.path, p.line) for p in printed}) == len(printed) >= len(KINDS), output
    # The zero-width character in the address: named on its line and column, with the fix.
    line = line_of(files[ES_TYPE], ADDRESS)  # the slip's own
    column = files[ES_TYPE].split("\n")[line - 1].index(ZERO_WIDTH) + 1
    assert (f"docs/{ES_TYPE}:{line}: There is a zero-width character (U+200B) at column {column}: it cannot be "
            f"seen") in output
    assert f"put the cursor just after it (column {column + 1}) and press Backspace once." in output
    fixed = _fixed(files, printed, tmp_path / "kinds")
    result = mkdocs_build(make_project(tmp_path / "fixed", fixed), tmp_path / "fixed-site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
