"""Quick cards, in every language: a card page per customer type (``cards/<id>/``, for the
screen and for print), the cards index, ``cards/cards.json`` for other tools and the store
kiosk (``kiosk/``). They are generated from the same data as the type pages
(playbook/customer_type.py), so a card says what its page says.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from playbook import build, cache, customer_type, label_files, practice, qr
from playbook.build import Priority, relative_url, url_of
from playbook.card_print import print_scale
from playbook.generated import GeneratedPage, markdown

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once per `mkdocs build` (not in the English build nested in it, nor on every rebuild of
# `mkdocs serve`, whose address is a local one by design): a printed card's QR code must lead
# a phone to the site, which a local address never does. Information, not a warning: strict
# mode would fail every local build.
def on_config(config: MkDocsConfig):
    if build.is_outermost(config) and not build.serving() and not public(config.site_url):
        log.info(label_files.said("qr_local_address", address=config.site_url or label_files.said("no_address")))
    return config


# After mkdocs-static-i18n has sorted the files of the language being built.
@event_priority(Priority.GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    build.add_generated(files, config, pages(config, all_cards(config), build.current_language(config)))
    return files


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def card(config: MkDocsConfig, data: dict) -> dict:
    """A type's card in its language: its model and its addresses below the site root."""
    language = data["language"]
    data["url"] = url_of(config, customer_type.card_path(data["id"]), language)
    data["page_url"] = url_of(config, data["page"], language)
    for link in data["related"]:
        link["url"] = url_of(config, link["path"], language)
    data["print_scale"] = print_scale(data)
    words = label_files.labels("cards")[language]
    data["qr"] = data["qr_missing"] = None
    # A local address: no code that leads nowhere, and the card says why (cards.css prints it).
    if not public(config.site_url):
        data["qr_missing"] = words["qr_missing"]
    else:
        address = config.site_url.rstrip("/") + "/" + data["page_url"]
        entry = build.cache_folder(config, "qr") / f"{language}-{data['id']}.svg"
        data["qr"] = qr.qr_svg(address, words["qr_title"].format(url=address), entry)
    return data


def public(site_url: str | None) -> bool:
    """Whether an address can be opened from another device: not missing, not this machine's
    own (localhost, 127.0.0.0/8, ::1, 0.0.0.0)."""
    host = urlsplit(site_url or "").hostname or ""
    if not host or host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return True
    return not (address.is_loopback or address.is_unspecified)


# Each language's build shows every language's cards (the kiosk): made once per build.
@cache.kept()
def all_cards(config: MkDocsConfig) -> dict[str, list[dict]]:
    """Every language's cards, in the order of the navigation."""
    catalogue = build.checked_catalogue(config)
    return {language: [card(config, data) for data in customer_type.models(catalogue, language, config.nav)]
            for language in build.languages(config)}


def cards_json(config: MkDocsConfig, cards: list[dict], language: str, version: str) -> str:
    """cards.json of a language: addresses relative to cards.json itself."""
    base = url_of(config, JSON, language)
    entries = []
    # Every field of the type's shape that it has (escalation is only for some), in its order,
    # then the card's addresses.
    for data in cards:
        entry = {name: data[name] for name in customer_type.shape().fields if name in data}
        entry["related"] = [{"title": link["title"], "url": relative_url(link["url"], base)}
                            for link in data["related"]]
        entry["url"] = relative_url(data["url"], base)
        entry["page_url"] = relative_url(data["page_url"], base)
        entries.append(entry)
    document = {"language": language, "version": version, "cards": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def version_of(config: MkDocsConfig, cards: dict) -> str:
    """A digest of everything the kiosk shows: the same sources give the same version."""
    # Its break-room mode (?practice, playbook/practice.py) shows every language's scenarios too.
    catalogue = build.checked_catalogue(config)
    scenarios = [practice.model(catalogue, language, config.nav)["scenarios"] for language in cards]
    parts = [json.dumps([cards, scenarios, label_files.labels("cards"), label_files.labels("practice")],
                        sort_keys=True).encode()]
    # Each template as Jinja finds it: ours in overrides/ where we override the theme's.
    env = build.theme_env(config)
    parts += [env.loader.get_source(env, name)[0].encode() for name in KIOSK_THEME_FILES]
    for name in KIOSK_ASSETS:
        path = Path(config.docs_dir, name)
        parts.append(path.read_bytes() if path.is_file() else b"")
    return cache.digest(b"".join(parts))


def pages(config: MkDocsConfig, cards: dict[str, list[dict]], language: str) -> list[GeneratedPage]:
    """The generated pages and files of one language."""
    labels = label_files.labels("cards")
    words = labels[language]
    version = version_of(config, cards)
    shared = {"labels": words, "cards_index_url": url_of(config, INDEX, language),
              "kiosk_url": url_of(config, KIOSK, language), "all_cards_url": url_of(config, ALL, language),
              "kiosk_setup_url": url_of(config, KIOSK_SETUP, language)}
    meta = {"title": words["cards_title"], "description": words["cards_description"],
            "template": "cards.html", "hide": ["toc"]}
    generated = [GeneratedPage(INDEX, markdown(meta, words["cards_intro"]),
                               context={**shared, "cards": cards[language]}, in_nav=True)]
    # Every card of the language on one page: one print, one card per sheet (cards.css).
    meta = {"title": words["all_title"], "description": words["all_description"],
            "template": "cards-all.html", "search": {"exclude": True}, "hide": ["navigation", "toc", "footer"]}
    generated.append(GeneratedPage(ALL, markdown(meta, words["all_intro"]),
                                   context={**shared, "cards": cards[language]}))
    # Cards stay out of the navigation and search: search leads to the full type page, which holds it all.
    for data in cards[language]:
        meta = {"title": words["card_title"].format(name=data["name"]), "description": data["summary"],
                "template": "card.html", "search": {"exclude": True}, "hide": ["navigation", "toc", "footer"]}
        generated.append(GeneratedPage(customer_type.card_path(data["id"]), markdown(meta),
                                       context={**shared, "card": data}))
    # The kiosk holds every language's cards, its own first, so ?lang=both needs no request;
    # version.json tells running kiosks when it has changed.
    order = build.languages(config, first=language)
    kiosk = {
        "slides": [{"card": data, "labels": labels[other]}
                   for position in range(len(cards[language]))
                   for other in order
                   for data in cards[other][position : position + 1]],
        "language": language,
        "version": version,
        "controls": {other: {key: labels[other][key] for key in KIOSK_CONTROLS} for other in order},
        "version_url": relative_url(url_of(config, VERSION, language), url_of(config, KIOSK, language)),
    }
    # Its break-room mode shows every language's scenarios, its own first, in the page: no network once loaded.
    slides = practice.kiosk_slides(build.checked_catalogue(config), order, config.nav)
    meta = {"title": words["kiosk_title"], "description": words["kiosk_description"],
            "template": "kiosk.html", "search": {"exclude": True}}
    generated.append(GeneratedPage(KIOSK, markdown(meta), in_sitemap=False,
                                   context={**shared, "kiosk": kiosk, "practice_kiosk": slides}))
    generated.append(GeneratedPage(JSON, cards_json(config, cards[language], language, version)))
    generated.append(GeneratedPage(VERSION, json.dumps({"version": version}) + "\n"))
    return generated


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.cards")

INDEX = "cards/index.md"
ALL = "cards/all.md"  # every card, to print them all at once
KIOSK_SETUP = "configurar-quiosco.md"  # the store managers' page on setting the kiosk up (docs/)
JSON = "cards/cards.json"  # every card's fields and addresses (playbook/schemas/cards.schema.json)
KIOSK = "kiosk/index.md"
VERSION = "kiosk/version.json"

# Files the kiosk page is made of: when one changes, running kiosks reload.
KIOSK_THEME_FILES = ("kiosk.html", "partials/card-blocks.html", "partials/practice-kiosk.html")
KIOSK_ASSETS = ("assets/javascripts/kiosk.js", "assets/stylesheets/cards.css", "assets/javascripts/kiosk-practice.js",
                "assets/stylesheets/practice.css")

# The kiosk controls' words: they follow the language of the card on show.
KIOSK_CONTROLS = ("controls", "previous", "next", "pause", "play", "position", "paused")
