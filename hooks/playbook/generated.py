"""Pages made by hooks (quick cards, a status page...), in every language, the way
mkdocs-static-i18n needs them: added after it sorts the files, each language's under its own
folder, and listed in its sitemap. hooks/generated_pages.py finishes their job.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from . import build

# The attribute that marks a File as generated; it holds its GeneratedPage.
MARK = "generated_page"


@dataclass(frozen=True)
class GeneratedPage:
    """A page (a ``.md`` path) or any other file to add to one language's build."""

    path: str  # below the language root, the same in every language: "cards/enojado.md"
    content: (
        str | bytes
    )  # Markdown with front matter for a page; the bytes or text of any other file
    context: dict = field(default_factory=dict)  # added to the template context of a page
    in_nav: bool = False  # False: MkDocs does not list it among pages missing from the nav
    in_sitemap: bool = True  # a page listed in the sitemap, with its translations
    # Where a language names the page otherwise: {"en": "translations.md"}. The
    # page is still one page in every language, known by ``path``.
    addresses: dict = field(default_factory=dict)

    def address(self, language: str) -> str:
        """The page's path below the root of ``language``."""
        return self.addresses.get(language, self.path)


@dataclass(frozen=True)
class _Translation:
    """What the plugin's sitemap template reads of a page's translation."""

    url: str
    page: None = None


def add(files: Files, config: MkDocsConfig, pages: list[GeneratedPage]) -> list[File]:
    """Add pages to the files of the language being built; return the new files."""
    # mkdocs-static-i18n rebuilds the file list in its on_files and chokes on files with no source.
    if getattr(files, "plugin", None) is not build.i18n(config):
        raise PluginError(
            "Generated pages were added before mkdocs-static-i18n sorted the files by language. "
            "Decorate the on_files hook that adds them with @event_priority(Priority.GENERATE)."
        )
    language = build.current_language(config)
    taken = {file.dest_uri: file for file in files}
    added = []
    for page in pages:
        file = File.generated(
            config,
            page.address(language),
            content=page.content,
            inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
        )
        # The same source path in every language, so links are written as in docs/ and the plugin
        # resolves them; under the language's folder on the site, or the languages overwrite each other.
        file.dest_uri = build.folder(config, language) + file.dest_uri
        if file.dest_uri in taken:
            other = taken[file.dest_uri]
            raise PluginError(
                f"docs/{other.src_uri} would be written to the same place as a generated page "
                f"({file.dest_uri}). Rename or move docs/{other.src_uri}: that address is reserved "
                f"for the generated page."
            )
        setattr(file, MARK, page)
        # The plugin's sitemap lists only the pages it found, with their translations.
        if page.in_sitemap and file.is_documentation_page():
            file.alternates = {
                lang: _Translation(build.url_of(config, page.address(lang), lang)) for lang in build.languages(config)
            }
            build.i18n(config).i18n_files_per_language.setdefault(language, []).append(file)
        taken[file.dest_uri] = file
        files.append(file)
        added.append(file)
    return added


def translation_links(alternates: list[dict], config: MkDocsConfig, page: GeneratedPage) -> list[dict]:
    """The language switcher's entries for a generated page: each its translation."""
    links = deepcopy(alternates)
    for alternate in links:
        if alternate.get("lang") in build.i18n(config).build_languages:
            alternate["link"] = build.url_of(config, page.address(alternate["lang"]), alternate["lang"])
    return links
