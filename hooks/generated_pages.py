"""Generated pages, finished: their language switcher, and every one in every language.

Hooks make pages through playbook/generated.py. mkdocs-static-i18n points
the language switcher of each page (links that carry hreflang) at that page's
translation, but only for the pages it found in ``docs/``: a generated page
would keep the links of whatever page was rendered before it. This hook
points them at the generated page's translation, the page generated at the
same path in the other language, and hands each generated page its template
context. Every language must generate the same paths; the build stops if one
does not.
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


# After mkdocs-static-i18n has set the switcher for the page it rendered
# before this one, and before hooks/alternates.py makes hreflang links.
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
