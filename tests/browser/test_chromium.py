"""The Chromium the tests drive: a test's context opens its pages and nothing of the browser's own
UI (the omnibox popups support/chromium.py turns off, half a second of CPU per context), so a
Chromium that renames those features shows here, not as a slower suite."""

from __future__ import annotations


def test_a_context_opens_its_page_and_no_browser_ui(browser, page):
    page.goto("data:text/html,<title>t</title><p>page</p>")
    targets = browser.new_browser_cdp_session().send("Target.getTargets", {"filter": [{}]})["targetInfos"]
    kinds = {target["type"] for target in targets}
    assert "page" in kinds, targets
    assert [t["url"] for t in targets if t["type"] == "browser_ui"] == [], targets
