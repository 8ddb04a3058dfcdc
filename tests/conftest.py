"""Shared fixtures: one real build of the playbook per test run, served on
127.0.0.1, and one Chromium for every browser test. Helpers that are not
fixtures live in tests/support/."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import ROOT, mkdocs_build
from support.chromium import CHROMIUM_ARGS, NOT_FOUND, chromium_path
from support.server import free_port, serve


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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.exit(NOT_FOUND, returncode=3)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
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
