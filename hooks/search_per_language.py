"""One search index per language, each with its own stemmer and stop words.

mkdocs-static-i18n builds the English pages inside the Spanish build, into the
same site folder, and writes one search index with every language in it. Staff
on a Spanish page must get Spanish results only, stemmed as Spanish, and staff
on an English page English results only. So each language build keeps the
index that Material's search plugin made for it: Spanish at
``search/search_index.json``, English at ``en/search/search_index.json``, and
English pages tell Material's scripts that their root is ``en/``. Each
language also gets its own search worker script (hooks/playbook/search_worker.py),
which a page starts as it begins to load and which fetches, of the lunr
index the build made once (hooks/playbook/search_index.py), its manifest
(``search/lunr_index.json``), then only the chunks a query needs.
``search/search_index.json``, which Material's page script reads,
holds the search settings only. A page's
``search_terms`` (the words staff use for it) are indexed with it, unseen; its
result shows its description (a customer type's summary) first, and no
result shows a citation (the authors cited stay searchable, unseen).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from playbook import build, cache, label_files, search_index, search_worker
from playbook.build import Priority
from playbook.checks import citations


# One set per build: made from the files of the build that holds Material's
# worker and lunr's scripts; every page of both languages asks for the names.
@cache.kept()
def workers(config: MkDocsConfig) -> dict[str, search_worker.Worker]:
    """Each built language's worker script (filled by on_files)."""
    return {}


# Before Material's search plugin (priority 0) reads its options: each language
# build indexes with that language's lunr pipeline only.
@event_priority(Priority.FIRST)
def on_config(config: MkDocsConfig):
    config.plugins["material/search"].config.lang = [build.current_language(config)]


# The build that writes Material's scripts writes each language's worker beside them.
@event_priority(Priority.GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    # One of a language's lunr scripts, as Material ships them: without it, no search in the language.
    def script(language: str, name: str) -> str:
        if (file := files.get_file_from_path(f"{search_worker.LUNR}/{name}")) is None:
            raise PluginError(label_files.said("search_no_support", language=language,
                                                 script=f"{search_worker.LUNR}/{name}"))
        return file.content_string

    material = next((file for file in files if search_worker.MATERIAL_WORKER.match(file.src_uri)), None)
    if material:
        # Made once per build: each language's build adds the same scripts to its files.
        made = workers(config)
        if not made:
            made.update(search_worker.make(build.languages(config), posixpath.basename(material.src_uri), script))
        for worker in made.values():
            if files.get_file_from_path(worker.uri) is None:
                files.append(File.generated(config, worker.uri, content=worker.content))
    return files


# Each page starts its language's search worker as its head is read, long
# before Material's script would (at 1,000 pages per language, half a second
# later): the template's early script (overrides/partials/material-page.html)
# needs the worker's address. The 404 pages are templates, not pages (MkDocs
# renders them with root-absolute addresses): they start it too.
def on_page_context(context, page: Page | None, config: MkDocsConfig, nav):
    if worker := language_worker(config):
        context["search_worker"] = search_worker.worker_address(context["base_url"], build.folder(config), *worker)
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    return on_page_context(context, None, config, None) if template_name == "404.html" else context


# English pages look for the search settings under en/, and every page (the
# 404 pages too) hands Material's script the worker it started.
def on_post_page(output: str, page: Page | None, config: MkDocsConfig) -> str:
    if worker := language_worker(config):
        return search_worker.configure_search(output, build.folder(config), *worker)
    return output


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return on_post_page(output_content, None, config) if template_name == "404.html" else output_content


def language_worker(config: MkDocsConfig) -> tuple[str, bool] | None:
    """The language's worker (its address below the site root) and whether
    it suggests terms (None: none made)."""
    made = workers(config)
    if not made:
        return None
    return made[build.current_language(config)].uri, "search.suggest" in config.theme["features"]


def staff_search(config: MkDocsConfig) -> tuple[dict[str, str], dict[str, list[str]]]:
    """What each page's search result shows first (a customer type's summary, else the page's
    description) and its search terms (front matter, checked before any page is built), each by
    the page's address below the site root."""
    leads, words = {}, {}
    for page in build.catalogue(config).pages.values():
        address = build.url_of(config, f"{page.key}.md", page.language)
        lead = (page.customer_type or {}).get("summary") or page.meta.get("description")
        if isinstance(lead, str) and lead.strip():
            leads[address] = lead.strip()
        if terms := page.meta.get("search_terms"):
            words[address] = [str(word) for word in terms]
    return leads, words


# Once mkdocs-static-i18n has built every language and written their merged
# index: split it; in each language's folder, the worker's files (documents and
# the lunr index made of them, in chunks) and, for Material's page script, the settings
# alone: the page never searches, and at 1,000 pages per language it would
# otherwise read and hand the worker megabytes that the worker has already.
@event_priority(Priority.GENERATE)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    path = Path(config.site_dir, "search", "search_index.json")
    merged = search_index.for_staff(json.loads(path.read_text(encoding="utf-8")), *staff_search(config),
                                    citations.authors(build.catalogue(config)))
    lunr = Path(config.site_dir, search_worker.LUNR)
    folders = build.folders(config)
    for language, index in search_worker.split_index(merged, folders).items():
        folder = Path(config.site_dir, folders[language], "search")
        folder.mkdir(parents=True, exist_ok=True)
        script = lunr / f"lunr.{language}.min.js"
        try:
            made = search_index.build(index["config"], index["docs"],
                                      script.read_text(encoding="utf-8") if script.is_file() else None)
        except search_index.SearchIndexError as error:
            raise PluginError(label_files.said("search_index_failed", language=language, error=error)) from None
        # As compact JSON: the worker's files, and for Material's page script the settings (language,
        # separator, fields: its highlighting of the page uses them) and no documents.
        files = search_index.chunks(search_index.compact(made, index))
        files["search_index.json"] = search_index.as_json({"config": index["config"], "docs": []})
        for name, text in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
