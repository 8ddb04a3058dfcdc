"""What a paste leaves in a page's text that the page then shows wrong, with no error: a
character that looks like a space and is not one where Markdown needs a space (playbook.characters),
a zero-width character, a table row with more or fewer cells than its header (its cells land in
the wrong columns), and lines separated by tabs, a table pasted from a spreadsheet (one run-on
paragraph). Code is left alone: the scan's text has it blanked.
"""

from __future__ import annotations

import re

from .. import characters
from ..catalogue import Catalogue, Problem, SourcePage, character_problem

# A table's second line: dashes per column, with colons for alignment, between pipes.
DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# A cell boundary: a pipe not escaped (the scan blanks escapes, so any pipe left is one).
PIPE = "|"
# Text, a tab, text: a line of cells copied from a spreadsheet.
TABBED = re.compile(r"\S\t+\S")


def cells(row: str) -> list[str]:
    """The cells of a table row: "| a | b |" -> ["a", "b"]."""
    return [cell.strip() for cell in row.strip().removeprefix(PIPE).removesuffix(PIPE).split(PIPE)]


def table_rows(page: SourcePage) -> list[Problem]:
    """Each row of a table whose cells are not as many as its header's."""
    lines = page.document.text.split("\n")
    problems = []
    for index in range(1, len(lines)):
        if not (DELIMITER.match(lines[index]) and PIPE in lines[index] + lines[index - 1]
                and lines[index - 1].strip()):
            continue
        header = cells(lines[index - 1])
        for row_index in range(index + 1, len(lines)):
            row = lines[row_index]
            if not row.strip() or PIPE not in row:
                break
            found = cells(row)
            if len(found) == len(header):
                continue
            key = "table_row_short" if len(found) < len(header) else "table_row_long"
            problems.append(Problem.of(page.path, page.body_start + row_index, key,
                                       found=len(found), header=len(header)))
    return problems


def tabbed(page: SourcePage) -> list[Problem]:
    """Two or more lines in a row whose words are separated by tabs: one problem, on the first."""
    lines = page.document.text.split("\n")
    problems, index = [], 0
    while index < len(lines):
        end = index
        while end < len(lines) and TABBED.search(lines[end]):
            end += 1
        if end - index >= 2:
            first = " | ".join(part.strip() for part in lines[index].split("\t") if part.strip())
            columns = first.count(" | ") + 1
            problems.append(Problem.of(page.path, page.body_start + index, "tabbed_lines", count=end - index,
                                       first=f"| {first} |", delimiter="|" + " --- |" * columns))
        index = max(end, index + 1)
    return problems


def invisible(page: SourcePage) -> list[Problem]:
    """Space-like and invisible characters where they change what a line of Markdown is."""
    scan, lines = page.document, page.body.split("\n")
    # A link's address is blanked in the scan's text: the line of one holding an invisible character is read as written.
    written = {link.line: lines[link.line - page.body_start] for link in scan.links
               if characters.invisible(link.url)}
    return [character_problem(page.path, finding, "markdown")
            for finding in characters.in_markdown(scan.text, page.body_start, written)]


def check(catalogue: Catalogue) -> list[Problem]:
    return [problem for page in catalogue.pages.values()
            for problem in invisible(page) + table_rows(page) + tabbed(page)]
