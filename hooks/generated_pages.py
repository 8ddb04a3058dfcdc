"""Pages made by hooks, in every language, the way mkdocs-static-i18n needs them.

A library for hooks that generate pages (quick cards, a status page...), and a
hook itself (register it in mkdocs.yml) that finishes their job. Three traps it
keeps generators out of:

- mkdocs-static-i18n rebuilds the file list in its own ``on_files`` (priority
  -100) and chokes on files that have no source in ``docs/``. Generated files
  must be added after it: call :func:`add` from an ``on_files`` hook decorated
  with ``@event_priority(-200)``; :func:`add` refuses to run earlier.
- Each language is a separate build into the same site folder. A page made at
  ``cards/index.md`` in both builds would be written twice to the same place, so
  the English one goes under ``en/``. The source path stays the same in every
  language (``cards/index.md``): Markdown links in generated pages are written
  as in ``docs/``, and the plugin resolves them to the page of the language
  being built.
- The plugin lists the pages of each language, with their translations, in
  the sitemap; it knows nothing of generated ones. :func:`add` lists them.
- The plugin points the language switcher of each page (links that carry
  hreflang) at that page's translation, but only for the pages it found in
  ``docs/``: a generated page would keep the links of whatever page was
  rendered before it. This hook points them at the generated page's
  translation, the page generated at the same path in the other language.

Every language must generate the same paths; the build stops if one does not.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

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


@dataclass(frozen=True)
class _Translation:
    """What the plugin's sitemap template reads of a page's translation."""

    url: str
    page: None = None


def i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def languages(config: MkDocsConfig) -> list[str]:
    """Every built language, the default first."""
    plugin = i18n(config)
    default = plugin.default_language
    return [default] + [lang for lang in plugin.build_languages if lang != default]


def current_language(config: MkDocsConfig) -> str:
    plugin = i18n(config)
    return plugin.current_language or plugin.default_language


def folder(config: MkDocsConfig, language: str) -> str:
    """The folder of a language below the site root: "" for the default, "en/" for English."""
    return "" if language == i18n(config).default_language else f"{language}/"


def url_of(config: MkDocsConfig, path: str, language: str) -> str:
    """The address below the site root of a docs path in a language.

    Works for generated paths and for the pages of docs/ named without their
    language suffix: url_of(config, "tipos/enojado.md", "en") == "en/tipos/enojado/".
    """
    file = File(path, None, "", config.use_directory_urls)
    url = file.url if file.url != "./" else ""
    return folder(config, language) + url


def relative_url(target: str, base: str) -> str:
    """``target`` (an address below the site root) as seen from the address ``base``."""
    url = get_relative_url(target, base)
    # MkDocs drops the slash of a folder address when it climbs to it: "" -> "..".
    if (not target or target.endswith("/")) and not url.endswith("/"):
        url += "/"
    return url


def add(files: Files, config: MkDocsConfig, pages: list[GeneratedPage]) -> list[File]:
    """Add pages to the files of the language being built; return the new files."""
    if getattr(files, "plugin", None) is not i18n(config):
        raise PluginError(
            "Generated pages were added before mkdocs-static-i18n sorted the files by language. "
            "Decorate the on_files hook that adds them with @event_priority(-200)."
        )
    language = current_language(config)
    taken = {file.dest_uri: file for file in files}
    added = []
    for page in pages:
        file = File.generated(
            config,
            page.path,
            content=page.content,
            inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
        )
        # The same source path in every language; under the language's folder on the site.
        file.dest_uri = folder(config, language) + file.dest_uri
        if file.dest_uri in taken:
            other = taken[file.dest_uri]
            raise PluginError(
                f"docs/{other.src_uri} would be written to the same place as a generated page "
                f"({file.dest_uri}). Rename or move docs/{other.src_uri}: that address is reserved "
                f"for the generated page."
            )
        setattr(file, MARK, page)
        if page.in_sitemap and file.is_documentation_page():
            file.alternates = {
                lang: _Translation(url_of(config, page.path, lang)) for lang in languages(config)
            }
            i18n(config).i18n_files_per_language.setdefault(language, []).append(file)
        taken[file.dest_uri] = file
        files.append(file)
        added.append(file)
    return added


def translation_links(alternates: list[dict], config: MkDocsConfig, path: str) -> list[dict]:
    """The language switcher's entries for a generated page: each its translation."""
    links = deepcopy(alternates)
    for alternate in links:
        if alternate.get("lang") in i18n(config).build_languages:
            alternate["link"] = url_of(config, path, alternate["lang"])
    return links


class _Generated:
    """Paths generated by each language of the current `mkdocs build`."""

    by_language: dict[str, set[str]] = {}


# After every generator (they add at -200): note what this language generated.
@event_priority(-300)
def on_files(files: Files, config: MkDocsConfig):
    language = current_language(config)
    if language == i18n(config).default_language:
        _Generated.by_language = {}
    _Generated.by_language[language] = {
        getattr(file, MARK).path for file in files if hasattr(file, MARK)
    }


# After mkdocs-static-i18n (50) has set the switcher for the page it rendered
# before this one, and before hooks/alternates.py (0) makes hreflang links.
@event_priority(25)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    generated = getattr(page.file, MARK, None)
    if generated is None:
        return context
    alternates = getattr(config.extra, "alternate", None)
    if alternates:
        config.extra.alternate = translation_links(alternates, config, generated.path)
    context.update(generated.context)
    return context


# Once every language is built (mkdocs-static-i18n builds the others at -100).
@event_priority(-200)
def on_post_build(config: MkDocsConfig):
    if i18n(config).building:
        return
    generated = _Generated.by_language
    everywhere = set().union(*generated.values()) if generated else set()
    missing = sorted(
        (path, language)
        for language in languages(config)
        for path in everywhere - generated.get(language, set())
    )
    if missing:
        lines = "\n".join(f"  {path}: not generated in '{language}'" for path, language in missing)
        raise PluginError(
            "Some generated pages exist in one language only:\n" + lines + "\n"
            "Every hook that generates pages must generate each of them in every language."
        )
