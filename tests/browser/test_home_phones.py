"""The home page serves a phone first, in both languages: on the first screen
of a 360x740 and a 390x844 phone, the search field and every customer type
(icon, name, summary); the prose after them; the header's short name whole.
And the frame speaks the page's language: the footer, the 404 page (its
own in each language, with its own navigation)."""

from __future__ import annotations

import pytest

from support import LANGUAGES, ROOT, cards_site, page_url

pytestmark = pytest.mark.browser

PHONES = [(360, 740), (390, 844)]
FIRST_SCREEN = """() => {
  const box = (e) => e.getBoundingClientRect();
  const types = [...document.querySelectorAll('.pb-types a')];
  const name = document.querySelector('.md-header__topic .md-ellipsis');
  const prose = document.querySelector('#sobre');
  return {
    search: box(document.querySelector('.pb-home-search')).bottom,
    types: types.map((a) => ({bottom: box(a).bottom, right: box(a).right,
      icon: !!a.querySelector('.twemoji svg'),
      name: a.querySelector('.pb-types__name').innerText,
      summary: a.querySelector('.pb-types__summary').innerText,
      href: a.getAttribute('href')})),
    prose: prose ? box(prose).top : -1,
    header: [name.scrollWidth, name.clientWidth, name.innerText.trim()],
    scrollWidth: document.documentElement.scrollWidth,
  };
}"""


@pytest.fixture(scope="module")
def names():
    """Each language's type names, as their pages' front matter has them."""
    return {
        language: [cards_site.read_page(ROOT / "docs" / "tipos" / f"{t}.{language}.md")[0]
                   ["customer_type"]["name"] for t in cards_site.TYPES]
        for language in LANGUAGES
    }


@pytest.mark.parametrize(("width", "height"), PHONES, ids=["360x740", "390x844"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_and_every_type_on_a_phones_first_screen(browser, server, names, language,
                                                       width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=True)
    page = context.new_page()
    page.goto(server + page_url("index", language))
    found = page.evaluate(FIRST_SCREEN)
    assert found["search"] <= height
    assert [t["name"] for t in found["types"]] == names[language]
    for entry in found["types"]:
        assert entry["bottom"] <= height and entry["right"] <= width, entry
        assert entry["icon"] and len(entry["summary"]) > 10, entry
        assert entry["href"].startswith("tipos/"), entry
    assert found["prose"] > found["types"][-1]["bottom"], "the prose comes after the types"
    assert found["scrollWidth"] <= width
    scroll_width, client_width, text = found["header"]
    assert scroll_width <= client_width, f"the header's name is cut: {text!r}"
    # The search field opens Material's search.
    page.locator(".pb-home-search").click()
    assert page.locator(".md-search__input").is_visible()
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_frame_speaks_the_pages_language(browser, server, language):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + page_url("factores", language))
    footer = page.locator(".md-copyright").inner_text()
    made_with = {"es": "Hecho con", "en": "Made with"}
    assert made_with[language] in footer
    assert all(made_with[other] not in footer for other in LANGUAGES if other != language)
    context.close()


@pytest.mark.parametrize(("address", "language"), [("404.html", "es"), ("en/404.html", "en")])
def test_each_language_has_its_404_page(site, browser, server, address, language):
    assert (site / address).is_file()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + address)
    assert page.locator("html").get_attribute("lang") == language
    heading = page.locator("h1").inner_text()
    assert heading == {"es": "Página no encontrada", "en": "Page not found"}[language]
    # Its navigation is that language's: the types' section by its name.
    section = {"es": "Tipos de cliente", "en": "Customer types"}[language]
    assert page.locator(".md-nav--primary").get_by_text(section, exact=True).count() >= 1
    home = page.locator("article a").first.get_attribute("href")
    assert home == {"es": "/", "en": "/en/"}[language]
    context.close()
