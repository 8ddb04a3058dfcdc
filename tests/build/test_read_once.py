"""Each page read and parsed once per build by our code: a real `mkdocs build` of the playbook,
both languages, with the file reads, the front-matter parses and the Markdown scans of the hooks
counted (MkDocs' own reading of a page is MkDocs', not counted)."""

from __future__ import annotations

import json
import subprocess
import sys

from support import ROOT

# Run in a fresh interpreter: MkDocs loads the hooks as modules of their own, and the counters
# must wrap what they import (playbook.*) before the build starts.
COUNTING_BUILD = r"""
import collections, json, pathlib, sys
sys.path.insert(0, "hooks")
from playbook import catalogue, markdown

docs = pathlib.Path("docs").resolve()
reads, parses, scans = collections.Counter(), collections.Counter(), collections.Counter()

read_bytes, read_text = pathlib.Path.read_bytes, pathlib.Path.read_text
def counted(read):
    def wrapper(self, *args, **kwargs):
        if self.suffix == ".md" and self.resolve().is_relative_to(docs):
            reads[self.resolve().relative_to(docs).as_posix()] += 1
        return read(self, *args, **kwargs)
    return wrapper
pathlib.Path.read_bytes, pathlib.Path.read_text = counted(read_bytes), counted(read_text)

class Loader(catalogue.LOADER):
    def __init__(self, source):
        parses[source] += 1
        super().__init__(source)
catalogue.LOADER = Loader

blank_fences = markdown._blank_fences  # the scanner's first step, once per scan
def counted_scan(text):
    scans[text] += 1
    return blank_fences(text)
markdown._blank_fences = counted_scan

from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet", "--site-dir", sys.argv[1]], standalone_mode=False)
sources = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
texts = [read_text(docs / path, encoding="utf-8").removeprefix("\ufeff") for path in sources]
front = [catalogue.FRONT_MATTER.match(text) for text in texts]
print(json.dumps({
    "sources": sources,
    "reads": reads,
    "parses": [parses[match.group(1)] for match in front],
    "scans": [scans[text[match.end():].replace("\r\n", "\n")] for text, match in zip(texts, front)],
    "all_scans": sum(scans.values()),
    "templates": len(list(pathlib.Path("templates").glob("*.md"))),
}))
"""


def test_each_page_is_read_parsed_and_scanned_once_per_build(tmp_path):
    done = subprocess.run([sys.executable, "-c", COUNTING_BUILD, str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    sources = counts["sources"]
    assert len(sources) >= 30  # both languages of every page
    assert counts["reads"] == dict.fromkeys(sources, 1)
    assert counts["parses"] == [1] * len(sources)
    # Every page scanned once, and nothing else but the page templates of templates/ (the
    # placeholder check's): the hooks that change a page's Markdown (type pages, type lists,
    # additions) find their lines in the page's one scan.
    assert counts["scans"] == [1] * len(sources)
    assert counts["all_scans"] == len(sources) + counts["templates"]
