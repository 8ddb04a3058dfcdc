"""Generated pages, finished: each page that hooks make (playbook/generated.py) gets its
template context, and the build stops unless every language generates the same paths (each
page's language switcher points at its translation, the page generated at the same path in the
other language).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import build, cache
from playbook.build import Priority
from playbook.generated import MARK
from playbook.label_files import said

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After every generator: note what this language generated; once every language has, compare.
@event_priority(Priority.AFTER_GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    generated = _generated(config)
    generated[build.current_language(config)] = {getattr(file, MARK).path for file in files if hasattr(file, MARK)}
    if set(generated) != set(build.languages(config)):
        return
    everywhere = set().union(*generated.values())
    missing = sorted((path, language) for language in generated for path in everywhere - generated[language])
    if missing:
        lines = "\n".join(said("generated_missing_in", path=path, language=language) for path, language in missing)
        raise PluginError(said("generated_one_language", missing=lines))


# What the generator gave the page's template; its language switcher is mkdocs-static-i18n's
# (playbook/build.py tells the plugin each generated page's translations).
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    generated = getattr(page.file, MARK, None)
    if generated is not None:
        context.update(generated.context)
    return context


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# Per build: the paths each language generated.
@cache.kept()
def _generated(config: MkDocsConfig) -> dict[str, set[str]]:
    return {}
