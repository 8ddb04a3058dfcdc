"""The last touch on every written page, once nothing else will change it: Material's invalid
markup made valid (playbook/material_markup.py), then the page's Content-Security-Policy first in
its head, allowing the inline scripts the page really has by their hashes (playbook/policy.py,
overrides/partials/policy.html). The site's policy goes to ``_headers`` too, for the hosts that
read one (Netlify, Cloudflare Pages), with what only a header can say.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from playbook import build, material_markup, policy
from playbook.label_files import said

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once every language is written and every other finishing touch has changed the pages, before
# hooks/offline.py lists them with their digests. Under `mkdocs serve` pages get no policy: the
# dev server adds a script of its own to each page it serves (live reload), which it would block.
@event_priority(build.Priority.LAST_TOUCH)
def on_post_build(config: MkDocsConfig):
    if not build.is_outermost(config):
        return
    site = Path(config.site_dir)
    meta = build.theme_env(config).get_template(TEMPLATE)
    scripts: dict[str, None] = {}
    styles: dict[str, None] = {}
    for path in sorted(site.rglob("*.html")):
        html = material_markup.compact(material_markup.valid(path.read_text(encoding="utf-8")))
        if not build.serving():
            page_scripts, page_styles = policy.inline(html)
            scripts.update(dict.fromkeys(page_scripts))
            styles.update(dict.fromkeys(page_styles))
            html = policy.with_meta(html, meta.render(policy=policy.policy(page_scripts, page_styles))) or html
        path.write_text(html, encoding="utf-8")
    if build.serving():
        return
    # One policy for every address: the hashes of every page's inline scripts (each is one of the
    # site's own; the page's <meta> holds it to its own).
    site_policy = policy.policy(sorted(scripts), sorted(styles), header=True)
    (site / HEADERS).write_text(policy.headers_file(site_policy), encoding="utf-8")
    # Cloudflare Pages reads no longer line of _headers (a strict build stops here).
    if len(site_policy) > LINE_LIMIT:
        log.warning(said("policy_too_long", file=HEADERS, length=len(site_policy), limit=LINE_LIMIT,
                         scripts=len(scripts)))
    log.info(said("policy_written", scripts=len(scripts), file=HEADERS))


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.plugins.written_pages")

TEMPLATE = "partials/policy.html"
HEADERS = "_headers"
LINE_LIMIT = 2000
