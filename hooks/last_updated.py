"""Last updated: every page shows the date of its last commit, in its language.

Material shows ``page.meta.revision_date`` at the foot of a page; this hook
sets it from one `git log` for the whole docs folder per build
(hooks/playbook/git_dates.py), read by the outermost build and shared by every
language. Where history is missing the build still passes, and says so once,
as information (``strict: true`` would turn a warning into a failed build of
an urgent fix):

- without git, or outside a repository (a downloaded copy), every page shows
  the build date;
- in a shallow clone (a CI runner's checkout of one commit), pages changed
  within the commits it holds show their true date, the others the date of
  its oldest commit, which may be later than their true one;
- a page not committed yet shows the build date: it is changing now.

Generated pages (cards, the translation status) have no source of their own
and show no date.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from playbook import build, cache, git_dates
from playbook.build import Priority

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once per `mkdocs build` or rebuild of `mkdocs serve`, before the English
# build nested in the Spanish one: one git call, one line about it.
@event_priority(Priority.FIRST)
def on_config(config: MkDocsConfig):
    if not build.is_outermost(config):
        return config
    history, _ = _history(config)
    docs = Path(config.docs_dir)
    line = report(history, [page.relative_to(docs).as_posix() for page in docs.rglob("*.md")])
    if line:
        log.info(line)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    if page.file.generated_by or not page.file.abs_src_path:
        return markdown
    try:
        path = Path(page.file.abs_src_path).relative_to(Path(config.docs_dir)).as_posix()
    except ValueError:
        return markdown
    history, started = _history(config)
    stamp = history.date(path) or started
    page.meta["revision_date"] = git_dates.localized(stamp, build.current_language(config))
    return markdown


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# One git call per build, shared by both languages; the build's start stands
# in for pages git knows nothing of.
@cache.kept()
def _history(config: MkDocsConfig) -> tuple[git_dates.History, float]:
    return git_dates.read(Path(config.docs_dir)), time.time()


def report(history: git_dates.History, pages: list[str]) -> str | None:
    """The one line a build says about its dates, or None when they are all true."""
    if history.missing:
        return (f"Last updated: no git history here ({history.missing}): every page shows "
                "the build date. Build from a git clone for true dates.")
    if history.shallow:
        cut = sum(1 for page in pages if page in history.cut)
        return (f"Last updated: this is a shallow git clone (only its newest commits): {cut} of "
                f"{len(pages)} pages show the date of its oldest commit, which may be later "
                "than their last change. For true dates, fetch the whole history: "
                "git fetch --unshallow (on GitHub Actions: fetch-depth: 0).")
    return None


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.last_updated")
