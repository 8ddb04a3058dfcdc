"""Lighter pages (hooks/assets.py), its functions on their own: Material's
CSS split into rules and selectors, the components a configuration enables,
and which page HTML the trimmed CSS must still style. The built site's CSS is
checked in tests/build/test_assets.py."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from playbook import build, material_css

THEME = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
MAIN = next(THEME.glob("main.*.min.css"))


class Config(dict):
    """What Component.in_use reads of a MkDocs config."""

    def __init__(self, extensions=(), fences=(), plugins=(), features=(), extra=None):
        super().__init__()
        self.markdown_extensions = list(extensions)
        self.mdx_configs = {"pymdownx.superfences": {"custom_fences": [{"name": f} for f in fences]}}
        self.plugins = {name: None for name in plugins}
        self.theme = {"features": list(features)}
        self.extra = extra or {}


# Rules and selectors


def test_rules_are_split_at_the_top_level_only():
    css = '@media screen{a{b:c}d{e:f}}.x:before{content:"}{"}.y{z:0}'
    assert material_css.top_level(css, "}") == ["@media screen{a{b:c}d{e:f}}", '.x:before{content:"}{"}', ".y{z:0}"]


def test_selector_lists_split_outside_parentheses():
    assert material_css.top_level(".a,.b :is(.c,.d),[x=\",\"]", ",") == [".a", ".b :is(.c,.d)", "[x=\",\"]"]


def test_a_selector_needs_a_class_only_outside_is_and_not():
    pattern = material_css.class_pattern([material_css.Component("tabs", "md-tabs")])
    assert material_css.needs(".md-tabs__link:hover", pattern)
    assert material_css.needs("[dir=rtl] .md-tabs", pattern)
    assert not material_css.needs(".md-header:not(.md-tabs)", pattern)
    assert not material_css.needs(":is(.md-tabs,.md-nav) a", pattern)
    assert not material_css.needs(".md-tabsy", pattern)  # another class that starts alike


def test_left_out_selectors_leave_the_rest_of_their_rule():
    css = ".a,.drop{x:1}.drop{y:2}@media screen{.drop{z:3}}@media print{.a,.drop b{w:4}}"
    trimmed = material_css.without(css, lambda selector: ".drop" in selector)
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
    assert name not in {component.name for component in build.unused_components(config)}
    assert len(build.unused_components(config)) == len(material_css.COMPONENTS) - 1


def test_a_bare_site_leaves_every_optional_component_out():
    assert build.unused_components(Config()) == material_css.COMPONENTS


def test_enabled_content_tabs_keep_their_rules():
    css = MAIN.read_text(encoding="utf-8")
    bare = material_css.trimmed_main(css, build.unused_components(Config()))
    tabbed = material_css.trimmed_main(css, build.unused_components(Config(extensions=["pymdownx.tabbed"])))
    assert ".tabbed-set" not in bare and ".tabbed-set" in tabbed
    assert len(bare) < len(tabbed) < len(css)


# Where pages are held to the trimmed CSS


def test_a_page_showing_a_left_out_component_is_found():
    html = '<div class="tabbed-set md-typeset">'
    found = material_css.unstyled(html, build.unused_components(Config()))
    assert [(component.name, token) for component, token in found] == [("content tabs", "tabbed-set")]
    assert material_css.unstyled(html, build.unused_components(Config(extensions=["pymdownx.tabbed"]))) == []


def test_each_kind_of_setting_says_how_to_enable_its_component():
    fixes = {component.name: material_css.how_to_enable(component) for component in material_css.COMPONENTS}
    assert fixes["footnotes"] == "add 'footnotes' to markdown_extensions in mkdocs.yml"
    assert fixes["Mermaid diagrams"] == "add a 'mermaid' custom fence to pymdownx.superfences in mkdocs.yml"
    assert fixes["blog"] == "add the 'blog' plugin to mkdocs.yml"
    assert fixes["navigation tabs"] == "add 'navigation.tabs' to theme.features in mkdocs.yml"
    assert fixes["page status"] == "set extra.status in mkdocs.yml"
