"""The editors' workflow, as configured: page templates in both languages,
the editor's front-matter check (VS Code, remark), pull-request checks and
deploy, and the contributing guides. Running the templates, remark and
pre-commit for real is in tests/build/test_editor_workflow.py."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from support import ROOT

# Templates -----------------------------------------------------------------------


def test_templates_come_in_both_languages_with_the_same_ids():
    for name in ("pagina", "tipo-de-cliente"):
        ids = {language: re.findall(r"\{#([a-z0-9-]+)\}",
                                    (ROOT / f"templates/{name}.{language}.md").read_text("utf-8"))
               for language in ("es", "en")}
        assert ids["es"] and ids["es"] == ids["en"], name


# Front matter, checked in the editor ---------------------------------------------


def jsonc(path):
    """VS Code's JSON with comments."""
    text = re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M)
    return json.loads(text)


def test_vscode_recommends_the_extensions_it_is_configured_for():
    extensions = jsonc(ROOT / ".vscode/extensions.json")["recommendations"]
    assert {"unifiedjs.vscode-remark", "redhat.vscode-yaml"} <= set(extensions)
    settings = jsonc(ROOT / ".vscode/settings.json")
    assert settings["remark.requireConfig"] is True
    assert settings["[markdown]"]["editor.formatOnSave"] is False
    assert list(settings["yaml.schemas"].values()) == ["mkdocs.yml"]
    remarkrc = yaml.safe_load((ROOT / ".remarkrc.yml").read_text(encoding="utf-8"))
    schemas = remarkrc["plugins"][1][1]["schemas"]
    assert all((ROOT / schema).exists() for schema in schemas)
    # Every package the configuration names is pinned in package.json.
    packages = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for plugin in ("remark-cli", "remark-frontmatter", "remark-lint-frontmatter-schema"):
        assert re.fullmatch(r"\d+\.\d+\.\d+", packages[plugin]), plugin


# Pull-request checks and deploy ----------------------------------------------------

def workflow(name):
    data = yaml.safe_load((ROOT / ".github/workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(job):
    return job["steps"]


def runs(job) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_pull_requests_build_strictly_and_run_the_tests():
    checks = workflow("checks.yml")
    assert "pull_request" in checks["on"]
    (job,) = checks["jobs"].values()
    commands = runs(job)
    assert re.search(r"apt-get install\b.*\bchromium\b", commands, re.S)
    assert re.search(r"^make build$", commands, re.M)
    assert re.search(r"^make test$", commands, re.M)
    assert commands.index("make build") < commands.index("make test")
    checkout = next(s for s in steps(job) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert checks["permissions"] == {"contents": "read"}


def test_main_is_built_with_its_address_and_deployed_with_the_pages_actions():
    deploy = workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build) + steps(publish)]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    assert "actions/deploy-pages" in uses
    make = next(step for step in steps(build) if step.get("run") == "make build")
    assert make["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    upload = next(s for s in steps(build) if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site"
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["permissions"] == {"contents": "read"}


def test_every_action_is_pinned_to_a_commit_of_a_release():
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
                    f"{path.name}: {line.strip()}")


def test_the_commands_the_workflows_run_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("build", "test"):
        assert re.search(rf"^{target}:", makefile, re.M)


# The contributing guide -------------------------------------------------------------

GUIDES = ("CONTRIBUTING.md", "CONTRIBUTING.en.md")


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_names_only_commands_and_files_that_exist(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)", text)):
        assert re.search(rf"^{target}:", makefile, re.M), f"{guide}: make {target}"
    paths = set(re.findall(r"`((?:templates|hooks|\.github/workflows|\.vscode)/[\w./-]+|"
                           r"\.remarkrc\.yml|mkdocs\.yml)`", text))
    assert paths
    for path in paths:
        assert (ROOT / path).exists(), f"{guide}: {path}"
    for link in re.findall(r"\]\((CONTRIBUTING[\w.]*\.md)\)", text):
        assert (ROOT / link).exists()


def test_both_guides_have_the_same_sections():
    sections = [re.findall(r"^## .+$", (ROOT / g).read_text(encoding="utf-8"), re.M)
                for g in GUIDES]
    assert len(sections[0]) == len(sections[1]) >= 10


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_contents_link_to_its_headings(guide):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces as '-'."""
    text = (ROOT / guide).read_text(encoding="utf-8")
    anchors = {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
               for heading in re.findall(r"^#{2,3} (.+)$", text, re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", text):
        assert target in anchors, f"{guide}: #{target}"
