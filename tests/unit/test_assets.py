"""Lighter pages (hooks/assets.py), its functions on their own: Material's
CSS split into rules and selectors, the components a configuration enables,
and which page HTML the trimmed CSS must still style. The built site's CSS is
checked in tests/build/test_assets.py."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

import assets
from support import ROOT

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


# Where pages are held to the trimmed CSS


def test_pages_are_held_to_the_trimmed_css_only_where_it_is_trimmed():
    config = Config()
    config.hooks = []  # a project without hooks/assets.py keeps Material's CSS whole
    assert assets.unstyled('<div class="tabbed-set md-typeset">', config) == []
    config.hooks = [str(ROOT / "hooks" / "assets.py")]
    found = assets.unstyled('<div class="tabbed-set md-typeset">', config)
    assert [(component.name, token) for component, token in found] == [("content tabs", "tabbed-set")]
