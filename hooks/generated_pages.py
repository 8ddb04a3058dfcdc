"""Generated pages, finished: each page that hooks make through playbook/generated.py gets
its template context and a language switcher pointing at its translation (the page generated
at the same path in the other language), and the build stops unless every language generates
the same paths.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache
from playbook.build import Priority
from playbook.generated import MARK, translation_links

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After every generator: note what this language generated.
@event_priority(Priority.AFTER_GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    _generated(config)[build.current_language(config)] = {
        getattr(file, MARK).path for file in files if hasattr(file, MARK)
    }


# mkdocs-static-i18n sets the switcher only for pages in docs/: a generated page would keep the
# previous page's. After mkdocs-static-i18n, before hooks/alternates.py makes hreflang links.
@event_priority(Priority.SWITCHER)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    generated = getattr(page.file, MARK, None)
    if generated is None:
        return context
    alternates = getattr(config.extra, "alternate", None)
    if alternates:
        config.extra.alternate = translation_links(alternates, config, generated)
    context.update(generated.context)
    return context


# Once every language is built.
@event_priority(Priority.GENERATE)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    generated = _generated(config)
    everywhere = set().union(*generated.values()) if generated else set()
    missing = sorted(
        (path, language)
        for language in build.languages(config)
        for path in everywhere - generated.get(language, set())
    )
    if missing:
        lines = "\n".join(f"  {path}: not generated in '{language}'" for path, language in missing)
        raise PluginError(
            "Some generated pages exist in one language only:\n" + lines + "\n"
            "Every hook that generates pages must generate each of them in every language."
        )


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# Per build: the paths each language generated.
@cache.kept()
def _generated(config: MkDocsConfig) -> dict[str, set[str]]:
    return {}
