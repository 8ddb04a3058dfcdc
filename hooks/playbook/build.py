"""The build being run: its languages, the one being built, where that one's pages go,
whether this is the outermost build, and the order hooks run in. The one module that knows how
mkdocs-static-i18n drives MkDocs, so every hook asks here instead of reading the plugin.
"""

from __future__ import annotations

from pathlib import Path

from markdown.extensions.toc import slugify as toc_slugify
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from . import cache, material_css
from .catalogue import Catalogue, load

# --- Event priorities --------------------------------------------------------
# MkDocs runs a higher priority first; plugins and unmarked hooks at 0. mkdocs-static-i18n sorts the
# files and builds the other languages at -100 (on_files, on_nav, on_post_build), sets the switcher at 50.


class Priority:
    """Every priority a hook uses, with why it sits where it does."""

    # on_config: before any plugin reads its options (search's language,
    # the git-dates plugin's first look at git).
    FIRST = 100
    # on_page_context: after mkdocs-static-i18n (50) has set the switcher for
    # the page, before hreflang links (0) are made from it.
    SWITCHER = 25
    # on_page_markdown: after the type pages get their blocks (0), which hold
    # editorial additions too.
    AFTER_TYPE_PAGE = -50
    # on_post_build: what one language's build wrote, handled before
    # mkdocs-static-i18n (-100) builds the next language into the same folder.
    BEFORE_NEXT_LANGUAGE = -50
    # mkdocs-static-i18n's own: sorting the files, building the other languages.
    I18N = -100
    # on_files: after the files are sorted by language, before any page is generated or read.
    # on_post_build: once every language is built, before the written site's finishing touches.
    CHECK = -150
    # on_files: generated files join the language's (the plugin chokes on files with no source before
    # -100). on_post_build: the finishing touches (search index and sitemap per language).
    GENERATE = -200
    # on_files: after every generator, to see what each generated.
    AFTER_GENERATE = -300
    # on_post_build: once the site is written, finishing touches included:
    # what a reader's browser stores offline is listed from the written files.
    WRITTEN = -300
    # on_files: once every page exists, generated ones too, before MkDocs
    # reads `nav` (and warns in each language about what it cannot find).
    CHECK_NAV = -400
    # on_nav, on_page_content: after every other hook, to see the final result.
    LAST = -500


# --- Languages ----------------------------------------------------------------


def i18n(config):
    return config.plugins["i18n"]


def default_language(config) -> str:
    return i18n(config).default_language


def languages(config) -> tuple[str, ...]:
    """Every built language, the default first."""
    plugin = i18n(config)
    default = plugin.default_language
    return (default, *(language for language in plugin.build_languages if language != default))


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


# --- Addresses ----------------------------------------------------------------


def url_of(config, path: str, language: str | None = None) -> str:
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


# --- What the build works from -----------------------------------------------


def project(config) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path or ".").resolve().parent


def cache_folder(config, name: str) -> Path:
    return cache.folder(project(config), name)


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


# What hooks tell each other within one build: the content checks that they
# passed, the CSS hook that it trimmed Material's styles. No hook imports another.
@cache.kept()
def done(config) -> set[str]:
    """What this build has done so far ("checked", "trimmed")."""
    return set()


def checked_catalogue(config) -> Catalogue:
    """The catalogue, for hooks that trust its data: the content checks hold every page to the
    schema before any card is made, and stop the build with each problem's file, line and fix."""
    if "checked" not in done(config):
        raise PluginError(
            "The quick cards need the content checks: add 'hooks/check_content.py' to the hooks in "
            "mkdocs.yml, before the card hooks."
        )
    return catalogue(config)


# Worked out once per build, not on every page.
@cache.kept()
def unused_components(config) -> tuple:
    """Material's components that mkdocs.yml does not enable (playbook.material_css)."""
    fences = config.mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    enabled = material_css.Enabled(
        extensions=frozenset(name.removeprefix("markdown.extensions.") for name in config.markdown_extensions),
        fences=frozenset(fence.get("name") for fence in fences),
        plugins=frozenset(name.removeprefix("material/") for name in config.plugins),
        features=frozenset(config.theme.get("features") or ()),
        extra=frozenset(key for key, value in config.extra.items() if value),
    )
    return material_css.unused(enabled)
