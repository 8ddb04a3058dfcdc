"""Material's search, pointed at ours: one index and one worker script per language.

The merged index mkdocs-static-i18n writes is split by language. Material's
page script starts its search worker from Material's worker script, which,
once the page has sent it the index, builds a lunr index and asks for
lunr's scripts for the language. Each language gets one script instead,
``assets/javascripts/workers/search.<language>.<hash>.min.js``: the parts
of lunr.js our search uses (``lunr_core``), the language's lunr scripts,
and our worker (search_worker.js beside this file: it fetches the build's
index in chunks, as a query needs them), minified. Material's worker, with its
whole lunr, is loaded only should the index be in another form (the worker
then builds one, as Material always has). A hash of its contents names the
script, as Material names its own, so no browser keeps an old one. Each
page's configuration for Material's script is pointed at its language's
root and worker.

Every name this build relies on in Material's files and in its page
configuration is in this module. Plain Python over the index, the scripts'
text and a page's HTML; hooks/search_per_language.py is the glue.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import mkdocs

from . import cache
from .minify import minified
from .search_index import MANIFEST

# The versions every reach into Material's page script and worker
# (overrides/partials/material-page.html, the end of search_worker.js and
# this module's names of Material's files and settings) and into lunr.js
# (MkDocs' copy, LUNR_JS) was checked against; tests/unit/test_search_upstream.py
# fails, naming what changed, when the installed ones differ.
CHECKED = {"mkdocs-material": "9.8.1", "mkdocs": "1.6.1"}
SOURCE = Path(__file__).with_suffix(".js")
FOLDER = "assets/javascripts/workers"
MATERIAL_WORKER = re.compile(rf"^{FOLDER}/search\.[0-9a-f]+\.min\.js$")
LUNR = "assets/javascripts/lunr/min"
# lunr.js as MkDocs ships it (its own search plugin's copy, the version
# Material bundles), and the parts of it our search never calls: an index is
# built and searched by the build and search_worker.js, not by lunr.
LUNR_JS = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
LUNR_UNUSED = ("Builder", "Index", "MatchData", "Vector", "FieldRef", "Set", "idf")
LUNR_SECTION = re.compile(r"^(?=lunr\.([A-Za-z]+) = )", re.M)


@dataclass(frozen=True)
class Worker:
    uri: str  # below the site root
    content: str


def lunr_scripts(language: str) -> list[str]:
    """lunr's scripts for a language, named as Material's worker asks for them.
    English is lunr's own: it needs none."""
    return [] if language == "en" else ["lunr.stemmer.support.min.js", f"lunr.{language}.min.js"]


def lunr_core() -> str:
    """lunr.js without its LUNR_UNUSED sections (each opens with its
    ``lunr.<Name> = `` at the start of a line and runs to the next)."""
    source = LUNR_JS.read_text(encoding="utf-8")
    parts = LUNR_SECTION.split(source)
    # split() gives the text before the first section, then (name, section) pairs.
    kept_parts = [parts[0]] + [text for name, text in zip(parts[1::2], parts[2::2], strict=True)
                               if name not in LUNR_UNUSED]
    return "".join(kept_parts)


def bundle(source: str, core: str, scripts: list[str], material: str) -> str:
    """lunr's ``core`` (the parts our search uses), the language's lunr
    ``scripts`` (they need lunr), then our worker ``source``, told the name of
    Material's worker (``material``, beside it) for the index in another form."""
    held = f"const MATERIAL_WORKER = {json.dumps(material)};"
    return "\n".join([minified(".js", core), *(text.strip() for text in scripts), held,
                      minified(".js", source)]) + "\n"


def make(languages, material: str, script) -> dict[str, Worker]:
    """Each language's worker script, given Material's worker's name
    (``material``, in FOLDER) and lunr's scripts (``script(language, file
    name)``: the text of one of the language's lunr_scripts)."""
    source, core = SOURCE.read_text(encoding="utf-8"), lunr_core()
    made = {}
    for language in languages:
        text = bundle(source, core, [script(language, name) for name in lunr_scripts(language)], material)
        made[language] = Worker(f"{FOLDER}/search.{language}.{cache.digest(text)}.min.js", text)
    return made


def split_index(index: dict, folders: dict[str, str]) -> dict[str, dict]:
    """Split a merged index into one per language (``folders``: each language's
    folder below the site root, "" for the default), locations relative to each."""
    others = tuple(folder for folder in folders.values() if folder)
    split = {}
    for language, folder in folders.items():
        if folder:
            docs = [d for d in index["docs"] if d["location"].startswith(folder)]
        else:
            docs = [d for d in index["docs"] if not d["location"].startswith(others)]
        docs = [{**d, "location": d["location"].removeprefix(folder)} for d in docs]
        split[language] = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
    return split


def worker_address(root: str, prefix: str, worker: str, suggest: bool = False) -> str:
    """The address a page starts its language's search worker at: ``worker``
    (below the site root, which is ``root`` from the page), told where its
    manifest is, relative to the worker (?index=), and whether to suggest terms, the one
    option of Material's worker (&suggest). ``prefix``: the language's folder."""
    folder = posixpath.dirname(worker)
    index = posixpath.relpath(posixpath.join(prefix, "search", MANIFEST), folder)
    # (``root`` is "/" or "/sub/" on the 404 pages, which MkDocs writes with root-absolute addresses.)
    return f"{root.rstrip('/')}/{worker}?index={index}" + ("&suggest" if suggest else "")


def configure_search(html: str, prefix: str, worker: str, suggest: bool = False) -> str:
    """Point Material's scripts at the language root (where its search settings
    live) and at the language's search worker (``worker``, below the site root),
    at the address the page started it at (worker_address): Material's script
    is handed that worker when it asks for one there."""
    start_tag = '<script id="__config" type="application/json">'
    start = html.find(start_tag)
    if start < 0:
        return html
    start += len(start_tag)
    end = html.index("</script>", start)
    app = json.loads(html[start:end])
    app["search"] = worker_address(app["base"], prefix, worker, suggest)
    if prefix:
        # Material resolves "search/search_index.json" against base: it needs the slash.
        app["base"] = f"{app['base'].rstrip('/')}/{prefix}"
    return html[:start] + json.dumps(app, ensure_ascii=False) + html[end:]
