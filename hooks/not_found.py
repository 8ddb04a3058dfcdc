"""The 404 page in the reader's language: Spanish at /404.html, English at /en/404.html,
each with its own navigation, the search box and the six customer types. A static host can
then serve /en/404.html for missing addresses under /en/ (Netlify and Cloudflare Pages do by
themselves; others by a rule); where a host serves only the root's page, that page hands an
address under /en/ over to /en/404.html (overrides/404.html).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from playbook import build, customer_type

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# The 404 page is a template, not a page: mkdocs-static-i18n never sets its language switcher,
# which kept the last page built before it (en/404.html pointed at the translations page).
# Each language's home instead, and the page's types and every language's 404 page.
def on_template_context(context, template_name: str, config: MkDocsConfig):
    if template_name != PAGE:
        return context
    root = context["base_url"].rstrip("/") + "/"
    language = build.current_language(config)
    folders = build.folders(config)
    build.point_switcher(config, {other: root + folder for other, folder in folders.items()})
    pages = [{"language": other, "folder": root + folder, "page": root + folder + PAGE}
             for other, folder in folders.items()]
    context["not_found"] = {
        "types": [{"name": data["name"], "summary": data["summary"], "icon": data["icon"],
                   "url": build.url_of(config, data["page"], language)}
                  for data in customer_type.models(build.checked_catalogue(config), language, config.nav)],
        # The default language's folder is the root, which every address starts with: it is the
        # fallback, and only the other languages' folders are matched.
        "script": {"language": language, "fallback": pages[0], "pages": pages[1:]},
    }
    return context


# Every language's build writes 404.html at the site's root, the default first: before the next
# overwrites it, move each other language's page into its folder and put the default's back.
@event_priority(build.Priority.BEFORE_NEXT_LANGUAGE)
def on_post_build(config: MkDocsConfig):
    written = Path(config.site_dir, PAGE)
    if not written.is_file():
        return
    language = build.current_language(config)
    if language == build.default_language(config):
        _Saved.default = written.read_bytes()
        return
    target = Path(config.site_dir, build.folder(config, language), PAGE)
    target.parent.mkdir(parents=True, exist_ok=True)
    written.replace(target)
    if _Saved.default is not None:
        written.write_bytes(_Saved.default)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

class _Saved:
    default: bytes | None = None  # the default language's page, written first


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

PAGE = "404.html"
