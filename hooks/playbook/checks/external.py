"""External links use https://, and nothing is loaded from another host: a link to another
site must be `https://` (`mailto:` and `tel:` are fine), and images and other embedded files
must live in docs/, so kiosks work offline and no other site learns who reads the playbook.
"""

from __future__ import annotations

import re

from ..catalogue import Catalogue, Problem
from ..markdown import document
from .safety import DANGEROUS_SCHEMES
from .urls import is_external, scheme

ALLOWED_SCHEMES = {"https", "mailto", "tel"}
# Attributes whose address the browser loads by itself, without a click.
LOADED = frozenset(
    "src srcset poster data background imagesrcset lowsrc dynsrc manifest codebase archive classid profile icon".split()
)


def _problem(link, found: str) -> tuple[str, str] | None:
    """What is wrong with an external address, and how to fix it; None when it is fine."""
    url = link.url.strip()
    if link.kind == "image" or (link.kind == "html" and link.attribute in LOADED):
        return (f"The {'image' if link.kind == 'image' else 'file'} '{url}' is loaded from another site.",
                "Save it in docs/assets/ and refer to it relatively, e.g. ![text](assets/name.png): "
                "the site loads nothing from other hosts.")
    if found in ALLOWED_SCHEMES:
        return None
    if found == "http":
        return (f"The link '{url}' uses http://, which is not secure.",
                f"Write 'https://{re.sub(r'^[^:]*:/*', '', url)}' (and check that the site answers on https).")
    if not found:
        return (f"The link '{url}' does not say https://.",
                f"Write 'https:{url}' if it is another site, or link to a page's file ('page.md') if it is this one.")
    return (f"The link '{url}' uses '{found}:'; links to other sites must use https://.",
            "Link to an https:// address instead.")


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        for link in document(page).links:
            found = scheme(link.url)
            # A dangerous address is the safety check's to report.
            if link.kind == "reference" or not is_external(link.url) or found in DANGEROUS_SCHEMES:
                continue
            if said := _problem(link, found):
                problems.append(Problem(page.path, link.line, *said))
    return problems
