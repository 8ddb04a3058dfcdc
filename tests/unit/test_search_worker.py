"""The search worker's script, made without a build (hooks/playbook/search_worker.py,
hooks/search_per_language.py): Material's worker and lunr's language scripts
in one script per language, and the page told where it is. The built pages
are checked in tests/build/test_search_worker.py, the script at work in
tests/browser/test_search_worker.py."""

from __future__ import annotations

import json
import re

import pytest

from playbook import search, search_worker

CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
MATERIAL = "/* Material's worker */ self.lunr = {}\n//# sourceMappingURL=search.0123abcd.min.js.map\n"
LUNR = {"lunr.stemmer.support.min.js": "/* support */ lunr.support = 1",
        "lunr.es.min.js": "/* es */ lunr.es = 1"}


# The script, made


def test_the_script_holds_materials_worker_and_lunrs_at_the_mark():
    source = search_worker.SOURCE.read_text(encoding="utf-8")
    script = search_worker.bundle(source, MATERIAL, LUNR)
    material = script.index("self.lunr = {}")
    # Ours before Material's (it listens first), the language's after it
    # (they need lunr), the query stemming last (it patches lunr).
    assert script.index("addEventListener(") < material < script.index("lunr.support = 1") \
        < script.index("lunr.es = 1") < script.index("lunr.Index.prototype.query")
    assert 'const BUNDLED = ["lunr.stemmer.support.min.js", "lunr.es.min.js"]' in script
    assert "sourceMappingURL" not in script
    # Material's "use strict" holds in a function of its own.
    assert '(function () {\n/* Material\'s worker */ self.lunr = {}\n})();' in script
    # Our comments go; Material's and lunr's scripts go in as they are.
    assert "MARK:" not in script and "/* Material appends" not in script and "Our search:" not in script
    assert "/* support */" in script


def test_a_worker_source_without_its_mark_stops_the_build():
    with pytest.raises(ValueError, match=re.escape(search_worker.MARK)):
        search_worker.bundle("const address = 1\n", MATERIAL, LUNR)


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
        app = json.loads(CONFIG.search(search.configure_search(html, prefix, worker, suggest)).group(1))
        address = "../" + worker + query
        assert app["search"] == address
        # The page's head starts the worker at the same address.
        assert search.worker_address("..", prefix, worker, suggest) == address
        assert app["base"] == ".." + ("/en/" if prefix else "")
    # The 404 pages have root-absolute addresses.
    assert search.worker_address("/", "en/", worker) == "/" + worker + "?index=../../../en/search/lunr_index.json"
    assert search.worker_address("/sub/", "", worker) == "/sub/" + worker + "?index=../../../search/lunr_index.json"


def test_materials_page_script_reads_the_settings_alone():
    index = {"config": {"lang": ["es"], "separator": "[\\s]+", "fields": {"title": {}}},
             "docs": [{"location": "a/", "title": "A"}]}
    assert json.loads(search.page_index(index)) == {"config": index["config"], "docs": []}
