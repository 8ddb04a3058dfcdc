"""Compare two builds of the site, file by file, and list every difference but the build-date
stamps: `python tools/compare_sites.py SITE_BEFORE SITE_AFTER`. A change meant to leave
behaviour as it was (a restructure, a refactoring) must give the same site: build the site at
the commit before it (in a `git worktree`) and after it, then compare. Exit status 0: the same site.
"""

from __future__ import annotations

import difflib
import gzip
import re
import sys
from pathlib import Path

# "Last updated" and the sitemap's lastmod, which may fall back to the build date: pages differ in that alone.
STAMPS = re.compile(
    r'(git-revision-date-localized-plugin[^>]*title=")[^"]*(")|(<lastmod>)[^<]*(</lastmod>)'
)


def normalised(path: Path) -> list[str]:
    raw = path.read_bytes()
    # sitemap.xml.gz is compared unzipped: its bytes hold the time it was zipped.
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return [raw.hex()]
    return STAMPS.sub(lambda m: "".join(g or "" for g in m.groups()), text).splitlines()


def compare(before: Path, after: Path) -> list[str]:
    names = {p.relative_to(before).as_posix() for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after).as_posix() for p in after.rglob("*") if p.is_file()}
    differences = []
    for name in sorted(names):
        old, new = before / name, after / name
        if not old.exists() or not new.exists():
            differences.append(f"{name}: only in {'after' if new.exists() else 'before'}")
            continue
        a, b = normalised(old), normalised(new)
        if a != b:
            diff = list(difflib.unified_diff(a, b, f"before/{name}", f"after/{name}", n=0, lineterm=""))
            differences.append("\n".join(diff[:20]))
    return differences


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(Path(folder).is_dir() for folder in argv):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    differences = compare(Path(argv[0]), Path(argv[1]))
    for difference in differences:
        print(difference)
    print(f"{len(differences)} file(s) differ beyond the build-date stamps." if differences
          else "The same site, but for the build-date stamps.")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
