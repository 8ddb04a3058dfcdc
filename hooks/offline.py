"""Offline: the playbook installs as an app and keeps working with no network. Every page
links its language's web app manifest (a kiosk its own) and registers the service worker,
``sw.js`` at the site root, that stores the pages of the languages read and the files they use
(playbook/precache.py: at a large size, some pages only once read);
docs/assets/javascripts/offline.js registers it and shows the notices of
overrides/partials/offline.html in the page's language.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from playbook import app_icons, build, cache, label_files, precache, web_manifest

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# `mkdocs serve` or `mkdocs build`: playbook.build keeps the answer for every rebuild.
def on_startup(command: str, dirty: bool):
    build.started(command)


# Each language's app name as it is built.
def on_pre_build(config: MkDocsConfig):
    _apps(config)[build.current_language(config)] = {
        "name": config.site_name, "description": config.site_description or "", "kiosks": {}}


# Every page links its manifest and loads offline.js with the worker's address.
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    language = build.current_language(config)
    kiosk = page.meta.get("template") == KIOSK_TEMPLATE
    if kiosk:
        _apps(config).setdefault(language, {"kiosks": {}})["kiosks"][page.url] = {
            "name": page.title, "description": page.meta.get("description", "")}
    context["offline"] = {
        "manifest": (page.url if kiosk else build.folder(config, language)) + MANIFEST,
        "worker": None if build.serving() else WORKER,
        "language": language,
        "languages": build.languages(config),
        "theme_color": colours(config)["theme_color"],
        "labels": label_files.labels("offline")[language],
        # An unattended kiosk shows no notices: it reloads itself for a new version.
        "kiosk": kiosk,
    }
    return context


# Once every language is written, sitemaps and search indexes included: icons, manifests, then the
# worker (playbook/service_worker.js) with each language's list of files to store, each with a digest.
@event_priority(build.Priority.WRITTEN)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    site = Path(config.site_dir)
    drawn = icons(config)
    for name, png in drawn.items():
        write(site / ICONS / name, png)
    for where, manifest in manifests(config, bool(drawn)).items():
        write(site / where / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    # Under `mkdocs serve`, no list: the worker removes a build's and what it stored (no stale page for an editor).
    listed = None if build.serving() else precache.by_language(
        precache.entries(site, leave_out=frozenset({WORKER})), build.folders(config))
    write(site / WORKER, precache.worker_script(WORKER_SOURCE.read_text(encoding="utf-8"), listed))
    for language, mine in (listed or {}).items():
        log.info(label_files.said(
            "offline_stored", language=language, size=label_files.decimal(precache.total_size(mine.stored) / 1e6),
            files=len(mine.stored), pages=sum(e.file.endswith(".html") for e in mine.stored),
            all=sum(e.file.endswith(".html") for e in mine.stored + mine.later), worker=WORKER))


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

# What each language's build learns for the manifests, once per build: its
# app's name, and each kiosk page (one manifest beside each, which starts at it).
@cache.kept()
def _apps(config: MkDocsConfig) -> dict[str, dict]:
    return {}


# The colours are read once per build, not on every page (the labels are kept by label_files, and
# checked with every label file, their file, line and fix, before a page is built).
@cache.kept()
def colours(config: MkDocsConfig) -> dict[str, str]:
    """The theme colours of the first stylesheet of extra_css that sets Material's primary colour."""
    for name in config.extra_css:
        path = Path(config.docs_dir, str(name))
        if path.is_file():
            try:
                return web_manifest.palette(path.read_text(encoding="utf-8"))
            except ValueError:
                continue
    log.info(label_files.said("offline_no_colour"))
    return MATERIAL_COLOURS


def icons(config: MkDocsConfig) -> dict[str, bytes]:
    """The app icons (file name: PNG), drawn from the favicon's SVG, their one source, or kept from the
    last build; none where docs/ has no favicon."""
    name = str(config.theme.get("favicon") or "")
    path = Path(config.docs_dir, name)
    if not path.is_file():
        log.info(label_files.said("offline_no_favicon", name=name))
        return {}
    if path.suffix != ".svg":
        raise PluginError(label_files.said("favicon_not_svg", name=name))
    try:
        return app_icons.icons(path.read_text(encoding="utf-8"), colours(config)["background_color"],
                               build.cache_folder(config, "icons"))
    except app_icons.IconError as error:
        raise PluginError(label_files.said("icons_not_drawn", name=name, error=error)) from None


def manifests(config: MkDocsConfig, with_icons: bool) -> dict[str, dict]:
    """Each manifest by its folder below the site root: each language's, each kiosk's."""
    made = {}
    for language, app in _apps(config).items():
        words = label_files.labels("offline")[language]
        apps = [(build.folder(config, language), app.get("name") or config.site_name, words["short_name"],
                 app.get("description", ""), "standalone")]
        apps += [(kiosk, page["name"], words["kiosk_short_name"], page["description"], "fullscreen")
                 for kiosk, page in app["kiosks"].items()]
        for folder, name, short_name, description, display in apps:
            made[folder] = web_manifest.manifest(
                name=name, short_name=short_name, description=description, language=language,
                icons_folder="../" * folder.count("/") + ICONS, colours=colours(config), display=display,
                icons=with_icons)
    return made


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.plugins.offline")

HERE = Path(__file__).parent
WORKER_SOURCE = HERE / "playbook" / "service_worker.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = "assets/icons/"
KIOSK_TEMPLATE = "kiosk.html"

# Material's own primary colour and the white on it: for a site whose
# stylesheets name no colour of their own.
MATERIAL_COLOURS = {"theme_color": "#4051b5", "background_color": "#ffffff"}
