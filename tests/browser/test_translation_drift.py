"""Translation drift in Chromium: a stale translation's notice is seen, passes
axe-core, and leads to the Spanish page."""

from __future__ import annotations

import pytest

from support.chromium import WCAG_TAGS, axe_source
from support.server import serve


@pytest.fixture(scope="module")
def drift_server(drift_site):
    """The small site over HTTP on 127.0.0.1."""
    _, site, _ = drift_site
    with serve(site) as base:
        yield base


def test_the_notice_is_seen_and_leads_to_the_spanish_page(drift_server, page):
    page.goto(drift_server + "en/vieja/")
    notice = page.locator(".translation-notice")
    assert notice.is_visible()
    assert notice.get_attribute("role") == "note"
    # The small site's pages are not the playbook's: check the notice itself.
    page.add_script_tag(content=axe_source())
    results = page.evaluate("""tags => axe.run('.translation-notice', {
        runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""", WCAG_TAGS)
    assert results["passes"] and results["violations"] == []
    notice.get_by_role("link", name="Read the original page").click()
    page.wait_for_url(drift_server + "vieja/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator(".translation-notice").count() == 0
