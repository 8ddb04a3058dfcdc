"""Templates compiled once for both languages and every rebuild (playbook/templates.py)."""

from __future__ import annotations

from jinja2.environment import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from playbook import build

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Every language's build: MkDocs renders no template before this event.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return build.compiled(env, config)
