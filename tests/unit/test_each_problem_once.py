"""Each problem once: every broken-site fixture of the build tests (tests/build/test_checks.py,
test_editor_checks_build.py, test_practice_checks.py and test_paste_checks_build.py, each a fault
injected into tests/support/fixtures/base)
goes through every check, as a build runs them, and no place (file and line) may be reported
twice, whether by one check or by two."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections import Counter

import pytest

from playbook import checks
from support import ROOT
from support.practice_site import practice_files
from support.sites import ICONS, append, apply, base_files, catalogue, replace

# Made by hooks during the build, so links to them wait (hooks/cards.py, hooks/generated_pages.py).
GENERATED = ("cards/index", "kiosk/index", "cards/enojado", "traducciones", "translations")


def _faults(name: str, attribute: str = "FAULTS") -> list:
    spec = importlib.util.spec_from_file_location(f"faults_{name}", ROOT / "tests" / "build" / f"{name}.py")
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, attribute)


# Each fault with the site it is injected into: the practice faults into the tiny playbook with scenarios.
FAULTS = [(base_files, fault) for fault in _faults("test_checks") + _faults("test_editor_checks_build")
          + _faults("test_paste_checks_build", "SLIPS")] + [(practice_files, fault)
                                                           for fault in _faults("test_practice_checks")]


def reported(files: dict, config_file=None, templates=None) -> list:
    """Every problem a build reports for ``files``: the checks before the build, then the links
    that waited for the pages hooks make (as hooks/check_content.py runs them)."""
    cat = catalogue({path: text for path, text in files.items() if path.endswith(".md")})
    site = checks.site_from_catalogue(cat, files=[path for path in files if not path.endswith(".md")], open=True)
    problems = checks.run_all(cat, site, icon_dirs=ICONS, config_file=config_file, templates=templates)
    for language in cat.languages:
        for key in GENERATED:
            site.pages[language].setdefault(key, frozenset())
    closed = dataclasses.replace(site, waiting=None)
    return problems + [problem for page, *address in site.waiting
                       for problem in checks.links.check_link(cat, closed, page, *address)]


def test_the_sweep_covers_every_fault():
    assert len(FAULTS) >= 40


@pytest.mark.parametrize(("files", "fault"), FAULTS, ids=[fault.name for _, fault in FAULTS])
def test_no_place_is_reported_twice(files, fault):
    problems = reported(apply(files(), fault.edits))
    twice = [place for place, count in Counter((p.path, p.line) for p in problems).items() if count > 1]
    assert not twice, "\n\n".join(p.text() for p in problems if (p.path, p.line) in twice)


def test_the_base_site_reports_nothing():
    assert reported(base_files()) == []


BOTH_TYPES = ("tipos/enojado.es.md", "tipos/enojado.en.md")
# Slips the issue found said twice, or with a fix that could not help: (edits, place, its one message).
ONCE = {
    "invalid-date": ({"factores.es.md": replace("title:", "review_by: '2027-02-31'\ntitle:")},
                     ("factores.es.md", 2), "is not a valid date"),
    "impossible-date-unquoted": ({"factores.es.md": replace("title:", "review_by: 2027-02-31\ntitle:")},
                                 ("factores.es.md", 2), "is not a valid date"),
    "date-not-as-expected": ({"factores.es.md": replace("title:", "review_by: 2027-3-31\ntitle:")},
                             ("factores.es.md", 2), "is not written as expected"),
    "iframe": ({"factores.es.md": append('<iframe src="https://example.com/mapa"></iframe>')},
               ("factores.es.md", 16), "Raw HTML <iframe> is not allowed"),
    "related-with-dots": ({path: replace("    - factores.md#rapidez", "    - ../factores.md#rapidez")
                           for path in BOTH_TYPES}, ("tipos/enojado.es.md", 25), "Write 'factores.md#rapidez'."),
    "emptied-list-items": ({"tipos/enojado.es.md": replace("    - No perder la calma\n    - Dar privacidad\n",
                                                           "    - \n    - \n")},
                           ("tipos/enojado.es.md", 12), "Item 1 of 'customer_type.attend' must be a text"),
}


@pytest.mark.parametrize("name", ONCE)
def test_each_slip_is_one_message_with_a_fix_that_helps(name):
    edits, place, said = ONCE[name]
    problems = reported(apply(base_files(), edits))
    at = [problem for problem in problems if (problem.path, problem.line) == place]
    assert len(at) == 1 and said in at[0].text(), "\n\n".join(p.text() for p in problems)
    # One message per place, per item: an emptied list of two items gives two.
    assert len(problems) == len({(p.path, p.line) for p in problems}) == len(ONCE[name][0]) * (
        2 if name == "emptied-list-items" else 1), "\n\n".join(p.text() for p in problems)
