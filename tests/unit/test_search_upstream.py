"""What search and the page's weight rely on inside other projects, read from
the installed copies: Material's page script and search worker, the lunr.js
MkDocs ships, lunr.py's builder, lunr-languages' Spanish script. Each
test names the upstream, the version the reach was checked against, what
is no longer there and where to look again, so that an upgrade fails here
instead of leaving a search that silently stops answering."""

from __future__ import annotations

import importlib.metadata
import inspect
import re
from pathlib import Path

import material
import pytest
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from playbook import search_index, search_worker
from support import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
WORKER = "hooks/playbook/search_worker.js (useMaterial, at its end)"
PAGE = "overrides/partials/material-page.html"


def read(folder: Path, pattern: str) -> str:
    (path,) = folder.glob(pattern)
    return path.read_text(encoding="utf-8")


def expect(text: str, shapes: dict[str, str], upstream: str, where: str) -> None:
    """Every shape (what we rely on: a regular expression) is in ``text``."""
    missing = [what for what, shape in shapes.items() if not re.search(shape, text)]
    assert not missing, (f"{upstream} no longer shows what we rely on: {'; '.join(missing)}. "
                         f"Re-check {where} against it.")


@pytest.mark.parametrize("package, checked, where", [
    *((package, version, "hooks/playbook/search_worker.py, " + (f"{PAGE}, {WORKER}"
                                                                 if package == "mkdocs-material" else "LUNR_JS"))
      for package, version in search_worker.CHECKED.items()),
    *((package, version, "hooks/playbook/search_index.py (MaterialBuilder)")
      for package, version in search_index.CHECKED.items()),
])
def test_the_versions_checked_are_the_ones_installed(package, checked, where):
    installed = importlib.metadata.version(package)
    assert installed == checked, (
        f"{package} is {installed}; search reaches into it as {checked} was: run this file's tests, "
        f"re-check {where} against {installed}, then set CHECKED there to {installed!r}.")


def test_materials_page_script_starts_its_worker_and_reads_what_we_hand_it():
    """The early script hands Material's page script the worker it started
    (window.Worker, at the address in __config's "search"), and English pages
    move __config's "base" to en/, where the search settings are."""
    bundle = read(MATERIAL / "assets" / "javascripts", "bundle.*.min.js")
    expect(bundle, {
        "its search worker started as `new Worker(address)`": r"=new Worker\(\w+\)",
        "that address read from __config's `search`": r"\w+\(\w+\.search,",
        "__config read from <script id=\"__config\">": r'"#__config"',
        "the search settings read at search/search_index.json below `base`":
            r'new URL\("search/search_index\.json",\w+\.base\)',
        "the worker's messages: 0 setup, 1 ready, 2 query, 3 result": r"\.type===3",
    }, f"Material {search_worker.CHECKED['mkdocs-material']}'s page script (bundle.js)",
       f"{PAGE} (start_search_worker) and hooks/playbook/search_worker.py (configure_search)")
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    expect(base, {"__config written as JSON": r'<script id="__config" type="application/json">'},
           f"Material {search_worker.CHECKED['mkdocs-material']}'s base.html",
           "hooks/playbook/search_worker.py (configure_search)")


def test_materials_page_script_fetches_a_sitemap_below_each_alternate():
    """Why the page drops its hreflang links before Material's script runs."""
    bundle = read(MATERIAL / "assets" / "javascripts", "bundle.*.min.js")
    expect(bundle, {
        "the alternates read from link[rel=alternate]": r'"link\[rel=alternate\]"',
        "a sitemap.xml fetched below each": r'new URL\("sitemap\.xml",',
    }, f"Material {search_worker.CHECKED['mkdocs-material']}'s page script (bundle.js)",
       f"{PAGE} (drop_alternates): it may not be needed any more")


def test_materials_worker_is_what_the_fallback_loads():
    """For an index in another form, our worker loads Material's, beside it,
    which sets the global lunr, listens for the setup message, loads the
    language's lunr scripts from ../lunr/min/, and searches through
    lunr.Index's query (which the fallback extends)."""
    worker = read(MATERIAL / "assets" / "javascripts" / "workers", "search.*.min.js")
    expect(worker, {
        "lunr set up as the global `lunr`": r"self\.lunr=",
        "a message listener": r'addEventListener\("message",',
        "the language's scripts loaded with importScripts from ../lunr/min/":
            r'"\.\./lunr".*importScripts\(`\$\{\w+\}/min/lunr\.stemmer\.support\.min\.js`',
        "setup (0) answered with ready (1), a query (2) with a result (3)":
            r"case 0:.*\{type:1\}.*case 2:.*\{type:3,",
        "results searched by lunr.Index's search and suggestions by its query":
            r"this\.index\.search\(.*this\.index\.query\(",
        "each section's page in `parent`": r"\.parent",
        "lunr 2.3.9": r'version="2\.3\.9"',
    }, f"Material {search_worker.CHECKED['mkdocs-material']}'s search worker", WORKER)
    name = next((MATERIAL / "assets" / "javascripts" / "workers").glob("search.*.min.js")).name
    assert search_worker.MATERIAL_WORKER.match(f"{search_worker.FOLDER}/{name}"), (
        f"Material's search worker is now {name}: re-check hooks/playbook/search_worker.py (MATERIAL_WORKER).")
    for name in search_worker.lunr_scripts("es"):
        assert (MATERIAL / search_worker.LUNR / name).is_file(), (
            f"Material no longer ships {search_worker.LUNR}/{name}: re-check hooks/playbook/search_worker.py.")


def test_materials_tokenizer_is_what_the_build_reproduces():
    """Material's worker splits each field at the separator as a JavaScript
    regular expression with no "u" or "i" flag (ASCII's \\w, \\d and \\b,
    which js_regex matches with re.ASCII), stepping past a match of no length."""
    worker = read(MATERIAL / "assets" / "javascripts" / "workers", "search.*.min.js")
    expect(worker, {
        "the separator made with no flags": r"lunr\.tokenizer\.separator=new RegExp\(\w+\.separator\)",
        "the split's copy of it with the g flag alone": r'\w+=new RegExp\(\w+,"g"\)',
        "a match of no length stepped past": r"\.lastIndex=\w+\.index\+1",
    }, f"Material {search_worker.CHECKED['mkdocs-material']}'s search worker",
       "hooks/playbook/search_index.py (js_regex, split)")


def test_mkdocs_lunr_js_has_the_sections_the_worker_leaves_out():
    """The worker carries MkDocs' lunr.js without the sections it never calls:
    each a top-level `lunr.<Name> = `, and the same lunr as Material's worker."""
    assert search_worker.LUNR_JS.is_file(), (
        f"MkDocs {search_worker.CHECKED['mkdocs']} shipped lunr.js at {search_worker.LUNR_JS.name} "
        "(mkdocs/contrib/search/templates/search/); it is gone: re-check LUNR_JS in hooks/playbook/search_worker.py.")
    source = search_worker.LUNR_JS.read_text(encoding="utf-8")
    expect(source, {
        'lunr 2.3.9 (lunr.version = "2.3.9"), as in Material\'s worker': r'(?m)^lunr\.version = "2\.3\.9"$',
        "lunr exported as the global `lunr`": r"root\.lunr = factory\(\)",
        **{f"the section lunr.{name}": rf"(?m)^lunr\.{name} = " for name in search_worker.LUNR_UNUSED},
        "lunr.Index.prototype.query(fn), which the fallback extends":
            r"lunr\.Index\.prototype\.query = function \(fn\)",
        "a query's clauses in `clauses`": r"this\.clauses = \[\]",
    }, f"MkDocs {search_worker.CHECKED['mkdocs']}'s lunr.js",
       f"hooks/playbook/search_worker.py (LUNR_UNUSED) and {WORKER}")


def test_lunr_py_builder_has_the_workings_material_builder_reaches_into():
    source = inspect.getsource(Builder)
    expect(source, {
        f"Builder's {name}": rf"self\.{name}\b" for name in (
            "_ref", "_fields", "_documents", "_b", "_k1", "inverted_index", "field_term_frequencies",
            "field_lengths", "term_index", "average_field_length", "field_vectors", "pipeline",
            "search_pipeline", "document_count")
    } | {"build() calling _create_field_vectors()": r"self\._create_field_vectors\(\)"},
        f"lunr.py {search_index.CHECKED['lunr']} (lunr/builder.py)", "hooks/playbook/search_index.py (MaterialBuilder)")
    assert isinstance(Pipeline.registered_functions, dict), (
        f"lunr.py {search_index.CHECKED['lunr']}'s Pipeline no longer keeps registered_functions: "
        "re-check hooks/playbook/search_index.py (the registered stemmers).")


def test_lunr_es_holds_its_letters_and_stop_words_where_the_build_reads_them():
    script = (MATERIAL / search_worker.LUNR / "lunr.es.min.js").read_text(encoding="utf-8")
    letters, stop_words = search_index.spanish_language(script)
    assert re.fullmatch(f"[{letters}]+", "ñandú") and {"de", "la", "que"} <= stop_words, (
        f"Material {search_worker.CHECKED['mkdocs-material']}'s lunr.es.min.js gives other letters or stop "
        "words: re-check hooks/playbook/search_index.py (spanish_language).")


def test_the_page_partial_names_the_version_it_was_checked_against():
    text = (ROOT / PAGE).read_text(encoding="utf-8")
    assert f"Material for MkDocs {search_worker.CHECKED['mkdocs-material']}" in text
