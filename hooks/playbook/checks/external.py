"""External links use https://, and nothing is loaded from another host: a link to another
site must be `https://` (`mailto:` and `tel:` are fine), and images and other embedded files
must live in docs/, so kiosks work offline and no other site learns who reads the playbook.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, Problem
from .safety import DANGEROUS_SCHEMES, FORBIDDEN_TAGS
from .urls import is_external, scheme

ALLOWED_SCHEMES = {"https", "mailto", "tel"}
# Attributes whose address the browser loads by itself, without a click.
LOADED = frozenset(
    "src srcset poster data background imagesrcset lowsrc dynsrc manifest codebase archive classid profile icon".split()
)


def _problem(link, found: str) -> tuple[str, dict] | None:
    """What is wrong with an external address (its message in labels/messages.yml, and the values
    it names); None when it is fine."""
    url = link.url.strip()
    if link.kind == "image":
        return "image_elsewhere", {"url": url}
    if link.kind == "html" and link.attribute in LOADED:
        return "file_elsewhere", {"url": url}
    if found in ALLOWED_SCHEMES:
        return None
    if found == "http":
        return "http_link", {"url": url, "fixed": "https://" + re.sub(r"^[^:]*:/*", "", url)}
    return ("no_scheme", {"url": url}) if not found else ("other_scheme", {"url": url, "scheme": found})


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        doc = page.document
        # A refused tag (<iframe src=...>) is one problem, the safety check's: its address is not another.
        refused = {(tag.line, name.lower(), value) for tag in doc.tags if tag.name in FORBIDDEN_TAGS
                   for name, value in tag.attributes}
        for link in doc.links:
            found = scheme(link.url)
            # A dangerous address is the safety check's to report.
            if (link.kind == "reference" or not is_external(link.url) or found in DANGEROUS_SCHEMES
                    or (link.line, link.attribute, link.url) in refused):
                continue
            if said := _problem(link, found):
                problems.append(Problem.of(page.path, link.line, said[0], **said[1]))
    return problems
