"""A mkdocs.yml that YAML cannot read, said like a page's problem: `mkdocs.yml:LINE:`, what is
wrong in plain words, and the fix. MkDocs reads mkdocs.yml before any hook runs and answers a
broken one with the parser's own text (`expected <block end>, but found ...`), so this is asked
first: by `make build` and `make serve` before MkDocs starts (`python -m playbook.config_yaml`),
and by hooks/serve_errors.py when a rebuild of `mkdocs serve` finds mkdocs.yml broken.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from .catalogue import Problem, yaml_problem
from .checks import report


def problem(text: str, name: str = "mkdocs.yml") -> Problem | None:
    """What keeps YAML from reading ``text`` (the file ``name``), on the line at fault; None if it reads."""
    try:
        # Composed, not loaded: `!ENV` and `!!python/name:` tags need no resolving.
        yaml.compose(text, Loader=yaml.SafeLoader)
        return None
    except yaml.YAMLError as error:
        return yaml_problem(name, text, error, 1, "yaml_other", in_docs=False)


def main(path: str = "mkdocs.yml") -> int:
    """Say what keeps ``path`` from being read, in the layout of the build's report; 1 if anything."""
    file = Path(path)
    found = problem(file.read_text(encoding="utf-8"), file.name) if file.is_file() else None
    if found:
        print(report([found], where=file.name), file=sys.stderr)  # noqa: T201 (a command's answer)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
