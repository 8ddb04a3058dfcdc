"""A static host that sends the headers of the site's ``_headers`` file, as Netlify and Cloudflare
Pages do: each rule is a path pattern (``*`` matches anything, ``:name`` one part of the path) on
a line of its own, then its headers, indented, one a line; every rule that matches an address
adds its headers. The file itself is not served."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .server import QuietHandler

HEADERS = "_headers"


def rules(text: str) -> list[tuple[re.Pattern, list[tuple[str, str]]]]:
    """The rules of a _headers file: each path pattern as a regular expression, with its headers."""
    found: list[tuple[re.Pattern, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            parts = [".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                     for part in re.split(r"(\*|:[A-Za-z]\w*)", line.strip())]
            found.append((re.compile("".join(parts)), []))
        elif found:
            name, _, value = line.strip().partition(":")
            found[-1][1].append((name.strip(), value.strip()))
    return found


class HeadersHandler(QuietHandler):
    """Serves a site folder with the headers its _headers file gives each address."""

    def send_head(self):
        if urlsplit(self.path).path == "/" + HEADERS:
            self.send_error(404)
            return None
        return super().send_head()

    def end_headers(self):
        path = urlsplit(self.path).path
        file = Path(self.directory, HEADERS)
        for pattern, headers in rules(file.read_text(encoding="utf-8")) if file.is_file() else []:
            if pattern.fullmatch(path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()


# Every violation of the page's policy, sent to the test as it happens (a binding and an init
# script are the browser's own, outside any page's policy): watch_policy(context, problems).
REPORT = """document.addEventListener("securitypolicyviolation", (e) => window.__policyViolation(
  e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber))"""


def watch_policy(context, problems: list[str]) -> None:
    """Add each policy violation of ``context``'s pages to ``problems``, with the page's address."""
    context.expose_binding("__policyViolation", lambda source, text: problems.append(f"{source['page'].url}: {text}"))
    context.add_init_script(REPORT)
