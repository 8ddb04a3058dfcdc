"""Review dates: pages past the date their owner promised to review them.

A page may say who looks after it and when it is next due for a review:

    owner: Equipo de formación
    review_by: 2027-03-31

The build reports every page past its ``review_by`` date, with its owner, and
the translation-status page lists them (hooks/translation_drift.py). An
overdue review must never stop an urgent fix from being published, so the
report is information, not a warning: MkDocs' strict mode turns every warning
into a failed build, and information is printed without failing it.
A ``review_by`` that is not a date is a mistake in the page and is reported
as such (a warning, which strict mode turns into a failed build).
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
    for problem in reviews.problems(catalogue):
        log.warning(str(problem))
    for line in reviews.report(reviews.overdue(catalogue, datetime.date.today())):
        log.info(line)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.review_dates")
