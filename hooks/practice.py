"""Practice for staff, in every language: a page of rounds of questions (``practica/``,
``en/practice/``: each language's address in its own words, labels/practice.yml), which also
prints as a worksheet with its answer key; the kiosk's break-room mode (``kiosk/?practice``,
made by hooks/cards.py) shows the same scenarios. Everything comes from the customer types' data
and their scenarios (playbook/practice.py); the page's script is assets/javascripts/practice.js.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from playbook import build, label_files, practice
from playbook.build import Priority, relative_url, url_of
from playbook.customer_type import card_path
from playbook.generated import GeneratedPage, markdown

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After mkdocs-static-i18n has sorted the files of the language being built, after the cards.
@event_priority(Priority.PRACTICE_PAGE)
def on_files(files: Files, config: MkDocsConfig):
    language = build.current_language(config)
    data = practice.model(build.checked_catalogue(config), language, config.nav)
    if data["scenarios"]:
        build.add_generated(files, config, [page(config, language, data)])
    return files


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def page(config: MkDocsConfig, language: str, data: dict) -> GeneratedPage:
    """The practice page of a language, its rounds' data and its worksheet."""
    words = label_files.labels("practice")[language]
    cards = label_files.labels("cards")[language]
    base = url_of(config, words["path"], language)
    sections = {"recognise": cards["recognise"], "attend": cards["attend"], "phrases": cards["phrases"],
                "examples": cards["ask"]}
    types = []
    for entry in data["types"]:
        page_url = relative_url(url_of(config, entry["page"], language), base)
        types.append({**entry, "url": page_url,
                      "card_url": relative_url(url_of(config, card_path(entry["id"]), language), base),
                      "links": {name: f"{page_url}#{anchor}" for name, anchor in practice.anchors().items()}})
    by_id = {entry["id"]: entry for entry in types}
    scenarios = [{**item, "type_name": by_id[item["type"]]["name"],
                  "link": by_id[item["type"]]["links"][item["field"]],
                  "recognise_link": by_id[item["type"]]["links"]["recognise"],
                  "section": sections[item["field"]]} for item in data["scenarios"]]
    # What the script needs, as JSON in the page: the same words, types and scenarios the page shows.
    script = {"labels": {key: value for key, value in words.items() if isinstance(value, str)},
              "sections": sections, "types": types, "scenarios": scenarios}
    meta = {"title": words["title"], "description": words["description"], "template": "practice.html",
            "hide": ["toc"]}
    kiosk = relative_url(url_of(config, KIOSK, language), base) + "?practice"
    context = {"practice": {"labels": words, "addition": cards["addition"], "sections": sections, "kiosk": kiosk,
                            "types": types, "scenarios": scenarios, "sheet": practice.sheet_order(scenarios),
                            "script": script}}
    addresses = {lang: label_files.labels("practice")[lang]["path"] for lang in build.languages(config)}
    return GeneratedPage(PAGE, markdown(meta, words["intro"]), context=context, in_nav=True, addresses=addresses)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PAGE = "practica.md"  # the page's path in every language; its address: labels/practice.yml, `path`
KIOSK = "kiosk/index.md"  # the kiosk page hooks/cards.py generates
