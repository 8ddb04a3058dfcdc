"""Stop the build when the pages have problems an editor must fix: every check of
playbook/checks/ runs, and the build stops once with all the problems found, each with its
file, line, what is wrong and how to fix it. A plain `mkdocs build` stops too, not only
`--strict`, and never with a traceback (MkDocs prints an Abort's message and exits with 1).
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache, checks, label_files, material_css
from playbook import catalogue as content
from playbook.build import Priority
from playbook.checks import emoji, placeholders, safety
from playbook.checks.anchors import Site, site_from_catalogue

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# 1. The sources, before any page is read: no hook or template ever sees a page that is
# unreadable, malformed, unsafe or untranslated. After mkdocs-static-i18n sorts the files.
# Links are checked here, once, against the ids the sources give; those to a page or file a hook
# has not generated yet wait for the end of the build, and those to an anchor are checked again
# then against the ids the built page really has.
@event_priority(Priority.CHECK)
def on_files(files: Files, config: MkDocsConfig):
    if not build.is_outermost(config):
        return files
    # The interface's words come first: every page and card is made with them (the label files of
    # every feature, in both languages).
    languages = build.languages(config)
    _stop(config, [problem for path in sorted(label_files.FOLDER.glob("*.yml"))
                   for problem in label_files.problems(path, languages)], label_files.said("in_labels"))
    catalogue = build.catalogue(config)
    slugify, separator = build.slugify(config)
    # The links that wait are kept in the site's list (the copies run_all makes share it).
    seen = _seen(config)
    seen.site = site_from_catalogue(catalogue, slugify, separator, files=[f.src_uri for f in files], open=True)
    icon_dirs = [Path(folder, ".icons") for folder in config.theme.dirs]
    _stop(
        config,
        checks.run_all(
            catalogue,
            seen.site,
            slugify=slugify,
            separator=separator,
            icon_dirs=icon_dirs,
            emoji_names=_emoji_names(config),
            # The placeholder texts of templates/, beside mkdocs.yml (none: no folder, no placeholders).
            templates=placeholders.from_folder(build.project(config) / "templates", languages),
            config_file=config.config_file_path,
        ),
        # A link that waits for a generated page may be broken too: the report says it is not checked yet.
        waiting=len(seen.site.waiting),
    )
    # Hooks that trust the pages' data take what the checks passed (playbook.build.checked_catalogue).
    build.passed(config, catalogue)
    return files


# Once every hook has added its files (hooks/assets.py, hooks/cards.py): every file of this language
# but its pages is something a waiting link may point at (each page, generated ones too, gives its
# ids as it is rendered, below).
@event_priority(Priority.LAST)
def on_nav(nav, config: MkDocsConfig, files: Files):
    _seen(config).files.update(file.src_uri for file in files if not file.is_documentation_page())
    return nav


# Last of all on each page: the ids it really has (a generated page's, and a `{#id}` that
# attr_list left as text is not one), and anything unsafe that got through to its HTML.
@event_priority(Priority.LAST)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files):
    seen, catalogue = _seen(config), build.catalogue(config)
    language = build.current_language(config)
    key = catalogue.split(page.file.src_uri)[0]
    seen.site.pages.setdefault(language, {})[key] = frozenset(
        next(group for group in match.groups() if group is not None)
        for match in ID_ATTRIBUTE.finditer(html)
    )
    # (text to look for in the source, the message, the values it names)
    found = [(needle, "unsafe_html", {"what": what}) for what, needle in safety.rendered(html)]
    # Material's styles for components the site does not enable are left out
    # (hooks/assets.py): a page that shows one anyway would look broken.
    for component, token in material_css.unstyled(html, build.unused_components(config)):
        enable = material_css.how_to_enable(component)
        found.append((token, "unstyled_html", {
            "what": label_files.said("material_component", name=component.name, token=token),
            "enable": enable[:1].upper() + enable[1:]}))
    seen.rendered += [_rendered_problem(catalogue, page, key, language, *each) for each in found]
    return html


# 2. When the outermost build ends (the other languages are built inside the first one's
# on_post_build), before search and sitemaps: the links that waited for generated pages, the
# anchors the sources gave against the ids the pages really have, and the HTML.
@event_priority(Priority.CHECK)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    catalogue = build.catalogue(config)
    seen = _seen(config)
    waiting, site = seen.site.waiting, dataclasses.replace(seen.site, files=frozenset(seen.files), waiting=None)
    problems = [problem for page, *address in waiting + seen.site.anchored
                for problem in checks.links.check_link(catalogue, site, page, *address)]
    # An anchor of a generated page linked in one language must be there in every language: the
    # translations' check (the rest of it passed before the build) sees the generated pages now.
    if any("#" in url for _, url, *_ in waiting):
        problems += checks.parity.check(catalogue, site)
    problems += seen.rendered
    _stop(config, checks.ordered(catalogue, problems))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

@dataclass
class _Build:
    """What the language builds of one `mkdocs build` have seen so far."""

    site: Site = field(default_factory=Site)  # what links point at, the waiting ones with it
    files: set[str] = field(default_factory=set)  # every file but pages, generated ones too
    # What the rendered pages show and the checks of the sources did not catch.
    rendered: list[content.Problem] = field(default_factory=list)


# What one `mkdocs build` (or rebuild of `mkdocs serve`) has seen: a new one starts with nothing,
# the English build nested inside it keeps what the Spanish one saw.
@cache.kept()
def _seen(config: MkDocsConfig) -> _Build:
    return _Build()


# Worked out once per build.
@cache.kept()
def _emoji_names(config: MkDocsConfig) -> frozenset[str] | None:
    """The shortcodes of the emoji index mkdocs.yml gives pymdownx.emoji (None: Material's, the check's own)."""
    options = config.mdx_configs.get("pymdownx.emoji") or {}
    index = options.get("emoji_index")
    return emoji.names(index(options.get("options", {}), None)) if index else None


def _stop(config: MkDocsConfig, problems: list[content.Problem], where: str | None = None, waiting: int = 0) -> None:
    """Stop the build on ``problems``, each with its file, line and fix (``where``: which files; the pages;
    ``waiting``: how many links wait for pages the build has not made yet)."""
    if problems:
        root = os.path.dirname(config.config_file_path or "") or "."
        docs = os.path.relpath(config.docs_dir, root).replace(os.sep, "/")
        raise Abort(checks.report(problems, docs, where, waiting))


def _rendered_problem(catalogue: content.Catalogue, rendered: Page, key: str, language: str, needle: str,
                      kind: str, values: dict) -> content.Problem:
    """What a rendered page shows and the checks of the sources did not catch, on the line of the
    source that shows it (a generated page's on the page)."""
    page = catalogue.page(key, language)
    if page is None:
        # No source of docs/ gives the page: the message names the hook that made it.
        kind = "generated_unsafe" if kind == "unsafe_html" else "generated_unstyled"
        return content.Problem.of(f"{key}.md", 0, kind, key=key, language=language,
                                  by=rendered.file.generated_by or label_files.said("a_hook"), **values)
    lines = page.body.splitlines()
    line = next((page.body_start + i for i, text in enumerate(lines) if needle.lower() in text.lower()), 1)
    return content.Problem.of(page.path, line, kind, **values)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

ID_ATTRIBUTE = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
