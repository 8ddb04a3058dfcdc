"""mkdocs-static-i18n's internals, which hooks/playbook/build.py alone touches (its I18N lists
them): the installed plugin is the version they were checked against, and still has each of
them. A new version fails here, naming the plugin, the version and what changed, before any
build goes wrong in a way harder to read."""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

import mkdocs_static_i18n
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.suffix import I18nFiles

from playbook import build

UPSTREAM = f"mkdocs-static-i18n {build.I18N['version']}"


def test_the_installed_plugin_is_the_version_checked():
    installed = version("mkdocs-static-i18n")
    assert installed == build.I18N["version"], (
        f"mkdocs-static-i18n is {installed}; hooks/playbook/build.py touches its internals as of "
        f"{UPSTREAM} (build.I18N): check each against the new version, then update the version there."
    )


def test_the_plugin_still_has_what_the_build_reads():
    plugin = I18n()
    for name in build.I18N["plugin"]:
        assert hasattr(plugin, name) or isinstance(getattr(I18n, name, None), property), (
            f"{UPSTREAM}'s plugin had '{name}' (hooks/playbook/build.py reads it); this version has not.")
    assert plugin.building is False and plugin.i18n_files_per_language == {}, (
        f"{UPSTREAM} started a build with building False and no files per language.")
    # The other languages are built inside the default one's on_post_build, after ours (above -100).
    for event, priority in (("on_files", -100), ("on_post_build", -100), ("on_page_context", 50)):
        found = getattr(getattr(I18n, event), "mkdocs_priority", None)
        assert found == priority, f"{UPSTREAM} ran {event} at {priority}; this version at {found}."


def test_the_sitemap_files_and_switcher_are_where_they_were():
    sitemap = (Path(mkdocs_static_i18n.__file__).parent / "custom_i18n_sitemap" / "sitemap.xml").read_text()
    for name in ("i18n_alternates", "file.alternates.items()", "file.page"):
        assert name in sitemap, f"{UPSTREAM}'s sitemap template read '{name}'; this version does not."
    assert "i18n_files_per_language" in inspect.getsource(I18n.on_template_context), (
        f"{UPSTREAM} gave its sitemap template i18n_files_per_language; this version does not.")
    assert I18nFiles(None, []).plugin is None, f"{UPSTREAM}'s sorted Files named the plugin (`plugin`)."
    switcher = inspect.getsource(I18n.on_page_context) + inspect.getsource(
        inspect.getmodule(I18n).ExtendedPlugin.reconfigure_page_context)
    for read in ('hasattr(page.file, "locale")', "page.file.locale_alternate_of", "page.file.alternates",
                 "config.extra.alternate"):
        assert read in switcher, (
            f"{UPSTREAM} set the language switcher of each page with a locale from its alternates "
            f"(it read {read}); this version does not.")
