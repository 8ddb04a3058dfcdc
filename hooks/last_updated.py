"""Last updated: every page shows the date of its last commit, in its language. Material
shows ``page.meta.revision_date`` at the foot of a page; this hook sets it from one `git log`
of the whole docs folder per build (playbook/git_dates.py), shared by every language, and
says once when the history is missing or cut short. And where a page's file lives: with a
repository (REPO_URL), Material's "edit this page" button; without one, none. From the same
history, each language's what's-new page (novedades/): the pages changed most recently, newest
first, each with its date and the line its editor wrote for staff in that language (a git trailer
named in labels/whats_new.yml), never the commit's subject.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache, git_dates, label_files
from playbook.build import Priority, url_of
from playbook.generated import GeneratedPage, markdown

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once per `mkdocs build` or rebuild of `mkdocs serve`, not again in the English
# build nested in the Spanish one: one git call, one line about it.
def on_config(config: MkDocsConfig):
    # No repository, no edit button: MkDocs would join edit_uri to nothing (and warn on every page).
    if not config.repo_url:
        config.edit_uri = None
    if not build.is_outermost(config):
        return config
    history, _ = _history(config)
    docs = Path(config.docs_dir)
    line = report(history, [page.relative_to(docs).as_posix() for page in docs.rglob("*.md")])
    # Information, not a warning: strict mode would fail an urgent fix built from a copy without history.
    if line:
        log.info(line)
    return config


# After mkdocs-static-i18n has sorted the files of the language being built: its what's-new page.
@event_priority(Priority.CHANGES_PAGE)
def on_files(files: Files, config: MkDocsConfig):
    language = build.current_language(config)
    history, _ = _history(config)
    words = label_files.labels("whats_new")[language]
    meta = {"title": words["title"], "description": words["description"], "template": "whats-new.html"}
    context = {"whats_new": whats_new(config, history, language), "whats_new_labels": words}
    build.add_generated(files, config, [GeneratedPage(WHATS_NEW, markdown(meta, words["intro"]),
                                                      context=context, in_nav=True)])
    return files


# Generated pages (cards, the translation status) have no source of their own: no date.
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    source = build.source_of(config, page)
    if source is None:
        return markdown
    history, started = _history(config)
    stamp = history.dates.get(source.path) or started
    page.meta["revision_date"] = git_dates.localized(stamp, build.current_language(config))
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# One git call per build, shared by both languages, reading every language's trailer. The build's
# start stands in for pages git knows nothing of: no git, no repository, or not committed yet.
@cache.kept()
def _history(config: MkDocsConfig) -> tuple[git_dates.History, float]:
    trailers = tuple(words["trailer"] for words in label_files.labels("whats_new").values())
    return git_dates.read(Path(config.docs_dir), trailers), build.moment(config).timestamp()


def whats_new(config: MkDocsConfig, history: git_dates.History, language: str) -> dict:
    """The what's-new page's content in a language: its most recently changed pages that git dates
    (at most LIMIT), newest first, grouped by the day and line of the change that made them so: the
    line its editor wrote in the language's trailer, else a neutral one. A shallow clone's oldest
    commit lists every file as new: pages it dates are left out, since their true change may be older."""
    pages = [page for page in build.catalogue(config).in_language(language)
             if page.path in history.dates and page.path not in history.cut]
    pages.sort(key=lambda page: (-history.dates[page.path], _title(page)))
    words = label_files.labels("whats_new")[language]
    changes: list[dict] = []
    for page in pages[:LIMIT]:
        stamp = history.dates[page.path]
        line = history.lines.get(page.path, {}).get(words["trailer"]) or words["revised"]
        iso = datetime.datetime.fromtimestamp(stamp, datetime.UTC).date().isoformat()
        # One entry per day and line: two neutral changes of a day read as one to staff.
        if not changes or (changes[-1]["iso"], changes[-1]["line"]) != (iso, line):
            changes.append({"iso": iso, "line": line, "date": git_dates.localized(stamp, language), "pages": []})
        changes[-1]["pages"].append({"title": _title(page), "url": url_of(config, f"{page.key}.md", language)})
    return {"changes": changes, "missing": bool(history.missing), "shallow": history.shallow}


def _title(page) -> str:
    return str(page.meta.get("title", page.key))


def report(history: git_dates.History, pages: list[str]) -> str | None:
    """The one line a build says about its dates, or None when they are all true."""
    if history.missing:
        return label_files.said_with_fix("dates_no_history", why=history.missing)
    # A shallow clone (a CI checkout): pages older than its commits get its oldest commit's date.
    if history.shallow:
        cut = sum(1 for page in pages if page in history.cut)
        return label_files.said_with_fix("dates_shallow", cut=cut, pages=len(pages))
    return None


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.last_updated")

WHATS_NEW = "novedades.md"  # the same path in every language, as the navigation names it
LIMIT = 15  # pages listed: the recent ones, not the whole site
