"""The content checks in real builds: a tiny playbook with one fault each goes
through a plain `mkdocs build` (not --strict), which must stop with the file,
the line, what is wrong and how to fix it, and no traceback. The real
playbook passes.

The broken sites are built in parallel, once per test run (module fixture).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
import yaml

from playbook.checks.anchors import source_ids
from support import ROOT, mkdocs_build
from support.sites import DELETE, append, apply, base_files, build, catalogue, line_of, make_project, replace

REPORT_HEADER = "The playbook cannot be built"
ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"


@dataclass(frozen=True)
class Fault:
    name: str
    edits: dict
    file: str  # below docs/
    at: str | int  # the line, or a text whose line it is
    message: str  # part of what is wrong
    hint: str  # part of how to fix it
    extra: dict = field(default_factory=dict)


def _without_customer_type(text: str) -> str:
    front, body = text.split("\n---\n", 1)
    meta = yaml.safe_load(front.removeprefix("---\n"))
    del meta["customer_type"]
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


FAULTS = [
    # Files
    Fault(
        "malformed-yaml",
        {"index.es.md": replace("title: Inicio de prueba", "title: Inicio: de prueba")},
        "index.es.md",
        "title:",
        "a second ': ' inside its value",
        "in straight quotes",
    ),
    Fault(
        "not-utf8",
        {"factores.en.md": lambda t: t.replace("Be kind.", "Sé amable.").encode("latin-1")},
        "factores.en.md",
        "amable",
        "not UTF-8",
        "Reopen it in its own encoding, then save it as UTF-8",
    ),
    Fault(
        "empty-page",
        {"factores.en.md": ""},
        "factores.en.md",
        1,
        "This page is empty",
        "front matter",
    ),
    # Anchors and links
    Fault(
        "duplicate-heading-id",
        {"factores.es.md": append("## Otra rapidez {#rapidez}\n\nTexto.")},
        "factores.es.md",
        "## Otra rapidez",
        "'#rapidez' is used twice",
        "Change one of the two ids",
    ),
    Fault(
        "missing-anchor",
        {"index.es.md": replace("factores.md#rapidez", "factores.md#rapidz")},
        "index.es.md",
        "#rapidz",
        "'#rapidz'",
        "Did you mean '#rapidez'?",
    ),
    Fault(
        "missing-page",
        {"index.en.md": replace("(factores.md#rapidez)", "(factors.md#rapidez)")},
        "index.en.md",
        "factors.md",
        "does not have",
        "Did you mean 'factores.md'?",
    ),
    Fault(
        "link-to-other-language",
        {"index.es.md": replace("(factores.md#rapidez)", "(factores.en.md#rapidez)")},
        "index.es.md",
        "factores.en.md",
        "English version",
        "Write 'factores.md#rapidez'",
    ),
    Fault(
        "absolute-link",
        {"index.en.md": replace("(factores.md#rapidez)", "(/factores/#rapidez)")},
        "index.en.md",
        "/factores/",
        "absolute address",
        "relative to this file",
    ),
    Fault(
        "raw-html-link",
        {"factores.es.md": append('<a href="index.md">Inicio</a>')},
        "factores.es.md",
        '<a href="index.md">',
        "not adjusted by the build",
        "Write it in Markdown",
    ),
    # Translation parity
    Fault(
        "missing-translation",
        {"factores.en.md": DELETE},
        "factores.es.md",
        1,
        "no English version",
        "Create docs/factores.en.md",
    ),
    Fault(
        "customer-type-missing-english-half",
        {EN_TYPE: _without_customer_type},
        EN_TYPE,
        1,
        "no customer_type data",
        "Copy the 'customer_type:' block",
    ),
    Fault(
        "customer-type-list-lengths-differ",
        {EN_TYPE: replace("    - Give them privacy\n", "")},
        EN_TYPE,
        "  attend:",
        "has 1 item here but 2",
        "Translate every item",
    ),
    Fault(
        "customer-type-icon-differs",
        {
            EN_TYPE: replace(
                "  icon: material/emoticon-angry-outline", "  icon: material/emoticon-outline"
            )
        },
        EN_TYPE,
        "  icon:",
        "must be the same in every language",
        "Copy it unchanged",
    ),
    Fault(
        "anchor-missing-in-translation",
        {
            "factores.en.md": replace("## Courtesy {#amabilidad}", "## Courtesy {#courtesy}"),
            EN_TYPE: replace("(../factores.md#amabilidad)", "(../factores.md)"),
        },
        "factores.en.md",
        "## Courtesy",
        "'#amabilidad' is linked from tipos/enojado.es.md",
        "It is probably this one, 'Courtesy'",
    ),
    # Front matter and customer types
    Fault(
        "unknown-customer-type-field",
        {ES_TYPE: replace("  recognise:", "  recognize:")},
        ES_TYPE,
        "recognize:",
        "Unknown field 'recognize'",
        "Did you mean 'recognise'?",
    ),
    Fault(
        "missing-description",
        {
            "factores.es.md": replace(
                "description: Los factores que hacen un buen servicio, en un sitio mínimo de "
                "prueba.\n",
                "",
            )
        },
        "factores.es.md",
        "title:",
        "has no 'description' field",
        "Add a 'description:' line",
    ),
    Fault(
        "list-written-as-text",
        {
            EN_TYPE: replace(
                "  attend:\n    - Stay calm\n    - Give them privacy", "  attend: Stay calm"
            )
        },
        EN_TYPE,
        "attend:",
        "must be a list",
        "starting with '- '",
    ),
    Fault(
        "too-many-items",
        {ES_TYPE: replace("    - Dar privacidad\n", "    - Dar privacidad\n" + "    - Otra\n" * 5)},
        ES_TYPE,
        "  attend:",
        "has 7 items; at most 6",
        "Keep the 6",
    ),
    Fault(
        "unknown-question-kind",
        {ES_TYPE: replace("kind: closed", "kind: close")},
        ES_TYPE,
        "kind: close",
        "'close', which is not allowed",
        "Did you mean 'closed'?",
    ),
    Fault(
        "customer-type-id-not-file-name",
        {ES_TYPE: replace("  id: enojado", "  id: enfadado")},
        ES_TYPE,
        "id: enfadado",
        "its file is named 'enojado'",
        "Write 'id: enojado'",
    ),
    Fault(
        "related-to-missing-anchor",
        {EN_TYPE: replace("    - factores.md#rapidez", "    - factores.md#fast")},
        EN_TYPE,
        "factores.md#fast",
        "The related topic 'factores.md#fast'",
        "#rapidez",
    ),
    Fault(
        "unknown-icon",
        {ES_TYPE: replace("material/emoticon-angry-outline", "material/emoticon-angy-outline")},
        ES_TYPE,
        "icon:",
        "There is no icon",
        "material/emoticon-angry-outline",
    ),
    # Citations
    Fault(
        "uncited-author",
        {"factores.es.md": append("Según Kotler, el servicio es intangible.")},
        "factores.es.md",
        "Según Kotler",
        "'Kotler' is named here without a citation link",
        "referencias.md#entry-id",
    ),
    Fault(
        "citation-without-entry",
        {"index.en.md": replace("(referencias.md#igs-sfa)", "(referencias.md)")},
        "index.en.md",
        "n.d.-a](referencias.md)",
        "not to its entry",
        "referencias.md#igs-sfa",
    ),
    Fault(
        "reference-never-cited",
        {
            "referencias.es.md": append(
                "### Kotler (2007) {#kotler-2007}\n\nKotler, P. (2007). *Marketing*."
            )
        },
        "referencias.es.md",
        "### Kotler",
        "'#kotler-2007' is not cited by any Spanish page",
        "Cite it",
    ),
    # Unsafe content
    Fault(
        "script-in-html-block",
        {
            "index.es.md": replace(
                "    Los factores del servicio.\n",
                "    Los factores del servicio.\n\n<script>alert(1)</script>\n",
            )
        },
        "index.es.md",
        "<script>",
        "Raw HTML <script> is not allowed",
        "Pages cannot carry scripts",
    ),
    Fault(
        "onerror-attribute",
        {"factores.en.md": append('<img alt="Alerta" onerror="alert(1)">')},
        "factores.en.md",
        "onerror",
        "'onerror' runs code",
        "Remove the attribute",
    ),
    Fault(
        "javascript-link",
        {"factores.es.md": append("[Clic aquí](javascript:alert(1))")},
        "factores.es.md",
        "javascript:",
        "'javascript:' address",
        "https://",
    ),
    Fault(
        "encoded-javascript-in-html",
        {"factores.es.md": append('<a href="&#106;avascript:alert(1)">x</a>')},
        "factores.es.md",
        "&#106;",
        "'javascript:' address",
        "https://",
    ),
    Fault(
        "onclick-in-attribute-list",
        {"factores.en.md": append('[Speed](#rapidez){ onclick="alert(1)" }')},
        "factores.en.md",
        "onclick",
        "'onclick' runs code",
        "Remove the attribute",
    ),
    Fault(
        "iframe",
        {"factores.en.md": append('<iframe src="https://example.com"></iframe>')},
        "factores.en.md",
        "<iframe",
        "Raw HTML <iframe> is not allowed",
        "Link to it instead",
    ),
    Fault(
        "style-element",
        {"factores.es.md": append("<style>body { display: none }</style>")},
        "factores.es.md",
        "<style>",
        "Raw HTML <style> is not allowed",
        "stylesheet",
    ),
    Fault(
        "data-url-image",
        {"factores.es.md": append("![x](data:image/svg+xml;base64,PHN2Zz4=)")},
        "factores.es.md",
        "data:image",
        "'data:' address",
        "https://",
    ),
    Fault(
        "html-in-front-matter",
        {
            "factores.es.md": replace(
                "title: Factores de prueba", "title: Factores <script>x</script>"
            )
        },
        "factores.es.md",
        "title:",
        "is not written as expected",
        "no '<' or '>'",
    ),
    # External links
    Fault(
        "http-link",
        {"factores.en.md": append("See [the guide](http://example.com/guide).")},
        "factores.en.md",
        "http://example.com",
        "uses http://",
        "Write 'https://example.com/guide'",
    ),
    Fault(
        "external-image",
        {"factores.en.md": append("![Logo](https://example.com/logo.png)")},
        "factores.en.md",
        "logo.png",
        "loaded from another site",
        "docs/assets/",
    ),
]


def _fault_files(fault: Fault) -> dict:
    return apply(base_files(), fault.edits)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Every broken site (and the base site, unbroken), built in parallel."""
    jobs = {"base": base_files(), **{fault.name: _fault_files(fault) for fault in FAULTS}}

    # Made here, once: threads asking for it at the same time would race to make it.
    tmp_path_factory.getbasetemp()

    def run(item):
        name, files = item
        project = tmp_path_factory.mktemp(name)
        return name, (build(project, files), project)

    with ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(run, jobs.items()))


def test_there_are_at_least_twenty_kinds_of_fault():
    assert len({fault.name for fault in FAULTS}) == len(FAULTS) >= 20


def test_the_base_site_builds(builds):
    result, project = builds["base"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert REPORT_HEADER not in result.stdout + result.stderr


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_broken_site_stops_with_file_line_and_fix(builds, fault):
    result, _ = builds[fault.name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert output.count(REPORT_HEADER) == 1, output
    text = _fault_files(fault).get(fault.file) or base_files()[fault.file]
    line = fault.at if isinstance(fault.at, int) else line_of(text, fault.at)
    # The problem's own entry: "docs/<file>:<line>: <what>\n    How to fix: <how>".
    entries = re.findall(
        rf"^docs/{re.escape(fault.file)}:{line}: (.*)\n    How to fix: (.*)$", output, re.M
    )
    assert entries, f"no problem reported at docs/{fault.file}:{line}\n{output}"
    assert any(fault.message in what and fault.hint in how for what, how in entries), output


def test_sources_with_problems_stop_the_build_before_any_page_is_written(builds):
    result, project = builds["script-in-html-block"]
    assert result.returncode != 0
    assert not list((project / "site").rglob("*.html"))


def test_links_are_checked_against_the_built_site(builds):
    """A missing page may be one a hook generates: only the built site tells, after writing it."""
    result, project = builds["missing-page"]
    assert result.returncode != 0
    assert (
        project / "site" / "cards" / "index.html"
    ).exists()  # generated, and a valid link target


def test_every_problem_of_a_build_is_listed_together(tmp_path):
    files = apply(
        base_files(),
        {
            # The last a link to no page: it waits for the pages the build makes, so is said as waiting.
            "factores.es.md": append("<script>alert(1)</script>\n\n[x](javascript:void(0))\n\n[Colas](colas.md)"),
            "factores.en.md": append("See [the guide](http://example.com)."),
            ES_TYPE: replace("  recognise:", "  recognize:"),
            "index.es.md": replace("factores.md#rapidez", "factores.md#rapidz"),
            "index.en.md": replace("Serving well", "Kotler says serving well"),
        },
    )
    result = build(tmp_path / "project", files)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for where in (
        "docs/factores.es.md:16:",
        "docs/factores.es.md:18:",
        "docs/factores.en.md:16:",
        "docs/tipos/enojado.es.md:9:",
        "docs/index.es.md:10:",
        "docs/index.en.md:6:",
    ):
        assert where in output, output
    assert output.count(REPORT_HEADER) == 1
    # Not checked yet, and said so: each home page's link to the cards, and the one to colas.md.
    assert "3 links point at pages that are not in docs/ (the build makes the cards, the practice page… " \
           "itself): they are checked once these problems are fixed." in output, output


# A hook of the project's own (or a plugin's) that makes a page with a script in it, and one with a
# Material component whose styles the site leaves out: no source of docs/ gives those pages, so the
# checks of the sources cannot see them; the rendered pages' check can.
UNSAFE_PAGE_HOOK = """from mkdocs.plugins import event_priority

from playbook import build
from playbook.build import Priority
from playbook.generated import GeneratedPage


@event_priority(Priority.GENERATE)
def on_files(files, config):
    build.add_generated(files, config, [
        GeneratedPage("aviso.md", "# Aviso\\n\\n<script>alert(1)</script>\\n"),
        GeneratedPage("pestanas.md", '# Pestañas\\n\\n<div class="tabbed-set">Uno</div>\\n'),
    ])
    return files
"""


def test_a_generated_page_with_a_script_or_unstyled_markup_stops_the_build_naming_the_hook_that_made_it(
        tmp_path):
    project = make_project(tmp_path / "project", base_files())
    (project / "unsafe_page.py").write_text(UNSAFE_PAGE_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    # Last among the hooks: the playbook's hooks have loaded the playbook package by then.
    config = re.sub(r"(?ms)^hooks:\n.*?(?=^\S)", lambda hooks: hooks.group(0) + "  - unsafe_page.py\n", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert output.count(REPORT_HEADER) == 1, output
    for language in ("es", "en"):
        assert (f"aviso.md: The page aviso generated by unsafe_page.py ({language}) contains <script>.\n"
                "    How to fix: It is made from the pages' front matter: check the fields it shows for HTML "
                "or scripts.") in output, output
        # Its own fix, not the script's: the component's, or the hook's markup.
        assert (f"pestanas.md: The page pestanas generated by unsafe_page.py ({language}) contains "
                "Material's content tabs (class 'tabbed-set'), whose styles this site leaves out.\n"
                "    How to fix: Add 'pymdownx.tabbed' to markdown_extensions in mkdocs.yml, or take it out of "
                "what unsafe_page.py generates.") in output, output


def test_the_real_playbook_passes_every_check(site):
    """The session build of the real site (mkdocs build --strict) ran these checks and passed."""
    hooks = yaml.safe_load(
        re.search(r"(?ms)^hooks:\n.*?(?=^\S)", (ROOT / "mkdocs.yml").read_text()).group(0)
    )
    assert "hooks/check_content.py" in hooks["hooks"]
    assert (site / "index.html").exists() and (site / "en" / "index.html").exists()
    assert (site / "cards" / "index.html").exists()  # links to generated pages resolved


# Where the scanner reads a `{#id}` that Python-Markdown's attr_list does not apply: the built page
# shows it as text and has no such id. id -> the Markdown that writes it.
UNAPPLIED_IDS = {
    "falso": "Texto con id falso {#falso}",
    "en-lista": "- elemento {#en-lista}",
    "en-titulo": '!!! note "Nota {#en-titulo}"\n\n    Cuerpo de la nota.',
    "setext": "Título setext {#titulo-setext}\n-------------\n{#setext}",
    "en-cita": "> Una cita {#en-cita}",
    "tras-raya": "---\n{: #tras-raya}",
    "con-clase": "## Con clase {#con-clase} {#clase .c}",
}


def _with_links(ids: dict[str, str]) -> dict:
    """The base site with ``ids`` written on both languages' factores page, and a link to each."""
    addition = "\n\n".join(ids.values()) + "\n\n" + "\n\n".join(f"Ver [{i}](#{i})." for i in ids)
    return apply(base_files(), {"factores.es.md": append(addition), "factores.en.md": append(addition)})


def test_a_link_to_an_id_the_built_page_lacks_stops_the_build(tmp_path):
    """The sources give these ids, the built page does not: each link is reported once, after the build."""
    files = _with_links(UNAPPLIED_IDS)
    page = catalogue(files).page("factores", "es")
    assert set(UNAPPLIED_IDS) <= source_ids(page)  # so only the built page can tell
    result = build(tmp_path / "project", files)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert output.count(REPORT_HEADER) == 1, output
    for path in ("factores.es.md", "factores.en.md"):
        for id_ in UNAPPLIED_IDS:
            line = line_of(files[path], f"[{id_}](#{id_})")
            entries = re.findall(
                rf"^docs/{re.escape(path)}:{line}: (.*)\n    How to fix: (.*)$", output, re.M
            )
            # Once, with the message and fix of any other link to an id the page lacks.
            assert len(entries) == 1, output
            what, how = entries[0]
            assert what == f"The link '#{id_}' points to '#{id_}', which this page does not have."
            assert "The ids of this page are: " in how and "#rapidez" in how
            assert how.endswith(f"Or give the heading you mean the id '{{#{id_}}}' at the end of its line.")


def test_a_link_to_a_heading_s_own_id_passes(tmp_path):
    files = _with_links({"valido": "## Válido {#valido}\n\nTexto."})
    result = build(tmp_path / "project", files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'id="valido"' in (tmp_path / "project" / "site" / "factores" / "index.html").read_text()
