"""The search index the build makes (hooks/playbook/search_index.py), on data
in memory: Material's separator, blocks and positions as JavaScript reckons
them, and clear messages where the browser's index cannot be matched."""

from __future__ import annotations

import json

import pytest

from playbook import search_index
from support import lunr_index


def test_a_language_without_a_known_pipeline_stops_with_a_message():
    config = {"lang": ["fr"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {"title": {}}}
    with pytest.raises(search_index.SearchIndexError, match="no search pipeline is known for the language 'fr'"):
        search_index.build(config, [{"location": "", "title": "Bonjour"}])
    with pytest.raises(search_index.SearchIndexError, match="one language per index"):
        search_index.build({**config, "lang": ["en", "es"]}, [])
    with pytest.raises(search_index.SearchIndexError, match="lunr.es no longer holds"):
        search_index.build({**config, "lang": ["es"]}, [], script="/* not lunr.es */")


def test_the_separator_matches_as_javascript_matches_it():
    separator = search_index.js_regex(r"[\s\-]+|\d+|(?!\b)(?=[A-Z][a-z])")
    # JavaScript's \s knows no U+0085 and does know U+00A0.
    assert list(search_index.split("a\u0085b\u00a0c", separator)) == [(0, 3), (4, 5)]
    # Its \d is ASCII's: an Arabic-Indic three is no digit.
    assert list(search_index.split("x\u0663y 12z", separator)) == [(0, 3), (6, 7)]
    # Its \b too: "é" is no word character, so "éZa" has a word boundary before Z.
    assert list(search_index.split("fooBar", separator)) == [(0, 3), (3, 6)]
    assert list(search_index.split("\u00e9Za", separator)) == [(0, 3)]
    # \W and \D are ASCII's too, inside [...] as well.
    assert list(search_index.split("1\u06632", search_index.js_regex(r"[\D]"))) == [(0, 1), (2, 3)]
    assert list(search_index.split("ab\u00e9c", search_index.js_regex(r"[\W]"))) == [(0, 2), (3, 4)]
    with pytest.raises(search_index.SearchIndexError, match="inside"):
        search_index.js_regex(r"[\S]")


def test_positions_follow_materials_blocks_and_tags():
    separator = search_index.js_regex(r"[\s\-]+")
    tokens = search_index.tokenize("<p>Hola <b>mundo</b> feliz</p> fin", separator)
    # A block per top-level element, its opening tag entry 0; text in inner tags counts.
    assert [(word, position >> 20, position & 0xFFFFF) for word, position in tokens] == [
        ("hola", 0, 1), ("mundo", 0, 2), ("feliz", 0, 3), ("fin", 1, 0)]
    # Past block 2047, JavaScript's 32-bit shift makes the position negative.
    many = search_index.tokenize("<i>x</i>" * 2049, separator)
    assert many[2048][1] == -(2 ** 31) + 1


def test_the_workers_files_are_lunrs_index_searched_as_it_is(monkeypatch, tmp_path):
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
              "fields": {"title": {"boost": 1000.0}, "text": {}}}
    docs = [{"location": "angry/", "title": "Angry customer", "text": "<p>Listen, then act.</p>"},
            {"location": "angry/#listen", "title": "Listen", "text": "<p>Listen first</p><p>listen again</p>"},
            {"location": "faq/", "title": "Questions", "text": ""},
            {"location": "long/", "title": "Long", "text": "<i>x</i>" * 2049 + "<p>listen</p>"}]
    index = search_index.build(config, docs)
    data = search_index.compact(index, {"config": config, "docs": docs})
    assert data["format"] == search_index.FORMAT and data["docs"] == docs and data["config"] == config
    # Terms in JavaScript's order, each with its postings per field.
    assert data["terms"] == sorted(data["terms"], key=lambda term: term.encode("utf-16-be"))
    assert len(data["postings"]) == len(data["terms"])
    listen = data["postings"][data["terms"].index("listen")]
    text = data["fields"].index("text")
    # (document step, weight): documents 0, 1 and 3; the weight is lunr's vector element.
    assert listen[text][0::2] == [0, 1, 2]
    vectors = dict(index["fieldVectors"])
    term_index = dict(index["invertedIndex"])["listen"]["_index"]
    for n, weight in zip((0, 1, 3), listen[text][1::2], strict=True):
        elements = vectors[f"text/{docs[n]['location']}"]
        assert dict(zip(elements[::2], elements[1::2], strict=True))[term_index] == weight
    # Split into the worker's files (a chunk per term here) and joined again, it is the same.
    monkeypatch.setattr(search_index, "CHUNK", 1)
    files = search_index.chunks(data)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert lunr_index.read(tmp_path) == data
    manifest = json.loads(files[search_index.MANIFEST])
    assert manifest["terms"] == data["terms"]
    # A page and its sections in one file; the list of pages names each once, with its documents.
    assert [page[:3] for page in json.loads(files[f"{manifest['folder']}/pages.json"])] == [
        ["angry/", "Angry customer", 2], ["faq/", "Questions", 1], ["long/", "Long", 1]]
    # Back as lunr's index, it scores as the one built: same documents, same scores.
    from lunr.index import Index
    built, loaded = Index.load(index), Index.load(lunr_index.expanded(data))
    for query in ("listen", "angry customer", "list*", "question"):
        assert [(r["ref"], round(r["score"], 9)) for r in built.search(query)] == \
               [(r["ref"], round(r["score"], 9)) for r in loaded.search(query)], query


def test_a_file_in_another_form_is_refused():
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {"title": {}}}
    docs = [{"location": "a/", "title": "One"}, {"location": "b/", "title": "Two"}]
    data = search_index.compact(search_index.build(config, docs), {"config": config, "docs": docs})
    with pytest.raises(search_index.SearchIndexError, match="not in the form"):
        lunr_index.expanded({**data, "format": "playbook-lunr-1"})
    with pytest.raises(search_index.SearchIndexError, match="terms but"):
        lunr_index.expanded({**data, "postings": data["postings"][:1]})


def test_results_show_the_description_first_and_no_citation():
    index = {"config": {}, "docs": [
        {"location": "factores/", "title": "Factores",
         "text": "<p>Son seis (Servicio al cliente, mapa mental anónimo, sf.). Úsalos.</p>"},
        {"location": "factores/#rapidez", "title": "Rapidez",
         "text": "<p>La rapidez cuenta (Instituto Guillermo Subercaseaux, sf.a, p. 3).</p> <p>(a veces)</p>"},
        {"location": "tipos/enojado/", "title": "Enojado/a", "text": "<p>Calma &amp; privacidad.</p>"},
    ]}
    leads = {"factores/": "Los seis factores.", "tipos/enojado/": "Calma & privacidad."}
    words = {"tipos/enojado/": ["furioso", "molesto"]}
    scanned = search_index.for_staff(index, leads, words, {"Subercaseaux", "anónimo"})
    docs = scanned["docs"]
    assert [doc["text"] for doc in docs] == [
        "<p>Los seis factores.</p> <p>Son seis. Úsalos.</p>",
        "<p>La rapidez cuenta.</p> <p>(a veces)</p>",
        "<p>Calma &amp; privacidad.</p>",  # a type's summary is its text already: not twice
    ]
    # The authors a citation named stay searchable in a field of their own, never shown.
    assert [doc.get("sources") for doc in docs] == ["anónimo", "Subercaseaux", None]
    assert scanned["config"]["fields"]["sources"] == {"boost": 1}
    # Staff's words for a page are in its article's own field, as strong as its title (unboosted here: 1).
    assert [doc.get("keywords") for doc in docs] == [None, None, "furioso, molesto"]
    assert scanned["config"]["fields"]["keywords"] == {"boost": 1}
    assert search_index.for_staff(index, {}, {}, set())["docs"] == index["docs"]
