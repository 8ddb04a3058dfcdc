"""Review dates: pages past the date their owner promised to review them (``owner``,
``review_by`` in the front matter). Plain Python over the catalogue: hooks/translation_drift.py
reports overdue pages, and the translation-status page lists them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .catalogue import Catalogue, SourcePage
from .label_files import said, said_with_fix


@dataclass(frozen=True)
class Review:
    page: SourcePage
    owner: str  # "" when the page names none
    review_by: datetime.date
    days_late: int


# A review_by that is not a date never gets this far: the content checks hold it to the schema's date.
# YAML reads it as text when quoted, else as a date (a datetime with a time): the day is its first ten.
def review_date(page: SourcePage) -> datetime.date | None:
    """A page's ``review_by`` as a date; None when absent or not a date."""
    try:
        return datetime.date.fromisoformat(str(page.meta["review_by"]).strip()[:10])
    except (KeyError, ValueError):
        return None


def overdue(catalogue: Catalogue, today: datetime.date) -> list[Review]:
    """Every page whose review date has passed, the longest overdue first."""
    reviews = []
    for _, page in sorted(catalogue.pages.items()):
        due = review_date(page)
        if due and due < today:
            reviews.append(Review(page, str(page.meta.get("owner") or "").strip(), due, (today - due).days))
    return sorted(reviews, key=lambda review: (review.review_by, review.page.path))


def report(reviews: list[Review]) -> list[str]:
    """One line per overdue page, for the build's output."""
    return [said_with_fix("review_overdue", page=review.page.path, date=review.review_by.isoformat(),
                          owner=said("review_owner", owner=review.owner) if review.owner else said("review_no_owner"))
            for review in reviews]
