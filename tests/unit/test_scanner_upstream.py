"""What the one Markdown scanner (playbook.markdown) takes from inside Python-Markdown and
pymdown-extensions, read from the installed copies: the readers of a link's `[text]`,
`(url "title")` and reference `[label]` and of an attribute list, and pymdownx.emoji's pattern.
Each test of a reach names the upstream, the version the scanner was checked against and what
changed, so that an upgrade fails here instead of leaving links the checks silently stop seeing;
the others hold the scanner's links to what the installed Python-Markdown renders."""

from __future__ import annotations

import importlib.metadata
import re

import markdown as python_markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.extensions.attr_list import get_attrs_and_remainder

from playbook.markdown import INLINE, REFERENCE, SHORTCODE, scan

LINE = '[a [b] c](x.md "t") [d] [g] :smile:'


def upstream(package: str, checked: str, what: str) -> str:
    return (f"{package} {importlib.metadata.version(package)} (the scanner was checked against {checked}): "
            f"{what} reads differently now. Re-check hooks/playbook/markdown.py (_bracketed) against it.")


def test_python_markdowns_link_readers_read_as_the_scanner_expects():
    # getText: the text in brackets (nested ones too), the index after `]`, closed or not.
    assert INLINE.getText(LINE, 1) == ("a [b] c", 9, True), upstream(
        "markdown", "3.11.4", "markdown.inlinepatterns.LinkInlineProcessor.getText")
    # getLink: the address, the title, the index after `)`, read or not.
    assert INLINE.getLink(LINE, 9) == ("x.md", "t", 19, True), upstream(
        "markdown", "3.11.4", "markdown.inlinepatterns.LinkInlineProcessor.getLink")
    # evalId: the label of `[text] [label]`, lower case, the index after it, found or not.
    assert REFERENCE.evalId(LINE, 23, "d") == ("g", 27, True), upstream(
        "markdown", "3.11.4", "markdown.inlinepatterns.ReferenceInlineProcessor.evalId")


def test_python_markdowns_attribute_list_reader_gives_keys_and_values():
    attributes = [tuple(pair) for pair in get_attrs_and_remainder('#i .c k=v t="a b" open')[0]]
    assert attributes == [("id", "i"), (".", "c"), ("k", "v"), ("t", "a b"), ("open", None)], upstream(
        "markdown", "3.11.4", "markdown.extensions.attr_list.get_attrs_and_remainder")


def test_pymdownx_emojis_pattern_finds_a_shortcode_with_its_colons():
    assert SHORTCODE.findall(LINE) == [":smile:"], upstream(
        "pymdown-extensions", "13.1", "pymdownx.emoji.RE_EMOJI")


def rendered(body: str) -> list[str]:
    """The addresses of the links and images Python-Markdown renders, in page order."""
    return re.findall(r'(?:href|src)="([^"]*)"', python_markdown.markdown(body))


def scanned(body: str) -> list[str]:
    return [link.url for link in scan(body).links if link.kind != "definition"]


def test_links_are_read_as_python_markdown_renders_them():
    body = ("[a](x y.md) [b] [g] [c [g] d]\n\n[e](f.md\n \n) ![i](<j k.png> \"t\")\n\n"
            "[g] [no label](z.md)\n\n[g]: http://example.com/g\n")
    assert scanned(body) == rendered(body) == ["x y.md", "http://example.com/g", "j k.png",
                                               "http://example.com/g", "z.md"]
    # An address whose title never closes is read as no link, and takes no line from the page.
    doc = scan('[x]("\n ](===\n\n## Last\n')
    assert not doc.links and [(heading.text, heading.line) for heading in doc.headings] == [("Last", 4)]


TEXT = st.sampled_from(["a", "b c", "the [x] one", "é", "`code`"])
ADDRESS = st.sampled_from(["x.md", "y z.md", "<a b.png>", "p.md#q", "(r).md", "s.md 'title'"])
LABEL = st.sampled_from(["g", "G", "h", "no such"])
FORMS = ["[{t}]({u})", "![{t}]({u})", "[{t}][{l}]", "[{t}] [{l}]", "[{l}][]", "[{l}]", "![{t}][{l}]", "{t}"]


# Pieces apart by a word: where brackets touch, Python-Markdown's order of patterns decides (a
# reference before an image: `![a][g] [g][]` is one link, `[g] [g]`), which the scanner does not follow.
GAP = st.sampled_from([" and ", "\nand ", "\n\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FORMS), TEXT, ADDRESS, LABEL, GAP), min_size=1, max_size=6))
def test_any_link_form_is_read_as_python_markdown_renders_it(pieces):
    body = "".join(form.format(t=text, u=url, l=label) + gap for form, text, url, label, gap in pieces)
    body += "\n\n[g]: g.md\n[h]: <h.md>\n"
    assert scanned(body) == rendered(body), body
