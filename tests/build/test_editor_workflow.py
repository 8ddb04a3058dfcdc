"""The editors' workflow, run for real: page templates copied in as
CONTRIBUTING.md says build strictly, remark checks front matter as the editor
(VS Code) does, and pre-commit accepts its configuration. The configuration
files themselves are read in tests/unit/test_editor_workflow.py."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from support import ROOT, mkdocs_build, page_url

IGNORED = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "__pycache__",
                                 ".pytest_cache", ".cache")
REMARK = ROOT / "node_modules" / ".bin" / "remark"


# Templates -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def templated_site(tmp_path_factory):
    """A copy of the playbook with both templates copied in as CONTRIBUTING.md says."""
    project = tmp_path_factory.mktemp("templated") / "playbook"
    shutil.copytree(ROOT, project, ignore=IGNORED)
    for language in ("es", "en"):
        shutil.copy(ROOT / f"templates/pagina.{language}.md",
                    project / f"docs/pagina.{language}.md")
        shutil.copy(ROOT / f"templates/tipo-de-cliente.{language}.md",
                    project / f"docs/tipos/tipo-de-cliente.{language}.md")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config, added_type = re.subn(r"^(\s+- )tipos/conversador\.md\n",
                                 r"\g<0>\g<1>tipos/tipo-de-cliente.md\n", config, flags=re.M)
    config, added_page = re.subn(r"^  - referencias\.md\n", r"\g<0>  - pagina.md\n", config,
                                 flags=re.M)
    assert added_type == added_page == 1, "mkdocs.yml's nav changed: update this test"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path_factory.mktemp("templated-site")
    return site, mkdocs_build(project, site, "--strict")


KEPT = {"id", "icon", "kind", "related", "owner", "review_by", "answer"}  # real values, kept as copied


def _own(value, key=None):
    """Each example text of the front matter made the page's own; real values kept."""
    if isinstance(value, dict):
        return {name: _own(sub, name) for name, sub in value.items()}
    if isinstance(value, list):
        return [_own(sub, key) for sub in value]
    return f"Propio: {value}" if isinstance(value, str) and key not in KEPT else value


def _fill_in(text: str) -> str:
    """What an editor does to a copied template: every example text rewritten (here a word
    added to each line and table cell), headings, ids, links and boxes kept."""
    _, front, body = text.split("---\n", 2)
    meta = _own(yaml.safe_load(front))
    lines = []
    for line in body.split("\n"):
        if line.lstrip().startswith(("#", "!!!")) or re.fullmatch(r"[|\s:-]*", line):
            lines.append(line)
        else:
            cells = line.split("|")
            lines.append("|".join(re.sub(r"(\w) (\w)", r"\1 propio \2", cell, count=1) for cell in cells))
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + dumped + "---\n" + "\n".join(lines)


@pytest.fixture(scope="module")
def filled_site(tmp_path_factory):
    """The templated copy with every example text of the templates replaced."""
    project = tmp_path_factory.mktemp("filled") / "playbook"
    shutil.copytree(ROOT, project, ignore=IGNORED)
    for language in ("es", "en"):
        for source, target in ((f"pagina.{language}.md", f"pagina.{language}.md"),
                               (f"tipo-de-cliente.{language}.md", f"tipos/tipo-de-cliente.{language}.md")):
            text = (ROOT / "templates" / source).read_text(encoding="utf-8")
            (project / "docs" / target).write_text(_fill_in(text), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(\s+- )tipos/conversador\.md\n", r"\g<0>\g<1>tipos/tipo-de-cliente.md\n", config, flags=re.M)
    config = re.sub(r"^  - referencias\.md\n", r"\g<0>  - pagina.md\n", config, flags=re.M)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = tmp_path_factory.mktemp("filled-site")
    return site, mkdocs_build(project, site, "--strict")


def test_templates_as_copied_stop_only_at_their_example_texts(templated_site):
    """A copied template is valid in every way but one: its example texts must be replaced."""
    site, build = templated_site
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output
    entries = re.findall(r"^(docs/[\w./-]+):\d+: (.*)$", output, re.M)
    assert {path for path, _ in entries} == {
        f"docs/{name}.{language}.md"
        for name in ("pagina", "tipos/tipo-de-cliente") for language in ("es", "en")
    }, output
    assert all("is the example text of templates/" in what for _, what in entries), output
    assert not list(site.rglob("*.html"))  # nothing published


def test_templates_build_strictly_once_filled_in(filled_site):
    site, build = filled_site
    assert build.returncode == 0, build.stdout + build.stderr
    for language in ("es", "en"):
        assert (site / page_url("pagina", language) / "index.html").exists()
        assert (site / page_url("tipos/tipo-de-cliente", language) / "index.html").exists()
        # The new type's quick card is made from its front matter.
        assert (site / page_url("cards/tipo-de-cliente", language) / "index.html").exists()


def remark(*paths, cwd=ROOT):
    assert REMARK.exists(), "remark is missing: run `npm ci` (make test does)"
    return subprocess.run([str(REMARK), *paths, "--quiet", "--frail", "--no-stdout", "--no-color"],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


def test_pages_and_templates_pass_the_editor_check():
    result = remark("docs", "templates")
    assert result.returncode == 0, result.stderr


def test_the_editor_check_points_at_the_mistake(tmp_path):
    """A page with mistakes, checked with the project's .remarkrc.yml and schema."""
    shutil.copy(ROOT / ".remarkrc.yml", tmp_path)
    shutil.copytree(ROOT / "hooks/playbook/schemas", tmp_path / "hooks/playbook/schemas")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    page = tmp_path / "docs/tipos/roto.es.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "---\ntitle: Roto\ndescription: corta\nreview_by: pronto\ncolor: rojo\n"
        "customer_type:\n  id: roto\n  questions:\n    kind: cerradas\n---\n\nTexto.\n",
        encoding="utf-8")
    result = remark("docs", cwd=tmp_path)
    assert result.returncode == 1
    report = result.stderr
    assert re.search(r"^\s*3:\d+-3:\d+\s+warning\s+Must NOT have fewer than 50 characters",
                     report, re.M)
    assert re.search(r"^\s*4:\d+-4:\d+\s+warning\s+Must match", report, re.M)  # review_by
    assert re.search(r"^\s*9:\d+-9:\d+\s+warning\s+Must be equal to one of the allowed values: "
                     r"`open`, `exploratory`, `closed`, `open-then-closed`", report, re.M)
    assert "Must NOT have additional properties" in report  # color


# pre-commit -------------------------------------------------------------------------


def test_pre_commit_configuration_is_valid_and_runs_ruff_and_the_content_checks():
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config",
                             ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: (repo["repo"], hook) for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["ruff-check"][0] == "https://github.com/astral-sh/ruff-pre-commit"
    repo, build = hooks["playbook-build"]
    assert repo == "local" and build["entry"] == "make build" and build["pass_filenames"] is False
    for path in ("docs/factores.es.md", "hooks/playbook/catalogue.py", "overrides/main.html", "mkdocs.yml"):
        assert re.search(build["files"], path), path
    assert not re.search(build["files"], "README.md")
