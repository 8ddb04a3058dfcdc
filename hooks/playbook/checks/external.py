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
LOADED = {
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "imagesrcset",
    "lowsrc",
    "dynsrc",
    "manifest",
    "codebase",
    "archive",
    "classid",
    "profile",
    "icon",
}


def check(catalogue: Catalogue) -> list[Problem]:
    problems = []
    for page in catalogue.pages.values():
        for link in document(page).links:
            if link.kind == "reference" or not is_external(link.url):
                continue
            found = scheme(link.url)
            if found in DANGEROUS_SCHEMES:
                continue  # the safety check reports it
            url = link.url.strip()
            loaded = link.kind == "image" or (link.kind == "html" and link.attribute in LOADED)
            if loaded:
                problems.append(
                    Problem(
                        page.path,
                        link.line,
                        f"The {'image' if link.kind == 'image' else 'file'} '{url}' is loaded "
                        f"from another site.",
                        "Save it in docs/assets/ and refer to it relatively, e.g. "
                        "![text](assets/name.png): "
                        "the site loads nothing from other hosts.",
                    )
                )
            elif found in ALLOWED_SCHEMES:
                continue
            elif found == "http":
                problems.append(
                    Problem(
                        page.path,
                        link.line,
                        f"The link '{url}' uses http://, which is not secure.",
                        f"Write 'https://{re.sub(r'^[^:]*:/*', '', url)}' (and check that the "
                        f"site answers on https).",
                    )
                )
            elif not found:
                problems.append(
                    Problem(
                        page.path,
                        link.line,
                        f"The link '{url}' does not say https://.",
                        f"Write 'https:{url}' if it is another site, or link to a page's file "
                        f"('page.md') "
                        "if it is this one.",
                    )
                )
            else:
                problems.append(
                    Problem(
                        page.path,
                        link.line,
                        f"The link '{url}' uses '{found}:'; links to other sites must use "
                        f"https://.",
                        "Link to an https:// address instead.",
                    )
                )
    return problems
