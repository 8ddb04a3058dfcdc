"""The build being run: its languages, the one being built, where that one's pages go,
whether this is the outermost build, and the order hooks run in. The one module that knows how
mkdocs-static-i18n drives MkDocs, and the only one that touches the plugin's internals (I18N says
which, and the version they were checked against), so every hook asks here instead of reading it.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from types import SimpleNamespace

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_build_datetime, get_relative_url

from . import cache, label_files, material_css, templates
from .catalogue import Catalogue, SourcePage, load
from .generated import MARK, GeneratedPage

# --- Event priorities --------------------------------------------------------
# MkDocs runs a higher priority first; plugins and unmarked hooks at 0. mkdocs-static-i18n sorts the
# files and builds the other languages at -100 (on_files, on_nav, on_post_build), sets the switcher at 50.
# Handlers of one event share a priority only where their order changes nothing
# (tests/build/test_hook_layout.py builds the site with the hooks listed backwards).


class Priority:
    """Every priority a hook uses, with why it sits where it does."""

    # on_config: before any plugin reads its options (search's language).
    FIRST = 100
    # on_post_build: what one language's build wrote, handled before
    # mkdocs-static-i18n (-100) builds the next language into the same folder.
    BEFORE_NEXT_LANGUAGE = -50
    # on_files: after the files are sorted by language, before any page is generated or read.
    # on_post_build: once every language is built, before the written site's finishing touches.
    CHECK = -150
    # on_post_build: the editors' report (translations, reviews), once the checks have passed.
    REPORT = -175
    # on_files: generated files join the language's (the plugin chokes on files with no source before
    # -100). on_post_build: the finishing touches (search index and sitemap per language).
    GENERATE = -200
    # on_files: the practice page, after the cards, before the translation-status page: each
    # language's sitemap lists generated pages in the order they join.
    PRACTICE_PAGE = -225
    # on_files: the translation-status page, after the cards: each language's sitemap lists
    # generated pages in the order they join.
    STATUS_PAGE = -250
    # on_files: the what's-new page, after the status page, for the same reason.
    CHANGES_PAGE = -275
    # on_files: after every generator, to see what each generated.
    AFTER_GENERATE = -300
    # on_post_build: the written pages' last touch (valid markup, each page's
    # Content-Security-Policy from the inline scripts it has), once every
    # other finishing touch has changed them, before WRITTEN digests them.
    LAST_TOUCH = -325
    # on_post_build: once the site is written, finishing touches included:
    # what a reader's browser stores offline is listed from the written files.
    WRITTEN = -350
    # on_files: once every page exists, generated ones too, before MkDocs
    # reads `nav` (and warns in each language about what it cannot find).
    CHECK_NAV = -400
    # on_nav, on_page_content: after every other hook, to see the final result.
    LAST = -500


# --- mkdocs-static-i18n --------------------------------------------------------

# What this module reads and writes of the plugin that is not its documented configuration,
# checked against the version named (tests/unit/test_i18n_internals.py fails when either changes).
I18N = {
    "version": "1.3.1",
    # The plugin object: its languages, the one being built, whether it builds the others now.
    "plugin": ("default_language", "build_languages", "current_language", "building"),
    # Its sitemap template lists i18n_files_per_language, each file with its `alternates`.
    "sitemap": ("i18n_files_per_language", "alternates"),
    # Its on_files returns its own Files, which name it (`plugin`).
    "files": ("plugin",),
    # Its on_page_context sets the switcher, config.extra.alternate, for pages with a `locale`,
    # from their `alternates` (`locale_alternate_of` names the language of a language's home page).
    "switcher": ("locale", "locale_alternate_of", "alternates"),
}


def i18n(config):
    return config.plugins["i18n"]


def default_language(config) -> str:
    return i18n(config).default_language


def languages(config, first: str | None = None) -> tuple[str, ...]:
    """Every built language: ``first`` first, then the default, then the others."""
    plugin = i18n(config)
    return tuple(dict.fromkeys((first or plugin.default_language, plugin.default_language, *plugin.build_languages)))


def current_language(config) -> str:
    """The language being built now."""
    plugin = i18n(config)
    return plugin.current_language or plugin.default_language


# The plugin builds the default language as an ordinary build and, in its on_post_build, every
# other language with the same config into its folder: their events arrive nested, ``building`` set.
def is_outermost(config) -> bool:
    """Whether this is the outer build (the default language's), not one nested
    inside it: per-build work starts and ends here, once."""
    return not i18n(config).building


def folder(config, language: str | None = None) -> str:
    """A language's folder below the site root: "" for the default, "en/" for English."""
    language = language or current_language(config)
    return "" if language == default_language(config) else f"{language}/"


def folders(config) -> dict[str, str]:
    """Every language's folder below the site root: {"es": "", "en": "en/"}."""
    return {language: folder(config, language) for language in languages(config)}


def add_generated(files: Files, config, pages: list[GeneratedPage]) -> None:
    """Add pages to the files of the language being built."""
    # mkdocs-static-i18n rebuilds the file list in its on_files and chokes on files with no source.
    if getattr(files, "plugin", None) is not i18n(config):
        raise PluginError(label_files.said("generated_too_early"))
    language = current_language(config)
    taken = {file.dest_uri: file for file in files}
    for page in pages:
        file = File.generated(
            config,
            page.path,
            content=page.content,
            inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
        )
        # Known by its path in every language (nav and links name it so), written at the
        # language's own address where it has one (practica/, en/practice/).
        if page.address(language) != page.path:
            file.dest_uri = File(page.address(language), None, "", config.use_directory_urls).dest_uri
        # The same source path in every language, so links are written as in docs/ and the plugin
        # resolves them; under the language's folder on the site, or the languages overwrite each other.
        file.dest_uri = folder(config, language) + file.dest_uri
        if file.dest_uri in taken:
            other = taken[file.dest_uri]
            raise PluginError(label_files.said("generated_address_taken", source=other.src_uri, address=file.dest_uri))
        setattr(file, MARK, page)
        if file.is_documentation_page():
            # The plugin's switcher (its on_page_context) and sitemap read a page's language and
            # translations (their `url`, and `page`, which it reads for pages it found): each
            # language's page at the same path, or at its own address.
            file.locale = file.locale_alternate_of = language
            file.alternates = {
                lang: SimpleNamespace(url=url_of(config, page.address(lang), lang), page=None)
                for lang in languages(config)
            }
            # Its sitemap lists only the pages it found.
            if page.in_sitemap:
                i18n(config).i18n_files_per_language.setdefault(language, []).append(file)
        taken[file.dest_uri] = file
        files.append(file)


def point_switcher(config, links: dict[str, str]) -> None:
    """Point the language switcher of a template that is not a page (the 404 page) at ``links``,
    {language: address}: the plugin sets it only for pages, so a template kept the last page's."""
    # The plugin sets it as an attribute (which Jinja reads first) and as an item: both.
    switcher = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    entries = [dict(entry, link=links[entry["lang"]]) for entry in switcher if entry.get("lang") in links]
    config.extra.alternate = config.extra["alternate"] = entries


# --- How the build was started -----------------------------------------------

# `mkdocs serve` loads the hooks anew for each rebuild and tells only the first
# load that it serves (on_startup): the answer is kept here, loaded once.
class _Started:
    command = "build"


def started(command: str) -> None:
    """Record the command MkDocs was started with ("build", "serve", "gh-deploy")."""
    _Started.command = command


def serving() -> bool:
    """Whether this is `mkdocs serve` (a rebuild of it too)."""
    return _Started.command == "serve"


# Taken once per build, so both languages and every page tell the same day even when a build
# crosses midnight; SOURCE_DATE_EPOCH (reproducible builds) sets it, as it does MkDocs's own dates.
@cache.kept()
def moment(config) -> datetime.datetime:
    """When this build was made (UTC)."""
    return get_build_datetime()


# --- Addresses ----------------------------------------------------------------


def url_of(config, path: str, language: str | None = None) -> str:
    """The address below the site root of a docs path in a language.

    Works for generated paths and for the pages of docs/ named without their language
    suffix, and keeps an anchor: url_of(config, "tipos/enojado.md#atender", "en") ==
    "en/tipos/enojado/#atender".
    """
    path, _, anchor = path.partition("#")
    file = File(path, None, "", config.use_directory_urls)
    url = file.url if file.url != "./" else ""
    return folder(config, language) + url + (f"#{anchor}" if anchor else "")


def relative_url(target: str, base: str) -> str:
    """``target`` (an address below the site root) as seen from the address ``base``."""
    url = get_relative_url(target, base)
    # MkDocs drops the slash of a folder address when it climbs to it: "" -> "..".
    if (not target or target.endswith("/")) and not url.endswith("/"):
        url += "/"
    return url


# --- What the build works from -----------------------------------------------


def project(config) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path or ".").resolve().parent


def cache_folder(config, name: str) -> Path:
    return cache.folder(project(config), name)


def compiled(env, config):
    """A Jinja environment of the theme that keeps its compiled templates for the next
    build (playbook/templates.py): the one place the template cache is set up."""
    env.bytecode_cache = templates.bytecode_cache(cache_folder(config, "templates"))
    return env


# MkDocs hands its Jinja environment to hooks (on_env) only after every page's
# Markdown is read: hooks that render into the Markdown make one of the theme's, once per build.
@cache.kept()
def theme_env(config):
    return compiled(config.theme.get_env(), config)


def slugify(config):
    """The toc extension's slugify function and separator, as mkdocs.yml sets them."""
    toc = config.mdx_configs.get("toc", {})
    return toc.get("slugify") or toc_slugify, toc.get("separator", "-")


# Hooks ask on every page: kept per build without listing the files again, since the sources cannot
# change within one build (listing them per page made the build grow with the square of its size).
@cache.kept()
def catalogue(config) -> Catalogue:
    """The catalogue of the pages this build is made from."""
    return load(Path(config.docs_dir), languages(config))


def source_of(config, page) -> SourcePage | None:
    """The catalogue's page a MkDocs page is built from; None for a generated page."""
    return catalogue(config).of(page.file.src_uri)


# What the content checks pass on, per build: the catalogue once every check has passed.
@cache.kept()
def _checked(config) -> list[Catalogue]:
    return []


def passed(config, checked: Catalogue) -> None:
    """The content checks (hooks/check_content.py) hand over the catalogue they passed."""
    _checked(config).append(checked)


def checked_catalogue(config) -> Catalogue:
    """The catalogue, for hooks that trust its data: the content checks hold every page to the
    schema before any card is made, and stop the build with each problem's file, line and fix."""
    if not _checked(config):
        raise PluginError(label_files.said("cards_need_checks"))
    return _checked(config)[0]


# Worked out once per build, not on every page: hooks/assets.py leaves these out of Material's CSS,
# and hooks/check_content.py stops a page that shows one.
@cache.kept()
def unused_components(config) -> tuple:
    """Material's components that mkdocs.yml does not enable (playbook.material_css)."""
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    enabled = {
        "extensions": frozenset(name.removeprefix("markdown.extensions.") for name in config.markdown_extensions),
        "fences": frozenset(fence.get("name") for fence in fences),
        "plugins": frozenset(name.removeprefix("material/") for name in config.plugins),
        "features": frozenset(config.theme.get("features") or ()),
        "extra": frozenset(key for key, value in config.extra.items() if value),
    }
    return tuple(component for component in material_css.COMPONENTS if not component.in_use(enabled))
