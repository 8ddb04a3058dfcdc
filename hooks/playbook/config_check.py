"""mkdocs.yml's mistakes, said like the pages' ones: file, line, what is
wrong and how to fix it.

YAML that cannot be read first: MkDocs reads mkdocs.yml before any hook runs and answers a
broken one with the parser's own text (`expected <block end>, but found ...`), so `unreadable`
is asked by `make build` and `make serve` before MkDocs starts (`python -m playbook.config_check`),
and by hooks/serve_errors.py when a rebuild of `mkdocs serve` finds mkdocs.yml broken.

Then `nav`, in plain Python over the text of mkdocs.yml and a list of paths: the `nav`
entries are read with their lines from the YAML node tree (composed, never
constructed, so `!ENV` and `!!python/name` tags need no resolving), and each
page they name is looked up among the pages the build has, named without
their language as mkdocs-static-i18n names them ("factores.md" for
docs/factores.es.md and docs/factores.en.md). A page that is not there gets
the nearest one as a suggestion. `walk` is the one walker of `nav`: the menu's
translations (checks/nav.py) and the order of the customer types
(customer_type.py) read it too.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .catalogue import Problem, nodes, split_language, yaml_problem
from .label_files import said
from .suggest import closest


def unreadable(text: str, name: str = "mkdocs.yml") -> Problem | None:
    """What keeps YAML from reading ``text`` (the file ``name``), on the line at fault; None if it reads."""
    try:
        # Composed, not loaded: `!ENV` and `!!python/name:` tags need no resolving.
        yaml.compose(text, Loader=yaml.SafeLoader)
        return None
    except yaml.YAMLError as error:
        return yaml_problem(name, text, error, 1, "yaml_other", in_docs=False)


def main(path: str = "mkdocs.yml") -> int:
    """Say what keeps ``path`` from being read, in the layout of the build's report; 1 if anything."""
    # Imported here: the checks read `nav` through this module.
    from .checks import report

    file = Path(path)
    found = unreadable(file.read_text(encoding="utf-8"), file.name) if file.is_file() else None
    if found:
        print(report([found], where=file.name), file=sys.stderr)  # noqa: T201 (a command's answer)
    return 1 if found else 0


@dataclass(frozen=True)
class NavEntry:
    """A page (or link) of `nav`, titled or not, or a section."""

    path: str  # as written: "factores.md"; "" for a section
    line: int  # 1-based line of mkdocs.yml: of the path, else of the title; 0 in a loaded setting
    title: str = ""  # "Tipos de cliente"; "" for a page written without one
    title_line: int = 0


def value_of(node, key: str):
    """The value node of ``key`` in a mapping node, and its key node (None, None if absent)."""
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value, name
    return None, None


def _line(node) -> int:
    return node.start_mark.line + 1 if node.start_mark else 0


def walk(nav) -> Iterator[NavEntry]:
    """Every entry of a `nav` node tree in reading order, each section before what it holds.
    A loaded setting (config.nav) is walked as its node tree, with no lines."""
    if not isinstance(nav, yaml.Node):
        nav = yaml.SafeDumper(None, sort_keys=False).represent_data(nav)
    for _, node, key in nodes(nav):
        # A page ("index.md"), a titled one ("Inicio: index.md") or a section ("Tipos de cliente: [...]").
        if isinstance(node, yaml.ScalarNode) and (node.value or key is not None):
            yield NavEntry(node.value, _line(node), *((str(key.value), _line(key)) if key is not None else ()))
        elif key is not None:
            yield NavEntry("", _line(key), str(key.value), _line(key))


def nav_entries(text: str) -> list[NavEntry]:
    """Every entry of the top-level `nav` of a mkdocs.yml, with its lines."""
    nav, _ = value_of(yaml.compose(text, Loader=yaml.SafeLoader), "nav")
    # "nav: null" (or "nav:" alone) asks for the navigation from the folders: it names no page.
    if nav is None or nav.tag == "tag:yaml.org,2002:null":
        return []
    return list(walk(nav))


def nav_problems(entries: list[NavEntry], pages: set[str], files: set[str] = frozenset(),
                 languages: tuple[str, ...] = (), config_file: str = "mkdocs.yml") -> list[Problem]:
    """The `nav` entries that name no page of ``pages`` (language-free names,
    "tipos/enojado.md") nor any other file of ``files`` ("assets/guia.pdf")."""
    problems = []
    for entry in entries:
        # An address rather than a file (MkDocs puts it in the menu as it is), or a section.
        link = urlsplit(entry.path)
        if not entry.path or link.scheme or link.netloc or entry.path.startswith("/") or entry.path in pages | files:
            continue
        stem = entry.path.removesuffix(".md")
        key, language = split_language(entry.path, languages)
        both = said("and").join
        if language and f"{key}.md" in pages:
            # "factores.es.md": named with its language, the other language's build cannot find it.
            kind, values = "nav_page_with_language", {"key": key,
                                                      "files": both(f"docs/{key}.{lang}.md" for lang in languages)}
        elif near := closest(entry.path, pages):
            kind, values = "nav_page_misspelt", {"near": near}
        else:
            kind = "nav_page_missing"
            values = {"files": both([f"docs/{stem}.{lang}.md" for lang in languages] or [f"docs/{stem}.md"])}
        problems.append(Problem.of(config_file, entry.line, kind, path=entry.path, in_docs=False, **values))
    return problems


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
