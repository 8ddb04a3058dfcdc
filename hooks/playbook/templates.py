"""Templates compiled once, not on every build and every language: MkDocs gives each build
a new Jinja environment, once per language and on every rebuild of `mkdocs serve`, and
compiling the templates again was about a tenth of the build. Jinja's bytecode cache keeps
them in .cache/playbook/templates beside mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket


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


MEMORY = MemoryBytecodeCache()


# Jinja checks each entry against its template's source and the Python version: an edited
# template, or a broken entry, is compiled anew.
def bytecode_cache(folder: Path) -> BytecodeCache:
    """A cache folder, or memory where it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".writable"
        probe.touch()
    except OSError:
        return MEMORY
    return FileSystemBytecodeCache(str(folder))
