"""The playbook on ProperDocs 1.6.7, the maintained fork of MkDocs 1.x that keeps hooks and
plugins (a separate package whose ``properdocs`` command redirects ``mkdocs`` imports): a real
`properdocs build` gives the site MkDocs 1.6.1 gives, but for the generator tag and what hangs on
a page's bytes (the service worker's digest of each page, and its version). Compared with
tools/compare_sites.py, as any two builds are.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

GENERATORS = {"MkDocs 1.6.1": "mkdocs-1.6.1", "ProperDocs 1.6.7": "mkdocs-ProperDocs 1.6.7"}
GENERATOR = re.compile(r'<meta name="generator" content="([^"]*), mkdocs-material">')
OFFLINE = re.compile(r"^const OFFLINE = (.*);$", re.M)


def compare_sites():
    spec = importlib.util.spec_from_file_location("compare_sites", ROOT / "tools" / "compare_sites.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory, site_url) -> Path:
    """The playbook built by `properdocs build --strict`, for the same site_url as the `site` fixture."""
    site_dir = tmp_path_factory.mktemp("properdocs")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site_dir)],
        cwd=ROOT, env={**os.environ, "SITE_URL": site_url}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def offline_list(site: Path) -> dict[str, str]:
    offline = json.loads(OFFLINE.search((site / "sw.js").read_text(encoding="utf-8")).group(1))
    return {address: digest for listed in offline["languages"].values() for address, digest in listed["files"]}


def test_properdocs_builds_the_same_site_but_for_the_generator_tag(site, properdocs_site):
    # Each build says which made it, and the one that did.
    for folder, generator in ((site, "MkDocs 1.6.1"), (properdocs_site, "ProperDocs 1.6.7")):
        found = set(GENERATOR.findall((folder / "index.html").read_text(encoding="utf-8")))
        assert found == {GENERATORS[generator]}, f"{folder.name} was not built by {generator}: {found}"
    # Every other difference tools/compare_sites.py finds: the generator line, and sw.js's list.
    others = []
    for difference in compare_sites().compare(site, properdocs_site):
        lines = difference.splitlines()
        if not lines[0].startswith("--- before/"):  # a file only one build wrote
            others.append(difference)
            continue
        changed = {line[1:] for line in lines[2:] if line.startswith(("+", "-"))}
        if lines[0] == "--- before/sw.js":
            changed = {line for line in changed if not OFFLINE.match(line)}
        if any(GENERATOR.sub("", line).strip() for line in changed):
            others.append(difference)
    assert others == [], "\n".join(others)
    # The same files to store; each digest that of its own build's file: the pages' alone differ.
    before, after = offline_list(site), offline_list(properdocs_site)
    assert list(before) == list(after)
    for folder, listed in ((site, before), (properdocs_site, after)):
        for address, digest in listed.items():
            data = (folder / (address + "index.html" if address == "" or address.endswith("/") else address))
            assert hashlib.sha256(data.read_bytes()).hexdigest()[: len(digest)] == digest, address
    assert [address for address in before if before[address] != after[address]
            and not (address == "" or address.endswith(("/", ".html")))] == []
