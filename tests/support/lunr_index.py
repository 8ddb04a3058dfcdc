"""The built search index, searched the way the browser searches it.

Each language's lunr index is the one the build wrote
(``search/lunr_index.json`` and the chunks it names, the worker's files,
joined and turned back into lunr's),
loaded with lunr.py, the Python port of lunr.js
(the browser's stemmers: hooks/playbook/search_index.py). A query goes
through what the browser does to it: Material's worker turns each typed word
into a prefix ("quejas*"), ours adds the word through the pipeline (stem
meets stem) and leaves out the stop words typed in full, and Material then boosts each result by the share of the typed
words it matched, and groups the results by page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lunr.index import Index
from lunr.query import Query, QueryPresence
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.token import Token

from playbook import search_index  # (registers lunr.es's stemmer label)


def is_worker_file(url: str) -> bool:
    """Whether a request is for a search worker's manifest (search/lunr_index.json),
    not for the worker's script, whose address names that file (?index=)."""
    return urlsplit(url).path.endswith("/search/lunr_index.json")


def search_file(url: str) -> str:
    """The name of a file below a language's search/ folder ("" for any other address)."""
    _, found, name = urlsplit(url).path.rpartition("/search/")
    return unquote(name) if found else ""


def read(folder: Path) -> dict:
    """A language's worker files (its search/ folder: the manifest and its
    chunks) joined, in the form hooks/playbook/search_index.py's compact gives."""
    manifest = json.loads((folder / search_index.MANIFEST).read_text(encoding="utf-8"))

    def part(name: str):
        return json.loads((folder / name).read_text(encoding="utf-8"))
    chunks = [part(f"{manifest['folder']}/t{n}.json") for n in range(len(manifest["terms"]))]
    return {**{key: manifest[key] for key in ("format", "version", "config", "fields", "pipeline")},
            "docs": [doc for page in part(f"{manifest['folder']}/pages.json")
                     for doc in part(search_index.page_file({"location": page[0]}))],
            "terms": [term for terms, _ in chunks for term in terms],
            "postings": [posting for _, postings in chunks for posting in postings]}


def route(page, data: dict) -> None:
    """Serve ``data`` (compact's form) to ``page`` as the worker's files of any language."""
    files = search_index.chunks(data)
    page.route(lambda url: search_file(url) in files, lambda route: route.fulfill(
        status=200, content_type="application/json", body=files[search_file(route.request.url)]))


def expanded(data: dict) -> dict:
    """The worker's file (hooks/playbook/search_index.py's compact) back as a
    lunr serialised index (what lunr.Index.load takes), without positions:
    terms numbered in their order. A file in another form is refused, as
    the worker refuses it."""
    if data.get("format") != search_index.FORMAT:
        raise search_index.SearchIndexError(f"the index is not in the form {search_index.FORMAT}")
    fields, locations = data["fields"], [doc["location"] for doc in data["docs"]]
    if len(data["postings"]) != len(data["terms"]):
        raise search_index.SearchIndexError(f"{len(data['terms'])} terms but {len(data['postings'])} postings")
    vectors: dict[str, list] = {}
    inverted = []
    for term_index, (term, flats) in enumerate(zip(data["terms"], data["postings"], strict=True)):
        posting: dict = {"_index": term_index}
        for field, flat in zip(fields, flats, strict=True):
            found, n = {}, 0
            for step, weight in zip(flat[::2], flat[1::2], strict=True):
                n += step
                found[locations[n]] = {}
                vectors.setdefault(f"{field}/{locations[n]}", []).extend((term_index, weight))
            posting[field] = found
        inverted.append([term, posting])
    return {"version": data["version"], "fields": fields, "fieldVectors": list(vectors.items()),
            "invertedIndex": inverted, "pipeline": data["pipeline"]}


def load(site: Path, language: str):
    """A language's prebuilt lunr index, and the worker's files it came from (config, docs, index)."""
    folder = site if language == "es" else site / language
    data = read(folder / "search")
    assert data["config"]["lang"] == [language]
    index = Index.load(expanded(data))
    index.separator = search_index.js_regex(data["config"]["separator"])
    script = (site / "assets/javascripts/lunr/min/lunr.es.min.js").read_text(encoding="utf-8")
    steps, _ = search_index.pipelines(language, data["config"]["pipeline"], script)
    index.stop_word_filter = next(step for step in steps if step.label.startswith("stopWordFilter"))
    return index, data


def words(index, query: str) -> list[str]:
    """The words Material's worker makes of a query: split at spaces and at the separator."""
    return [query[start:end].lower() for start, end in search_index.split(query.strip(), index.separator)]


def _results(index, query: str):
    """lunr's results and, per result, which typed words it matched (as Material reckons)."""
    typed = words(index, query)
    q = index.create_query()
    stems = {}
    # Our worker: a stop word typed in full (a word follows it) is left out.
    dropped = {word for word in typed[:-1] if index.stop_word_filter(Token(word)) is None}
    for word in typed:
        if word in dropped:
            continue
        q.clause(term=word + "*", use_pipeline=False, wildcard=Query.WILDCARD_TRAILING)
        # Our worker: the word through the pipeline too, unless it is its own stem.
        found = index.pipeline.run_string(word)
        if found != [word]:
            stems[word] = found
            q.clause(term=word, use_pipeline=True, presence=QueryPresence.OPTIONAL)
    results = index.query(q)
    for result in results:
        matched = list(result["match_data"].metadata)
        terms = {}
        for word in typed:
            if word in dropped or any(term.startswith(word) for term in matched) or any(
                    term.startswith(stem) for stem in stems.get(word, []) for term in matched):
                terms[word] = True
            elif word not in ENGLISH_STOP_WORDS:
                terms.setdefault(word, False)
        result["terms"] = terms
    return results


def search(index, query: str) -> list[str]:
    """Locations (pages and their sections), best first, as Material scores them."""
    scored = []
    for result in _results(index, query):
        terms = result["terms"]
        share = sum(terms.values()) / len(terms) if terms else 0
        boost = (0 if "#" in result["ref"] else 1) + share
        scored.append((result["score"] * (1 + boost ** 2), result["ref"]))
    # Python's sort, like JavaScript's, keeps lunr's order among equals.
    scored.sort(key=lambda item: -item[0])
    return [ref for _, ref in scored]


def pages(index, query: str) -> list[str]:
    """The pages staff see, in order: results grouped by page, as Material groups them."""
    seen = {}
    for location in search(index, query):
        seen.setdefault(location.split("#")[0], None)
    return list(seen)


def page_text(data: dict, page: str) -> str:
    """What a page says, as search reads it: its own and its sections' titles and text."""
    return " ".join(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
                    for doc in data["docs"] if doc["location"].split("#")[0] == page)
