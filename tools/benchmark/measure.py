"""Build a project and measure what it wrote: time, size, pages, page weight."""

from __future__ import annotations

import gzip
import importlib.metadata
import json
import os
import platform
import posixpath
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

GZIP_LEVEL = 6  # what web servers commonly use


def machine(load: bool = False) -> str:
    """The machine and the versions a result was measured with, for the README."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = platform.platform(terse=True)
    try:
        system = platform.freedesktop_os_release().get("PRETTY_NAME", system)
    except OSError:
        pass
    versions = ", ".join(
        f"{package} {importlib.metadata.version(package)}"
        for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")
    )
    busy = f", load average {os.getloadavg()[0]:.1f} at the end" if load and hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} CPUs ({cpu}), {system}, Python {platform.python_version()}; "
            f"{versions}{busy}")


class BuildFailed(Exception):
    pass


def build(config: Path, site_dir: Path, site_url: str) -> tuple[float, float]:
    """One `mkdocs build` into an empty ``site_dir``; its wall time and its CPU time (user and
    system, its own processes' and theirs: git) in seconds. On a machine shared with other
    work the CPU time moves far less than the wall time, which waits for the CPU.

    The old site is removed first and outside the timing: clearing 700 MB of a
    previous run is not part of what a build costs an editor. ``site_url`` is
    where the site will be served (our mkdocs.yml reads it from SITE_URL).
    """
    shutil.rmtree(site_dir, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    # Python keeps compiled modules, as on an editor's machine: else our hooks
    # would be compiled anew on every build, the installed packages not.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet",
               "--config-file", str(config), "--site-dir", str(site_dir)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise BuildFailed(f"`mkdocs build` of {config} failed:\n{result.stdout}{result.stderr}")
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def pages(site: Path) -> list[Path]:
    """Every HTML page of a site (its index.html files)."""
    return sorted(site.rglob("index.html"))


def site_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*") if path.is_file())


def largest_page(site: Path) -> tuple[int, str]:
    sizes = [(path.stat().st_size, path.relative_to(site).as_posix()) for path in pages(site)]
    return max(sizes)


def index_bytes(site: Path, language_roots: dict[str, str], name: str = "search_index.json") -> dict[str, int]:
    """Bytes of the search index a page of each language loads (``name``: Material's file; None:
    every other file of the search folder, our worker's manifest and chunks; 0 where there is none).

    Material's scripts fetch ``search/search_index.json`` below the ``base``
    of the page's configuration: ``en/`` on our English pages, the site root
    on vanilla's (whose one index holds both languages).
    """
    sizes = {}
    for language, root in language_roots.items():
        html = (site / root / "index.html").read_text(encoding="utf-8")
        folder = site / posixpath.normpath(posixpath.join(root, page_config(html)["base"])) / "search"
        if name is not None:
            sizes[language] = (folder / name).stat().st_size if (folder / name).exists() else 0
        else:
            sizes[language] = sum(path.stat().st_size for path in folder.rglob("*")
                                  if path.is_file() and path.name != "search_index.json")
    return sizes


def page_config(html: str) -> dict:
    """Material's per-page configuration: the JSON in <script id="__config">."""
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1)) if match else {"base": "."}


@dataclass
class Weight:
    files: dict[str, int]  # path in the site -> its gzip-compressed bytes
    elsewhere: list[str]  # addresses on other hosts: not counted

    @property
    def gzip_bytes(self) -> int:
        return sum(self.files.values())


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


def page_weight(site: Path, base: str, urls: list[str]) -> Weight:
    """What a page costs a reader: the HTML, CSS and JS files it loaded (``urls``,
    as the browser asked for them, the search worker's scripts included), each
    gzip-compressed. The search index is counted on its own."""
    files, elsewhere = {}, []
    for url in urls:
        if not url.startswith(base):
            elsewhere.append(url)
            continue
        path = urlsplit(url).path.lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        if posixpath.splitext(path)[1] in (".html", ".css", ".js") and path not in files:
            files[path] = gzipped(site / path)
    return Weight(files, elsewhere)
