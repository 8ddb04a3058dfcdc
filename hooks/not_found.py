"""The 404 page in the reader's language: Spanish at /404.html, English at /en/404.html,
each with its own navigation. A static host can then serve /en/404.html for missing
addresses under /en/ (Netlify and Cloudflare Pages do by themselves; others by a rule).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from playbook import build

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Every language's build writes 404.html at the site's root, the default first: before the next
# overwrites it, move each other language's page into its folder and put the default's back.
@event_priority(build.Priority.BEFORE_NEXT_LANGUAGE)
def on_post_build(config: MkDocsConfig):
    written = Path(config.site_dir, PAGE)
    if not written.is_file():
        return
    language = build.current_language(config)
    if language == build.default_language(config):
        _Saved.default = written.read_bytes()
        return
    target = Path(config.site_dir, build.folder(config, language), PAGE)
    target.parent.mkdir(parents=True, exist_ok=True)
    written.replace(target)
    if _Saved.default is not None:
        written.write_bytes(_Saved.default)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

class _Saved:
    default: bytes | None = None  # the default language's page, written first


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PAGE = "404.html"
