"""Translation drift: tell readers and editors when a translation has fallen behind the
Spanish page it translates, by the fingerprint of the Spanish text it records
(``translated_from``, written by ``make translated``; playbook/translations.py). A stale
translation gets a notice, the translation-status page lists every pair, and the build's
output lists those that need an editor.
"""

from __future__ import annotations

import datetime
import logging

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache, generated, label_files, translations
from playbook.build import Priority, url_of
from playbook.generated import GeneratedPage
from playbook.reviews import overdue as reviews_of

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After mkdocs-static-i18n has sorted the files of the language being built:
# the status page, in that language (playbook/generated.py).
@event_priority(Priority.GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    language = build.current_language(config)
    generated.add(files, config, [status_page(config, language, datetime.date.today())])
    return files


# Each translated page learns whether it is stale: overrides/partials/translation-notice.html
# warns its readers and links to the Spanish page.
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    if hasattr(page.file, generated.MARK):
        return context
    key, language = build.catalogue(config).split(page.file.src_uri)
    pair = _pairs(config).get((key, language))
    if pair is not None:
        context["translation_notice"] = notice(config, pair, labels()[language])
    return context


# Once every language is built: the editors' report, as information, never a warning: strict mode
# would fail it, and an urgent fix to the Spanish page must be published before it is translated.
@event_priority(Priority.CHECK)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    for line in report(list(_pairs(config).values())):
        log.info(line)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def labels() -> dict[str, dict]:
    """The notice's and the status page's words, by language."""
    return label_files.labels("translation")


def _default(config: MkDocsConfig) -> str:
    return build.default_language(config)


# Every page pair of the site, by (key, translation language): once per build.
@cache.kept()
def _pairs(config: MkDocsConfig) -> dict[tuple[str, str], translations.PagePair]:
    return {(pair.key, pair.language): pair
            for pair in translations.pairs(build.catalogue(config), _default(config))}


def notice(config: MkDocsConfig, pair: translations.PagePair, words: dict) -> dict | None:
    """What the out-of-date notice of a translation shows; None when it is not stale."""
    if pair.state != translations.STALE:
        return None
    default = _default(config)
    return {
        "title": words["notice_title"],
        "text": words["notice_text"].format(language=words["language_names"][default]),
        "link": words["notice_link"],
        "source_url": url_of(config, f"{pair.key}.md", default),
        "source_language": default,
    }


def status(config: MkDocsConfig, language: str, today: datetime.date) -> dict:
    """The translation-status page's content, with addresses below the site root."""
    default = _default(config)
    rows = []
    for pair in _pairs(config).values():
        rows.append({
            "source": f"docs/{pair.source.path}",
            "source_url": url_of(config, f"{pair.key}.md", default),
            "translation": f"docs/{pair.key}.{pair.language}.md",
            "translation_url": url_of(config, f"{pair.key}.md", pair.language)
            if pair.translation else None,
            "state": pair.state,
        })
    reviews = [{
        "page": f"docs/{review.page.path}",
        "url": url_of(config, f"{review.page.key}.md", review.page.language),
        "owner": review.owner,
        "review_by": review.review_by.isoformat(),
        "days_late": review.days_late,
    } for review in reviews_of(build.catalogue(config), today)]
    counts = {state: sum(row["state"] == state for row in rows)
              for state in labels()[language]["states"]}
    return {"pairs": rows, "reviews": reviews, "counts": counts, "today": today.isoformat()}


def status_page(config: MkDocsConfig, language: str, today: datetime.date) -> GeneratedPage:
    words = labels()[language]
    meta = {"title": words["status_title"], "description": words["status_description"],
            "template": "translation-status.html", "search": {"exclude": True}}
    source = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
    source += words["status_intro"] + "\n"
    context = {"status": status(config, language, today), "status_labels": words}
    # Each language's address in its own words: traducciones/, en/translations/.
    addresses = {lang: labels()[lang]["status_path"] for lang in build.languages(config)}
    return GeneratedPage(STATUS_PAGE, source, context=context, addresses=addresses)


def report(pairs: list[translations.PagePair]) -> list[str]:
    """The build's lines about translations that need an editor."""
    lines = []
    for pair in pairs:
        name = f"docs/{pair.key}.{pair.language}.md"
        source = f"docs/{pair.source.path}"
        if pair.state == translations.STALE:
            lines.append(
                f"Translation may be out of date: {source} changed after {name} was last "
                f"reviewed. Update {name} if it needs it, then run: make translated PAGE={name}")
        elif pair.state == translations.NO_RECORD:
            lines.append(
                f"Translation not marked reviewed: {name} does not record which version of "
                f"{source} it translates. Once it matches, run: make translated PAGE={name}")
    return lines


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUS_PAGE = "traducciones.md"
log = logging.getLogger("mkdocs.hooks.translation_drift")
