"""Templates compiled once, not on every build and every language.

MkDocs gives each build a new Jinja environment, and mkdocs-static-i18n builds
the site once per language: every build compiled Material's templates and ours
again, twice, and `mkdocs serve` did it on every rebuild, about a tenth of the
playbook's build. Jinja can keep compiled templates in a bytecode cache; this
one is on disk, in .cache/playbook/templates beside mkdocs.yml (git ignores
it). Jinja checks each entry against its template's source and the Python
version, so an edited template is compiled anew, and a broken entry is
compiled anew as well. Where the folder cannot be written, the cache lives in
memory for the build.
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


def bytecode_cache(folder: Path) -> BytecodeCache:
    """A cache folder, or memory where it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".writable"
        probe.touch()
    except OSError:
        return MEMORY
    return FileSystemBytecodeCache(str(folder))
