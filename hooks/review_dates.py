"""Review dates: a page may name its owner and the date it is next due for a review
(``owner: Equipo de formación``, ``review_by: 2027-03-31`` in its front matter). The build
reports every page past its ``review_by`` date, with its owner, and the translation-status
page lists them (hooks/translation_drift.py), so reviews are not forgotten.
"""

from __future__ import annotations

import datetime
import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from playbook import build, reviews
from playbook.build import Priority

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once per `mkdocs build` (or rebuild of `mkdocs serve`), after every language.
@event_priority(Priority.CHECK)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    catalogue = build.catalogue(config)
    # A ``review_by`` that is not a date is a mistake in the page: a warning, which strict mode fails.
    for problem in reviews.problems(catalogue):
        log.warning(str(problem))
    # An overdue review must never block an urgent fix: information, which strict mode does not fail.
    for line in reviews.report(reviews.overdue(catalogue, datetime.date.today())):
        log.info(line)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.review_dates")
