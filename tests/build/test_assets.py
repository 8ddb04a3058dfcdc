"""Lighter pages (hooks/assets.py) in real builds: the playbook's main.css
without the components the site cannot show, palette.css without its named
colours, our CSS and JavaScript minified; and a page that shows a left-out
component anyway stops the build with its file, line and fix."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from support import ROOT, mkdocs_build
from support.sites import append, apply, base_files, build, make_project

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
MAIN = next(THEME.glob("main.*.min.css"))
PALETTE = next(THEME.glob("palette.*.min.css"))
CLASS = re.compile(r"""class=["']([^"']*)["']""")


def styled_classes(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


# The built site


def site_css(site: Path, pattern: str) -> str:
    return next((site / "assets" / "stylesheets").glob(pattern)).read_text(encoding="utf-8")


def test_main_css_keeps_every_class_a_page_shows(site):
    """For every class on every page that Material's main.css styles, the
    trimmed main.css still has a rule naming it."""
    original = styled_classes(MAIN.read_text(encoding="utf-8"))
    trimmed = styled_classes(site_css(site, "main.*.min.css"))
    shown = {token for page in site.rglob("*.html")
             for value in CLASS.findall(page.read_text(encoding="utf-8")) for token in value.split()}
    missing = sorted((shown & original) - trimmed)
    assert not missing, f"classes on the pages lost their styles: {missing}"
    # Material's scripts draw these at run time (search, navigation, copy to clipboard).
    assert {"md-search-result__item", "md-nav__link--active", "md-clipboard", "md-dialog"} <= trimmed


def test_main_css_leaves_out_components_the_site_cannot_show(site):
    css = site_css(site, "main.*.min.css")
    for selector in (".md-tabs", ".tabbed-set", ".md-tag", ".md-version", ".md-consent", ".md-post"):
        assert not re.search(re.escape(selector) + r"(?![\w-])", css), selector
    assert len(css) < 0.8 * MAIN.stat().st_size
    assert not list((site / "assets" / "stylesheets").glob("main.*.map"))


def test_palette_keeps_the_schemes_and_drops_the_named_colours(site):
    css = site_css(site, "palette.*.min.css")
    assert "[data-md-color-scheme=slate]" in css
    assert "color-scheme:dark" in css
    assert "data-md-color-primary=indigo" not in css
    assert "data-md-color-accent=" not in css
    assert len(css) < 0.3 * PALETTE.stat().st_size


@pytest.mark.parametrize("path", ["assets/stylesheets/playbook.css", "assets/stylesheets/cards.css",
                                  "assets/javascripts/kiosk.js"])
def test_our_css_and_javascript_are_minified(site, path):
    source = (ROOT / "docs" / path).read_text(encoding="utf-8")
    built = (site / path).read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in built
    assert len(built) < 0.8 * len(source)


# A page that shows a left-out component


def test_a_page_showing_a_left_out_component_stops_the_build(tmp_path):
    files = apply(base_files(), {"factores.es.md": append(
        '<div class="tabbed-set" markdown>\n\nPestañas\n\n</div>')})
    result = build(tmp_path / "project", files)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = files["factores.es.md"].splitlines().index('<div class="tabbed-set" markdown>') + 1
    assert re.search(
        rf"^docs/factores\.es\.md:{line}: This page's HTML contains Material's content tabs "
        r"\(class 'tabbed-set'\), whose styles this site leaves out\.\n"
        r"    How to fix: Add 'pymdownx\.tabbed' to markdown_extensions in mkdocs\.yml, "
        r"or take it out of the page\.$",
        output, re.M), output
    # The fix the message names works first time: the extension it names enabled, the page builds as it is.
    extension = re.search(r"Add '([^']+)' to markdown_extensions", output).group(1)
    project = make_project(tmp_path / "fixed", files)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "markdown_extensions:\n", f"markdown_extensions:\n  - {extension}\n", 1), encoding="utf-8")
    fixed = mkdocs_build(project, tmp_path / "fixed" / "site", "--no-strict")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
