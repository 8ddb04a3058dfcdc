"""The one caching idiom: a result is kept until what it was made from changes, by its
arguments (by value where hashable, else by identity, as a MkDocs config is) and the size and
modification time of the files it reads. Work worth keeping between builds (compiled
templates, QR codes) goes to a folder of ``.cache/playbook/`` beside mkdocs.yml, each entry
beside the digest of what it was made from; the playbook's one digest is here too.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path


def signature(files: Iterable[Path]) -> tuple:
    """What tells whether files changed: each one's path, modification time and size."""
    result = []
    for file in files:
        try:
            stat = Path(file).stat()
            result.append((str(file), stat.st_mtime_ns, stat.st_size))
        except OSError:
            result.append((str(file), None, None))
    return tuple(result)


def _part(argument) -> object:
    """An argument as part of a key: its value where hashable, else its identity."""
    try:
        hash(argument)
    except TypeError:
        return ("id", id(argument))
    return argument


# Keyed on the build's config, both languages of one `mkdocs build` share a result and each rebuild
# of `mkdocs serve` gets a new one; keyed on files too, an edit shows in the next rebuild.
def kept(files: Callable[..., Iterable[Path]] | None = None, size: int = 1):
    """Keep ``function``'s last ``size`` results, keyed on its arguments and on
    the signature of ``files(*arguments)``, the files it reads."""

    def decorate(function):
        results: OrderedDict = OrderedDict()

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            key = tuple(_part(argument) for argument in (*args, *sorted(kwargs.items())))
            stamp = signature(files(*args, **kwargs)) if files else ()
            found = results.get(key)
            # The arguments are kept with the result: an identity is never reused while kept.
            if found is not None and found[1] == stamp:
                results.move_to_end(key)
                return found[2]
            result = function(*args, **kwargs)
            results[key] = ((args, kwargs), stamp, result)
            results.move_to_end(key)
            while len(results) > size:
                results.popitem(last=False)
            return result

        wrapper.forget = results.clear
        return wrapper

    return decorate


def folder(project: Path, name: str) -> Path:
    """``.cache/playbook/<name>`` beside mkdocs.yml: work kept for the next build."""
    return Path(project).resolve() / ".cache" / "playbook" / name


# 64 bits: plenty to tell two versions of one thing apart, short enough to read. Editors' pages
# record it (`translated_from: sha256:<16 digits>`): another length would mark every translation stale.
DIGEST_LENGTH = 16


def digest(data: str | bytes) -> str:
    """The playbook's digest of some text or bytes: sha256, its first DIGEST_LENGTH hex digits."""
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()[:DIGEST_LENGTH]


def stored(entry: Path, source: str, make: Callable[[], bytes]) -> bytes:
    """What ``make()`` makes from ``source`` (all it depends on, as text), read back from the file
    ``entry`` when it was made from the same source, else made and written there for the next build."""
    # The file starts with a line naming the source's digest and the length of what follows:
    # an entry of another source, cut short or garbled is made anew.
    try:
        head, _, data = entry.read_bytes().partition(b"\n")
        if head.decode("ascii", "replace") == f"{digest(source)} {len(data)}":
            return data
    except OSError:
        pass
    data = make()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(f"{digest(source)} {len(data)}\n".encode() + data)
        temporary.replace(entry)
    except OSError:
        pass  # a folder that cannot be written: made again next time
    return data
