"""Pages made by hooks (quick cards, a status page...), as the generators hand them over: the
same path in every language, their Markdown and template context. playbook/build.py adds them to
each language's files the way mkdocs-static-i18n needs; hooks/generated_pages.py finishes their job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

# The attribute that marks a File as generated; it holds its GeneratedPage.
MARK = "generated_page"


@dataclass(frozen=True)
class GeneratedPage:
    """A page (a ``.md`` path) or any other file to add to one language's build."""

    path: str  # below the language root, the same in every language: "cards/enojado.md"
    content: str | bytes  # Markdown with front matter for a page (markdown()); the bytes or text of any other file
    context: dict = field(default_factory=dict)  # added to the template context of a page
    in_nav: bool = False  # False: MkDocs does not list it among pages missing from the nav
    in_sitemap: bool = True  # a page listed in the sitemap, with its translations
    # Where a language names the page otherwise: {"en": "translations.md"}. The
    # page is still one page in every language, known by ``path`` (nav and links name it so).
    addresses: dict = field(default_factory=dict)

    def address(self, language: str) -> str:
        """The page's path below the root of ``language``."""
        return self.addresses.get(language, self.path)


def markdown(meta: dict, body: str = "") -> str:
    """A generated page's Markdown: its front matter, then its text."""
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
