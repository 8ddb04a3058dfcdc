"""Material partials that overrides/partials/ replaces: each must stay
Material's own partial with the changes its header explains, nothing else,
so that a Material upgrade that changes one fails here instead of leaving an
old copy in the site. The navigation partial must also render the same
navigation as Material's."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import material
import pytest

from support import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OURS = ROOT / "overrides"

HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)

# Material's loop over every child of a section, and the filter that replaces it.
INDEX_LOOP = """\
    {% set _ = namespace(index = none) %}
    {% if "navigation.indexes" in features %}
      {% for item in nav_item.children %}
        {% if item.is_index and _.index is none %}
          {% set _.index = item %}
        {% endif %}
      {% endfor %}
    {% endif %}
    {% set index = _.index %}
"""
INDEX_FILTER = """\
    {% set index = none %}
    {% if "navigation.indexes" in features %}
      {% set index = nav_item.children | selectattr("is_index") | first | default(none) %}
    {% endif %}
"""

# Material's loop over a section's children, and the same with pruned sections written in place.
CHILDREN_LOOP = """\
            {% for item in nav_item.children %}
              {% if not index or item != index %}
                {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}
              {% endif %}
            {% endfor %}
"""
PRUNED_IN_PLACE = """\
            {% set pruned = "navigation.prune" in features and not ("navigation.tabs" in features
                 and "navigation.sections" in features and level == 1 and nav_item.active) %}
            {% for item in nav_item.children %}
              {% if not index or item != index %}
                {% set first = item.children and item.children[0] %}
                {% set own = item.__dict__ %}
                {% if pruned and first and not first.children and not item.active and not own.get("pages")
                      and not own.get("meta") and not own.get("typeset") %}
                  <li class="md-nav__item md-nav__item--pruned md-nav__item--nested"> <a href="{{ first.url | url }}"
                    class="md-nav__link"> <span class="md-ellipsis"> {{ item.title }} </span>
                    <span class="md-nav__icon md-icon"></span> </a> </li>
                {% else %}
                  {{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}
                {% endif %}
              {% endif %}
            {% endfor %}
"""


# Each override: Material's text and ours, for every change it makes.
CHANGES = {
    "partials/nav-item.html": [(INDEX_LOOP, INDEX_FILTER), (CHILDREN_LOOP, PRUNED_IN_PLACE)],
    "partials/copyright.html": [
        ("    Made with\n",
         '    {% from "partials/site-words.html" import site_words %}\n'
         '    {{ (site_words[config.theme.language] | d(site_words["es"])).made_with }}\n'),
    ],
    "partials/header.html": [
        ("""          <span class="md-ellipsis">
            {{ config.site_name }}
          </span>""",
         """          <span class="md-ellipsis">
            {% from "partials/site-words.html" import site_words %}
            <span class="pb-name">{{ config.site_name }}</span>
            <span class="pb-short-name">{{ (site_words[config.theme.language] | d(site_words["es"])).short_name }}</span>
          </span>"""),
        # The repository's widget asks its host for stars and forks: a request to another host.
        ("""    {% if config.repo_url %}
      <div class="md-header__source">
        {% include "partials/source.html" %}
      </div>
    {% endif %}
""", ""),
    ],
    "partials/search.html": [
        ('<div class="md-search" data-md-component="search" role="dialog">',
         '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        ('<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>',
         '<div class="md-search__scrollwrap" data-md-scrollfix>'),
    ],
}


def test_every_override_of_a_material_partial_is_listed():
    # main.html and 404.html extend Material's templates (its documented way);
    # a partial of the same name as one of Material's replaces it whole.
    overridden = {path.relative_to(OURS).as_posix() for path in OURS.glob("partials/*.html")
                  if (MATERIAL / path.relative_to(OURS)).exists()}
    assert overridden == set(CHANGES)


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_an_override_is_materials_partial_with_its_changes_alone(name):
    theirs = (MATERIAL / name).read_text(encoding="utf-8")
    ours = (OURS / name).read_text(encoding="utf-8")
    expected = HEADER.sub("", theirs)
    for old, new in CHANGES[name]:
        assert expected.count(old) == 1, (
            f"Material's {name} no longer holds what overrides/{name} changes: copy Material's "
            "partial anew and make the changes its header describes, or drop the override."
        )
        expected = expected.replace(old, new)
    assert HEADER.sub("", ours) == expected, (
        f"overrides/{name} differs from Material's partial by more than the changes its header "
        "describes: copy Material's partial anew and make only those."
    )


class Item:
    """A page or section of the navigation, as the partial reads it."""

    def __init__(self, title: str, children: list[Item] | None = None, is_index: bool = False):
        self.title = title
        self.url = f"{title}/"
        self.children = children
        self.is_index = is_index
        self.active = False
        self.toc = []


def render(templates: list[Path], nav: list[Item], page: Item, features: list[str]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(path) for path in templates]))
    env.filters["url"] = lambda url: url
    env.globals.update(page=page, features=features, config={"extra": {}})
    module = env.get_template("partials/nav-item.html").module
    html = "".join(str(module.render(item, f"__nav_{n}", 1, None)) for n, item in enumerate(nav, 1))
    return re.sub(r"\s+", " ", html).strip()


def navigation() -> list[Item]:
    """Sections with their index page first, further down, twice, or missing,
    and a section within a section."""
    def section(name: str, index_at: list[int], size: int = 4) -> Item:
        return Item(name, [Item(f"{name}-{n}", is_index=n in index_at) for n in range(size)])

    return [Item("home"), section("first", [0]), section("third", [2]), section("twice", [1, 3]),
            section("none", []), Item("nested", [section("inner", [1]), Item("leaf")])]


# The page read: inside each kind of section, and outside all of them.
READINGS = ["first-1", "third-0", "twice-3", "none-2", "inner-0", "leaf", "home"]


def activate(nav: list[Item], title: str) -> Item:
    """Mark the page and its sections active, as MkDocs does; return the page."""
    for item in nav:
        if item.title == title:
            item.active = True
            return item
        if item.children and (found := activate(item.children, title)):
            item.active = True
            return found
    return None


@pytest.mark.parametrize("features", [
    ["navigation.prune", "navigation.indexes"],
    ["navigation.indexes"],
    ["navigation.prune"],
])
@pytest.mark.parametrize("reading", READINGS)
def test_nav_item_renders_the_navigation_as_materials_partial_does(features, reading):
    nav = navigation()
    page = activate(nav, reading)
    ours = render([OURS, MATERIAL], nav, page, features)
    theirs = render([MATERIAL], nav, page, features)
    assert ours == theirs
    if "navigation.indexes" in features and reading == "third-0":
        # The section links to its index page, found though it is not its first child.
        assert 'href="third-2/"' in ours


@pytest.mark.parametrize("attribute, value, shown", [
    ("meta", {"status": "new"}, "md-status--new"),
    ("typeset", {"title": "<em>Inner</em>"}, "<em>Inner</em>"),
    ("pages", ["elsewhere"], None),
])
def test_a_pruned_section_with_more_than_a_title_is_left_to_materials_macros(attribute, value, shown):
    """The partial writes a pruned sibling section in place only when it has nothing but a title
    and children; one that has what Material's macros read (its own meta, typeset title, pages) is
    rendered by them, as Material renders it."""
    nav = navigation()
    page = activate(nav, "leaf")
    inner = nav[5].children[0]
    setattr(inner, attribute, value)
    ours = render([OURS, MATERIAL], nav, page, ["navigation.prune"])
    assert ours == render([MATERIAL], nav, page, ["navigation.prune"])
    assert 'href="inner-0/"' in ours
    if shown:
        assert shown in ours
