"""Material's drawer and search close when a reader goes back in history: the reader opens one on a
phone, follows a link in it, then goes back, and finds the page as it was, not the drawer or the
search over it. Chromium restores form fields on the way back; Material's autocomplete="off",
which HTML forbids on a checkbox, stopped that, and the empty form with autocomplete="off" the
checkboxes now name (hooks/playbook/material_markup.py) stops it too: without either, the drawer
reopens (Material's script closes the search by itself)."""

from __future__ import annotations

import re

import pytest

from support import page_url

PHONE = {"width": 390, "height": 844}


def open_and_follow(page, base: str, toggle: str) -> None:
    """Open the drawer or the search on a page, and follow a link in it."""
    if toggle == "drawer":
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function("document.getElementById('__drawer').checked")
        page.locator(".md-sidebar--primary a.md-nav__link[href$='estrategias/']").first.click()
        page.wait_for_url(base + "estrategias/")
    else:
        page.locator("label.md-header__button[for=__search]").click()
        page.wait_for_function("document.getElementById('__search').checked")
        page.locator("input.md-search__input").press_sequentially("enojado")
        page.locator(".md-search-result__item > a").first.click()
        page.wait_for_url(re.compile(re.escape(base + "tipos/enojado/")))


@pytest.mark.parametrize(("toggle", "markup"), [("drawer", "ours"), ("search", "ours"), ("drawer", "without the form")])
def test_the_drawer_and_search_are_closed_when_the_reader_goes_back(browser, server, toggle, markup):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        if markup == "without the form":
            def unguarded(route):
                response = route.fetch()
                route.fulfill(response=response, body=response.text().replace(' form="__md_toggles"', ""))
            page.route(re.compile(re.escape(server) + r".*/$"), unguarded)
        start = server + page_url("factores", "es")
        page.goto(start, wait_until="load")
        open_and_follow(page, server, toggle)
        page.go_back(wait_until="load")
        assert page.url == start
        reopened = page.evaluate(f"document.getElementById('__{toggle}').checked")
        assert reopened == (markup == "without the form"), f"the {toggle} is {'open' if reopened else 'closed'}"
    finally:
        context.close()
