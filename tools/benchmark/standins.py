"""Plain Markdown stand-ins for the pages our hooks generate (cards, kiosk...): the vanilla
build of the playbook gets one page at the same address for each, holding the generated
page's content as HTML, so both builds write the same pages and what remains of the
difference is what our hooks, templates and settings cost.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>|<title>(.*?)</title>", re.S)
TAG = re.compile(r"<[^>]+>")


def generated_pages(site: Path, source_urls: set[str]) -> list[str]:
    """Addresses of the site's HTML pages that no Markdown source gave."""
    urls = [path.relative_to(site).as_posix().removesuffix("index.html")
            for path in site.rglob("index.html")]
    return sorted(url for url in urls if url not in source_urls)


def stand_in(page_html: str) -> str:
    """A Markdown page holding the content of a generated page."""
    match = ARTICLE.search(page_html) or BODY.search(page_html)
    content = SCRIPT.sub("", match.group(1) if match else "")
    title = TITLE.search(page_html)
    title = html.unescape(TAG.sub("", (title.group(1) or title.group(2)) if title else "Page"))
    title = title.replace("¶", "").strip().replace('"', "'")
    return f'---\ntitle: "{title}"\n---\n\n<div class="stand-in">\n{content.strip()}\n</div>\n'


def write_stand_ins(site: Path, urls: list[str], docs: Path, languages: dict[str, str]) -> None:
    """One stand-in per generated page: "en/cards/enojado/" -> cards/enojado.en.md.

    ``languages``: the folder of each language's pages ("" or "en/").
    """
    by_folder = sorted(languages.items(), key=lambda item: -len(item[1]))
    for url in urls:
        language, folder = next((lang, f) for lang, f in by_folder if url.startswith(f))
        path = url.removeprefix(folder).rstrip("/") or "index"
        target = docs / f"{path}.{language}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(stand_in((site / url / "index.html").read_text(encoding="utf-8")),
                          encoding="utf-8")
