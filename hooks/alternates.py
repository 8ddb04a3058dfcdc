"""Language alternates that search engines and audits accept.

mkdocs-static-i18n gives each page relative alternate links, good for the
language switcher; hreflang links must be absolute, and name a default. Its
sitemap lives at the site root only, while Material's scripts on an English
page ask for ``en/sitemap.xml``: each language folder gets its own sitemap of
its own pages (a sitemap may only list addresses below its folder).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def hreflang_links(site_url: str, alternates: list[dict], default: str) -> list[dict]:
    """Absolute hreflang links for a page, with x-default on the default language.

    Each alternate's link is its page's address below the site root.
    """
    links = []
    for alternate in alternates:
        href = site_url.rstrip("/") + "/" + alternate["link"].lstrip("/")
        links.append({"lang": alternate["lang"], "href": href})
        if alternate["lang"] == default:
            links.append({"lang": "x-default", "href": href})
    return links


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


# After mkdocs-static-i18n (priority 50) has set this page's alternates.
@event_priority(0)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # mkdocs-static-i18n sets the attribute, not the key.
    alternates = getattr(config.extra, "alternate", None) or []
    if config.site_url and alternates:
        default = config.plugins["i18n"].default_language
        context["hreflang_links"] = hreflang_links(config.site_url, alternates, default)
    return context


# Once every language is built: a sitemap in each language folder.
@event_priority(-200)
def on_post_build(config: MkDocsConfig):
    i18n = config.plugins["i18n"]
    if i18n.building or not config.site_url:
        return
    root_sitemap = Path(config.site_dir, "sitemap.xml")
    if not root_sitemap.exists():
        return
    text = root_sitemap.read_text(encoding="utf-8")
    for language in i18n.build_languages:
        if language == i18n.default_language:
            continue
        folder_url = posixpath.join(config.site_url, language, "")
        target = Path(config.site_dir, language, "sitemap.xml")
        target.write_text(sitemap_for_folder(text, folder_url), encoding="utf-8")
