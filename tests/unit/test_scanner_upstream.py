"""What the one Markdown scanner (playbook.markdown) takes from inside Python-Markdown and
pymdown-extensions, read from the installed copies: the readers of a link's `[text]`,
`(url "title")` and reference `[label]`, and pymdownx.emoji's pattern. Each test names the
upstream, the version the scanner was checked against and what changed, so that an upgrade
fails here instead of leaving links the checks silently stop seeing."""

from __future__ import annotations

import importlib.metadata

from playbook.markdown import INLINE, REFERENCE, SHORTCODE

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


def test_pymdownx_emojis_pattern_finds_a_shortcode_with_its_colons():
    assert SHORTCODE.findall(LINE) == [":smile:"], upstream(
        "pymdown-extensions", "13.1", "pymdownx.emoji.RE_EMOJI")
