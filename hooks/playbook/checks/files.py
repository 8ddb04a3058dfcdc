"""Files: each page is readable UTF-8 text with YAML front matter, and says something. The
catalogue already records what kept a file from being read; this check hands those on and
adds pages that have front matter but no text.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem


def check(catalogue: Catalogue) -> list[Problem]:
    unreadable = {problem.path for problem in catalogue.problems}
    # A customer type's page may be front matter only: its structured part is rendered from it.
    return list(catalogue.problems) + [
        Problem.of(page.path, page.body_start, "no_text")
        for page in catalogue.pages.values()
        if page.path not in unreadable and not page.customer_type and not page.body.strip()
    ]
