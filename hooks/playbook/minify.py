"""The playbook's own CSS and JavaScript, minified as the site is written
(tdewolff's minifiers, which also shorten local names: a content page's
scripts weigh about a sixth less than with comments and spaces alone): both
languages' builds and the search workers share each result."""

from __future__ import annotations

import minify

from . import cache

MINIFIERS = {".css": "text/css", ".js": "application/javascript"}


@cache.kept(size=64)
def minified(extension: str, text: str) -> str:
    return minify.string(MINIFIERS[extension], text)
