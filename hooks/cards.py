"""Quick cards: a card page per customer type, a cards index, cards.json and
the store kiosk, in every language.

Generated from the same data as the type pages (hooks/customer_types.py), so a
card says what its page says. Each language root gets:

- ``cards/``: the index, in the navigation and the search;
- ``cards/<id>/``: one card per type, for the screen and for print (one A6,
  A5 or Letter sheet). Out of the navigation and the search: search leads to
  the full type page, which holds everything the card does;
- ``cards/cards.json``: every card's fields and addresses (schema:
  hooks/schemas/cards.schema.json), for other tools;
- ``kiosk/``: every card of every language in one page that needs nothing more
  once loaded; ``kiosk/version.json`` says when it has changed.

Pages are rendered by overrides/cards.html, card.html and kiosk.html, whose
card markup is overrides/partials/card-blocks.html.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path

import segno
import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

import content
import customer_types
import generated_pages
from generated_pages import GeneratedPage, relative_url, url_of
from playbook.card_print import print_scale

INDEX = "cards/index.md"
JSON = "cards/cards.json"
KIOSK = "kiosk/index.md"
VERSION = "kiosk/version.json"

# Files the kiosk page is made of: when one changes, running kiosks reload.
KIOSK_THEME_FILES = ("kiosk.html", "partials/card-blocks.html")
KIOSK_ASSETS = ("assets/javascripts/kiosk.js", "assets/stylesheets/cards.css")
# The kiosk controls' words: they follow the language of the card on show.
KIOSK_CONTROLS = ("controls", "previous", "next", "pause", "play", "position", "paused")


def card_path(card_id: str) -> str:
    return f"cards/{card_id}.md"


# Each language's build makes every language's cards (the kiosk shows them
# all), and a code takes segno a few ms to draw (most of it choosing the mask
# that scans best): each is drawn once, then kept in .cache/playbook/qr/
# (content.cache_folder) for the next build and the next rebuild of `mkdocs
# serve`. One entry per card, which says what it was drawn from: a changed
# address or title is drawn anew, and the folder does not grow from build to build.
@functools.lru_cache(maxsize=256)
def qr_svg(url: str, title: str, entry: Path | None = None) -> str:
    """A QR code of an address, as inline SVG: dark on light, with its quiet zone."""
    digest = hashlib.sha256("\n".join((url, title)).encode()).hexdigest()
    source = f"<!-- segno {segno.__version__}: {digest} -->\n"
    if entry is not None:
        try:
            cached = entry.read_text(encoding="utf-8")
            if cached.startswith(source) and cached.endswith("</svg>"):
                return cached.removeprefix(source)
        except (OSError, UnicodeDecodeError):
            pass
    svg = draw_qr(url, title)
    if entry is not None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = entry.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(source + svg, encoding="utf-8")
            temporary.replace(entry)
        except OSError:
            pass  # a folder that cannot be written: draw again next time
    return svg


def draw_qr(url: str, title: str) -> str:
    code = segno.make(url, error="m")
    return code.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        title=title,
        svgclass="qc-qr",
        lineclass=None,
        omitsize=True,
    )


def card(config: MkDocsConfig, catalogue, page) -> dict:
    """A type's card in its language: its data and its addresses below the site root."""
    data = customer_types.model(catalogue, page)
    language = data["language"]
    data["url"] = url_of(config, card_path(data["id"]), language)
    data["page_url"] = url_of(config, data["page"], language)
    for link in data["related"]:
        path, _, anchor = link["path"].partition("#")
        link["url"] = url_of(config, path, language) + (f"#{anchor}" if anchor else "")
    data["print_scale"] = print_scale(data)
    data["qr"] = None
    if config.site_url:
        address = config.site_url.rstrip("/") + "/" + data["page_url"]
        title = customer_types.labels()[language]["qr_title"].format(url=address)
        entry = content.cache_folder(config, "qr") / f"{language}-{data['id']}.svg"
        data["qr"] = qr_svg(address, title, entry)
    return data


def all_cards(config: MkDocsConfig) -> dict[str, list[dict]]:
    """Every language's cards, in the order of the navigation."""
    catalogue = customer_types.catalogue(config)
    return {
        language: [
            card(config, catalogue, page)
            for page in customer_types.type_pages(catalogue, language, config.nav)
        ]
        for language in generated_pages.languages(config)
    }


def cards_json(config: MkDocsConfig, cards: list[dict], language: str, version: str) -> str:
    """cards.json of a language: addresses relative to cards.json itself."""
    base = url_of(config, JSON, language)
    entries = []
    for data in cards:
        entries.append(
            {
                "id": data["id"],
                "name": data["name"],
                "icon": data["icon"],
                "summary": data["summary"],
                "recognise": data["recognise"],
                "attend": data["attend"],
                "questions": data["questions"],
                "phrases": data["phrases"],
                "related": [
                    {"title": link["title"], "url": relative_url(link["url"], base)}
                    for link in data["related"]
                ],
                "url": relative_url(data["url"], base),
                "page_url": relative_url(data["page_url"], base),
            }
        )
    document = {"language": language, "version": version, "cards": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def version_of(config: MkDocsConfig, cards: dict) -> str:
    """A digest of everything the kiosk shows: the same sources give the same version."""
    digest = hashlib.sha256()
    digest.update(json.dumps([cards, customer_types.labels()], sort_keys=True).encode())
    for name in KIOSK_THEME_FILES:
        for folder in config.theme.dirs:
            if Path(folder, name).is_file():
                digest.update(Path(folder, name).read_bytes())
                break
    for name in KIOSK_ASSETS:
        path = Path(config.docs_dir, name)
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def markdown_page(meta: dict, body: str = "") -> str:
    return (
        "---\n"
        + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        + "---\n\n"
        + body
        + "\n"
    )


def pages(config: MkDocsConfig, cards: dict[str, list[dict]], language: str) -> list[GeneratedPage]:
    """The generated pages and files of one language."""
    labels = customer_types.labels()
    words = labels[language]
    version = version_of(config, cards)
    shared = {
        "labels": words,
        "cards_index_url": url_of(config, INDEX, language),
        "kiosk_url": url_of(config, KIOSK, language),
    }
    generated = [
        GeneratedPage(
            INDEX,
            markdown_page(
                {
                    "title": words["cards_title"],
                    "description": words["cards_description"],
                    "template": "cards.html",
                    "hide": ["toc"],
                },
                words["cards_intro"],
            ),
            context={**shared, "cards": cards[language]},
            in_nav=True,
        )
    ]
    for data in cards[language]:
        generated.append(
            GeneratedPage(
                card_path(data["id"]),
                markdown_page(
                    {
                        "title": words["card_title"].format(name=data["name"]),
                        "description": data["summary"],
                        "template": "card.html",
                        "search": {"exclude": True},
                        "hide": ["navigation", "toc", "footer"],
                    }
                ),
                context={**shared, "card": data},
            )
        )
    # The kiosk holds every language's cards, its own first, so ?lang=both needs no request.
    order = [language] + [other for other in cards if other != language]
    slides = [
        {"card": data, "labels": labels[other]}
        for position in range(len(cards[language]))
        for other in order
        for data in cards[other][position : position + 1]
    ]
    generated.append(
        GeneratedPage(
            KIOSK,
            markdown_page(
                {
                    "title": words["kiosk_title"],
                    "description": words["kiosk_description"],
                    "template": "kiosk.html",
                    "search": {"exclude": True},
                }
            ),
            in_sitemap=False,
            context={
                **shared,
                "kiosk": {
                    "slides": slides,
                    "language": language,
                    "version": version,
                    "controls": {
                        other: {key: labels[other][key] for key in KIOSK_CONTROLS}
                        for other in order
                    },
                    "version_url": relative_url(
                        url_of(config, VERSION, language), url_of(config, KIOSK, language)
                    ),
                },
            },
        )
    )
    generated.append(GeneratedPage(JSON, cards_json(config, cards[language], language, version)))
    generated.append(GeneratedPage(VERSION, json.dumps({"version": version}) + "\n"))
    return generated


# After mkdocs-static-i18n (-100) has sorted the files of the language being built.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig):
    language = generated_pages.current_language(config)
    generated_pages.add(files, config, pages(config, all_cards(config), language))
    return files
