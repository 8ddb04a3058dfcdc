"""Last updated: every page shows the date of its last commit, in its language. Material
shows ``page.meta.revision_date`` at the foot of a page; this hook sets it from one `git log`
of the whole docs folder per build (playbook/git_dates.py), shared by every language, and
says once when the history is missing or cut short.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from playbook import build, cache, git_dates, label_files

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once per `mkdocs build` or rebuild of `mkdocs serve`, not again in the English
# build nested in the Spanish one: one git call, one line about it.
def on_config(config: MkDocsConfig):
    if not build.is_outermost(config):
        return config
    history, _ = _history(config)
    docs = Path(config.docs_dir)
    line = report(history, [page.relative_to(docs).as_posix() for page in docs.rglob("*.md")])
    # Information, not a warning: strict mode would fail an urgent fix built from a copy without history.
    if line:
        log.info(line)
    return config


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

# One git call per build, shared by both languages. The build's start stands in for pages git
# knows nothing of: no git, no repository, or not committed yet (it is changing now).
@cache.kept()
def _history(config: MkDocsConfig) -> tuple[git_dates.History, float]:
    return git_dates.read(Path(config.docs_dir)), time.time()


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
