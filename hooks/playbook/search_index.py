"""Each language's lunr index, built once when the site is built.

Material's search worker builds a lunr index from the search index's documents
on every page load. This module builds the same index with lunr.py, the Python
port of lunr.js, and writes it, with the documents, as the files our worker
searches as they come (``compact``, split by ``chunks``): Material's tokenizer (aware of markup), the
language's pipeline as lunr.js and lunr-languages run it in the browser
(trimmer, stop words, stemmer) and Material's settings (``b = 0``, the field
boosts). English stems with lunr.js's own Porter stemmer, ported here line
for line (lunr.py's differs on words such as "away"). For Spanish, the stop
words and the trimmer's letters are read from the ``lunr.es`` script the site
ships, and the stemmer is Snowball's, the algorithm lunr-languages compiles.
Plain Python over the index's ``config`` and ``docs``; the tests prove the
browser builds the same index and stems every word of the corpus alike.
"""

from __future__ import annotations

import functools
import html
import itertools
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator

import snowballstemmer
from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import WORDS as ENGLISH_STOP_WORDS
from lunr.vector import Vector

from .cache import digest
from .label_files import said

# The lunr.py version whose builder's workings MaterialBuilder reaches into
# (its private fields and _create_field_vectors): tests/unit/test_search_upstream.py
# fails, naming what changed, when the installed one differs.
CHECKED = {"lunr": "0.8.0"}

# The languages whose pipeline this module knows: lunr's own English, and lunr-languages' Spanish.
LANGUAGES = ("en", "es")

# Material's tokenizer: the kinds of section it records in each block of a field.
TAG_OPEN, TEXT, TAG_CLOSE = 0, 1, 2


class SearchIndexError(ValueError):
    """The index cannot be built as the browser would build it."""


# JavaScript's regular expressions (without the "u" flag) know ASCII letters
# and digits only, as Python's re.ASCII does, but their own list of spaces.
_JS_SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_JS_WORD = "A-Za-z0-9_"


@functools.cache
def js_regex(pattern: str) -> re.Pattern:
    """A JavaScript regular expression (Material's search separator) as Python's re."""
    out, i, in_class = [], 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            code = pattern[i + 1]
            if code == "s":
                out.append(_JS_SPACE if in_class else f"[{_JS_SPACE}]")
            elif code == "S" and in_class:
                raise SearchIndexError(said("search_separator", pattern=pattern, code=code))
            elif code == "S":
                out.append(f"[^{_JS_SPACE}]")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return re.compile("".join(out), re.ASCII)


def _int32(value: int) -> int:
    """A number as JavaScript's bitwise operators leave it: a signed 32-bit integer."""
    value &= 0xFFFFFFFF
    return value - 0x100000000 if value & 0x80000000 else value


def split(text: str, separator: re.Pattern) -> list[tuple[int, int]]:
    """The non-empty ranges between separators, as Material's ``split``."""
    ranges, index, position = [], 0, 0
    while (match := separator.search(text, position)) is not None:
        if index < match.start():
            ranges.append((index, match.start()))
        index = match.end()
        # After a separator of no length (a lookahead), JavaScript's search
        # goes on one character later.
        position = match.end() if match.end() > match.start() else match.start() + 1
        if position > len(text):
            break
    if index < len(text):
        ranges.append((index, len(text)))
    return ranges


def extract(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(block, kind, start, end) of each section of markup and text, as Material's ``extract``."""
    block = start = end = stack = 0
    length = len(text)
    while end < length:
        char = text[end]
        if char == "<" and end > start:
            yield block, TEXT, start, end
            start = end
        elif char == ">":
            if text[start + 1:start + 2] == "/":
                stack -= 1
                if stack == 0:
                    yield block, TAG_CLOSE, start, end + 1
                    block += 1
            elif text[end - 1:end] != "/":
                if stack == 0:
                    yield block, TAG_OPEN, start, end + 1
                stack += 1
            start = end + 1
        end += 1
    if end > start:
        yield block, TEXT, start, end


def tokenize(value, separator: re.Pattern) -> list[tuple[str, int]]:
    """A field's words, each with the position Material highlights from: its
    block << 20 | its entry in the block, as Material's ``tokenize``."""
    tokens: list[tuple[str, int]] = []
    if value is None:
        return tokens
    table: list[int] = []  # entries per block; only their count matters here
    for text in value if isinstance(value, list) else [value]:
        total = len(table)
        for block, kind, start, end in extract(text):
            block += total
            while len(table) <= block:
                table.append(0)
            if kind != TEXT:
                table[block] += 1
                continue
            section = text[start:end]
            for index, until in split(section, separator):
                table[block] += 1
                position = _int32(_int32(block << 20) | (table[block] - 1))
                tokens.append((section[index:until].lower(), position))
    return tokens


# The pipelines, as the browser runs them: lunr.js's steps for English,
# lunr-languages' for another language. Each step is labelled as the browser
# labels it ("trimmer", "trimmer-es"...): a loaded index names its search
# pipeline by label, and the browser finds the language's stemmer by it.


def step(label: str, work):
    """A pipeline step: ``work`` turns a word into its term, or None to leave it out."""
    def run(token, i=None, tokens=None):
        term = work(str(token))
        return None if term is None else token.update(lambda text, metadata: term)
    run.label = label
    return run


class _Porter:
    """lunr.js's Porter stemmer, line for line. No library's agrees with it:
    lunr.py's, Snowball's and NLTK's Porter turn "away" into "awai" (lunr.js
    keeps a "y" after a vowel), Snowball's "as" into "a". The browser tests
    hold this port to lunr.js on some 50,000 words."""

    STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
             "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
             "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
             "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
             "logi": "log"}
    STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
             "ness": ""}
    c, v = "[^aeiou]", "[aeiouy]"
    C, V = c + "[^aeiouy]*", v + "[aeiou]*"
    mgr0 = re.compile(f"^({C})?{V}{C}")
    meq1 = re.compile(f"^({C})?{V}{C}({V})?\\Z")
    mgr1 = re.compile(f"^({C})?{V}{C}{V}{C}")
    s_v = re.compile(f"^({C})?{v}")
    re_1a, re2_1a = re.compile(r"^(.+?)(ss|i)es\Z"), re.compile(r"^(.+?)([^s])s\Z")
    re_1b, re2_1b = re.compile(r"^(.+?)eed\Z"), re.compile(r"^(.+?)(ed|ing)\Z")
    re_1b_2, re2_1b_2 = re.compile(r".\Z"), re.compile(r"(at|bl|iz)\Z")
    re3_1b_2 = re.compile(r"([^aeiouylsz])\1\Z")
    re4_1b_2 = re.compile(f"^{C}{v}[^aeiouwxy]\\Z")
    re_1c = re.compile(r"^(.+?[^aeiou])y\Z")
    re_2 = re.compile(f"^(.+?)({'|'.join(STEP2)})\\Z")
    re_3 = re.compile(f"^(.+?)({'|'.join(STEP3)})\\Z")
    re_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\Z")
    re2_4 = re.compile(r"^(.+?)(s|t)(ion)\Z")
    re_5, re_5_1 = re.compile(r"^(.+?)e\Z"), re.compile(r"ll\Z")
    re3_5 = re.compile(f"^{C}{v}[^aeiouwxy]\\Z")

    @classmethod
    @functools.cache
    def stem(cls, w: str) -> str:
        # JavaScript measures a word in UTF-16 code units.
        if len(w.encode("utf-16-le")) // 2 < 3:
            return w
        first = w[0]
        if first == "y":
            w = "Y" + w[1:]
        if m := cls.re_1a.match(w):
            w = m.group(1) + m.group(2)
        elif m := cls.re2_1a.match(w):
            w = m.group(1) + m.group(2)
        if m := cls.re_1b.match(w):
            if cls.mgr0.search(m.group(1)):
                w = cls.re_1b_2.sub("", w, count=1)
        elif m := cls.re2_1b.match(w):
            stem = m.group(1)
            if cls.s_v.search(stem):
                w = stem
                if cls.re2_1b_2.search(w):
                    w += "e"
                elif cls.re3_1b_2.search(w):
                    w = cls.re_1b_2.sub("", w, count=1)
                elif cls.re4_1b_2.search(w):
                    w += "e"
        if m := cls.re_1c.match(w):
            w = m.group(1) + "i"
        if (m := cls.re_2.match(w)) and cls.mgr0.search(m.group(1)):
            w = m.group(1) + cls.STEP2[m.group(2)]
        if (m := cls.re_3.match(w)) and cls.mgr0.search(m.group(1)):
            w = m.group(1) + cls.STEP3[m.group(2)]
        if m := cls.re_4.match(w):
            if cls.mgr1.search(m.group(1)):
                w = m.group(1)
        elif m := cls.re2_4.match(w):
            if cls.mgr1.search(m.group(1) + m.group(2)):
                w = m.group(1) + m.group(2)
        if m := cls.re_5.match(w):
            stem = m.group(1)
            if cls.mgr1.search(stem) or (cls.meq1.search(stem) and not cls.re3_5.search(stem)):
                w = stem
        if cls.re_5_1.search(w) and cls.mgr1.search(w):
            w = cls.re_1b_2.sub("", w, count=1)
        if first == "y":
            w = "y" + w[1:]
        return w


# A corpus repeats its words: each is stemmed once (Snowball is most of the build's time).
STEMMERS = {"en": step("stemmer", _Porter.stem),
            "es": step("stemmer-es", functools.cache(snowballstemmer.stemmer("spanish").stemWord))}
# Indexes loaded in Python (the tests search them) stem queries as the browser does.
Pipeline.registered_functions.update({step.label: step for step in STEMMERS.values()})


def spanish_language(script: str) -> tuple[str, set[str]]:
    """The trimmer's letters and the stop words of the site's ``lunr.es`` script."""
    letters = re.search(r'\.es\.wordCharacters="([^"]+)"', script)
    words = re.search(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)', script)
    if not letters or not words:
        raise SearchIndexError(said("search_lunr_es_changed"))
    return letters.group(1), set(words.group(1).split(" "))


def pipelines(language: str, names: list[str], script: str | None = None) -> tuple[list, list]:
    """The indexing and search pipelines of ``language`` in the browser, with
    the steps Material's ``pipeline`` option does not name left out."""
    if language == "en":
        # lunr.js trims what JavaScript's \W matches: ASCII's idea of a word.
        letters, stop_words, label = _JS_WORD, ENGLISH_STOP_WORDS, ""
    elif language == "es":
        if script is None:
            raise SearchIndexError(said("search_needs_lunr_es"))
        (letters, stop_words), label = spanish_language(script), "-es"
    else:
        raise SearchIndexError(said("search_unknown_language", language=language, known=", ".join(LANGUAGES)))
    # The trimmer takes what is not one of ``letters`` (a [...] set's contents) off both ends of a word.
    start, end = re.compile(f"^[^{letters}]+"), re.compile(f"[^{letters}]+$")
    steps = {"trimmer": step(f"trimmer{label}", lambda word: end.sub("", start.sub("", word))),
             "stopWordFilter": step(f"stopWordFilter{label}", lambda word: None if word in stop_words else word),
             "stemmer": STEMMERS[language]}
    indexing = [steps[name] for name in ("trimmer", "stopWordFilter", "stemmer") if name in names]
    search = [steps["stemmer"]] if "stemmer" in names else []
    return indexing, search


class MaterialBuilder(Builder):
    """lunr.py's builder with Material's tokenizer, and lunr.js's rounding of
    each score (Math.round(score * 1000) / 1000, where Python's round() rounds
    half to even)."""

    def __init__(self, separator: re.Pattern):
        super().__init__()
        self.separator = separator
        # A word through the pipeline (None: left out). The steps are functions of the word
        # alone: each word is worked out once.
        self.term = functools.cache(lambda text: next(iter(self.pipeline.run_string(text)), None))

    def add(self, doc, attributes=None):
        # lunr.Builder.prototype.add, with Material's tokenizer and field extractor.
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name in self._fields:
            terms = [(term, position) for text, position in tokenize(doc.get(field_name), self.separator)
                     if (term := self.term(text)) is not None]
            field_ref = str(FieldRef(doc_ref, field_name))
            field_terms = defaultdict(int)
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(terms)
            for key, position in terms:
                field_terms[key] += 1
                posting = self.inverted_index.get(key)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[key] = posting
                # Material keeps one piece of metadata: each word's position.
                posting[field_name].setdefault(doc_ref, {"position": []})["position"].append(position)

    def _create_field_vectors(self):
        # lunr.Builder.prototype.createFieldVectors, scores rounded as lunr.js rounds them.
        self.field_vectors = {}
        idfs = {}
        for field_ref, frequencies in self.field_term_frequencies.items():
            ref = FieldRef.from_string(field_ref)
            length = self.field_lengths[field_ref]
            field_boost = self._fields[ref.field_name].boost or 1
            doc_boost = self._documents[ref.doc_ref].get("boost") or 1
            if not frequencies:
                self.field_vectors[field_ref] = Vector()
                continue
            norm = self._k1 * (1 - self._b + self._b * (length / self.average_field_length[ref.field_name]))
            elements = []
            for term, tf in frequencies.items():
                if term not in idfs:
                    idfs[term] = idf(self.inverted_index[term], self.document_count)
                score = idfs[term] * ((self._k1 + 1) * tf) / (norm + tf)
                score *= field_boost
                score *= doc_boost
                elements.append((self.inverted_index[term]["_index"], math.floor(score * 1000 + 0.5) / 1000))
            # A vector's elements, flat and in the order of their index.
            self.field_vectors[field_ref] = Vector([value for pair in sorted(elements) for value in pair])


# Staff's own words for a page (its front matter's search_terms) go in a field of their own, as
# strong as the title: indexed, never shown. What a result shows under its title is the start of
# its text: staff scan it. A page's first text is its description (a customer type's, its one-line
# summary), and no text holds a citation: a source stays on the page, where staff can open it, out
# of every snippet. The authors a passage cites stay searchable, unseen (as staff words are): a
# search for "Kotler" finds his definition of a service as well as his entry in the references.
STAFF_WORDS, CITED = "keywords", "sources"


def for_staff(index: dict, leads: dict[str, str], words: dict[str, list[str]], authors: set[str]) -> dict:
    """A search index (Material's: config and docs) with each page's ``leads`` (by location) first
    in its article's text and its staff ``words`` in its article's ``keywords`` field, and every
    parenthesis that names one of ``authors`` (a citation) taken out of every text, the authors it
    names kept in the article's ``sources`` field (indexed, never shown)."""
    cited = named = None
    if authors:
        names = "|".join(map(re.escape, sorted(authors, key=len, reverse=True)))
        cited = re.compile(r"\s*\([^()]*\b(?:" + names + r")\b[^()]*\)", re.I)
        named = re.compile(r"\b(?:" + names + r")\b", re.I)
    docs = []
    for doc in index["docs"]:
        text, sources, location = doc["text"], {}, doc["location"]
        if cited:
            for citation in cited.findall(text):
                sources.update(dict.fromkeys(named.findall(citation)))
            text = cited.sub("", text)
        if lead := leads.get(location):
            lead = f"<p>{html.escape(lead, quote=False)}</p>"
            text = text if text.startswith(lead) else f"{lead} {text}".strip()
        staff = {STAFF_WORDS: ", ".join(words[location])} if words.get(location) else {}
        docs.append({**doc, "text": text, **staff, **({CITED: ", ".join(sources)} if sources else {})})
    fields = index["config"].get("fields", {})
    fields = {**fields, STAFF_WORDS: {"boost": fields.get("title", {}).get("boost", 1)},
              **({CITED: {"boost": 1}} if cited else {})}
    return {**index, "config": {**index["config"], "fields": fields}, "docs": docs}


def build(config: dict, docs: list[dict], script: str | None = None) -> dict:
    """The serialised lunr index that Material's worker would build from
    ``config`` and ``docs`` (a language's search index); ``script``: the site's
    lunr script for the language (lunr.es.min.js), when it is not English."""
    languages = config.get("lang") or ["en"]
    if len(languages) != 1:
        raise SearchIndexError(said("search_one_language", languages=languages))
    indexing, search = pipelines(languages[0], config.get("pipeline", []), script)
    builder = MaterialBuilder(js_regex(config["separator"]))
    builder.pipeline.add(*indexing)
    builder.search_pipeline.add(*search)
    builder.b(0)
    builder.ref("location")
    for name, spec in config["fields"].items():
        builder.field(name, boost=spec.get("boost", 1))
    for doc in docs:
        builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") else None)
    index = builder.build().serialize()
    # lunr.js loads terms in its own order, JavaScript's (UTF-16 code units).
    index["invertedIndex"].sort(key=lambda entry: entry[0].encode("utf-16-be"))
    return index


# What the search worker fetches, in the language's search/ folder. First the
# manifest (lunr_index.json): the search settings, lunr's fields and pipeline
# and where each chunk of terms starts; the worker is ready with it. Then,
# in a folder named by their digest, the list of pages (pages.json), which
# every answer needs: each page's address, title and number of documents
# (the page and its sections, in the index's order). Then only what a query
# needs:
#   <digest>/t<i>.json, a chunk of terms (in the folder named by their digest:
#   a change to any page changes every term's weights, and each build's
#   chunks are new addresses): [terms, postings], terms in JavaScript's
#   order (UTF-16 code units), so that a typed prefix's terms are one run, in
#   the chunks from the one holding the prefix to the last starting at or
#   before it; postings: per term, per field, a flat list of (document
#   number - previous document's number, the term's weight in that field of
#   that document: the element lunr's field vector holds for it);
#   pages/<page's address>index.json, a page's documents (for the results
#   shown in full), at the same address while the page is unchanged.
# Positions are left out: the worker marks the words of the few results it
# shows by tokenizing them again.
FORMAT = "playbook-search-3"
MANIFEST = "lunr_index.json"
# A chunk of terms holds about this many characters of JSON (about 5 KB gzip).
CHUNK = 16_000


def compact(index: dict, search: dict) -> dict:
    """lunr's serialised ``index`` of ``search`` (Material's search index: config
    and docs), whole: settings, documents, terms and postings (split by ``chunks``)."""
    # A page's documents together (as Material lists them: the page, then its sections).
    pages: dict[str, list[dict]] = {}
    for doc in search["docs"]:
        pages.setdefault(page_of(doc), []).append(doc)
    docs = [doc for run in pages.values() for doc in run]
    number = {doc["location"]: n for n, doc in enumerate(docs)}
    fields = index["fields"]
    weights: dict[tuple[str, int], dict[int, float]] = {}
    for ref, elements in index["fieldVectors"]:
        field, location = ref.split("/", 1)
        weights[field, number[location]] = dict(zip(elements[::2], elements[1::2], strict=True))
    terms, postings = [], []
    for term, posting in index["invertedIndex"]:
        terms.append(term)
        entry = []
        for field in fields:
            flat, previous = [], 0
            for n in sorted(number[location] for location in posting[field]):
                flat += [n - previous, weights[field, n][posting["_index"]]]
                previous = n
            entry.append(flat)
        postings.append(entry)
    return {"format": FORMAT, "version": index["version"], "config": search["config"],
            "fields": fields, "pipeline": index["pipeline"], "docs": docs,
            "terms": terms, "postings": postings}


# The worker's files are compact JSON.
as_json = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def chunks(data: dict) -> dict[str, str]:
    """The worker's files (name below search/: JSON text) of ``compact``'s ``data``."""
    files, bounds, chunk, size = {}, [], [[], []], CHUNK
    for term, posting in zip(data["terms"], data["postings"], strict=True):
        if size >= CHUNK:
            bounds.append(term)
            files[f"t{len(bounds) - 1}.json"] = chunk = [[], []]
            size = 0
        chunk[0].append(term)
        chunk[1].append(posting)
        size += len(as_json(posting)) + len(term)
    pages = [list(run) for _, run in itertools.groupby(data["docs"], page_of)]
    files["pages.json"] = [[docs[0]["location"], docs[0]["title"], len(docs),
                            *([docs[0]["tags"]] if docs[0].get("tags") else [])] for docs in pages]
    files = {name: as_json(value) for name, value in files.items()}
    folder = digest("".join(files.values()))
    manifest = {key: data[key] for key in ("format", "version", "config", "fields", "pipeline")}
    return {MANIFEST: as_json({**manifest, "folder": folder, "terms": bounds}),
            **{f"{folder}/{name}": text for name, text in files.items()},
            **{page_file(docs[0]): as_json(docs) for docs in pages}}


def page_of(doc: dict) -> str:
    """The address of a document's page."""
    return doc["location"].split("#")[0]


def page_file(doc: dict) -> str:
    """The worker's file of a page's documents (as search_worker.js names it)."""
    return f"pages/{page_of(doc)}index.json"
