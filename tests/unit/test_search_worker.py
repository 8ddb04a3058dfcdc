"""The search worker's script, made without a build (hooks/playbook/search_worker.py,
hooks/search_per_language.py): lunr, lunr's language scripts and ours in one
script per language, and the page told where it is. The built pages
are checked in tests/build/test_search_worker.py, the script at work in
tests/browser/test_search_worker.py."""

from __future__ import annotations

import json
import re

from playbook import search_worker

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
LUNR = ["/* support */ lunr.support = 1", "/* es */ lunr.es = 1"]


# The script, made


def test_the_script_holds_lunr_the_languages_scripts_and_ours_in_that_order():
    source = search_worker.SOURCE.read_text(encoding="utf-8")
    script = search_worker.bundle(source, "var lunr = {} /* lunr's core */", LUNR, "search.0123abcd.min.js")
    # lunr first, the language's after it (they need lunr), ours last (it
    # uses both), told where Material's worker is.
    assert script.index("var lunr={}") < script.index("lunr.support = 1") < script.index("lunr.es = 1") \
        < script.index('const MATERIAL_WORKER = "search.0123abcd.min.js";') < script.index("addEventListener(")
    # Our comments go; lunr's language scripts go in as they are.
    assert "lunr's core" not in script and "Our search:" not in script
    assert "/* support */" in script


def test_the_worker_holds_lunr_without_the_parts_it_never_calls():
    core = search_worker.lunr_core()
    assert "lunr.TokenSet = " in core and "lunr.QueryParser = " in core and "lunr.Pipeline = " in core
    for name in search_worker.LUNR_UNUSED:
        assert f"\nlunr.{name} = " not in core, name
    # Nothing left calls what went (past the lunr() function, which builds an
    # index), comments aside.
    code = re.sub(r"^\s*//.*$", "", re.sub(r"/\*.*?\*/", "", core, flags=re.S), flags=re.M)
    code = code[code.index("lunr.version = "):]
    assert "lunr.TokenSet.Builder" in code
    for name in search_worker.LUNR_UNUSED:
        assert not re.search(rf"\blunr\.{name}\b", code), name


def test_english_needs_no_lunr_script_and_other_languages_lunrs_two():
    assert search_worker.lunr_scripts("en") == []
    assert search_worker.lunr_scripts("es") == ["lunr.stemmer.support.min.js", "lunr.es.min.js"]


def test_the_worker_is_told_where_its_file_is_and_whether_the_site_suggests_terms():
    html = ('<script id="__config" type="application/json">'
            '{"base": "..", "search": "../assets/javascripts/workers/search.0123abcd.min.js"}</script>')
    worker = "assets/javascripts/workers/search.es.89abcdef.min.js"
    for prefix, suggest, query in (("", False, "?index=../../../search/lunr_index.json"),
                                   ("", True, "?index=../../../search/lunr_index.json&suggest"),
                                   ("en/", False, "?index=../../../en/search/lunr_index.json")):
        app = json.loads(CONFIG.search(search_worker.configure_search(html, prefix, worker, suggest)).group(1))
        address = "../" + worker + query
        assert app["search"] == address
        # The page's head starts the worker at the same address.
        assert search_worker.worker_address("..", prefix, worker, suggest) == address
        assert app["base"] == ".." + ("/en/" if prefix else "")
    # The 404 pages have root-absolute addresses.
    index = "?index=../../../{}search/lunr_index.json"
    assert search_worker.worker_address("/", "en/", worker) == "/" + worker + index.format("en/")
    assert search_worker.worker_address("/sub/", "", worker) == "/sub/" + worker + index.format("")
