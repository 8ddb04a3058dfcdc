"""The Content-Security-Policy in the built site, read with Python's own HTML parser (not the
build's): every page's <meta> policy comes before any script and allows exactly the inline scripts
the page has, no more, no fewer; _headers allows every page's; a template's inline script edited
gets its new hash with no other edit; `mkdocs serve` pages carry none. Whether browsers agree:
tests/browser/test_policy.py."""

from __future__ import annotations

import re
import urllib.request
from html.parser import HTMLParser

from playbook import policy
from support import mkdocs_build
from support.cards_site import copy_project
from support.server import free_port, mkdocs_serve

JAVASCRIPT = {"", "module", "text/javascript", "application/javascript"}


class Scripts(HTMLParser):
    """A page's inline scripts that a browser runs, its <meta> policies, and whether each came
    before the first script."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self.policies: list[tuple[str, bool]] = []
        self.scripts = 0
        self._open: bool = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append((attributes["content"], self.scripts == 0))
        if tag == "script":
            self.scripts += 1
            self._open = "src" not in attributes and (attributes.get("type") or "").lower() in JAVASCRIPT
            if self._open:
                self.inline.append("")

    def handle_data(self, data):
        if self._open and self.lasttag == "script":
            self.inline[-1] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = False


def read(path) -> Scripts:
    parser = Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def script_hashes(text: str) -> set[str]:
    source = re.search(r"(?:^|; )script-src ([^;]*)", text).group(1).split()
    assert source[0] == "'self'", text
    return set(source[1:])


def test_every_page_allows_exactly_the_inline_scripts_it_has(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    every = set()
    for path in pages:
        page = read(path)
        name = path.relative_to(site).as_posix()
        assert len(page.policies) == 1, f"{name}: {len(page.policies)} policies"
        text, first = page.policies[0]
        assert first, f"{name}: a script comes before the policy, which holds only for what follows it"
        assert script_hashes(text) == {policy.digest(script) for script in page.inline}, name
        assert "unsafe" not in text and "style-src 'self';" in text, name
        every |= script_hashes(text)
    # Material's and ours, __md_scope once per folder depth: each a script of the site's own.
    assert 5 <= len(every) <= 15, len(every)
    headers = (site / "_headers").read_text(encoding="utf-8")
    (header_policy,) = re.findall(r"^  Content-Security-Policy: (.*)$", headers, re.M)
    assert script_hashes(header_policy) == every
    assert "frame-ancestors 'none'" in header_policy


def test_an_edited_inline_script_gets_its_new_hash_with_no_other_edit(tmp_path):
    project = copy_project(tmp_path / "project")
    # `mkdocs serve` first: its pages get no policy (it adds a live-reload script of its own), and
    # Material's markup is made valid there too.
    with mkdocs_serve(project, free_port()) as (base, _):
        served = urllib.request.urlopen(base + "factores/", timeout=30).read().decode()
    assert "livereload" in served and "Content-Security-Policy" not in served
    assert 'form="__md_toggles"' in served and 'autocomplete="off">' not in served
    partial = project / "overrides" / "partials" / "material-page.html"
    old = 'forEach(function(l){l.remove()})</script>'
    text = partial.read_text(encoding="utf-8")
    assert text.count(old) == 1
    partial.write_text(text.replace(old, 'forEach(function(l){l.remove()});</script>'), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict", site_url="http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stdout + result.stderr
    page = read(tmp_path / "site" / "factores" / "index.html")
    edited = next(script for script in page.inline if "l.remove()}" in script)
    assert edited.endswith(");") and policy.digest(edited) in script_hashes(page.policies[0][0])
    assert policy.digest(edited.removesuffix(";")) not in script_hashes(page.policies[0][0])
