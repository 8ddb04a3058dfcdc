"""Translation drift: tell readers and editors when a translation has fallen behind the
Spanish page it translates, by the fingerprint of the Spanish text it records
(``translated_from``, written by ``make translated``; playbook/translations.py). A stale
translation gets a notice, the translation-status page lists every pair, and the build's
output lists those that need an editor. Review dates too: a page may name its owner and the date
it is next due for a review (``owner``, ``review_by``); the build reports every page past it, with
its owner, and the status page lists them (playbook/reviews.py), so reviews are not forgotten.
"""

from __future__ import annotations

import datetime
import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache, label_files, reviews, translations
from playbook.build import Priority, url_of
from playbook.generated import GeneratedPage, markdown

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After mkdocs-static-i18n has sorted the files of the language being built:
# the status page, in that language (playbook/generated.py).
@event_priority(Priority.STATUS_PAGE)
def on_files(files: Files, config: MkDocsConfig):
    language = build.current_language(config)
    build.add_generated(files, config, [status_page(config, language, build.moment(config).date())])
    return files


# Each translated page learns whether it is stale: overrides/partials/translation-notice.html
# warns its readers and links to the Spanish page.
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    source = build.source_of(config, page)
    pair = _pairs(config).get((source.key, source.language)) if source else None
    if pair is not None:
        context["translation_notice"] = notice(config, pair, label_files.labels("translation")[source.language])
    return context


# Once every language is built (or rebuilt by `mkdocs serve`): the editors' report.
@event_priority(Priority.REPORT)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    # Stale translations and overdue reviews are information, never a warning: strict mode would
    # fail it, and an urgent fix to the Spanish page must be published before it is translated.
    overdue = reviews.overdue(build.catalogue(config), build.moment(config).date())
    for line in report(list(_pairs(config).values())) + reviews.report(overdue):
        log.info(line)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# Every page pair of the site, by (key, translation language): once per build.
@cache.kept()
def _pairs(config: MkDocsConfig) -> dict[tuple[str, str], translations.PagePair]:
    return {(pair.key, pair.language): pair
            for pair in translations.pairs(build.catalogue(config), build.default_language(config))}


def notice(config: MkDocsConfig, pair: translations.PagePair, words: dict) -> dict | None:
    """What the out-of-date notice of a translation shows; None when it is not stale."""
    if pair.state != translations.STALE:
        return None
    default = build.default_language(config)
    return {
        "title": words["notice_title"],
        "text": words["notice_text"].format(language=words["language_names"][default]),
        "link": words["notice_link"],
        "source_url": url_of(config, f"{pair.key}.md", default),
        "source_language": default,
    }


def status(config: MkDocsConfig, language: str, today: datetime.date) -> dict:
    """The translation-status page's content, with addresses below the site root."""
    default = build.default_language(config)
    rows = [{
        "source": f"docs/{pair.source.path}",
        "source_url": url_of(config, f"{pair.key}.md", default),
        "translation": pair.name,
        "translation_url": url_of(config, f"{pair.key}.md", pair.language) if pair.translation else None,
        "state": pair.state,
    } for pair in _pairs(config).values()]
    overdue = [{
        "page": f"docs/{review.page.path}",
        "url": url_of(config, f"{review.page.key}.md", review.page.language),
        "owner": review.owner,
        "review_by": review.review_by.isoformat(),
        "days_late": review.days_late,
    } for review in reviews.overdue(build.catalogue(config), today)]
    counts = {state: sum(row["state"] == state for row in rows)
              for state in label_files.labels("translation")[language]["states"]}
    return {"pairs": rows, "reviews": overdue, "counts": counts, "today": today.isoformat()}


def status_page(config: MkDocsConfig, language: str, today: datetime.date) -> GeneratedPage:
    words = label_files.labels("translation")[language]
    meta = {"title": words["status_title"], "description": words["status_description"],
            "template": "translation-status.html", "search": {"exclude": True}}
    context = {"status": status(config, language, today), "status_labels": words}
    # Each language's address in its own words: traducciones/, en/translations/.
    addresses = {lang: label_files.labels("translation")[lang]["status_path"] for lang in build.languages(config)}
    return GeneratedPage(STATUS_PAGE, markdown(meta, words["status_intro"]), context=context, addresses=addresses)


def report(pairs: list[translations.PagePair]) -> list[str]:
    """The build's lines about translations that need an editor."""
    kinds = {translations.STALE: "translation_stale", translations.NO_RECORD: "translation_unrecorded"}
    return [label_files.said_with_fix(kinds[pair.state], name=pair.name, source=f"docs/{pair.source.path}")
            for pair in pairs if pair.state in kinds]


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

STATUS_PAGE = "traducciones.md"
log = logging.getLogger("mkdocs.hooks.translation_drift")
