"""Last updated: every page shows when it last changed, from git history.

The dates come from mkdocs-git-revision-date-localized-plugin (configured in
mkdocs.yml, after mkdocs-static-i18n so each page's date is written in the
page's language) and Material shows them at the foot of each page. The build
must not break where git history is short or missing:

- without git, or outside a repository, the plugin falls back to the build
  date (``fallback_to_build_date``) and says so as information (its own
  ``strict: false``), not as a warning that ``strict: true`` would turn into
  a failed build;
- in a shallow clone on a CI runner (GitHub Actions checks out one commit by
  default), the plugin warns that dates may be wrong, whatever its options
  say. Wrong dates are worth knowing about but not worth a failed build of an
  urgent fix, so this hook reports that warning as information. The project's
  own workflows fetch the whole history, so their dates are right.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# The logger the plugin's CI checks write to (mkdocs.plugins.get_plugin_logger).
CI_LOGGER = "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.ci"


class ShallowCloneAsInfo(logging.Filter):
    """Report the plugin's shallow-clone warnings as information."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and "shallow" in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


# Before the plugin's own on_config (priority 0) first looks at git; once per
# process, however often `mkdocs serve` reloads the configuration.
@event_priority(100)
def on_config(config: MkDocsConfig):
    logger = logging.getLogger(CI_LOGGER)
    if not any(isinstance(f, ShallowCloneAsInfo) for f in logger.filters):
        logger.addFilter(ShallowCloneAsInfo())
    return config
