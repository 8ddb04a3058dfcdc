"""The one caching idiom: a result is kept until what it was made from changes, by its
arguments (by value where hashable, else by identity, as a MkDocs config is) and the size and
modification time of the files it reads. Work worth keeping between builds (compiled
templates, QR codes) goes to a folder of ``.cache/playbook/`` beside mkdocs.yml.
"""

from __future__ import annotations

import functools
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
