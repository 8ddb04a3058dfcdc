"""One search index per language, and each page pointed at its language's: the merged index
mkdocs-static-i18n writes is split by language, and Material's configuration in each page is
pointed at its language's root and search worker (playbook/search_worker.py). Plain Python
over the index and a page's HTML; hooks/search_per_language.py is the glue.
"""

from __future__ import annotations

import json
import posixpath


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


def configure_search(html: str, prefix: str, worker: str, suggest: bool = False) -> str:
    """Point Material's scripts at the language root (where its index and sitemap live) and at
    ``worker``, the file name of the language's search worker, beside Material's."""
    start_tag = '<script id="__config" type="application/json">'
    start = html.find(start_tag)
    if start < 0:
        return html
    start += len(start_tag)
    end = html.index("</script>", start)
    app = json.loads(html[start:end])
    if prefix:
        # Material resolves "search/search_index.json" against base: it needs the slash.
        app["base"] = f"{app['base']}/{prefix}"
    folder = app["search"].rpartition("/")[0]
    # The worker fetches the index itself: its address gives the index's, relative to the worker,
    # and whether to suggest terms, the one option of Material's worker (?index=<file>&suggest).
    index = posixpath.relpath(posixpath.join(app["base"], "search", "search_index.json"), folder)
    app["search"] = f"{folder}/{worker}?index={index}" + ("&suggest" if suggest else "")
    return html[:start] + json.dumps(app, ensure_ascii=False) + html[end:]
