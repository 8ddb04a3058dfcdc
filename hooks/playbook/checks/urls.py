"""Where an address written in a page goes: shared by the link, citation and
safety checks, so they all read an address the same way."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from ..catalogue import split_language
from ..label_files import MESSAGES, said

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop these before reading a scheme: "java\tscript:" still runs.
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")

def language_name(language: str | None) -> str:
    """"en" -> "English" in the editor's language (labels/messages.yml ``language_en``)."""
    return said(f"language_{language}") if language in MESSAGES else language or "?"


def scheme(url: str) -> str:
    """The scheme a browser would see in ``url``, lower case: "https", "javascript", or ""."""
    cleaned = IGNORED_BY_BROWSERS.sub("", html.unescape(url))
    match = SCHEME.match(cleaned)
    return match.group(1).lower() if match else ""


def is_external(url: str) -> bool:
    """Has a scheme or starts with // (another host)."""
    cleaned = IGNORED_BY_BROWSERS.sub("", html.unescape(url))
    return bool(scheme(url)) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


@dataclass(frozen=True)
class Target:
    """An internal address, resolved against the folder of the page that writes it."""

    path: str  # below docs/, normalised: "tipos/enojado.md"; "" for the same page
    fragment: str  # without "#", decoded
    outside: bool = False  # leads above docs/
    absolute: bool = False  # starts with "/"

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")

    def page(self, languages) -> tuple[str, str | None]:
        """("tipos/enojado", None) for "tipos/enojado.md"; the language if it names one."""
        return split_language(self.path, tuple(languages))


def resolve(base: str, url: str) -> Target | None:
    """Resolve an internal ``url`` written in the file ``base`` (below docs/); None if external."""
    if is_external(url):
        return None
    address, _, fragment = url.partition("#")
    address = address.partition("?")[0]
    fragment = unquote(fragment)
    if not address:
        return Target(path="", fragment=fragment)
    address = unquote(address)
    if address.startswith("/"):
        return Target(path=address.lstrip("/"), fragment=fragment, absolute=True)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), address))
    if joined == ".." or joined.startswith("../"):
        return Target(path=joined, fragment=fragment, outside=True)
    if address.endswith("/") and joined != ".":
        joined += "/"
    return Target(path="" if joined == "." else joined, fragment=fragment)


def relative(base: str, path: str) -> str:
    """The address of ``path`` (below docs/, with its #anchor) as written in the file ``base``."""
    path, _, anchor = path.partition("#")
    href = posixpath.relpath(path, posixpath.dirname(base) or ".")
    return f"{href}#{anchor}" if anchor else href
