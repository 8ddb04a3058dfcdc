"""The search index the build makes (hooks/playbook/search_index.py), on data
in memory: Material's separator, blocks and positions as JavaScript reckons
them, and clear messages where the browser's index cannot be matched."""

from __future__ import annotations

import pytest

from playbook import search_index


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


def test_the_compact_index_is_lunrs_index_with_documents_by_number():
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
              "fields": {"title": {"boost": 1000.0}, "text": {}}}
    docs = [{"location": "angry/", "title": "Angry customer", "text": "<p>Listen, then act.</p>"},
            {"location": "angry/#listen", "title": "Listen", "text": "<p>Listen first</p><p>listen again</p>"},
            {"location": "faq/", "title": "Questions", "text": ""},
            # Past block 2047 a position is negative (see above): its steps still add up.
            {"location": "long/", "title": "Long", "text": "<i>x</i>" * 2049 + "<p>listen</p>"}]
    index = search_index.build(config, docs)
    compact = search_index.compact(index, docs)
    assert compact["documents"] == len(compact["vectors"]) == 4
    # No address in the postings: each term's are numbers only.
    assert all(isinstance(number, int) for entry in compact["invertedIndex"] for flat in entry[2:]
               for number in flat)
    assert search_index.expanded(compact, docs) == index
    listen = dict(index["invertedIndex"])["listen"]
    assert set(listen["text"]) == {"angry/", "angry/#listen", "long/"}
    assert len(listen["text"]["angry/#listen"]["position"]) == 2


def test_a_compact_index_of_other_documents_is_refused():
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {"title": {}}}
    docs = [{"location": "a/", "title": "One"}, {"location": "b/", "title": "Two"}]
    compact = search_index.compact(search_index.build(config, docs), docs)
    with pytest.raises(search_index.SearchIndexError, match="for these 1 documents"):
        search_index.expanded(compact, docs[:1])
    with pytest.raises(search_index.SearchIndexError, match="not in the form"):
        search_index.expanded({**compact, "format": "lunr"}, docs)
