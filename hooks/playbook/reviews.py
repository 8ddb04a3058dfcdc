"""Review dates: pages past the date their owner promised to review them (``owner``,
``review_by`` in the front matter). Plain Python over the catalogue: hooks/translation_drift.py
reports overdue pages, and the translation-status page lists them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .catalogue import Catalogue, Problem, SourcePage


@dataclass(frozen=True)
class Review:
    page: SourcePage
    owner: str  # "" when the page names none
    review_by: datetime.date
    days_late: int


def review_date(page: SourcePage) -> datetime.date | Problem | None:
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
    return Problem.of(page.path, page.line_of("review_by"), "review_not_date", value=value)


def overdue(catalogue: Catalogue, today: datetime.date) -> list[Review]:
    """Every page whose review date has passed, the longest overdue first."""
    reviews = []
    for _, page in sorted(catalogue.pages.items()):
        due = review_date(page)
        if isinstance(due, datetime.date) and due < today:
            owner = page.meta.get("owner")
            owner = str(owner).strip() if owner else ""
            reviews.append(Review(page, owner, due, (today - due).days))
    return sorted(reviews, key=lambda review: (review.review_by, review.page.path))


def problems(catalogue: Catalogue) -> list[Problem]:
    """Review dates that are not dates."""
    return [due for _, page in sorted(catalogue.pages.items())
            if isinstance(due := review_date(page), Problem)]


def report(reviews: list[Review]) -> list[str]:
    """One line per overdue page, for the build's output."""
    return [f"Review overdue: docs/{review.page.path} was due for review on {review.review_by.isoformat()} "
            f"({f'owner: {review.owner}' if review.owner else 'no owner named'}). Review the page, then move "
            "'review_by' to the next review date." for review in reviews]
