"""One search index per language, each with its own stemmer and stop words.

mkdocs-static-i18n builds the English pages inside the Spanish build, into the
same site folder, and writes one search index with every language in it. Staff
on a Spanish page must get Spanish results only, stemmed as Spanish, and staff
on an English page English results only. So each language build keeps the
index that Material's search plugin made for it: Spanish at
``search/search_index.json``, English at ``en/search/search_index.json``, and
English pages tell Material's scripts that their root is ``en/``. Each
language also gets its own search worker script (hooks/search_worker.py),
which fetches its language's index itself, and the lunr index the build made
from it once (``search/lunr_index.json``, hooks/playbook/search_index.py),
which the worker loads instead of building its own on every page. A page's
``search_terms`` (the words staff use for it) are indexed with it, unseen.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import content
import search_worker
from playbook import search_index


def _i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def _language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    return i18n.current_language or i18n.default_language


def _prefix(config: MkDocsConfig) -> str:
    """The folder of the language being built: "" for Spanish, "en/" for English."""
    i18n = _i18n(config)
    language = _language(config)
    return "" if language == i18n.default_language else f"{language}/"


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


@content.once_per_build
def _staff_words(config: MkDocsConfig) -> dict[str, list[str]]:
    """Each page's search terms by its address, gathered as its pages are built."""
    return {}


def configure_search(html: str, prefix: str, worker: str, suggest: bool = False) -> str:
    """Point Material's scripts at the language root and at the language's search worker.

    The search index and the sitemap of a language live at its root, and
    Material resolves them against ``base``. ``worker`` is the file name of the
    language's search worker (hooks/search_worker.py), which lives beside
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


# Before Material's search plugin (priority 0) reads its options: each language
# build indexes with that language's lunr pipeline only.
@event_priority(100)
def on_config(config: MkDocsConfig):
    config.plugins["material/search"].config.lang = [_language(config)]


# After mkdocs-static-i18n (-100) has settled the files of the language built:
# the build that writes Material's scripts writes each language's worker beside them.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig):
    search_worker.add_to(files, config)
    return files


# The front matter is checked before any page is built (hooks/check_content.py).
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    words = page.meta.get("search_terms")
    if words:
        _staff_words(config)[page.url] = [str(word) for word in words]
    return context


# English pages look for the search index and the sitemap under en/, and
# every page searches through its language's worker.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    worker = search_worker.script_name(config, _language(config))
    suggest = "search.suggest" in config.theme["features"]
    return configure_search(output, _prefix(config), worker, suggest)


# Last of all, once mkdocs-static-i18n has built every language and written
# their merged index: split it, and write each language's index to its folder,
# with the lunr index made from it beside it.
@event_priority(-200)
def on_post_build(config: MkDocsConfig):
    i18n = _i18n(config)
    if i18n.building:
        return
    path = Path(config.site_dir, "search", "search_index.json")
    merged = search_index.with_staff_words(json.loads(path.read_text(encoding="utf-8")),
                                           _staff_words(config))
    lunr = Path(config.site_dir, search_worker.LUNR)
    for language, index in split_index(merged, i18n.default_language, i18n.build_languages).items():
        folder = Path(config.site_dir, "" if language == i18n.default_language else language, "search")
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        script = lunr / f"lunr.{language}.min.js"
        try:
            built = search_index.build(index["config"], index["docs"],
                                       script.read_text(encoding="utf-8") if script.is_file() else None)
        except search_index.SearchIndexError as error:
            raise PluginError(f"hooks/search_per_language.py cannot build the {language!r} search "
                              f"index: {error}.") from None
        (folder / "lunr_index.json").write_text(search_index.serialised(built), encoding="utf-8")
