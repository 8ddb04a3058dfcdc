"""The editors' checks in real builds: a tiny playbook with one mistake each
goes through a plain `mkdocs build`, which must stop with one report naming
the file and line at fault, what is wrong and how to fix it, no traceback,
and, where the mistake is in one file, no other file.

The broken sites are built in parallel, once per test run (module fixture).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support import ROOT, mkdocs_build
from support.sites import append, apply, base_files, line_of, make_project, replace

REPORT_HEADER = "The playbook cannot be built"
ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"
ENTRY = re.compile(r"^((?:docs/)?[\w./-]+):(\d+): (.*)\n    How to fix: (.*)$", re.M)
SVG = (ROOT / "docs" / "assets" / "favicon.svg").read_bytes()


@dataclass(frozen=True)
class Fault:
    name: str
    edits: dict
    file: str  # as the report names it: "docs/factores.es.md", "mkdocs.yml"
    at: str | int  # the line, or a text whose line it is
    message: str  # part of what is wrong
    hint: str  # part of how to fix it
    alone: bool = True  # the only file the report names
    count: int | None = None  # how many problems the report lists, when it is known
    config: tuple = field(default=())  # (old, new) replacements in mkdocs.yml


def _spanish_body(text: str) -> str:
    """An English page whose text was pasted from the Spanish one, headings and all."""
    front = text.split("---\n", 2)
    body = base_files()["factores.es.md"].split("---\n", 2)[2]
    return "---\n" + front[1] + "---\n" + body


FAULTS = [
    Fault(
        "image-without-alt",
        {"assets/cola.svg": SVG, "factores.es.md": append("![](assets/cola.svg)")},
        "docs/factores.es.md",
        "![](assets",
        "has no text saying what it shows",
        "![What the image shows](assets/cola.svg)",
    ),
    Fault(
        "img-without-alt",
        {"assets/cola.svg": SVG, "factores.en.md": append('<img src="assets/cola.svg">')},
        "docs/factores.en.md",
        "<img",
        "in raw HTML (src=",
        "![What the image shows](assets/cola.svg)",
    ),
    Fault(
        "duplicate-key",
        {"factores.es.md": replace("title: Factores de prueba\n", "title: Factores de prueba\ntitle: Otro\n")},
        "docs/factores.es.md",
        "title: Otro",
        "The field 'title' is written twice (first on line 2)",
        "Keep one of the two",
        count=1,
    ),
    Fault(
        "duplicate-key-in-customer-type",
        {ES_TYPE: replace("  summary:", "  name: Otro nombre\n  summary:")},
        "docs/" + ES_TYPE,
        "  name: Otro",
        "The field 'customer_type.name' is written twice",
        "Keep one of the two",
        count=1,
    ),
    Fault(
        "heading-without-id",
        {"factores.es.md": append("## Trato cordial\n\nTexto.")},
        "docs/factores.es.md",
        "## Trato cordial",
        "The heading 'Trato cordial' has no id.",
        "'{#trato-cordial}'",
        count=1,
    ),
    Fault(
        "setext-heading-without-id",
        {"factores.en.md": append("Kind treatment\n--------------\n\nText.")},
        "docs/factores.en.md",
        "Kind treatment",
        "The heading 'Kind treatment' has no id.",
        "'{#kind-treatment}'",
        count=1,
    ),
    Fault(
        "heading-ids-differ",
        {
            "factores.es.md": append("## Trato cordial {#trato-cordial}\n\nTexto."),
            "factores.en.md": append("## Kind treatment {#kind-treatment}\n\nText."),
        },
        "docs/factores.en.md",
        "## Kind treatment",
        "has the id '#kind-treatment', which factores.es.md does not have",
        "write '{#trato-cordial}' here",
        count=1,
    ),
    Fault(
        "linked-heading-renamed-in-translation",
        {"factores.en.md": replace("## Speed {#rapidez}", "## Speed {#speed}")},
        "docs/factores.en.md",
        "## Speed",
        "has '#rapidez' instead",
        "write '{#rapidez}' here",
        count=1,
    ),
    Fault(
        "empty-admonition",
        {"factores.es.md": append('!!! tip "En la práctica"\n\nUn consejo sin sangría.')},
        "docs/factores.es.md",
        "!!! tip",
        "The 'tip' box has no text",
        "Indent the box's text by four spaces",
        count=1,
    ),
    Fault(
        "unknown-emoji",
        {"factores.en.md": append("Well done :smilee:")},
        "docs/factores.en.md",
        ":smilee:",
        "':smilee:' is not an emoji or icon",
        "Did you mean ':smile:'?",
        count=1,
    ),
    Fault(
        "unknown-icon-shortcode",
        {"index.es.md": replace(":material-star-outline:", ":material-star-outlin:")},
        "docs/index.es.md",
        ":material-star-outlin:",
        "':material-star-outlin:' is not an emoji or icon",
        "Did you mean ':material-star-outline:'?",
        count=1,
    ),
    Fault(
        "bold-in-card-field",
        {ES_TYPE: replace("    - Dar privacidad", "    - Dar **privacidad**")},
        "docs/" + ES_TYPE,
        "**privacidad**",
        "is Markdown (bold (** or __)) in a card field",
        "plain text",
        count=1,
    ),
    Fault(
        "link-in-card-field",
        {EN_TYPE: replace("    - Stay calm", "    - Stay calm, see [speed](../factores.md)")},
        "docs/" + EN_TYPE,
        "see [speed]",
        "is Markdown (a link) in a card field",
        "plain text",
        count=1,
    ),
    Fault(
        "template-title-left",
        {ES_TYPE: replace("title: Cliente enojado", "title: Cliente de ejemplo")},
        "docs/" + ES_TYPE,
        "title: Cliente de ejemplo",
        "'Cliente de ejemplo' is the example text of templates/tipo-de-cliente.es.md",
        "Write this page's own text",
        count=1,
    ),
    Fault(
        "template-type-copied-with-its-id-changed",
        {
            f"tipos/nuevo.{language}.md": (ROOT / f"templates/tipo-de-cliente.{language}.md")
            .read_text(encoding="utf-8")
            .replace("id: tipo-de-cliente", "id: nuevo")
            .replace("    - momento-de-la-verdad.md#que-es-el-momento-de-la-verdad\n", "")
            for language in ("es", "en")
        },
        "docs/tipos/nuevo.es.md",
        "title:",
        "'Cliente de ejemplo' is the example text",
        "Write this page's own text",
        alone=False,
    ),
    Fault(
        "template-sentence-left",
        {"factores.en.md": append("A short piece of advice for the counter.")},
        "docs/factores.en.md",
        "A short piece",
        "is the example text of templates/pagina.en.md",
        "Write this page's own text",
        count=1,
    ),
    Fault(
        "english-page-still-spanish",
        {"factores.en.md": _spanish_body},
        "docs/factores.en.md",
        "Texto de los factores",
        "This English page is still in Spanish here",
        "Translate it from factores.es.md",
        count=1,
    ),
    Fault(
        "nav-section-without-english-name",
        {},
        "mkdocs.yml",
        "  - Para el mostrador:",
        "The menu entry 'Para el mostrador' has no English name",
        "Add 'Para el mostrador: <its English name>' under 'nav_translations:'",
        count=1,
        config=(("  - cards/index.md\n", "  - Para el mostrador:\n      - cards/index.md\n"),),
    ),
    Fault(
        "page-without-citation",
        {"factores.es.md": replace(" ([Instituto Guillermo Subercaseaux, sf.b](referencias.md#igs-sfb))", "")},
        "docs/factores.es.md",
        "Texto de los factores",
        "This page cites no source",
        "referencias.md#igs-sf",
        count=1,
    ),
    # Each problem once, on the file at fault.
    Fault(
        "twenty-items-in-spanish",
        {ES_TYPE: replace("    - Dar privacidad\n", "    - Dar privacidad\n" + "    - Otra\n" * 18)},
        "docs/" + ES_TYPE,
        "  attend:",
        "has 20 items; at most 6 fit",
        "Keep the 6",
        count=1,
    ),
    Fault(
        "mis-indented-item-in-spanish",
        {ES_TYPE: replace("    - Dar privacidad\n", "      - Dar privacidad\n")},
        "docs/" + ES_TYPE,
        "      - Dar privacidad",
        "indented further than the other items",
        "Indent it exactly like the item above",
        count=1,
    ),
    Fault(
        "latin-1",
        {"factores.es.md": lambda t: t.replace("Tratar bien.", "Trátalo bien.").encode("latin-1")},
        "docs/factores.es.md",
        "description:",  # its first letter that is not plain ASCII: "mínimo"
        "This file is not UTF-8 text.",
        "Reopen it in its own encoding, then save it as UTF-8",
        count=1,
    ),
    Fault(
        # The same file saved as UTF-8 without reopening it in its encoding: each accented letter lost.
        "latin-1-saved-as-utf-8",
        {"factores.es.md": lambda t: t.replace("Tratar bien.", "Trátalo bien.").encode("latin-1")
         .decode("utf-8", "replace")},
        "docs/factores.es.md",
        "description:",  # its first letter that is not plain ASCII: "mínimo"
        "There is a replacement character (\ufffd) at column",
        "Type each lost letter again",
        count=1,
    ),
    Fault(
        "no-closing-front-matter-line",
        {"factores.es.md": lambda t: t.replace("prueba.\n---\n", "prueba.\n\n", 1)},
        "docs/factores.es.md",
        1,
        "never closed: no '---' line ends it",
        "Add a line with '---'",
        count=1,
    ),
]


def _files(fault: Fault) -> dict:
    return apply(base_files(), fault.edits)


def _build(destination: Path, fault: Fault | None):
    project = make_project(destination, _files(fault) if fault else base_files())
    if fault and fault.config:
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        for old, new in fault.config:
            assert old in config
            config = config.replace(old, new, 1)
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return mkdocs_build(project, destination / "site", "--no-strict"), project


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    jobs = {"base": None, **{fault.name: fault for fault in FAULTS}}

    # Made here, once: threads asking for it at the same time would race to make it.
    tmp_path_factory.getbasetemp()

    def run(item):
        name, fault = item
        return name, _build(tmp_path_factory.mktemp(name), fault)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(pool.map(run, jobs.items()))


def test_the_base_site_builds_with_templates_beside_it(builds):
    result, project = builds["base"]
    assert (project / "templates").is_dir()
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_mistake_stops_the_build_once_on_the_file_at_fault(builds, fault):
    result, project = builds[fault.name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert output.count(REPORT_HEADER) == 1, output
    if isinstance(fault.at, int):
        line = fault.at
    elif fault.file == "mkdocs.yml":
        line = line_of((project / "mkdocs.yml").read_text(encoding="utf-8"), fault.at)
    else:
        line = line_of(_files(fault)[fault.file.removeprefix("docs/")], fault.at)
    entries = ENTRY.findall(output)
    assert any(
        where == fault.file and int(at) == line and fault.message in what and fault.hint in how
        for where, at, what, how in entries
    ), f"no problem reported at {fault.file}:{line}\n{output}"
    if fault.alone:
        assert {where for where, _, _, _ in entries} == {fault.file}, output
    if fault.count is not None:
        assert len(entries) == fault.count, output
        noun = "problem" if fault.count == 1 else "problems"
        assert f"{REPORT_HEADER}: {fault.count} {noun} to fix" in output


def test_an_unreadable_file_is_listed_first(tmp_path):
    files = apply(
        base_files(),
        {
            "factores.es.md": lambda t: t.encode("latin-1"),
            "index.en.md": append("<script>x</script>"),
            "factores.en.md": append("[a](http://example.com)"),
        },
    )
    result = mkdocs_build(make_project(tmp_path / "project", files), tmp_path / "site", "--no-strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert [where for where, _, _, _ in ENTRY.findall(output)] == [
        "docs/factores.es.md",
        "docs/factores.en.md",
        "docs/index.en.md",
    ], output


def test_additions_are_labelled_in_each_language(tmp_path):
    """`!!! aporte` boxes are titled with the label of the page's language; a type page's
    legend says once that its examples, channels and escalation are additions."""
    files = apply(
        base_files(),
        {
            "factores.es.md": append('!!! aporte\n    Un ejemplo propio.\n\n!!! aporte "Tabla"\n    Otra cosa.'),
            "factores.en.md": append('!!! aporte\n    An example of our own.\n\n!!! aporte "Table"\n    Another.'),
        },
    )
    project = make_project(tmp_path / "project", files)
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for folder, label, title in (("", "Aporte del manual", "Tabla"), ("en/", "Playbook addition", "Table")):
        html = (site / folder / "factores" / "index.html").read_text(encoding="utf-8")
        titles = re.findall(r'<div class="admonition aporte">\s*<p class="admonition-title">([^<]*)</p>', html)
        assert titles == [label, f"{label}: {title}"]
        card_page = (site / folder / "tipos" / "enojado" / "index.html").read_text(encoding="utf-8")
        # Said once, in a legend below the blocks, not as a badge on each list.
        assert len(re.findall(f'<p class="pb-addition-legend" data-search-exclude>{label}:', card_page)) == 1
        assert "pb-addition-label" not in card_page
