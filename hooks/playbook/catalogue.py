"""The playbook's sources, read once per build: the catalogue every check and generator works
from. Plain Python over the files of docs/: every page's front matter (each value with its
line), body and the one scan of that body (playbook.markdown), and the problems that keep a page
from being read, kept (playbook.cache) until a file changes.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from . import cache, characters, label_files
from .markdown import Document, indentation, scan

# libyaml's parser where PyYAML has it (its wheels do): front matter is read
# for every page of every build, and the pure-Python parser is ten times slower.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
OPENING = re.compile(r"\A---[ \t]*\r?\n")
YAML_LIKE = re.compile(r"^(?:[ \t]+\S|#|- |[\w\"'-]+[ \t]*:)")
# A page named with a language this site does not have: "factores.fr.md", "factores.eng.md".
LANGUAGE_LIKE = re.compile(r"^(?P<stem>.+)\.(?P<code>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)$")
# A plain YAML value that runs onto a line starting with "- ": a list item
# indented too far, which YAML silently glues to the item above.
GLUED_ITEM = re.compile(r"\n[ \t]*- ")


@dataclass(frozen=True)
class Problem:
    """Something an editor must fix: where, what, and how."""

    path: str  # below docs/, e.g. "tipos/enojado.en.md"
    line: int  # 1-based; 1 when the whole file is at fault
    message: str
    hint: str
    in_docs: bool = True  # False: the path is beside mkdocs.yml ("mkdocs.yml")

    @classmethod
    def of(cls, path: str, line: int, key: str, /, *, in_docs: bool = True, **values) -> Problem:
        """The problem ``key`` of labels/messages.yml: its texts ``key`` (what is wrong) and
        ``key_fix`` (the fix), with ``values`` filled in, in the editor's language (a part left empty
        at either end leaves no space)."""
        said = label_files.said
        return cls(path, line, said(key, **values).strip(), said(f"{key}_fix", **values).strip(), in_docs)

    def where(self, docs: str = "docs") -> str:
        return f"{docs}/{self.path}" if self.in_docs else self.path

    def at(self, docs: str = "docs") -> str:
        """Where, as every report prints it: the file and line ("docs/factores.es.md:12")."""
        # A generated page has no file to open, so no line.
        return self.path if self.line == 0 else f"{self.where(docs)}:{self.line}"

    def text(self, docs: str = "docs") -> str:
        """The problem as every report prints it: where, what, and how to fix it."""
        return f"{self.at(docs)}: {self.message}\n    {label_files.said('fix_label')}: {self.hint}"

    def __str__(self) -> str:
        return self.text()


@dataclass
class SourcePage:
    path: str  # below docs/: "tipos/enojado.es.md"
    key: str  # the page without its language: "tipos/enojado"
    language: str
    meta: dict = field(default_factory=dict)
    body: str = ""
    body_start: int = 1  # line of the file where the body begins
    # What YAML reads but the front matter says ambiguously: a key written twice (the last silently
    # wins), a list item glued to the one above. Reported by the front-matter check.
    front_matter_problems: list[Problem] = field(default_factory=list)
    glued: frozenset[tuple] = frozenset()  # the key paths of the values a list item was glued onto
    _lines: dict[tuple, int] = field(default_factory=dict, repr=False)

    def line_of(self, *keys) -> int:
        """The line of a front-matter value: line_of("customer_type", "attend", 2)."""
        keys = tuple(keys)
        while keys and keys not in self._lines:
            keys = keys[:-1]
        return self._lines.get(keys, 1)

    # Every check, the type model and the hooks read this one scan (playbook.markdown).
    @cached_property
    def document(self) -> Document:
        """What the body holds for the checks: links, headings, ids, tags... with their lines."""
        return scan(self.body, self.body_start)

    @property
    def customer_type(self) -> dict | None:
        value = self.meta.get("customer_type")
        return value if isinstance(value, dict) else None


@dataclass
class Catalogue:
    languages: tuple[str, ...]
    pages: dict[tuple[str, str], SourcePage] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def page(self, key: str, language: str) -> SourcePage | None:
        return self.pages.get((key, language))

    def keys(self) -> list[str]:
        return sorted({key for key, _ in self.pages})

    def unreadable(self) -> set[str]:
        """The paths of the files that could not be read: their problem says why, once."""
        return {problem.path for problem in self.problems}

    def in_language(self, language: str) -> list[SourcePage]:
        return [p for (_, lang), p in sorted(self.pages.items()) if lang == language]

    def split(self, path: str) -> tuple[str, str | None]:
        """A path below docs/ -> its page key and language (None without one)."""
        return split_language(path, self.languages)

    def of(self, path: str) -> SourcePage | None:
        """The page read from a path below docs/ (None: a page no source of docs/ gives)."""
        key, language = self.split(path)
        return self.page(key, language) if language else None

    def translated(self, faulty=frozenset()):
        """(original, translation) of every page of the first language and each of its translations,
        but those whose own checks failed (``faulty``: their paths)."""
        for key in self.keys():
            original = self.page(key, self.languages[0])
            if original is None or original.path in faulty:
                continue
            for language in self.languages[1:]:
                page = self.page(key, language)
                if page is not None and page.path not in faulty:
                    yield original, page

    def customer_types(self, language: str) -> list[SourcePage]:
        """Customer-type pages of a language, in the order of the docs tree."""
        return [p for p in self.in_language(language) if p.customer_type]


def strings(value, path: tuple = (), skip=frozenset()):
    """Every text of a front-matter value, with its key path: (("customer_type", "attend", 2), "...").
    Keys in ``skip`` are not entered."""
    if isinstance(value, dict):
        for key, sub in value.items():
            if key not in skip:
                yield from strings(sub, (*path, key), skip)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from strings(sub, (*path, index), skip)
    elif isinstance(value, str):
        yield path, value


def mapped(value, leaf):
    """A front-matter value with ``leaf`` applied to each of its values that is no group or list."""
    if isinstance(value, dict):
        return {key: mapped(sub, leaf) for key, sub in value.items()}
    if isinstance(value, list):
        return [mapped(sub, leaf) for sub in value]
    return leaf(value)


def split_language(path: str, languages: tuple[str, ...]) -> tuple[str, str | None]:
    """"tipos/enojado.es.md" -> ("tipos/enojado", "es"); no suffix -> language None."""
    stem = path.removesuffix(".md")
    for language in languages:
        if stem.endswith(f".{language}"):
            return stem.removesuffix(f".{language}"), language
    return stem, None


def nodes(node, prefix=(), key=None):
    """Every node of a composed YAML document, each before what it holds: its key path, the node,
    and the key naming it (None for a list item and the whole document)."""
    yield prefix, node, key
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            yield from nodes(value, (*prefix, key_node.value), key_node)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from nodes(item, (*prefix, index))


def field_name(path: tuple) -> str:
    """("customer_type", "attend", 2) -> "item 3 of 'customer_type.attend'", in the editor's language."""
    dotted = ".".join(str(part) for part in path if not isinstance(part, int))
    named = f"'{dotted}'" if dotted else label_files.said("the_front_matter")
    if path and isinstance(path[-1], int):
        return label_files.said("field_item", number=path[-1] + 1, field=named)
    return named


def _ambiguities(path: str, root, source: str) -> tuple[list[Problem], frozenset[tuple]]:
    """Keys written twice and list items glued to the one above, in a composed document; and the key
    paths of the values glued onto."""
    problems, glued_onto = [], set()
    for prefix, node, _ in nodes(root):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key, _value in node.value:
                if key.value not in seen:
                    seen[key.value] = key.start_mark.line + 2
                    continue
                where = ".".join(str(p) for p in (*prefix, key.value))
                problems.append(Problem.of(path, key.start_mark.line + 2, "field_twice", field=where,
                                           first=seen[key.value]))
        elif isinstance(node, yaml.ScalarNode) and not node.style and prefix:  # plain: "" or None
            text = source[node.start_mark.index:node.end_mark.index]
            glued = GLUED_ITEM.search(text)
            if glued:
                line = node.start_mark.line + 2 + text.count("\n", 0, glued.start() + 1)
                problems.append(Problem.of(path, line, "glued_item", field=field_name(prefix)))
                glued_onto.add(prefix)
    return problems, frozenset(glued_onto)


def parse_page(path: str, raw: bytes, languages: tuple[str, ...]) -> tuple[SourcePage, list[Problem]]:
    """One source file -> the page and the problems that keep it from being read."""
    key, language = split_language(path, languages)
    page = SourcePage(path=path, key=key, language=language or "")

    def refused(line: int, key: str, /, **values) -> tuple[SourcePage, list[Problem]]:
        return page, [Problem.of(path, line, key, **values)]

    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        return refused(raw[: error.start].count(b"\n") + 1, "not_utf8")
    # A merge conflict left in the file: said as one before anything it garbles (its front matter's YAML).
    if merged := characters.conflicts(text):
        return page, [conflict_problem(path, conflict) for conflict in merged]
    # Letters lost when the file was saved in another encoding: the text reads, wrong, until retyped.
    if lost := characters.lost(text):
        return refused(lost[0].line, "lost_letters", column=lost[0].column,
                       count=text.count(characters.REPLACEMENT), path=path)
    if not text.strip():
        return refused(1, "empty_page")
    match = FRONT_MATTER.match(text)
    if not match and OPENING.match(text):
        lines = text.split("\n")
        blank = next((i + 1 for i, line in enumerate(lines[1:], 1) if not YAML_LIKE.match(line)), len(lines))
        return refused(1, "front_matter_unclosed", line=blank)
    if not match:
        return refused(1, "no_front_matter")
    page.body = text[match.end():]
    page.body_start = text[: match.end()].count("\n") + 1
    source = match.group(1) or ""
    # A character that looks like a space and is not one, named where it is, not where YAML then stumbles.
    if found := characters.in_yaml(source):
        return page, [character_problem(path, finding, "yaml") for finding in found]
    loader, node = LOADER(source), None
    try:
        # One parse gives both the values and the line of each of them.
        node = loader.get_single_node()
        meta = loader.construct_document(node) if node is not None else None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        # PyYAML raises ValueError for impossible dates (2027-02-31), TypeError
        # for unhashable keys ({[a]: b}): malformed front matter all the same.
        # A date that does not exist, unquoted (2027-02-31): said on its line, as the schema says a quoted one.
        for keys, item, _ in nodes(node) if isinstance(error, ValueError) and node is not None else ():
            if item.tag.endswith(":timestamp") and not _is_date(item.value):
                return refused(item.start_mark.line + 2, "invalid_date", field=field_name(keys), value=item.value,
                               how=label_files.said("pattern_date"))
        return page, [yaml_problem(path, source, error, 2, "front_matter_yaml")]
    finally:
        loader.dispose()
    meta = {} if meta is None else meta
    if not isinstance(meta, dict):
        return refused(2, "front_matter_not_fields")
    page.meta = meta
    if node is not None:
        # The front matter starts on the file's second line.
        page._lines = {keys: (key or value).start_mark.line + 2 for keys, value, key in nodes(node)}
        page.front_matter_problems, page.glued = _ambiguities(path, node, source)
    return page, []


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text[:10])
        return True
    except ValueError:
        return False


# The parser's problem -> our message key: a line indented unlike its neighbours, a second ': '
# in a value, a line that is neither 'key: value' nor '- item' (PyYAML's words, then libyaml's).
YAML_KINDS = (
    ("expected <block end>", "yaml_indent"),
    # libyaml's, also for text after a closed quote or bracket: an indentation slip only where
    # the parser stopped at the line's indentation (yaml_problem).
    ("did not find expected key", "yaml_indent"),
    ("did not find expected '-' indicator", "yaml_indent"),
    ("mapping values are not allowed", "yaml_colon"),
    ("could not find expected ':'", "yaml_no_colon"),
)


def yaml_problem(path: str, source: str, error: Exception, first_line: int, otherwise: str,
                 in_docs: bool = True) -> Problem:
    """What keeps YAML from reading ``source`` (which starts on line ``first_line`` of ``path``), on the
    line at fault: what the eye does not see, a typographic or unclosed quote, else the parser's
    problem in plain words (``otherwise``: the key when none fits)."""
    # Where an unclosed quote, bracket or key began (the parser's context), else where it stopped.
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    if context.startswith("while scanning") or "flow" in context:
        mark = getattr(error, "context_mark", None) or mark
    line = mark.line + first_line if mark else 1
    if found := [finding for finding in characters.in_yaml(source, first_line) if finding.line <= line]:
        return character_problem(path, found[0], "yaml", in_docs)
    # A text opened with a typographic quote, which YAML reads as text, not as a quote.
    if quoted := [finding for finding in characters.quotes_in_yaml(source, first_line) if finding.line <= line]:
        return character_problem(path, quoted[-1], "quote", in_docs)
    if unclosed := characters.unclosed_quote(source, line, first_line):
        return Problem.of(path, unclosed.line, "yaml_unclosed_quote", column=unclosed.column,
                          quote=unclosed.character, in_docs=in_docs)
    what = getattr(error, "problem", None) or str(error) or "it cannot be read"
    key = next((key for start, key in YAML_KINDS if what.startswith(start)), None)
    lines = source.split("\n")
    if what.startswith("did not find expected") and mark and mark.column != indentation(lines[mark.line]):
        key = None  # text after a closed quote or bracket ('title: "Factores" de prueba')
    # No colon before the one YAML stops at: not a second ': ' in a value, but a key indented under one
    # (deeper than the line above), or a line above that runs on into this one: one that lacks its own
    # colon ('kind closed'), and continues no value, is said on its line; else no plain words fit.
    if key == "yaml_colon" and mark and ":" not in lines[mark.line][:mark.column]:
        at = next((index for index in range(mark.line - 1, -1, -1) if lines[index].strip()), None)
        above = "" if at is None else lines[at]
        if indentation(lines[mark.line]) > indentation(above):
            key = "yaml_indent"
        elif above and ":" not in above and not above.lstrip().startswith(("-", "#")) \
                and not _continues_a_value(lines, at):
            key, line = "yaml_no_colon", at + first_line
        else:
            key = None
    return Problem.of(path, line, key or otherwise, error=what, in_docs=in_docs)


def _continues_a_value(lines: list[str], at: int) -> bool:
    """Whether line ``at`` goes on with the text of the nearest line above it that is indented less
    (a value wrapped over lines: 'description: Los factores que' then '  hacen un buen servicio')."""
    indent = indentation(lines[at])
    parent = next((line for line in reversed(lines[:at]) if line.strip() and indentation(line) < indent), "")
    text = parent.strip().removeprefix("- ")
    key, colon, value = text.partition(":")
    return bool(value.strip() if colon else text) and not text.startswith("#")


def conflict_problem(path: str, conflict: characters.Conflict) -> Problem:
    """A merge conflict, on its first line."""
    if conflict.start and conflict.end:
        return Problem.of(path, conflict.start, "merge_conflict", start=conflict.start, end=conflict.end)
    marker = characters.START if conflict.start else characters.END
    return Problem.of(path, conflict.start or conflict.end, "merge_marker", marker=marker)


def character_problem(path: str, finding: characters.Finding, where: str, in_docs: bool = True) -> Problem:
    """A character out of place (``where``: "yaml", "markdown" or "quote"), named with its column
    and what to type instead."""
    key = "character_invisible" if finding.character in characters.INVISIBLE else f"character_{where}"
    # A run of them (an indentation of non-breaking spaces) is one problem, fixed at once.
    if finding.count > 1 and where != "quote":
        key = key.replace("character_", "characters_")
    last = finding.column + finding.count - 1
    return Problem.of(path, finding.line, key, name=finding.name, column=finding.column, last=last,
                      count=finding.count, instead=finding.instead, next=last + 1, in_docs=in_docs)


def sources(docs_dir) -> list[Path]:
    """Every Markdown source below ``docs_dir``."""
    return sorted(Path(docs_dir).rglob("*.md"))


# Both languages' builds of one `mkdocs build`, and each rebuild of `mkdocs
# serve` that changed no page, share one parse.
def load(docs_dir: Path, languages: tuple[str, ...]) -> Catalogue:
    """Read every Markdown source below ``docs_dir``: once, until a file changes (or the
    editor's language, which its problems are said in)."""
    return _load(Path(docs_dir), tuple(languages), label_files.language())


@cache.kept(files=lambda docs_dir, languages, said_in: sources(docs_dir))
def _load(docs_dir: Path, languages: tuple[str, ...], said_in: str) -> Catalogue:
    return catalogued(languages, (_read(file, file.relative_to(docs_dir).as_posix(), languages, said_in)
                                  for file in sources(docs_dir)))


def catalogued(languages: tuple[str, ...], read) -> Catalogue:
    """The catalogue of the pages ``read`` gives, each with the problems that keep it from being read;
    a page whose name says none of ``languages`` is a problem, said once every page is known."""
    catalogue, unnamed = Catalogue(languages=languages), []
    for page, problems in read:
        catalogue.problems += problems
        if page.language:
            catalogue.pages[(page.key, page.language)] = page
        else:
            unnamed.append(page)
    catalogue.problems += [naming_problem(catalogue, page) for page in unnamed]
    return catalogue


# Renaming a copy of a page to the name the page has would overwrite it; a language the site lacks
# ("factores.fr.md") is not part of the page's name.
def naming_problem(catalogue: Catalogue, page: SourcePage) -> Problem:
    """What to call a page whose name says none of the site's languages."""
    match = LANGUAGE_LIKE.match(page.key)
    stem, code = (match["stem"], match["code"]) if match else (page.key, None)
    # In every language already: a copy. (Missing in one, it is most likely that language's page.)
    if all(catalogue.page(stem, language) for language in catalogue.languages):
        files = ", ".join(f"{stem}.{language}.md" for language in catalogue.languages)
        return Problem.of(page.path, 1, "page_copy", key=stem, files=files)
    if code:
        return Problem.of(page.path, 1, "language_unknown", code=code, key=stem,
                          languages=", ".join(catalogue.languages))
    return Problem.of(page.path, 1, "no_language", key=stem)


# A rebuild of `mkdocs serve` after an edit reads, parses and scans again only the files that
# changed: the others keep their page (one entry per file, replaced when it changes).
@cache.kept(files=lambda file, path, languages, said_in: [file], size=100_000)
def _read(file: Path, path: str, languages: tuple[str, ...], said_in: str) -> tuple[SourcePage, list[Problem]]:
    return parse_page(path, file.read_bytes(), languages)
