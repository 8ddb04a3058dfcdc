"""A failed rebuild of `mkdocs serve`, shown where the editor is looking: the report the build
stopped with is split into problems, and every page of the last good build is replaced by one
error page in that page's language, until the next good build writes the real pages again.
Plain Python over a report's text and the files of a built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import label_files
from .catalogue import Problem

# The checks' blocks: "docs/factores.es.md:12: The link ..." or "mkdocs.yml:147: The nav ...",
# then "    How to fix: ..." (in the editor's language, labels/messages.yml).
LOCATION = re.compile(r"^(?P<where>\S[^\n]*?:\d+|\S+\.(?:md|yml|yaml)):\s+(?P<message>.*)$")
HOW_TO_FIX = r"^\s+{}:\s*(?P<hint>.*)$"
LINE = re.compile(r":\d+$")


@dataclass
class Failure:
    summary: str  # the report's first line: "The playbook cannot be built: 2 problems ..."
    problems: list[Problem]
    details: list[str]  # what else the build said: warnings, lines the parse did not place


def parse_report(text: str, logged: list[str] = ()) -> Failure:
    """A build's stop message (and what it logged as warnings and errors) -> a Failure."""
    summary, found, details = "", [], []  # found: each problem's where, message and fix, as its lines come
    how_to_fix = re.compile(HOW_TO_FIX.format(re.escape(label_files.said("fix_label"))))
    for line in text.strip("\n").splitlines():
        if not line.strip():
            continue
        if (match := how_to_fix.match(line)) and found and not found[-1][2]:
            found[-1][2] = match["hint"]
        elif match := LOCATION.match(line):
            found.append([match["where"], match["message"], ""])
        elif not summary and not found:
            summary = line.strip()
        elif found and line.startswith(" ") and found[-1][2]:
            found[-1][2] += " " + line.strip()
        else:
            details.append(line.strip())
    # The checks' own problem type, its place as the report printed it (Problem.at): a file and a
    # line, or a generated page's address alone.
    problems = []
    for where, message, hint in found:
        path, line = where.rsplit(":", 1) if LINE.search(where) else (where, 0)
        problems.append(Problem(path, int(line), message, hint, in_docs=False))
    # What the build logged (a strict build's warnings, a broken mkdocs.yml's errors) only when the report
    # names no file: the checks' messages come with MkDocs' warnings on the same links, said twice.
    if not problems:
        details += [line for line in logged if line not in details]
    return Failure(summary, problems, details)


def pages_of(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, below its folder: "en/factores/index.html"."""
    site_dir = Path(site_dir)
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html"))


def write_error_pages(site_dir: Path, pages: list[str], rendered: dict[str, str], folders: dict[str, str]) -> int:
    """Each page replaced by the error page of its language (``folders``: each language's folder,
    playbook.build.folders); returns how many."""
    site_dir, default = Path(site_dir), next(language for language, folder in folders.items() if not folder)
    for page in pages:
        target = site_dir / page
        target.parent.mkdir(parents=True, exist_ok=True)
        # A page's first folder names its language ("en/factores/index.html"), the default's none.
        language = next((lang for lang, folder in folders.items() if folder and page.startswith(folder)), default)
        target.write_text(rendered[language], encoding="utf-8")
    return len(pages)
