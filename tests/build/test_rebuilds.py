"""`mkdocs serve` rebuilds with a new config each time, in one process: the
one caching idiom (playbook.cache) must let every edit through. Three rebuilds
in one process, as serve runs them: after editing a page, a label file, and
mkdocs.yml, the site shows the edit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

from support import ROOT

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def rebuild():
        # What `mkdocs serve` does on every change: a new config, the same process.
        build(load_config("mkdocs.yml", site_dir="site"), dirty=False)

    def read(path):
        return Path("site", path).read_text(encoding="utf-8")

    seen = {}
    rebuild()
    seen["before"] = [read("factores/index.html"), read("en/cards/enojado/index.html"), read("index.html")]

    page = Path("docs/factores.es.md")
    page.write_text(page.read_text(encoding="utf-8").replace("title: ", "title: EDITADO ", 1), encoding="utf-8")
    rebuild()
    seen["page"] = read("factores/index.html")

    labels = Path("hooks/playbook/labels/cards.yml")
    text = labels.read_text(encoding="utf-8")
    start = text.index("\\nen:")
    english = text[start:]
    key = "recognise: "
    at = english.index(key) + len(key)
    labels.write_text(text[:start] + english[:at] + "LABEL-EDITED " + english[at:], encoding="utf-8")
    rebuild()
    seen["labels"] = read("en/cards/enojado/index.html")

    config = Path("mkdocs.yml")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Manual de servicio al cliente", "site_name: Manual EDITADO", 1), encoding="utf-8")
    rebuild()
    seen["config"] = read("index.html")
    print(json.dumps(seen))
    """
)


def test_each_rebuild_sees_the_edit_of_a_page_a_label_file_and_mkdocs_yml(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=project, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    page, card, home = seen["before"]
    assert "EDITADO" not in page and "LABEL-EDITED" not in card and "Manual EDITADO" not in home
    assert "EDITADO" in seen["page"]
    assert "LABEL-EDITED" in seen["labels"]
    assert "Manual EDITADO" in seen["config"]
