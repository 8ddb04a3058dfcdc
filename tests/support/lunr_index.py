"""The built search index, searched the way the browser searches it.

The Python `lunr` package implements lunr.js's algorithm. Its own language
support downloads nltk data at run time, so the Spanish pipeline is made here
from what the built site ships to browsers: the stop words of Material's
``lunr.es`` and the Snowball stemmer (the algorithm lunr-languages compiles).
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import snowballstemmer
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import stemmer as english_stemmer
from lunr.stop_word_filter import stop_word_filter as english_stop_word_filter
from lunr.trimmer import trimmer

TAG = re.compile(r"<[^>]+>")


def spanish_stop_words(site: Path) -> set[str]:
    """The stop words the site's own lunr.es uses."""
    script = (site / "assets/javascripts/lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    words = re.search(r'generateStopWordFilter\("([^"]+)"', script)
    assert words, "lunr.es no longer lists its stop words where expected"
    return set(words.group(1).split())


@cache
def _spanish_stemmer():
    return snowballstemmer.stemmer("spanish")


def _spanish_pipeline(site: Path):
    stop_words = spanish_stop_words(site)

    def stop_word_filter_es(token, i, tokens):
        return None if str(token) in stop_words else token

    def stemmer_es(token, i, tokens):
        return token.update(lambda text, metadata: _spanish_stemmer().stemWord(text))

    # lunr.es's trimmer keeps accented letters; the English trimmer strips them.
    def trimmer_es(token, i, tokens):
        return token.update(
            lambda text, metadata: re.sub(r"^[^\wÀ-ÿ]+|[^\wÀ-ÿ]+$", "", text)
        )

    for fn, label in (
        (trimmer_es, "trimmer-es"),
        (stop_word_filter_es, "stopWordFilter-es"),
        (stemmer_es, "stemmer-es"),
    ):
        if label not in Pipeline.registered_functions:
            Pipeline.register_function(fn, label)
    return [trimmer_es, stop_word_filter_es, stemmer_es], [stemmer_es]


def load(site: Path, language: str):
    """Build a lunr index from the site's search index of ``language``."""
    folder = site if language == "es" else site / language
    data = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["lang"] == [language]
    builder = Builder()
    if language == "es":
        pipeline, search_pipeline = _spanish_pipeline(site)
    else:
        pipeline = [trimmer, english_stop_word_filter, english_stemmer]
        search_pipeline = [english_stemmer]
    builder.pipeline.add(*pipeline)
    builder.search_pipeline.add(*search_pipeline)
    builder.ref("location")
    fields = data["config"]["fields"]
    builder.field("title", boost=fields["title"]["boost"])
    builder.field("text", boost=fields["text"]["boost"])
    for doc in data["docs"]:
        builder.add(
            {
                "location": doc["location"],
                "title": html.unescape(TAG.sub(" ", doc["title"])),
                "text": html.unescape(TAG.sub(" ", doc["text"])),
            }
        )
    return builder.build(), data


def search(index, query: str) -> list[str]:
    """Locations, best first, as lunr scores them for ``query``."""
    terms = re.split(r"[\s\-]+", query.strip().lower())
    return [result["ref"] for result in index.search(" ".join(terms))]
