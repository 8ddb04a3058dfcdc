"""Shared fixtures: the real playbook built once per test run for 127.0.0.1 and
served there (and once for a public address, for what carries it: the cards' QR
codes), the small sites that more than one tier reads, and one Chromium for
every browser test. Helpers that are not fixtures live in tests/support/.

The tests come in three tiers, one folder each, and each folder's tests carry
its marker, so that `pytest -m unit` runs what `pytest tests/unit` runs:
``unit`` (functions on data in memory or small files: no build, no browser),
``build`` (real `mkdocs build`s and the project's other command-line tools)
and ``browser`` (Chromium driven by Playwright).
"""

from __future__ import annotations

import functools
import os
import subprocess
import time
from pathlib import Path

import pytest

from support import FIXED_MOMENT, PUBLIC_URL, ROOT, cards_site, drift_site, mkdocs_build
from support.chromium import NOT_FOUND, PLAYWRIGHT_ARGS, chromium_path
from support.server import free_port, serve
from support.static_host import HeadersHandler

TESTS = Path(__file__).resolve().parent
# The build's messages in English whatever the machine's locale: the tests that quote them do so in
# English; tests/unit/test_messages.py and tests/build/test_messages_build.py choose each language.
os.environ["PLAYBOOK_MESSAGES"] = "en"
# Every build of a run is made at one moment (SOURCE_DATE_EPOCH, which the build honours; set here,
# before xdist starts its workers, which inherit it): a run that crosses midnight dates alike the
# builds it compares (tests/build/test_properdocs.py). Tests of the build's day set their own.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
TIERS = ("unit", "build", "browser")
# What a tier's tests may not ask for: a unit test builds nothing and opens no
# browser, a build test opens no browser.
BUILT = {"site", "site_url", "server", "host", "changed_site", "drift_site", "public_build"}
BROWSER = {"browser", "context", "page"}
NOT_IN = {"unit": BUILT | BROWSER, "build": BROWSER, "browser": set()}


# --- Tiers ----------------------------------------------------------------------


def tier_of(item: pytest.Item) -> str:
    """The folder of a test below tests/. A test file not yet in a tier folder
    is a browser test if it drives Chromium, else a build test (the slower
    guess, so that `-m unit` stays fast)."""
    folder = item.path.relative_to(TESTS).parts[0] if item.path.is_relative_to(TESTS) else ""
    if folder in TIERS:
        return folder
    return "browser" if BROWSER & set(item.fixturenames) or item.get_closest_marker("browser") else "build"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its tier; refuse a test that needs more than its tier gives."""
    misplaced = []
    for item in items:
        tier = tier_of(item)
        needs = sorted(NOT_IN[tier] & set(item.fixturenames))
        needs += [f"@pytest.mark.{mark.name}" for mark in item.iter_markers()
                  if mark.name in TIERS and mark.name != tier]
        if needs:
            misplaced.append(f"{item.nodeid}: a {tier} test, but it uses {', '.join(needs)}")
        item.add_marker(tier)
    if misplaced:
        raise pytest.UsageError(
            "Tests in the wrong tier folder (tests/unit/: no build and no browser; tests/build/: "
            "no browser; tests/browser/: Chromium). Move each to the folder of what it uses:\n"
            + "\n".join(misplaced))


# --- Fixtures -------------------------------------------------------------------


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
def public_build(tmp_path_factory) -> tuple[Path, str]:
    """The real playbook built once for a public address, as the deploy builds it: the site and
    what the build said."""
    site_dir = tmp_path_factory.mktemp("public-site")
    result = mkdocs_build(ROOT, site_dir, "--strict", site_url=PUBLIC_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir, result.stdout + result.stderr


@pytest.fixture(scope="session")
def server(site, site_url) -> str:
    """The built site served over HTTP on 127.0.0.1; yields its base address."""
    with serve(site, int(site_url.rstrip("/").rsplit(":", 1)[1])) as base:
        yield base


@pytest.fixture(scope="session")
def host(site) -> str:
    """The built site as a static host serves it: each response with the headers its _headers
    file gives the address (support/static_host.py), the Content-Security-Policy among them."""
    with serve(site, handler=HeadersHandler) as base:
        yield base


@pytest.fixture(scope="session")
def changed_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The playbook with one card field changed per language, built once without
    a site_url: the built site, and the lines the change replaced."""
    project, originals = cards_site.with_changed_field(tmp_path_factory.mktemp("changed"))
    result = mkdocs_build(project, project / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", originals


@pytest.fixture(scope="session", name="drift_site")
def drift_site_fixture(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The small translation-drift site (support/drift_site.py), built once with
    --strict at FIXED_MOMENT: its project, its built site and the build's result."""
    project = drift_site.drifted(tmp_path_factory.mktemp("drift"))
    site = tmp_path_factory.mktemp("drift-site")
    return project, site, mkdocs_build(project, site, "--strict", env={"SOURCE_DATE_EPOCH": str(FIXED_MOMENT)})


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if not path:
        pytest.exit(NOT_FOUND, returncode=3)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=PLAYWRIGHT_ARGS)
        # Every page's Content-Security-Policy would block what tests add to a page to probe it
        # (axe-core, styles that stop transitions): their contexts bypass it, unless a test asks
        # for it with bypass_csp=False, as tests/browser/test_policy.py does.
        browser.new_context = functools.partial(browser.new_context, bypass_csp=True)
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
