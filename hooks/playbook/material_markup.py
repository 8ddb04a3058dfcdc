"""Material's markup that the W3C HTML checker rejects, made valid in each written page, keeping
what it was for, and the indentation its templates leave between tags taken out. The one place that
rewrites Material's markup (Material for MkDocs 9.8.1: ``base.html`` and ``partials/toc.html``;
tests/unit/test_policy.py fails, naming Material, when either no longer holds what is rewritten
here, and holds the compaction to where whitespace does not show).
"""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its drawer and search checkboxes so that a browser that
# restores form fields when the reader goes back in history does not reopen the drawer or the
# search; the HTML standard allows the attribute on text-like fields only. A field whose form says
# autocomplete="off" is not restored either: the checkboxes name an empty form of their own that
# says so, and stay where they are (Material's CSS reads them through `~` from there).
TOGGLES = {
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__md_toggles">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">':
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="__md_toggles">',
}
TOGGLES_FORM = '<form id="__md_toggles" autocomplete="off" hidden></form>'

# Material's table of contents opens with a label for the checkbox "__toc", which its navigation
# has only where the page is a leaf of it: on a section's index page it names no control, which
# the standard forbids. There it labels nothing and does nothing, so it loses its `for`.
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_CONTROL = 'id="__toc"'


def valid(html: str) -> str:
    """A written page with Material's invalid markup rewritten (pages without it unchanged)."""
    first = next(iter(TOGGLES))
    if first in html:
        html = html.replace(first, TOGGLES_FORM + first, 1)
        for old, new in TOGGLES.items():
            html = html.replace(old, new, 1)
    if TOC_LABEL in html and TOC_CONTROL not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


# Material's templates (and ours) leave each page a sixth blank lines and indentation: a run of
# whitespace holding a line break shows as one space wherever the page's CSS collapses spaces, so
# it is written as one line break (0.5 KB gzip off a content page). Not where whitespace shows:
# <pre>, <textarea>, <code> (pre-wrap when printed), nor inside scripts.
KEPT = re.compile(r"(<(pre|textarea|code|script)\b.*?</\2>)", re.S | re.I)
INDENTATION = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """A written page without the blank lines and indentation between its tags."""
    parts = KEPT.split(html)
    # split() gives text, then each kept element and its tag name, in turn.
    return "".join(part if index % 3 else INDENTATION.sub("\n", part)
                   for index, part in enumerate(parts) if index % 3 != 2)
