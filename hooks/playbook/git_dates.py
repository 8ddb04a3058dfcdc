"""Last-changed dates of a folder's files, and the lines their editors wrote in git trailers
("News: ..."), from one `git log` for all of them, whatever their number. Plain Python over
paths; where git history is missing or cut short, :class:`History` says why, so the build can
say so once.
"""

from __future__ import annotations

import datetime
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date

from .label_files import said

# A byte git never writes in a file name list, to start each commit's header; another before
# each trailer asked for; another between two values of one trailer.
COMMIT = "\x01"
TRAILER = "\x02"
AGAIN = "\x03"


@dataclass
class History:
    """When each file of a folder last changed, and how far that can be trusted."""

    dates: dict[str, int] = field(default_factory=dict)  # path below the folder -> Unix time
    # path -> {trailer: line} of the change that dated it (see parse_log)
    lines: dict[str, dict[str, str]] = field(default_factory=dict)
    # Why there are no dates at all ("git is not installed", git's own words), or "".
    missing: str = ""
    shallow: bool = False  # the clone holds only the newest part of the history
    # Files whose newest commit is the oldest one a shallow clone holds: their
    # true date may be older.
    cut: set[str] = field(default_factory=set)


def parse_log(output: str, trailers: tuple[str, ...] = ()) -> tuple[dict[str, int], set[str], dict]:
    """`git log --name-only -z --diff-merges=first-parent --format=%x01%ct %P` followed by
    `%x02%(trailers:key=<name>,...)` for each of ``trailers`` -> newest date of each file, the
    files dated by a commit without parents (a root, or a shallow cut), and each file's lines:
    {trailer: value}. A merge lists the files it brings in, and its trailers speak for them; one
    without a trailer leaves it to the commits it brought, down to the newest that is no merge."""
    dates: dict[str, int] = {}
    rootless: set[str] = set()
    lines: dict[str, dict[str, str]] = {}
    settled: set[str] = set()  # files whose lines no older commit may give
    for chunk in output.split(COMMIT):
        header, *names = chunk.split("\0")
        header, *values = header.split(TRAILER)
        stamp, _, parents = header.strip().partition(" ")
        if not stamp.isdigit():
            continue
        merge = len(parents.split()) > 1
        # A trailer written twice: its first value. Not strict: odd output reads as no line, never a traceback.
        found = {key: value.split(AGAIN)[0].strip() for key, value in zip(trailers, values, strict=False)}
        for name in names:
            name = name.lstrip("\n")
            if not name or name in settled:
                continue
            if name not in dates:
                dates[name] = int(stamp)
                lines[name] = {}
                if not parents.strip():
                    rootless.add(name)
            for key, value in found.items():
                if value:
                    lines[name].setdefault(key, value)
            if not merge:
                settled.add(name)
    return dates, rootless, lines


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", *args],
        cwd=folder, capture_output=True, text=True, encoding="utf-8", errors="replace",
        timeout=120,
    )


def _reason(result: subprocess.CompletedProcess, otherwise: str) -> str:
    """Why git failed, in its own words: the first line it wrote."""
    lines = result.stderr.strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else otherwise


def read(folder: Path, trailers: tuple[str, ...] = ()) -> History:
    """The history of every file below ``folder``, with the values of ``trailers`` (git trailer
    names, "News") for each: two git calls, whatever its size."""
    folder = Path(folder)
    try:
        where = _git(folder, "rev-parse", "--is-shallow-repository")
    except FileNotFoundError:
        return History(missing=said("git_not_installed"))
    except (OSError, subprocess.SubprocessError) as error:
        return History(missing=said("git_cannot_run", error=error))
    if where.returncode != 0:
        if "not a git repository" in where.stderr:
            return History(missing=said("git_not_a_repository"))
        return History(missing=_reason(where, said("git_failed")))
    shallow = where.stdout.strip() == "true"
    # Only what every git since 2.15 reads alike: a lowercase --diff-filter gets no commits from git 2.39
    # and 2.47. Committer dates (when a change entered this history); renames not followed. A merge
    # lists what it brings in (its diff from the branch it joins), so its date and trailers count.
    asked = "".join(f"{TRAILER}%(trailers:key={key},valueonly,unfold,separator=%x03)" for key in trailers)
    log = _git(folder, "log", "--no-renames", "--name-only", "-z", "--relative", "--diff-merges=first-parent",
               f"--format={COMMIT}%ct %P{asked}", "--", ".")
    if log.returncode != 0:
        return History(missing=_reason(log, said("git_failed")))
    dates, rootless, lines = parse_log(log.stdout, tuple(trailers))
    # Without a shallow cut, a commit without parents is the true first one.
    return History(dates=dates, lines=lines, shallow=shallow, cut=rootless if shallow else set())


def localized(timestamp: float, locale: str) -> str:
    """A Unix time as a long date in a language: "23 de noviembre de 2026"."""
    day = datetime.datetime.fromtimestamp(timestamp, datetime.UTC).date()
    return format_date(day, "long", locale=locale)
