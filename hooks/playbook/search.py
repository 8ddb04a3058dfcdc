"""One search index per language, and each page pointed at its language's: the merged index
mkdocs-static-i18n writes is split by language, and Material's configuration in each page is
pointed at its language's root and search worker (playbook/search_worker.py). Plain Python
over the index and a page's HTML; hooks/search_per_language.py is the glue.
"""

from __future__ import annotations

import json
import posixpath

# What a language's search worker fetches, in its search/ folder: the documents
# and the lunr index the build made of them (playbook/search_index.py).
WORKER_INDEX = "lunr_index.json"


def page_index(index: dict) -> str:
    """What Material's page script reads at search/search_index.json: the
    settings (language, separator, fields), which its highlighting of the page
    uses, and no documents: the worker fetches those itself."""
    return json.dumps({"config": index["config"], "docs": []}, ensure_ascii=False, separators=(",", ":"))


def split_index(index: dict, default: str, languages: list[str]) -> dict[str, dict]:
    """Split a merged index into one per language, locations relative to each language root."""
    folders = {language: "" if language == default else f"{language}/" for language in languages}
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
    (below the site root, which is ``root`` from the page), told where its file
    is, relative to the worker (?index=), and whether to suggest terms, the one
    option of Material's worker (&suggest). ``prefix``: the language's folder."""
    folder = posixpath.dirname(worker)
    index = posixpath.relpath(posixpath.join(prefix, "search", WORKER_INDEX), folder)
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
