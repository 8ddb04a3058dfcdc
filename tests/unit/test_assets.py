"""Lighter pages (hooks/assets.py): Material's main.css without the components
the site cannot show, palette.css without its named colours, our CSS and
JavaScript minified; and a page that shows a left-out component anyway stops
the build with its file, line and fix."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

import assets
from support import ROOT
from support.sites import append, apply, base_files, build

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
MAIN = next(THEME.glob("main.*.min.css"))
PALETTE = next(THEME.glob("palette.*.min.css"))
CLASS = re.compile(r"""class=["']([^"']*)["']""")


class Config(dict):
    """What Component.in_use reads of a MkDocs config."""

    def __init__(self, extensions=(), fences=(), plugins=(), features=(), extra=None):
        super().__init__()
        self.markdown_extensions = list(extensions)
        self.mdx_configs = {"pymdownx.superfences": {"custom_fences": [{"name": f} for f in fences]}}
        self.plugins = {name: None for name in plugins}
        self.theme = {"features": list(features)}
        self.extra = extra or {}


def styled_classes(css: str) -> set[str]:
    return set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))


# Rules and selectors


def test_rules_are_split_at_the_top_level_only():
    css = '@media screen{a{b:c}d{e:f}}.x:before{content:"}{"}.y{z:0}'
    assert assets.top_level_rules(css) == ["@media screen{a{b:c}d{e:f}}", '.x:before{content:"}{"}', ".y{z:0}"]


def test_selector_lists_split_outside_parentheses():
    assert assets.selectors(".a,.b :is(.c,.d),[x=\",\"]") == [".a", ".b :is(.c,.d)", "[x=\",\"]"]


def test_a_selector_needs_a_class_only_outside_is_and_not():
    pattern = assets.class_pattern([assets.Component("tabs", "md-tabs")])
    assert assets.needs(".md-tabs__link:hover", pattern)
    assert assets.needs("[dir=rtl] .md-tabs", pattern)
    assert not assets.needs(".md-header:not(.md-tabs)", pattern)
    assert not assets.needs(":is(.md-tabs,.md-nav) a", pattern)
    assert not assets.needs(".md-tabsy", pattern)  # another class that starts alike


def test_left_out_selectors_leave_the_rest_of_their_rule():
    css = ".a,.drop{x:1}.drop{y:2}@media screen{.drop{z:3}}@media print{.a,.drop b{w:4}}"
    trimmed = assets.without(css, lambda selector: ".drop" in selector)
    assert trimmed == ".a{x:1}@media print{.a{w:4}}"


# Which components a site uses


@pytest.mark.parametrize(
    "config, name",
    [
        (Config(extensions=["pymdownx.tabbed"]), "content tabs"),
        (Config(extensions=["pymdownx.extra"]), "footnotes"),
        (Config(extensions=["markdown.extensions.footnotes"]), "footnotes"),
        (Config(fences=["mermaid"]), "Mermaid diagrams"),
        (Config(plugins=["material/tags"]), "tags"),
        (Config(plugins=["blog"]), "blog"),
        (Config(features=["navigation.tabs"]), "navigation tabs"),
        (Config(extra={"version": {"provider": "mike"}}), "version selector"),
    ],
)
def test_a_component_mkdocs_yml_enables_keeps_its_styles(config, name):
    assert name not in {component.name for component in assets.unused(config)}
    assert len(assets.unused(config)) == len(assets.COMPONENTS) - 1


def test_a_bare_site_leaves_every_optional_component_out():
    assert assets.unused(Config()) == assets.COMPONENTS


def test_enabled_content_tabs_keep_their_rules():
    css = MAIN.read_text(encoding="utf-8")
    bare = assets.trimmed_main(css, assets.unused(Config()))
    tabbed = assets.trimmed_main(css, assets.unused(Config(extensions=["pymdownx.tabbed"])))
    assert ".tabbed-set" not in bare and ".tabbed-set" in tabbed
    assert len(bare) < len(tabbed) < len(css)


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


def test_pages_are_held_to_the_trimmed_css_only_where_it_is_trimmed():
    config = Config()
    config.hooks = []  # a project without hooks/assets.py keeps Material's CSS whole
    assert assets.unstyled('<div class="tabbed-set md-typeset">', config) == []
    config.hooks = [str(ROOT / "hooks" / "assets.py")]
    found = assets.unstyled('<div class="tabbed-set md-typeset">', config)
    assert [(component.name, token) for component, token in found] == [("content tabs", "tabbed-set")]
