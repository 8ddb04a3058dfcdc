"""Search: one index per language, Spanish stemming, and what staff type
finds the right page first."""

import pytest

from support import lunr_index

# What staff in a hurry type, and the page that must come first.
QUERIES = {
    "es": {
        "cliente enojado": "tipos/enojado/",
        "quejas": "funciones/",
        "reclamos": "funciones/",
        "fidelización": "estrategias/",
        "momento de la verdad": "momento-de-la-verdad/",
        "cliente conversador": "tipos/conversador/",
        "propuesta de valor": "optimizar/",
        "factores del servicio": "factores/",
        "Kotler": "referencias/",
        "definición de servicio": "que-es/",
        "cliente pasivo": "tipos/desconocedor/",
    },
    "en": {
        "angry customer": "tipos/enojado/",
        "complaints": "funciones/",
        "loyalty": "estrategias/",
        "moment of truth": "momento-de-la-verdad/",
        "talkative customer": "tipos/conversador/",
        "value proposition": "optimizar/",
        "service factors": "factores/",
        "Kotler": "referencias/",
        "definition of a service": "que-es/",
        "passive customer": "tipos/desconocedor/",
    },
}


@pytest.fixture(scope="module")
def indexes(site):
    return {language: lunr_index.load(site, language) for language in QUERIES}


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [(lang, q, page) for lang, queries in QUERIES.items() for q, page in queries.items()],
)
def test_query_finds_the_right_page_first(indexes, language, query, expected):
    index, _ = indexes[language]
    results = lunr_index.search(index, query)
    assert results, f"{query!r} found nothing"
    assert results[0].split("#")[0] == expected, f"{query!r} -> {results[:5]}"


@pytest.mark.parametrize("language", ["es", "en"])
def test_each_index_holds_one_language_only(indexes, language):
    _, data = indexes[language]
    assert data["config"]["lang"] == [language]
    locations = [doc["location"] for doc in data["docs"]]
    assert locations, "the index is empty"
    # English pages live below en/: an index with such addresses mixes languages.
    assert not any(location.startswith("en/") for location in locations)


def test_indexes_differ_by_language(indexes):
    titles = {
        language: {doc["title"] for doc in data["docs"] if "#" not in doc["location"]}
        for language, (_, data) in indexes.items()
    }
    assert "Enojado/a" in titles["es"] and "Enojado/a" not in titles["en"]


def test_spanish_search_is_stemmed(indexes):
    index, _ = indexes["es"]
    # "queja" and "quejas" share a stem: both find the functions page.
    assert lunr_index.search(index, "queja")[0].startswith("funciones/")
    assert lunr_index.search(index, "enojados")[0].startswith("tipos/enojado/")


def test_stemming_is_on_in_the_built_index(indexes):
    for _, data in indexes.values():
        assert "stemmer" in data["config"]["pipeline"]


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_cited_author_finds_the_passage_citing_them_with_no_citation_shown(indexes, language):
    """Results show no citation (hooks/playbook/search_index.py), yet a search for an author
    finds their entry in the references first and then the passage that cites them."""
    index, data = indexes[language]
    results = lunr_index.search(index, "Kotler")
    assert results[0] == "referencias/#kotler-2007", results[:5]
    assert "que-es/#definicion-kotler" in results, results[:5]
    definition = next(doc for doc in data["docs"] if doc["location"] == "que-es/#definicion-kotler")
    assert "Kotler" not in definition["text"]
