"""mkdocs.yml's mistakes, said like the pages' ones: file, line, what is
wrong and how to fix it.

Plain Python over the text of mkdocs.yml and a list of paths: the `nav`
entries are read with their lines from the YAML node tree (composed, never
constructed, so `!ENV` and `!!python/name` tags need no resolving), and each
page they name is looked up among the pages the build has, named without
their language as mkdocs-static-i18n names them ("factores.md" for
docs/factores.es.md and docs/factores.en.md). A page that is not there gets
the nearest one as a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from .suggest import closest


@dataclass(frozen=True)
class NavEntry:
    path: str  # as written: "factores.md"
    line: int  # 1-based line of mkdocs.yml


@dataclass(frozen=True)
class ConfigProblem:
    """Something an editor must fix in mkdocs.yml: where, what, and how."""

    file: str  # "mkdocs.yml"
    line: int
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}\n    How to fix: {self.hint}"


def nav_entries(text: str) -> list[NavEntry]:
    """Every page path of the top-level `nav` of a mkdocs.yml, with its line."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return []
    nav = next((value for key, value in root.value if key.value == "nav"), None)
    entries: list[NavEntry] = []

    def walk(node):
        if isinstance(node, yaml.ScalarNode):
            if node.value:
                entries.append(NavEntry(node.value, node.start_mark.line + 1))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            # A titled entry or section: "Tipos de cliente: [...]"; the title is no path.
            for _, value in node.value:
                walk(value)

    # "nav: null" (or "nav:" alone) asks for the navigation from the folders: it names no page.
    if nav is not None and nav.tag != "tag:yaml.org,2002:null":
        walk(nav)
    return entries


def is_link(path: str) -> bool:
    """An address rather than a file: MkDocs puts it in the menu as it is."""
    parts = urlsplit(path)
    return bool(parts.scheme or parts.netloc) or path.startswith("/")


def nav_problems(entries: list[NavEntry], pages: set[str], files: set[str] = frozenset(),
                 languages: tuple[str, ...] = (), config_file: str = "mkdocs.yml") -> list[ConfigProblem]:
    """The `nav` entries that name no page of ``pages`` (language-free names,
    "tipos/enojado.md") nor any other file of ``files`` ("assets/guia.pdf")."""
    problems = []
    for entry in entries:
        if is_link(entry.path) or entry.path in pages or entry.path in files:
            continue
        stem = entry.path.removesuffix(".md")
        language = next((lang for lang in languages if stem.endswith(f".{lang}")), None)
        if language and f"{stem.removesuffix(f'.{language}')}.md" in pages:
            # "factores.es.md": named with its language, the other language's build cannot find it.
            page = f"{stem.removesuffix(f'.{language}')}.md"
            hint = (f"Write '{page}': nav names a page without its language, and each language "
                    f"gets its own file ('{page}' names " + " and ".join(
                        f"docs/{page.removesuffix('.md')}.{lang}.md" for lang in languages) + ").")
        elif near := closest(entry.path, pages):
            hint = f"Did you mean '{near}'? Correct the line, or create the page if it is a new one."
        else:
            files_to_create = [f"docs/{stem}.{lang}.md" for lang in languages] or [f"docs/{stem}.md"]
            hint = ("Check the spelling against the files in docs/, or create the page: "
                    + " and ".join(files_to_create) + ".")
        problems.append(ConfigProblem(config_file, entry.line,
                                      f"The nav names the page '{entry.path}', which is not in docs/.",
                                      hint))
    return problems


def report(problems: list[ConfigProblem]) -> str:
    """The message the build stops with, in the content checks' layout."""
    count = len(problems)
    files = sorted({problem.file for problem in problems})
    lines = [f"The playbook cannot be built: {count} problem{'s' * (count != 1)} to fix in "
             f"{', '.join(files)}.", ""]
    for problem in problems:
        lines += [str(problem), ""]
    return "\n".join(lines)
