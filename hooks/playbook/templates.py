"""Templates compiled once, not on every build and every language: MkDocs gives each build
a new Jinja environment, once per language and on every rebuild of `mkdocs serve`, and
compiling the templates again was about a tenth of the build. Jinja's bytecode cache keeps
them in .cache/playbook/templates beside mkdocs.yml.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache, MemcachedBytecodeCache


class _Store(dict):
    """Compiled templates by Jinja's key, in memory: the client Jinja's memcached cache asks for."""

    def set(self, key: str, value: bytes) -> None:
        self[key] = value


MEMORY = MemcachedBytecodeCache(_Store())


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
