"""Last updated: every page shows when it last changed, from git history.

The dates come from mkdocs-git-revision-date-localized-plugin (configured in
mkdocs.yml, after mkdocs-static-i18n so each page's date is written in the
page's language) and Material shows them at the foot of each page. The build
must not break where git history is short or missing:

- outside a repository (a downloaded copy) or without git installed, the
  plugin falls back to the build date (``fallback_to_build_date``) and says so
  as information (its own ``strict: false``), not as a warning that
  ``strict: true`` would turn into a failed build. Without git installed,
  GitPython refuses to load unless GIT_PYTHON_REFRESH=quiet, which the
  Makefile sets;
- in a shallow clone on a CI runner (GitHub Actions checks out one commit by
  default), the plugin warns that dates may be wrong, whatever its options
  say. Wrong dates are worth knowing about but not worth a failed build of an
  urgent fix, so this hook reports that warning as information. The project's
  own workflows fetch the whole history, so their dates are right.

Without git the plugin says the same thing once per page; this hook lets each
message through once per build, so the editors' own messages stay readable.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from playbook.build import Priority

# The loggers of the plugin's modules (mkdocs.plugins.get_plugin_logger).
PLUGIN_LOGGERS = tuple(
    f"mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.{module}"
    for module in ("plugin", "util", "ci")
)


class PluginMessages(logging.Filter):
    """The plugin's shallow-clone warnings as information, and each message once."""

    def __init__(self):
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno == logging.WARNING and "shallow" in message:
            record.levelno, record.levelname = logging.INFO, "INFO"
        if record.levelno > logging.INFO:
            return True
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


_filter = PluginMessages()


# Before the plugin's own on_config first looks at git, on every
# build and every rebuild of `mkdocs serve`: each message once per build.
@event_priority(Priority.FIRST)
def on_config(config: MkDocsConfig):
    _filter.seen.clear()
    for name in PLUGIN_LOGGERS:
        logger = logging.getLogger(name)
        # `mkdocs serve` reloads this module: drop the filter of the last load.
        for old in [f for f in logger.filters if type(f).__name__ == "PluginMessages"]:
            logger.removeFilter(old)
        logger.addFilter(_filter)
    return config
