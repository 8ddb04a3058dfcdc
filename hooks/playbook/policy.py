"""The Content-Security-Policy of the written site: what each page may run and load. A page may run
the scripts of its own site and, of its inline scripts, exactly those it has (each by its SHA-256
hash, worked out from the page as written, so no edit of a template or upgrade of Material can
leave a stale one); it loads styles, images, workers and manifests from its own site only, and
nothing else at all. The same policy goes to hosts as headers (``headers_file``), with what only a
header can say (who may frame a page), for the hosts that read a ``_headers`` file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

# Where a page's own resources come from; nothing comes from anywhere else (default-src 'none').
# img-src data:: Material's icons are data: URLs in its CSS (mask-image), the kiosk's favicon too.
# Each fetch the site makes: search files and kiosk/version.json (connect), the search worker
# and sw.js (worker), the app manifests (manifest). No plugin content, no <base>, no form
# posting elsewhere: object-src, base-uri and form-action, which default-src does not cover.
DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Only a header can say who may frame a page (a <meta> policy ignores frame-ancestors): nobody.
HEADER_ONLY = (("frame-ancestors", "'none'"),)
# The other headers every file gets: no guessing of a file's type from its content; a page's
# address goes with requests to the site itself only (the playbook asks no other host anything,
# and its links out say nothing of which page they were followed from).
HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
)

# A comment, or an element whose text the browser runs or applies: a script or a style. Comments
# are matched so that an element inside one is not taken for a real one; an element's text ends at
# its first closing tag, as the HTML parser ends it.
_INLINE = re.compile(r"<!--.*?-->|<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.I)
_TYPE = re.compile(r"""(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# The types a browser runs as script; any other (application/json...) is data, never run.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                 "application/ecmascript"}
_HEAD = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset\s*=[^>]*>)?", re.I)


def digest(text: str) -> str:
    """A source expression for an inline text: 'sha256-<base64>' of its UTF-8 bytes, as browsers hash it."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline(html: str) -> tuple[list[str], list[str]]:
    """The hashes of a page's inline scripts (those a browser runs) and of its style elements,
    each once, in the page's order."""
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    for match in _INLINE.finditer(html):
        element, attributes, text = match.groups()
        if element is None:
            continue
        if element.lower() == "style":
            styles[digest(text)] = None
            continue
        found = _TYPE.search(attributes)
        kind = next((value for value in found.groups() if value is not None), "") if found else ""
        if _SOURCE.search(attributes) or kind.strip().lower() not in _SCRIPT_TYPES:
            continue
        scripts[digest(text)] = None
    return list(scripts), list(styles)


def policy(scripts: Iterable[str] = (), styles: Iterable[str] = (), header: bool = False) -> str:
    """The policy allowing these hashed inline scripts and styles; a header's has what only a header carries."""
    extra = {"script-src": " ".join(scripts), "style-src": " ".join(styles)}
    directives = DIRECTIVES + (HEADER_ONLY if header else ())
    return "; ".join(" ".join(filter(None, (name, value, extra.get(name)))) for name, value in directives)


def with_meta(html: str, meta: str) -> str | None:
    """The page with ``meta`` first in its head (after its <meta charset>, which must come
    first): a <meta> policy holds for what follows it only. None for a file with no head."""
    head = _HEAD.search(html)
    if head is None:
        return None
    return html[:head.end()] + meta + html[head.end():]


def headers_file(site_policy: str) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages): every address gets the policy and the other headers."""
    lines = [f"  Content-Security-Policy: {site_policy}"] + [f"  {name}: {value}" for name, value in HEADERS]
    return "/*\n" + "\n".join(lines) + "\n"
