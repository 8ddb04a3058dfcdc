"""Shared fixtures: one real build of the playbook per test run, served on
127.0.0.1, and one Chromium for every browser test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from static_server import free_port, serve

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"

# Flags that keep Chromium quiet on a machine without internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def source_pages() -> list[str]:
    """Every page of docs/ as a path without its language suffix: "tipos/enojado"."""
    keys = set()
    for path in (ROOT / "docs").rglob("*.md"):
        relative = path.relative_to(ROOT / "docs").as_posix()
        for language in LANGUAGES:
            relative = relative.removesuffix(f".{language}.md")
        keys.add(relative)
    return sorted(keys)


def page_url(key: str, language: str) -> str:
    """The address of a page below the site root: "en/tipos/enojado/"."""
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    if key == "index":
        return prefix
    if key.endswith("/index"):
        key = key.removesuffix("/index")
    return f"{prefix}{key}/"


def mkdocs_build(project: Path, site_dir: Path, *extra: str, site_url: str | None = None):
    """Run a real `mkdocs build` of ``project`` into ``site_dir``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the test server will serve the site: the build's absolute links name it."""
    return f"http://127.0.0.1:{free_port()}/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, site_url) -> Path:
    """The real playbook, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir, "--strict", site_url=site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="session")
def server(site, site_url) -> str:
    """The built site served over HTTP on 127.0.0.1; yields its base address."""
    with serve(site, int(site_url.rstrip("/").rsplit(":", 1)[1])) as base:
        yield base


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.exit(
            "The browser tests need Chromium, and none was found on PATH.\n"
            "Install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
            "or set CHROMIUM=/path/to/chromium, then run `make test` again.",
            returncode=3,
        )
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    page.close()
