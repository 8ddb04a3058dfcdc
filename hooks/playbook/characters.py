"""What a paste or a merge leaves in a file that the eye does not see, found on its real line
and column: merge-conflict markers, and characters that look like a space or like nothing
(a non-breaking space, a tab, a zero-width character, a byte-order mark inside the file) or
like a straight quote (a typographic one), and the mark of a letter an encoding change lost.
Plain Python over text: the catalogue asks it before reading a page's front matter, and the
pastes check (checks/pastes.py) over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import label_files

SPACES = "\u00a0\u202f"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060"
INVISIBLE = ZERO_WIDTH + "\ufeff"
DOUBLE_QUOTES, SINGLE_QUOTES = "\u201c\u201d\u201e\u00ab", "\u2018\u2019"
# What an editor leaves for each letter it could not read when a file is saved in another encoding.
REPLACEMENT = "\ufffd"
QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES
# What each character is called in a message, and what to type instead: keys of labels/messages.yml.
NAMES = {
    "\u00a0": ("char_nbsp", "type_space"),
    "\u202f": ("char_narrow_nbsp", "type_space"),
    "\t": ("char_tab", "type_spaces"),
    **dict.fromkeys(ZERO_WIDTH, ("char_zero_width", "")),
    "\ufeff": ("char_bom", ""),
    **dict.fromkeys(DOUBLE_QUOTES, ("char_quote", "type_double_quote")),
    **dict.fromkeys(SINGLE_QUOTES, ("char_quote", "type_single_quote")),
}

# Where a space-like character changes what the line is. In YAML: in the indentation, after a
# key's colon or a list item's dash. In Markdown: in the indentation, after a heading's #, a
# list item's marker or a quote's >.
YAML_SPACE = re.compile(rf"^[ {SPACES}\t]*[{SPACES}\t]|^[ \t]*(?:- ?)?[^:#\n]*?:(?=[{SPACES}])|^[ \t]*-(?=[{SPACES}])",
                        re.M)
MARKDOWN_SPACE = re.compile(rf"^ *(?:#+|[-*+]|\d+[.)]|>)?(?=[{SPACES}])|^[ ]*[{SPACES}]", re.M)
# A YAML value that opens with a typographic quote: YAML reads the quote as text.
YAML_QUOTE = re.compile(rf"^[ \t]*(?:- +|[^:#\n]*?: +)(?=[{QUOTES}])", re.M)

# A YAML value that opens with a straight quote, and what follows it on its line.
YAML_QUOTED = re.compile(r"^[ \t]*(?:- +|[^:#\n]*?: +)([\"'])(.*)$", re.M)

# Git writes a conflict as <<<<<<< (ours), ||||||| (base, in diff3 style), ======= (theirs), >>>>>>>.
START, BASE, MIDDLE, END = "<<<<<<<", "|||||||", "=======", ">>>>>>>"
MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t][^\n]*)?$", re.M)


@dataclass(frozen=True)
class Finding:
    """A character out of place: where (1-based line and column), which, and what to type instead."""

    line: int
    column: int
    character: str
    count: int = 1  # the same character this many times in a row, from ``column``

    @property
    def name(self) -> str:
        """"a non-breaking space", "a zero-width character (U+200B)", in the editor's language."""
        return label_files.said(NAMES[self.character][0], code=f"U+{ord(self.character):04X}", character=self.character)

    @property
    def instead(self) -> str:
        return label_files.said(NAMES[self.character][1]) if NAMES[self.character][1] else ""


@dataclass(frozen=True)
class Conflict:
    """A merge conflict left in a file: its first and last lines, and its separator's (0: missing)."""

    start: int
    middle: int
    end: int


def _finding(text: str, offset: int, first_line: int) -> Finding:
    """The character at ``offset``, with its line, its column and how many times it comes in a row."""
    line_start = text.rfind("\n", 0, offset) + 1
    end = re.compile(f"{re.escape(text[offset])}+").match(text, offset).end()
    return Finding(first_line + text.count("\n", 0, offset), offset - line_start + 1, text[offset], end - offset)


def conflicts(text: str, first_line: int = 1) -> list[Conflict]:
    """Every merge conflict in ``text``; a marker left alone counts as a conflict of its own.
    A ======= line alone is a heading's underline, not a conflict."""
    found, open_at, middle = [], 0, 0
    for match in MARKER.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        marker = match.group(1)
        if marker == START:
            if open_at:
                found.append(Conflict(open_at, middle, 0))
            open_at, middle = line, 0
        elif marker == MIDDLE and open_at:
            middle = line
        elif marker == END:
            found.append(Conflict(open_at, middle, line))
            open_at, middle = 0, 0
    if open_at:
        found.append(Conflict(open_at, middle, 0))
    return found


def _findings(text: str, first_line: int, pattern: re.Pattern, characters: str) -> list[Finding]:
    # The space-like run at the match's end, or the one character it looks ahead to.
    wanted = re.compile(f"[{characters}]")
    return [_finding(text, found.start(), first_line) for match in pattern.finditer(text)
            if (found := wanted.search(text, match.start(), match.end() + 1))]


def _everywhere(text: str, first_line: int, characters: str) -> list[Finding]:
    return [_finding(text, match.start(), first_line) for match in re.finditer(f"[{characters}]", text)]


def invisible(text: str) -> bool:
    """Whether ``text`` holds a character that shows as nothing."""
    return any(character in INVISIBLE for character in text)


def in_yaml(text: str, first_line: int = 2) -> list[Finding]:
    """What breaks a front matter while looking right: space-like characters where YAML needs a
    space, tabs, zero-width characters and byte-order marks anywhere. One per line, in order."""
    found = (_findings(text, first_line, YAML_SPACE, SPACES + "\t")
             + _everywhere(text, first_line, "\t" + INVISIBLE))
    return _first_per_line(found)


def lost(text: str) -> list[Finding]:
    """Each letter lost to an encoding change (shown as \ufffd), one per line, in order."""
    return _first_per_line(_everywhere(text, 1, REPLACEMENT))


def quotes_in_yaml(text: str, first_line: int = 2) -> list[Finding]:
    """Values that open with a typographic quote, where YAML needs a straight one."""
    return _first_per_line(_findings(text, first_line, YAML_QUOTE, QUOTES))


def in_markdown(text: str, first_line: int = 1, written: dict[int, str] | None = None) -> list[Finding]:
    """What changes a Markdown line while looking right: a non-breaking space where Markdown
    needs a space (the line is no heading, list item or quote), zero-width characters, a
    byte-order mark inside the file (and in the lines ``written``, line -> text as written: where
    the scan blanked a link's address). One per line, in order."""
    found = _findings(text, first_line, MARKDOWN_SPACE, SPACES) + _everywhere(text, first_line, INVISIBLE)
    found += [finding for line, raw in (written or {}).items() for finding in _everywhere(raw, line, INVISIBLE)]
    return _first_per_line(found)


def _first_per_line(found: list[Finding]) -> list[Finding]:
    first: dict[int, Finding] = {}
    for finding in sorted(found, key=lambda f: (f.line, f.column)):
        first.setdefault(finding.line, finding)
    return list(first.values())


def unclosed_quote(text: str, before: int, first_line: int = 1) -> Finding | None:
    """The last value up to line ``before`` whose opening quote its line never closes: where YAML's
    "end of stream" or "expected key" really began."""
    found = None
    for match in YAML_QUOTED.finditer(text):
        finding = _finding(text, match.start(1), first_line)
        if finding.line > before:
            break
        quote, rest = match.group(1), match.group(2)
        closed = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in closed:
            found = Finding(finding.line, finding.column, quote)
    return found
