"""The hook layer's house rules, checked on the real project: hooks/ holds
only what mkdocs.yml registers plus one shared package, no hook imports a
hook, one module knows the build (and mkdocs-static-i18n's internals), each
priority has a value of its own and a user, no order that matters rests on
mkdocs.yml's list, and a real build loads every module once."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from support import ROOT

HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "playbook"


class _Loader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python/name tags: read them as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def registered() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["hooks"]


def test_hooks_folder_holds_the_registered_hooks_and_one_package():
    hooks = registered()
    assert hooks, "mkdocs.yml registers no hook"
    modules = sorted(path.relative_to(ROOT).as_posix() for path in HOOKS.glob("*.py"))
    assert modules == sorted(hooks)
    folders = sorted(path.name for path in HOOKS.iterdir() if path.is_dir() and path.name != "__pycache__")
    assert folders == ["playbook"]
    assert (PACKAGE / "__init__.py").is_file()


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_imports_a_hook():
    stems = {Path(hook).stem for hook in registered()}
    offenders = []
    for path in [*HOOKS.glob("*.py"), *PACKAGE.rglob("*.py"), *(ROOT / "tools").rglob("*.py")]:
        for name in sorted(imported_modules(path) & stems):
            offenders.append(f"{path.relative_to(ROOT)} imports the hook {name}")
    assert offenders == []


def test_an_import_of_a_hook_is_seen(tmp_path):
    """The rule above has teeth: every way of importing a hook by name is found."""
    sample = tmp_path / "sample.py"
    sample.write_text("import cards\nfrom assets import minified\nimport generated_pages as g\n"
                      "from playbook import build\nfrom . import local\n", encoding="utf-8")
    assert imported_modules(sample) == {"cards", "assets", "generated_pages", "playbook"}


def test_one_module_knows_the_build():
    """No hook reads mkdocs-static-i18n or writes a priority as a number: they ask playbook.build,
    the one module that touches the plugin's internals."""
    offenders = []
    for path in [*HOOKS.glob("*.py"), *PACKAGE.rglob("*.py")]:
        if path == PACKAGE / "build.py":
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"plugins\[[\"']i18n[\"']\]", r"\.building\b", r"event_priority\(\s*-?\d",
                        r"current_language\b(?!\()", r"default_language\b(?!\()", r"build_languages\b",
                        r"i18n_files_per_language", r"\.alternates\b", r"\.locale(_alternate_of)?\b",
                        r"extra\.alternate\b|\[\"alternate\"\]",
                        r"files\.plugin\b|\"plugin\"\)"):
            for match in re.finditer(pattern, text):
                line = text.count("\n", 0, match.start()) + 1
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    assert offenders == []
    build = (PACKAGE / "build.py").read_text(encoding="utf-8")
    priorities = re.findall(r"^    ([A-Z_]+) = (-?\d+)$", build, re.M)
    assert len(priorities) >= 5
    # Each named priority has a comment above it saying why it sits there.
    for name, _ in priorities:
        before = build[: build.index(f"    {name} = ")].rstrip().splitlines()[-1]
        assert before.strip().startswith("#"), f"Priority.{name} has no comment saying why"


def priorities() -> dict[str, int]:
    build = (PACKAGE / "build.py").read_text(encoding="utf-8")
    return {name: int(value) for name, value in re.findall(r"^    ([A-Z_]+) = (-?\d+)$", build, re.M)}


def test_every_priority_has_a_value_of_its_own_and_is_used():
    named = priorities()
    shared = {value: names for value in set(named.values())
              if len(names := sorted(name for name in named if named[name] == value)) > 1}
    assert shared == {}, "Priorities that share a value (one name each, or one step): " + str(shared)
    hooks = "\n".join(path.read_text(encoding="utf-8") for path in HOOKS.glob("*.py"))
    unused = sorted(name for name in named if not re.search(rf"\bPriority\.{name}\b", hooks))
    assert unused == [], f"Priorities no hook uses: {unused}"


# A build of the playbook, in-process, with mkdocs.yml's hooks in the order given: the site and
# what the build said (its lines but the folder and the time).
BUILD = textwrap.dedent(
    """
    import io, logging, os, re, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    text = open("mkdocs.yml", encoding="utf-8").read()
    block = re.search(r"(?ms)^hooks:\\n.*?(?=^\\S)", text).group(0)
    hooks = re.findall(r"(?m)^  - (\\S+)$", block)
    if sys.argv[2] == "backwards":
        hooks.reverse()
    config_file = io.StringIO(text.replace(block, "hooks:\\n" + "".join(f"  - {h}\\n" for h in hooks)))
    config_file.name = os.path.abspath("mkdocs.yml")
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(f"{record.levelname}: {record.getMessage()}")
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    build(load_config(config_file, site_dir=sys.argv[1], strict=True))
    said = [line for line in lines if sys.argv[1] not in line and "built in" not in line]
    print("\\n".join(said))
    """
)


def build_with_hooks(site_dir: Path, order: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(site_dir), order],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(site_dir.parent),
             "SITE_URL": "http://127.0.0.1:8000/", "PLAYBOOK_MESSAGES": "en"},  # the lines as quoted below
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.splitlines()


def test_handlers_that_share_a_priority_run_in_any_order(tmp_path):
    """MkDocs runs handlers of one priority in mkdocs.yml's order: the hooks listed backwards build
    the same site and say the same, so no order that matters rests on that list."""
    from tools.compare_sites import compare

    said = build_with_hooks(tmp_path / "forwards", "forwards")
    assert any("Offline:" in line for line in said), said
    assert build_with_hooks(tmp_path / "backwards", "backwards") == said
    assert compare(tmp_path / "forwards", tmp_path / "backwards") == []


SCRIPT = textwrap.dedent(
    """
    import json, sys
    from collections import defaultdict
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml", site_dir=sys.argv[1])
    build(config)
    by_file = defaultdict(list)
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if path and "/hooks/" in path.replace("\\\\", "/"):
            by_file[path].append(name)
    print(json.dumps(by_file))
    """
)


def test_a_build_loads_each_hook_and_module_once(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    by_file = json.loads(result.stdout.strip().splitlines()[-1])
    loaded = {Path(path).relative_to(ROOT).as_posix(): names for path, names in by_file.items()}
    # Every registered hook and the shared package were really loaded...
    assert set(registered()) <= set(loaded)
    assert "hooks/playbook/build.py" in loaded
    # ...and each under one name only.
    twice = {path: names for path, names in loaded.items() if len(names) > 1}
    assert twice == {}
