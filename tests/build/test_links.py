"""A second opinion on links: linkchecker crawls the built site over HTTP,
both languages, and finds no broken link and no missing anchor.

The build's own checks look at the Markdown; this looks at what readers get:
every href in the rendered pages, navigation, language switcher, footers,
sitemaps, canonical and hreflang links included.
"""

from __future__ import annotations

import subprocess
import sys
from xml.etree import ElementTree

from support import DEFAULT_LANGUAGE, LANGUAGES, ROOT
from support.server import serve

CONFIG = ROOT / "tests" / "support" / "linkcheckerrc"


def linkchecker(*urls: str, verbose: bool = False) -> list[dict]:
    """Run linkchecker on ``urls``; one record per URL it logged."""
    command = [sys.executable, "-m", "linkcheck", "--config", str(CONFIG), "--output", "xml"]
    if verbose:
        command.append("--verbose")
    done = subprocess.run([*command, *urls], capture_output=True, text=True, timeout=300)
    # 0: all good, 1: broken links or warnings; anything else: it did not run.
    assert done.returncode in (0, 1), done.stderr
    records = []
    for item in ElementTree.fromstring(done.stdout).iter("urldata"):
        parent = item.find("parent")
        valid = item.find("valid")
        records.append(
            {
                "url": item.findtext("url"),
                "real": item.findtext("realurl"),
                "parent": "" if parent is None else parent.text,
                "line": "" if parent is None else parent.get("line"),
                "valid": valid.text == "1",
                "result": valid.get("result", ""),
                "warnings": [w.text for w in item.iter("warning")],
            }
        )
    return records


def problems(records: list[dict]) -> list[str]:
    found = []
    for record in records:
        where = f"{record['parent']} (line {record['line']}) links to {record['url']}"
        if not record["valid"]:
            found.append(f"{where}: {record['result']}")
        found += [f"{where}: {warning}" for warning in record["warnings"]]
    return found


def test_no_broken_link_or_anchor_in_either_language(site, server):
    # Every page, not only those linked from the home page (the kiosk, 404),
    # and each language's sitemap.
    pages = sorted(
        server + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
    )
    sitemaps = [server + path.relative_to(site).as_posix() for path in site.rglob("sitemap.xml")]
    records = linkchecker(*pages, *sitemaps, verbose=True)
    assert problems(records) == []
    # It crawled the site: every page, in both languages, with their anchors.
    checked = {record["real"] for record in records}
    assert set(pages) <= checked
    for language in LANGUAGES:
        in_language = [url for url in checked if language_of(url, server) == language]
        assert any("#" in url for url in in_language), f"no anchor checked in {language}"


def language_of(url: str, server: str) -> str:
    first = url.removeprefix(server).split("/")[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def test_linkchecker_finds_broken_links_and_anchors(tmp_path):
    """The checker itself, on a small site with one fault of each kind."""
    (tmp_path / "index.html").write_text(
        """<!doctype html><html lang="en"><head><title>Home</title></head><body>
        <h1 id="top">Home</h1>
        <a href="#top">good anchor here</a>
        <a href="page.html#present">good anchor there</a>
        <a href="missing.html">missing page</a>
        <a href="#absent">missing anchor here</a>
        <a href="page.html#gone">missing anchor there</a>
        </body></html>""",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        """<!doctype html><html lang="en"><head><title>Page</title></head><body>
        <h2 id="present">Present</h2></body></html>""",
        encoding="utf-8",
    )
    with serve(tmp_path) as base:
        found = problems(linkchecker(base))
    assert len(found) == 3, found
    assert any("missing.html: 404" in line for line in found)
    assert any("links to #absent: Anchor `absent'" in line for line in found)
    assert any("links to page.html#gone: Anchor `gone'" in line for line in found)
