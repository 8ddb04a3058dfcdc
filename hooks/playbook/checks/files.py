"""Files: each page is readable UTF-8 text with YAML front matter, and says something. The
catalogue already records what kept a file from being read; this check hands those on and
adds pages that have front matter but no text.
"""

from __future__ import annotations

from ..catalogue import Catalogue, Problem


def check(catalogue: Catalogue) -> list[Problem]:
    problems = list(catalogue.problems)
    unreadable = {problem.path for problem in problems}
    for page in catalogue.pages.values():
        # A customer type's page may be front matter only: its structured part is rendered from it.
        if page.path in unreadable or page.customer_type or page.body.strip():
            continue
        problems.append(
            Problem(
                page.path,
                page.body_start,
                "This page has front matter but no text below it.",
                "Write the page's text below the closing '---' line, or delete the file (in both "
                "languages).",
            )
        )
    return problems
