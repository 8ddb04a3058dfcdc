"""One search index per language, and each page pointed at its language's.

Plain Python over Material's search index and a page's HTML: the merged index
mkdocs-static-i18n writes is split by language, and Material's configuration
in each page is pointed at its language's root and search worker
(playbook/search_worker.py). hooks/search_per_language.py is the glue.
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
    """Point Material's scripts at the language root and at the language's search worker.

    The search index and the sitemap of a language live at its root, and
    Material resolves them against ``base``. ``worker`` is the file name of the
    language's search worker (hooks/playbook/search_worker.py), which lives beside
    Material's. It fetches the index itself: its address gives it the index's,
    relative to itself, and whether the site suggests search terms, the one
    option of Material's worker (?index=<file>&suggest).
    """
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
    # Both paths are relative to the page: the index's, relative to the worker.
    index = posixpath.relpath(posixpath.join(app["base"], "search", "search_index.json"), folder)
    app["search"] = f"{folder}/{worker}?index={index}" + ("&suggest" if suggest else "")
    return html[:start] + json.dumps(app, ensure_ascii=False) + html[end:]
