"""Valid HTML: the W3C Nu HTML checker (vnu-jar, pinned in package.json; it runs on Java 11 or
later) finds no error and no warning on any page of the built site, both languages, the
generated pages and the not-found pages included. It runs once over every file (it takes seconds
to start), with two pages as Material writes them, before hooks/playbook/material_markup.py makes
its markup valid, to show that it finds what that module fixes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from urllib.parse import urlsplit

from playbook import material_markup
from support import ROOT, built_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The checker also holds a page's <meta> policy to its own reading of it, which is no browser's:
# it takes a file's 'self' for no origin, and blocks the JSON data blocks (Material's __config,
# the kiosk's words) that browsers never run. Chromium holds the site to its policy instead
# (tests/browser/test_policy.py).
POLICY_READING = re.compile(r"violates Content Security Policy")
# What counts: errors, warnings, and a file the checker could not read. Its notes ("info") do not.
PROBLEMS = {"error", "fatal", "warning", "non-document-error"}


def as_material_wrote_it(html: str) -> str:
    """A written page with Material's markup as Material writes it."""
    html = html.replace(material_markup.TOGGLES_FORM, "")
    for old, new in material_markup.TOGGLES.items():
        html = html.replace(new, old)
    return html.replace('<label class="md-nav__title">', material_markup.TOC_LABEL)


def check(files: list) -> list[dict]:
    java = shutil.which("java")
    assert java, ("The HTML checker needs Java (11 or later): on Debian or Ubuntu, "
                  "sudo apt-get install openjdk-17-jre-headless")
    assert VNU.is_file(), f"{VNU.relative_to(ROOT)} is missing: run npm ci (make test does)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stdout)["messages"]


def test_every_page_is_valid_html(site, tmp_path):
    pages = sorted(site.rglob("*.html"))
    # Every page the sitemaps list is among them.
    listed = {address if address.endswith(".html") else address + "index.html"
              for addresses in built_pages(site).values() for address in addresses}
    checked = {page.relative_to(site).as_posix() for page in pages}
    assert listed and listed <= checked, sorted(listed - checked)
    assert {"404.html", "en/404.html", "kiosk/index.html", "en/kiosk/index.html"} <= checked
    # The section index page (no __toc control) and a card page, as Material writes them.
    unfixed = {}
    for name in ("tipos/index.html", "en/cards/enojado/index.html"):
        copy = tmp_path / name.replace("/", "-")
        copy.write_text(as_material_wrote_it((site / name).read_text(encoding="utf-8")), encoding="utf-8")
        unfixed[copy] = name

    messages = check(pages + list(unfixed))
    problems, found = [], {name: [] for name in unfixed.values()}
    for message in messages:
        path = urlsplit(message.get("url", "")).path
        where = next((name for copy, name in unfixed.items() if path == copy.as_posix()), None)
        if where:
            found[where].append(message["message"])
            continue
        kind = message.get("subType") or message["type"]
        if kind in PROBLEMS and not POLICY_READING.search(message["message"]):
            page = urlsplit(message.get("url", "")).path.removeprefix(urlsplit(site.as_uri()).path)
            problems.append(f"{page}:{message.get('lastLine')}: {kind}: {message['message']} "
                            f"[{message.get('extract', '').strip()[:120]}]")
    assert not problems, f"{len(problems)} problems from the W3C HTML checker:\n" + "\n".join(problems)
    # The checker finds what material_markup fixes: autocomplete on the checkboxes, the label for nothing.
    assert sum("autocomplete" in text for text in found["tipos/index.html"]) == 2, found["tipos/index.html"]
    assert any("for" in text and "label" in text for text in found["tipos/index.html"]), found["tipos/index.html"]
    assert any("autocomplete" in text for text in found["en/cards/enojado/index.html"])
