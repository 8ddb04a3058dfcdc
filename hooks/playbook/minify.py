"""The playbook's own CSS and JavaScript, minified as the site is written
(rcssmin, rjsmin): both languages' builds and the search workers share each result."""

from __future__ import annotations

import rcssmin
import rjsmin

from . import cache

MINIFIERS = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}


@cache.kept(size=64)
def minified(extension: str, text: str) -> str:
    return MINIFIERS[extension](text)
