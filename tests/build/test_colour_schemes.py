"""The colour schemes change colours, never the layout: every rule of every stylesheet the built
site serves (its files and its pages' own <style>) that applies in one scheme only (Material's
slate or default, a reader's preference for dark or light) sets colours, colour variables,
shadows or the colour scheme itself, never a size, a place or what shows. A page therefore lays
out the same in both schemes: tests/browser/test_every_page.py measures every size in the light
scheme only. Material's rules that hide an image in one scheme
(images marked #only-light, #only-dark and GitHub's like) find no such image on any page.
"""

from __future__ import annotations

import re

import tinycss2

ONE_SCHEME = re.compile(r"data-md-color-scheme=\"?(?:slate|default)|prefers-color-scheme\s*:\s*(?:dark|light)")
# What may change with the scheme: how things are coloured.
COLOURS = re.compile(r"^(?:color|color-scheme|background-color|(?:border|border-\w+|outline|text-decoration|caret|"
                     r"accent|column-rule)-color|fill|stroke|box-shadow|text-shadow)$")
# A colour: written out, made by a colour function, or a variable named for one.
COLOUR = (r"(?:#[0-9a-f]{3,8}|(?:rgba?|hsla?|color-mix)\(.*\)|var\(--[\w-]*(?:color|colour)[\w-]*\)"
          r"|transparent|currentcolor|white|black)")
# A variable's value: a colour, shadows (offsets and a colour, comma-separated), or the hue
# Material's colours are made with (--md-hue, an angle).
COLOUR_VALUE = re.compile(rf"^(?:{COLOUR}|(?:\s*(?:-?[\d.]+(?:rem|em|px)?\s+){{2,4}}{COLOUR}\s*,?)+|[\d.]+deg)$",
                          re.I | re.S)
# Images a page marks for one scheme only, which the other hides (Material's stylesheets).
MARKS = "only-light|only-dark|gh-light-mode-only|gh-dark-mode-only"
ONE_SCHEME_IMAGE = re.compile(rf'img\[src\$="?#(?:{MARKS})"?\]')
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)


def rules(css: str, within: str = ""):
    """Each style rule of a stylesheet, with the at-rules (@media ...) it sits in."""
    for rule in tinycss2.parse_rule_list(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.content is not None:
            yield from rules(rule.content, within + tinycss2.serialize(rule.prelude))
        elif rule.type == "qualified-rule":
            yield within, tinycss2.serialize(rule.prelude), rule


def one_scheme(stylesheets: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(stylesheet, selector, property, value) of every declaration that applies in one scheme only."""
    found = []
    for name, css in stylesheets.items():
        for within, selector, rule in rules(css):
            if not ONE_SCHEME.search(within + selector):
                continue
            for declaration in tinycss2.parse_declaration_list(rule.content, skip_comments=True,
                                                               skip_whitespace=True):
                if declaration.type == "declaration":
                    value = tinycss2.serialize(declaration.value).strip()
                    found.append((name, selector, declaration.lower_name, value))
    return found


def layout_changes(declarations) -> list[str]:
    """The declarations that could change where text lands, with where they are."""
    changes = []
    for name, selector, prop, value in declarations:
        if COLOURS.match(prop) or prop.startswith("--") and COLOUR_VALUE.match(value):
            continue
        if prop == "display" and value == "none" and ONE_SCHEME_IMAGE.search(selector):
            continue  # checked against the pages below
        changes.append(f"{name}: {selector} {{ {prop}: {value} }}")
    return changes


def test_the_schemes_change_colours_only(site):
    stylesheets = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
                   for path in sorted(site.rglob("*.css"))}
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(site.rglob("*.html"))}
    for address, html in pages.items():
        stylesheets.update({f"{address} <style> {i}": css for i, css in enumerate(STYLE.findall(html))})
    declarations = one_scheme(stylesheets)
    # The sweep sees the schemes' own rules: Material's, ours and the cards'.
    assert {name.split("/")[-1].split(".")[0] for name, *_ in declarations} >= {"main", "palette", "playbook", "cards"}
    assert layout_changes(declarations) == []
    marked = [address for address, html in pages.items() if re.search(rf'<img[^>]+src="[^"]*#(?:{MARKS})"', html)]
    assert marked == [], "images one scheme hides change the layout"


def test_the_sweep_finds_a_scheme_rule_that_moves_text():
    """A rule of each kind that changes the layout in one scheme only is found; colours are not."""
    css = """
    [data-md-color-scheme="slate"] .md-typeset { --md-typeset-a-color: #8ab8e6; color: #fff; font-size: 1.1rem }
    @media (prefers-color-scheme: dark) { .qc-card { padding: 2rem; box-shadow: 0 0 1px #000 } }
    [data-md-color-scheme=slate] { --md-shadow-z1: 0 0.2rem 0.5rem #0000000d, 0 0 0.05rem #0000001a;
                                   --pb-gap: 2rem; --pb-ring: var(--md-accent-fg-color); --pb-wide: var(--wide) }
    [data-md-color-scheme=slate] img[src$="#only-light"] { display: none }
    [data-md-color-scheme=slate] .md-header { display: none }
    [data-md-color-scheme=default] .md-typeset { font-size: 2rem; --md-hue: hsla(225deg, 15%, 90%, 0.7) }
    @media (prefers-color-scheme: light) { .qc-card { margin: 1rem } }
    .md-typeset { font-size: 3rem }
    """
    assert sorted(change.split(" { ")[1] for change in layout_changes(one_scheme({"test.css": css}))) == [
        "--pb-gap: 2rem }", "--pb-wide: var(--wide) }", "display: none }", "font-size: 1.1rem }",
        "font-size: 2rem }", "margin: 1rem }", "padding: 2rem }"]
