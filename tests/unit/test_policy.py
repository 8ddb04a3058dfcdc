"""The Content-Security-Policy's parts on pages in memory (hooks/playbook/policy.py): which inline
texts a page is allowed by hash, where its <meta> goes, the policy's directives and the _headers
file; Material's markup made valid and its indentation taken out (hooks/playbook/material_markup.py),
checked against the installed Material; and the cards' print scales, one CSS rule each. The built site under the
policy: tests/browser/test_policy.py; its markup: tests/build/test_html_valid.py."""

from __future__ import annotations

import re
from pathlib import Path

import material

from playbook import card_print, material_markup, policy
from support import ROOT
from support.static_host import rules

MATERIAL = Path(material.__file__).parent / "templates"


def test_a_hash_is_the_sha256_of_the_text_as_browsers_compute_it():
    # The example of the CSP specification, and a text beyond ASCII (hashed as UTF-8).
    assert policy.digest("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert policy.digest("«é»") != policy.digest("«e»")


def test_only_the_inline_scripts_a_browser_runs_are_hashed_once_each():
    html = """<head><script>one()</script><script src="a.js"></script>
    <script type="application/json" id="__config">{"a": 1}</script>
    <script type="module">two()</script><SCRIPT type='text/javascript'>three()</SCRIPT>
    <script data-src="x">four()</script><script>one()</script>
    <!-- <script>commented()</script> --><script></script><style>p{color:red}</style></head>"""
    scripts, styles = policy.inline(html)
    assert scripts == [policy.digest(text) for text in ("one()", "two()", "three()", "four()", "")]
    assert styles == [policy.digest("p{color:red}")]


def test_the_meta_comes_first_in_the_head_after_the_charset():
    meta = '<meta http-equiv="Content-Security-Policy" content="x">'
    page = '<!doctype html><html><head>\n  <meta charset="utf-8">\n<script>a()</script></head></html>'
    assert policy.with_meta(page, meta) == page.replace('<meta charset="utf-8">', '<meta charset="utf-8">' + meta)
    assert policy.with_meta("<html><head lang=es><script>a()</script>", meta) == \
        f"<html><head lang=es>{meta}<script>a()</script>"
    assert policy.with_meta("<p>no head</p>", meta) is None


def test_the_policy_allows_the_site_and_the_hashes_given_and_nothing_else():
    text = policy.policy(["'sha256-a'", "'sha256-b'"])
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self' 'sha256-a' 'sha256-b'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    for fetched in ("connect-src", "worker-src", "manifest-src"):
        assert directives[fetched] == "'self'"
    assert directives["img-src"] == "'self' data:"
    # No 'unsafe-…' anywhere, and frame-ancestors only in a header (a <meta> ignores it).
    assert "unsafe" not in text and "frame-ancestors" not in text
    assert "frame-ancestors 'none'" in policy.policy(header=True)


def test_the_headers_file_gives_every_address_the_policy_and_the_other_headers():
    text = policy.headers_file(policy.policy(header=True))
    assert text.startswith("/*\n")
    headers = dict(line.strip().split(": ", 1) for line in text.splitlines()[1:])
    assert headers == {"Content-Security-Policy": policy.policy(header=True),
                       "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"}


def test_the_test_host_reads_the_headers_file_as_netlify_and_cloudflare_do():
    text = policy.headers_file("default-src 'none'") + "# a comment\n/kiosk/*\n  X-Kiosk: yes\n/:lang/cards/\n  X: 1\n"
    matched = {path: [header for pattern, headers in rules(text) if pattern.fullmatch(path) for header in headers]
               for path in ("/", "/kiosk/", "/en/cards/", "/en/cards/x/")}
    assert [name for name, _ in matched["/"]] == ["Content-Security-Policy", "X-Content-Type-Options",
                                                   "Referrer-Policy"]
    assert ("X-Kiosk", "yes") in matched["/kiosk/"] and ("X", "1") in matched["/en/cards/"]
    assert ("X", "1") not in matched["/en/cards/x/"]


def test_materials_markup_still_holds_what_is_rewritten():
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    for old in material_markup.TOGGLES:
        assert base.count(old) == 1, (
            f"Material for MkDocs' base.html no longer has {old!r}: hooks/playbook/material_markup.py "
            "rewrites it (checked against Material 9.8.1). Check the new markup with the W3C checker "
            "(tests/build/test_html_valid.py) and update TOGGLES.")
    toc = (MATERIAL / "partials/toc.html").read_text(encoding="utf-8")
    assert material_markup.TOC_LABEL in toc, (
        "Material for MkDocs' partials/toc.html no longer has its label for __toc: update "
        "hooks/playbook/material_markup.py (TOC_LABEL).")
    nav_item = (MATERIAL / "partials/nav-item.html").read_text(encoding="utf-8")
    assert 'id="__toc"' in nav_item, "Material's navigation no longer names its checkbox __toc"


def test_the_toggles_name_a_form_that_turns_autocomplete_off_and_a_label_for_nothing_loses_its_for():
    page = "<body>" + "\n".join(material_markup.TOGGLES) + material_markup.TOC_LABEL + "</body>"
    valid = material_markup.valid(page)
    assert "autocomplete" not in valid.replace(material_markup.TOGGLES_FORM, "")
    assert valid.count('form="__md_toggles"') == 2 and valid.count(material_markup.TOGGLES_FORM) == 1
    assert 'for="__toc"' not in valid
    # With the checkbox it labels, the label stays; a page without Material's markup is unchanged.
    with_control = material_markup.TOC_LABEL + '<input id="__toc">'
    assert material_markup.valid(with_control) == with_control
    assert material_markup.valid("<p>kiosk</p>") == "<p>kiosk</p>"


def test_cards_css_has_one_print_rule_for_every_scale():
    css = (ROOT / "docs/assets/stylesheets/cards.css").read_text(encoding="utf-8")
    rule = re.compile(r'\[data-qc-print="(\d+)"\]\s*\{\s*--qc-print:\s*([\d.]+);\s*\}')
    rules = {int(n): float(v) for n, v in rule.findall(css)}
    # Every print scale print_scale gives, in hundredths: a rule each (a style attribute would need
    # the pages' Content-Security-Policy to allow inline styles).
    scales = range(round(card_print.SMALLEST * 100), round(card_print.LARGEST * 100) + 1)
    expected = {n: n / 100 for n in scales}
    assert rules == expected, (
        "docs/assets/stylesheets/cards.css needs one rule per print scale card_print.py gives "
        f"(from {card_print.SMALLEST} to {card_print.LARGEST}): missing "
        f"{sorted(set(expected) - set(rules))}, extra {sorted(set(rules) - set(expected))}")
    # The scales print_scale really gives are among them.
    card = {"name": "A", "summary": "B", "recognise": ["c"], "attend": ["d"],
            "questions": {"kind_label": "e", "guidance": ["f"], "examples": ["g"]}}
    assert round(card_print.print_scale(card) * 100) in rules


def test_indentation_between_tags_goes_where_whitespace_does_not_show():
    page = ('<ul>\n      <li>\n\n        <a href="x/">Uno</a>\n      </li>\n</ul>\n'
            '<pre><code>a:\n    b\n\n  c</code></pre>\n<p>Usa <code>x\n   y</code> y\n   <em>z</em></p>\n'
            '<textarea>\n  hola\n</textarea>\n<script>\n  var a = 1\n</script>\n')
    assert material_markup.compact(page) == (
        '<ul>\n<li>\n<a href="x/">Uno</a>\n</li>\n</ul>\n'
        '<pre><code>a:\n    b\n\n  c</code></pre>\n<p>Usa <code>x\n   y</code> y\n<em>z</em></p>\n'
        '<textarea>\n  hola\n</textarea>\n<script>\n  var a = 1\n</script>\n')
