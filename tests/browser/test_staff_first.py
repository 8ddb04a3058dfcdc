"""Staff first, measured in Chromium on every customer type of both languages
(the types are read from each language's cards.json, so a new type is covered
without being named here): on a 390x844 phone a type page's first screen holds
its name, its summary and the first three things to do; the example phrases,
when to bring in a supervisor and each channel follow the blocks, the page's own
text and its sources come after them, in the same order in both languages; the
card agrees with the page; one name per type on its page, in the menu, on its
card, the kiosk, the home page and the comparison; additions said once; the
comparison a stacked list on a phone; search results show a type's summary and
never a citation."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from support import LANGUAGES, page_url, relevance

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# The blocks of a type page, in reading order (their ids, the same in every language);
# "supervisor" only where the type's situation can escalate.
ORDER = ["reconocer", "atender", "preguntar", "frases", "supervisor", "canales", "contexto", "notas",
         "relacionado"]
# The sources, as the pages cite them: never in a search result's text.
CITED = re.compile(r"Subercaseaux|Kotler|mapa mental|mind map", re.I)


def types_of(site, language: str) -> list[dict]:
    folder = "" if language == "es" else f"{language}/"
    return json.loads((site / folder / "cards" / "cards.json").read_text(encoding="utf-8"))["cards"]


def top(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_type_page_puts_action_first_on_a_phone(site, server, page, language):
    page.set_viewport_size(PHONE)
    orders = []
    for card in types_of(site, language):
        page.goto(server + page_url(f"tipos/{card['id']}", language), wait_until="load")
        name = f"{language} {card['id']}"
        # The first screen: the name, the summary and the first three things to do.
        expect(page.locator("h1")).to_have_text(card["name"])
        expect(page.locator(".qc-summary")).to_have_text(card["summary"])
        todo = page.locator(".qc-block--attend li")
        assert todo.count() == len(card["attend"]), name
        for n in range(min(3, todo.count())):
            box = todo.nth(n).bounding_box()
            assert box and box["y"] + box["height"] <= PHONE["height"], (
                f"{name}: thing to do {n + 1} below the first screen")
        # The blocks in their order, the page's own text and its sources after them.
        ids = page.eval_on_selector_all(
            "h2[id]", "(hs, order) => hs.map(h => h.id).filter(id => order.includes(id))", ORDER)
        expected = [id_ for id_ in ORDER if id_ != "supervisor" or "escalation" in card]
        assert ids == expected, f"{name}: {ids}"
        tops = [top(page, f"#{id_}") for id_ in ids]
        assert tops == sorted(tops), f"{name}: blocks out of order on the screen"
        sources = page.locator("a[href*='referencias/#']")
        assert sources.count() >= 1, f"{name}: no source cited"
        for n in range(sources.count()):
            assert sources.nth(n).evaluate("e => e.getBoundingClientRect().top") > top(page, "#contexto"), \
                f"{name}: a source before the page's own text"
        # Each channel, and when to get support where the situation escalates.
        expect(page.locator("#canales + ul > li")).to_have_count(3)
        if "escalation" in card:
            expect(page.locator("#supervisor + ul > li")).to_have_count(2)
        # Additions said once, in a legend, not as a badge on each list.
        expect(page.locator(".pb-addition-legend")).to_have_count(1)
        expect(page.locator(".pb-addition-label")).to_have_count(0)
        orders.append(ids)
    assert orders, "no customer type"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_card_agrees_with_the_page(site, server, page, language):
    for card in types_of(site, language):
        page.goto(server + page_url(f"tipos/{card['id']}", language), wait_until="load")
        on_page = [page.locator(f".qc-blocks .qc-block--{kind} > ul.qc-list li").all_text_contents()
                   for kind in ("recognise", "attend")]
        titles = page.locator(".qc-blocks .qc-block h2").all_text_contents()
        page.goto(server + page_url(f"cards/{card['id']}", language), wait_until="load")
        on_card = [page.locator(f".qc-card .qc-block--{kind} > ul.qc-list li").all_text_contents()
                   for kind in ("recognise", "attend")]
        assert on_card == on_page, card["id"]
        assert [t.strip() for t in page.locator(".qc-card .qc-block__title").all_text_contents()] == \
               [t.strip().rstrip("¶").strip() for t in titles], card["id"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_name_per_type_everywhere(site, server, page, language):
    cards = types_of(site, language)
    page.set_viewport_size({"width": 1440, "height": 900})
    names = {card["id"]: card["name"] for card in cards}
    page.goto(server + page_url("tipos/index", language), wait_until="load")
    menu = [text.strip() for text in page.locator(".md-sidebar--primary .md-nav__link").all_text_contents()]
    # The menu names the site once (its first entry, the home page), not as its title too.
    shown = page.locator(".md-sidebar--primary").first.evaluate("e => e.innerText")
    site_name = page.locator(".md-header__topic .pb-name").first.text_content().strip().lower()
    assert shown.lower().count(site_name) == 1, shown
    table = [text.strip() for text in page.locator(".pb-compare td:first-child").all_text_contents()]
    page.goto(server + page_url("index", language), wait_until="load")
    home = [text.strip() for text in page.locator(".pb-types__name").all_text_contents()]
    page.goto(server + page_url("kiosk/index", language), wait_until="load")
    kiosk = {e: page.locator(f'.qc-card[data-card="{e}"] .qc-card__name').first.text_content().strip()
             for e in names}
    for type_id, name in names.items():
        page.goto(server + page_url(f"cards/{type_id}", language), wait_until="load")
        assert page.locator(".qc-card__name").text_content().strip() == name
        assert name in menu and name in table and name in home and kiosk[type_id] == name, type_id


@pytest.mark.parametrize("width", [390, 1440])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_pages_title_is_not_smaller_than_the_headings_below(server, page, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + page_url("index", language), wait_until="load")
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    title = page.locator("article h1").first.evaluate(size)
    headings = page.locator("article h2").evaluate_all(f"hs => hs.map({size})")
    assert headings and title >= max(headings), (title, headings)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_comparison_is_a_stacked_list_on_a_phone(server, page, language):
    page.goto(server + page_url("tipos/index", language), wait_until="load")
    rows = page.locator(".pb-compare tbody tr")
    assert rows.count() >= 2
    for viewport, stacked in ((PHONE, True), ({"width": 1366, "height": 900}, False)):
        page.set_viewport_size(viewport)
        cells = rows.first.locator("td").evaluate_all(
            "tds => tds.map(td => { const r = td.getBoundingClientRect(); return [r.left, r.top, r.width] })")
        lefts, tops = {round(c[0]) for c in cells}, [c[1] for c in cells]
        width = rows.first.evaluate("e => e.getBoundingClientRect().width")
        if stacked:  # one cell under another, each the row's width, saying its column
            assert len(lefts) == 1 and tops == sorted(tops) and all(c[2] >= width - 1 for c in cells), cells
            expect(rows.first.locator(".pb-compare__label").first).to_be_visible()
        else:  # side by side
            assert len(lefts) == len(cells), cells
            expect(rows.first.locator(".pb-compare__label").first).to_be_hidden()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_shows_a_types_summary_first_and_never_a_citation(site, server, page, language):
    summaries = {page_url(f"tipos/{card['id']}", language): card["summary"] for card in types_of(site, language)}
    for query in ({"es": "cliente grosero", "en": "rude customer"}[language],
                  {"es": "servicio al cliente", "en": "customer service"}[language]):
        expected = next((case.page for case in relevance.cases(language) if case.query == query and case.first), None)
        page.goto(server + page_url("factores", language), wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query)
        items = page.locator(".md-search-result__list > .md-search-result__item")
        expect(items.first).to_be_visible()
        meta = page.locator(".md-search-result__meta")
        expect(meta).to_contain_text(re.compile(r"\d"))
        if expected:  # the most specific page first, its summary under its name
            address = page_url(expected.removesuffix("/"), language)
            link = items.first.locator("a").first
            expect(link).to_have_attribute("href", re.compile("^" + re.escape(server + address) + r"(\?|#|$)"))
            # Material shows a result's text as it comes, below its title: the summary first.
            expect(items.first.locator(".md-search-result__article > p").first).to_have_text(summaries[address])
        teasers = page.locator(".md-search-result__article").all_text_contents()
        assert teasers and not [t for t in teasers if CITED.search(t)], teasers
