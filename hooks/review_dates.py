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
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

import content

log = logging.getLogger("mkdocs.hooks.review_dates")


@dataclass(frozen=True)
class Review:
    page: content.SourcePage
    owner: str  # "" when the page names none
    review_by: datetime.date
    days_late: int


def review_date(page: content.SourcePage) -> datetime.date | content.Problem | None:
    """A page's ``review_by`` as a date; a Problem when it is not one; None when absent."""
    value = page.meta.get("review_by")
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    return content.Problem(
        page.path, page.line_of("review_by"),
        f"'review_by: {value}' is not a date.",
        "Write the date as year-month-day, for example 'review_by: 2027-03-31'.",
    )


def overdue(catalogue: content.Catalogue, today: datetime.date) -> list[Review]:
    """Every page whose review date has passed, the longest overdue first."""
    reviews = []
    for page in (page for _, page in sorted(catalogue.pages.items())):
        due = review_date(page)
        if isinstance(due, datetime.date) and due < today:
            owner = page.meta.get("owner")
            owner = str(owner).strip() if owner else ""
            reviews.append(Review(page, owner, due, (today - due).days))
    return sorted(reviews, key=lambda review: (review.review_by, review.page.path))


def problems(catalogue: content.Catalogue) -> list[content.Problem]:
    """Review dates that are not dates."""
    return [due for _, page in sorted(catalogue.pages.items())
            if isinstance(due := review_date(page), content.Problem)]


def report(reviews: list[Review]) -> list[str]:
    """One line per overdue page, for the build's output."""
    lines = []
    for review in reviews:
        owner = f"owner: {review.owner}" if review.owner else "no owner named"
        lines.append(
            f"Review overdue: docs/{review.page.path} was due for review on "
            f"{review.review_by.isoformat()} ({owner}). Review the page, then move "
            f"'review_by' to the next review date."
        )
    return lines


def _is_last_build(config: MkDocsConfig) -> bool:
    """True once, after mkdocs-static-i18n has built every language."""
    return not config.plugins["i18n"].building


# Once per `mkdocs build` (or rebuild of `mkdocs serve`), after every language.
@event_priority(-150)
def on_post_build(config: MkDocsConfig):
    if not _is_last_build(config):
        return
    catalogue = content.from_config(config)
    for problem in problems(catalogue):
        log.warning(str(problem))
    for line in report(overdue(catalogue, datetime.date.today())):
        log.info(line)
