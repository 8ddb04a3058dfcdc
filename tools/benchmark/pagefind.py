"""Pagefind, the search static sites pick at this size, on the same built sites as ours: its
index made from our built pages (one per language: it splits them by their html lang), and a
page of the benchmark's own that searches with Pagefind's JavaScript API (pagefind.html).
Pagefind is installed for the benchmark alone (tools/benchmark/requirements.txt, in
tools/benchmark/.venv: `make benchmark` sets it up); the site's build never needs it.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = HERE / ".venv" / "bin" / "python"
PAGE = HERE / "pagefind.html"
FOLDER = "pagefind-benchmark"  # the benchmark's pages, per language, in the built site
# What Pagefind indexes of a page: its content, as our index does (not the navigation,
# the header or the search dialog that every page repeats).
ROOT_SELECTOR = "article.md-content__inner"


def version() -> str:
    """Pagefind's version, or a SystemExit saying how to install it."""
    if not PYTHON.exists():
        raise SystemExit(f"Pagefind is not installed: `make benchmark` installs it in {PYTHON.parent.parent}.")
    result = subprocess.run([str(PYTHON), "-m", "pagefind", "--version"], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Pagefind does not run:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def index(site_dir: Path) -> float:
    """Index a built site with Pagefind (into its pagefind/ folder); the seconds it took."""
    start = time.perf_counter()
    result = subprocess.run([str(PYTHON), "-m", "pagefind", "--site", str(site_dir), "--quiet",
                             "--root-selector", ROOT_SELECTOR], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"Pagefind could not index {site_dir}:\n{result.stdout}{result.stderr}")
    return elapsed


def write_pages(site_dir: Path, languages) -> dict[str, str]:
    """The benchmark's search page for each language, written after indexing (so that Pagefind
    never indexes it); its address below the site's root, per language."""
    addresses = {}
    for language in languages:
        address = f"{FOLDER}/{language}/"
        target = site_dir / address / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.read_text(encoding="utf-8").replace('lang="LANG"', f'lang="{language}"'),
                          encoding="utf-8")
        addresses[language] = address
    return addresses


def bundle_bytes(site_dir: Path) -> int:
    """Bytes of Pagefind's bundle in a site (every language's index, its scripts)."""
    return sum(path.stat().st_size for path in (site_dir / "pagefind").rglob("*") if path.is_file())
