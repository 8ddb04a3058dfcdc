"""No line the hooks print is worded in Python: what they log, print or raise takes its words from
labels/messages.yml (label_files.said, said_with_fix, Problem.of), so each is said in the editor's
language. Swept over every call of every file of hooks/ (a line built elsewhere and logged is
caught by tests/build/test_messages_logged.py)."""

from __future__ import annotations

import ast
import re

from support import ROOT

# The calls that put a line before the editor: a logger's, print, and an exception raised.
LOGGING = {"debug", "info", "warning", "error", "critical", "exception"}
WORD = re.compile(r"[^\W\d_]{3,}")


def says(node: ast.Call) -> bool:
    function = node.func
    return (isinstance(function, ast.Attribute) and function.attr in LOGGING
            or isinstance(function, ast.Name) and function.id == "print")


def written(node: ast.AST):
    """The string constants of an argument, outside any call (the catalogue's keys are inside one)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif not isinstance(node, ast.Call):
        for child in ast.iter_child_nodes(node):
            yield from written(child)


def worded(path, root=ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and says(node)]
    calls += [node.exc for node in ast.walk(tree) if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)]
    return [f"{path.relative_to(root)}:{constant.lineno}: {constant.value!r}"
            for call in calls for argument in (*call.args, *(k.value for k in call.keywords))
            for constant in written(argument) if WORD.search(constant.value)]


def test_nothing_the_hooks_log_print_or_raise_is_worded_in_python():
    found = [line for path in sorted((ROOT / "hooks").rglob("*.py")) for line in worded(path)]
    assert found == [], "worded in Python, not in labels/messages.yml:\n" + "\n".join(found)


def test_the_sweep_finds_words_written_in_python(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('log.info(f"Offline: {size} MB")\nraise ValueError("no colour")\n'
                      'log.info(said("offline_stored", size=1))\nprint(error, file=sys.stderr)\n', encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in worded(sample, tmp_path)] == ["'Offline: '", "'no colour'"]
