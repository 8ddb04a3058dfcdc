"""The practice pages in the real build: each language's page at its own address (practica/,
en/practice/) and nowhere else, in the menu, the sitemaps and the offline list with its
script and styles; every scenario of every type in it, its answer the type's own line
(never typed twice), its links to sections the built type page has; the kiosk carrying
every language's scenarios, and a new version for running kiosks when only a scenario changes."""

from __future__ import annotations

import json
import re
from html import unescape

from playbook import catalogue as content
from playbook import practice
from support import LANGUAGES, ROOT
from support.practice_site import EN_TYPE, practice_files
from support.sites import apply, build, replace

ADDRESS = {"es": "practica/", "en": "en/practice/"}
FILES = ("assets/javascripts/practice.js", "assets/javascripts/kiosk-practice.js", "assets/stylesheets/practice.css")


def page_data(site, language) -> dict:
    html = (site / ADDRESS[language] / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="pr-data">(.*?)</script>', html, re.S)
    return json.loads(unescape(found[1]))


def test_each_language_has_its_page_at_its_own_address(site):
    for address in ADDRESS.values():
        assert (site / address / "index.html").is_file()
    assert not (site / "en/practica").exists()
    assert "en/practice/" in (site / "en/sitemap.xml").read_text(encoding="utf-8")
    # In the menu of every page, in each language.
    assert 'href="../practica/"' in (site / "factores/index.html").read_text(encoding="utf-8")
    assert 'href="../practice/"' in (site / "en/factores/index.html").read_text(encoding="utf-8")


def test_the_script_the_styles_and_both_pages_are_stored_offline(site):
    listed = (site / "sw.js").read_text(encoding="utf-8")
    for name in (*FILES, *ADDRESS.values()):
        assert f'"{name}"' in listed, name


def test_every_scenario_is_on_its_page_with_its_type_s_own_answer(site):
    catalogue = content.load(ROOT / "docs", LANGUAGES)
    for language in LANGUAGES:
        data = page_data(site, language)
        types = {page.customer_type["id"]: page for page in catalogue.customer_types(language)}
        written = [(page.customer_type["id"], item) for page in types.values() for item in page.meta["practice"]]
        assert len(data["scenarios"]) == len(written) >= 5 * len(types)
        shown = {item["id"]: item for item in data["scenarios"]}
        for type_id, item in written:
            field, _, number = item["answer"].partition(".")
            lines = types[type_id].customer_type[field] if field != "examples" else \
                types[type_id].customer_type["questions"]["examples"]
            assert shown[item["id"]]["answer"] == lines[int(number) - 1].strip()
            assert shown[item["id"]]["situation"] == item["situation"].strip()
        # Every link goes to a section the built type page has.
        base = site / ADDRESS[language]
        for item in data["scenarios"]:
            for link in (item["link"], item["recognise_link"]):
                path, _, anchor = link.partition("#")
                target = (base / path / "index.html").resolve()
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), link
        assert set(practice.anchors()) == {"recognise", "attend", "phrases", "examples"}


def test_the_kiosk_carries_every_language_s_scenarios(site):
    for language, root in (("es", ""), ("en", "en/")):
        html = (site / root / "kiosk/index.html").read_text(encoding="utf-8")
        slides = json.loads(unescape(re.search(r'id="pr-kiosk-data">(.*?)</script>', html, re.S)[1]))
        assert slides[0]["language"] == language
        assert {slide["language"] for slide in slides} == set(LANGUAGES)
        assert len(slides) == sum(len(page_data(site, other)["scenarios"]) for other in LANGUAGES)
        # A trainer finds the break-room mode from the practice page.
        assert 'href="../kiosk/?practice"' in (site / ADDRESS[language] / "index.html").read_text(encoding="utf-8")


def test_a_changed_scenario_alone_gives_running_kiosks_a_new_version(tmp_path):
    """Two builds that differ in one English scenario's why: the same cards, another version."""
    changed = apply(practice_files(), {EN_TYPE: replace("First of all, stay calm.", "Staying calm comes first.")})
    sites = {}
    for name, files in (("before", practice_files()), ("after", changed)):
        result = build(tmp_path / name, files)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[name] = tmp_path / name / "site"

    def read(name, path):
        return (sites[name] / path).read_text(encoding="utf-8")

    assert "Staying calm comes first." in read("after", "en/kiosk/index.html")
    cards = [json.loads(read(name, "cards/cards.json"))["cards"] for name in sites]
    assert cards[0] == cards[1]
    assert read("before", "kiosk/version.json") != read("after", "kiosk/version.json")
