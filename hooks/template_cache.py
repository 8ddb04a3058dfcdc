"""One compile of each theme template per build, not one per language.

mkdocs-static-i18n builds the site once per language, and MkDocs gives every
build a new Jinja environment, which compiles Material's templates and ours
again: that second compile was about a tenth of the whole build. Jinja can
keep compiled templates in a bytecode cache; this one lives in memory, shared
by the builds of one run. Jinja checks each entry against its template's
source, so an edited template is compiled anew (on `mkdocs serve` too).
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from jinja2.environment import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), in memory."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.store.clear()


CACHE = MemoryBytecodeCache()


# Every language's build: MkDocs renders no template before this event.
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = CACHE
    return env
