"""Language alternates that search engines and audits accept: every page's
``<link rel="alternate">`` names the language roots, absolute with an x-default, and each
language folder gets a sitemap of its own pages. Page-to-page alternates live where search
engines read them per page: in the sitemaps' ``xhtml:link`` entries and the switcher's links.
(Material's script would fetch a sitemap below each link; the page removes the links before
it reads them: overrides/main.html.)
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from playbook import build
from playbook.build import Priority

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Every page of every language names the language roots, as in Material's own set-up: a
# sitemap lies below each (were Material's script to look for one, it would find it).
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    if config.site_url:
        context["hreflang_links"] = hreflang_links(config.site_url, build.folders(config),
                                                   build.default_language(config))
    return context


# Once every language is built: a sitemap in each language folder, of that language's pages.
@event_priority(Priority.GENERATE)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config) or not config.site_url:
        return
    root_sitemap = Path(config.site_dir, "sitemap.xml")
    if not root_sitemap.exists():
        return
    text = root_sitemap.read_text(encoding="utf-8")
    for language in build.languages(config)[1:]:
        folder = build.folder(config, language)
        Path(config.site_dir, folder, "sitemap.xml").write_text(
            sitemap_for_folder(text, posixpath.join(config.site_url, folder)), encoding="utf-8")


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def hreflang_links(site_url: str, folders: dict[str, str], default: str) -> list[dict]:
    """Absolute hreflang links to each language root (``folders``: each one's
    folder, "" or "en/"), x-default on the default one."""
    base = site_url.rstrip("/") + "/"
    links = [{"lang": lang, "href": base + folder} for lang, folder in folders.items()]
    return links + [{"lang": "x-default", "href": base + folders[default]}]


def sitemap_for_folder(sitemap_xml: str, folder_url: str) -> str:
    """The entries of a sitemap whose address lies below ``folder_url``."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", "http://www.w3.org/1999/xhtml")
    root = ElementTree.fromstring(sitemap_xml)
    for url in list(root):
        loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "")
        if not loc.startswith(folder_url):
            root.remove(url)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
