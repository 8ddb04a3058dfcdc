"""What the tests share that is not a fixture (the fixtures are in
tests/conftest.py): the project's folder and languages, the address of a page,
and a real `mkdocs build`. Its modules serve a built site on 127.0.0.1 and
run `mkdocs serve` (``server``), run each build in a child of a process
that imported MkDocs once (``forked_build``), launch Chromium (``chromium``), make small
broken playbooks (``sites``, ``cards_site``, ``drift_site``) and search the
built index as browsers do (``lunr_index``).

pytest finds this package through the ``pythonpath`` option in pyproject.toml:
``from support import page_url``. The benchmark and the Lighthouse run in
tools/ use its server and Chromium modules too, as ``tests.support``: so its
modules import each other relatively and never import pytest.
"""

from __future__ import annotations

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from . import forked_build

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
# An address the deploy could build for, one another device can open: its cards carry QR codes.
PUBLIC_URL = "https://playbook.example.org/"
# A moment to build at (SOURCE_DATE_EPOCH), not the clock's: 2030-06-15 at noon UTC, a day known
# in advance (the days a review is overdue, a page's fallback date) and never the run's own.
FIXED_MOMENT = 1907755200
FIXED_DAY = datetime.datetime.fromtimestamp(FIXED_MOMENT, datetime.UTC).date().isoformat()


def source_pages() -> list[str]:
    """Every page of docs/ as a path without its language suffix: "tipos/enojado"."""
    keys = set()
    for path in (ROOT / "docs").rglob("*.md"):
        relative = path.relative_to(ROOT / "docs").as_posix()
        for language in LANGUAGES:
            relative = relative.removesuffix(f".{language}.md")
        keys.add(relative)
    return sorted(keys)


def built_pages(site: Path) -> dict[str, list[str]]:
    """Every page the built sitemaps list (the root one and each language's, generated pages
    included) and the not-found pages, which no sitemap lists, as addresses below the site root,
    by language: the first folder of an address names its language, else it is the default one."""
    addresses = []
    for sitemap in sorted(site.glob("**/sitemap.xml")):
        text = sitemap.read_text(encoding="utf-8")
        addresses += [urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", text)]
    addresses += sorted(path.relative_to(site).as_posix() for path in site.glob("**/404.html"))
    pages = {language: [] for language in LANGUAGES}
    for address in dict.fromkeys(addresses):
        first = address.split("/", 1)[0]
        pages[first if first in LANGUAGES else DEFAULT_LANGUAGE].append(address)
    return pages


def page_url(key: str, language: str) -> str:
    """The address of a page below the site root: "en/tipos/enojado/"."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    if key == "index":
        return prefix
    if key.endswith("/index"):
        key = key.removesuffix("/index")
    return f"{prefix}{key}/"


def mkdocs_build(project: Path, site_dir: Path, *extra: str, site_url: str | None = None,
                 env: dict[str, str] | None = None):
    """Run a real `mkdocs build` of ``project`` into ``site_dir``, in a process
    of its own (forked_build: the libraries imported once, not per build), with ``env`` added
    to this process's environment."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    if site_url:
        env["SITE_URL"] = site_url
    return forked_build.mkdocs(["build", "--site-dir", str(site_dir), *extra], project, env, timeout=300)
