"""Each language's lunr index, made by the build beside its search index:
the fields and pipeline Material's worker expects, one vector per document."""

from __future__ import annotations

import pytest

from playbook import search_index
from support import lunr_index, page_url

LANGUAGES = ("es", "en")


def language_folder(site, language):
    return site / page_url("index", language) / "search"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_prebuilt_index(site, language):
    folder = language_folder(site, language)
    docs = lunr_index.read(folder)
    assert docs["format"] == search_index.FORMAT
    index = lunr_index.expanded(docs)
    assert index["version"] == "2.3.9"  # the lunr.js Material bundles
    assert index["fields"] == list(docs["config"]["fields"]) == ["title", "text", "tags", "keywords", "sources"]
    assert index["pipeline"] == ["stemmer" if language == "en" else "stemmer-es"]
    refs = {ref.split("/", 1)[1] for ref, _ in index["fieldVectors"]}
    assert refs == {doc["location"] for doc in docs["docs"]}
