"""Pages left out of the menu: a page of docs/ that `nav` in mkdocs.yml does not name is published
but no menu leads to it (MkDocs only says so in an INFO line). A page meant to be reached by links
alone says so in its front matter, `not_in_nav: true`. Said once per page, on its file in the first
language it has.
"""

from __future__ import annotations

import yaml

from ..catalogue import Catalogue, Problem
from ..config_check import nav_entries
from ..suggest import closest

HIDDEN = "not_in_nav"


def check_text(catalogue: Catalogue, config: str) -> list[Problem]:
    """The pages of ``catalogue`` that the `nav` of the mkdocs.yml text ``config`` leaves out."""
    try:
        entries = nav_entries(config)
    except yaml.YAMLError:
        return []  # mkdocs.yml's own problem, said by MkDocs
    named = [entry.path for entry in entries if entry.path]
    if not named:
        return []  # no `nav`: MkDocs makes the menu from the folders, every page in it
    # An entry written with its language, or misspelt, is mkdocs.yml's problem (config_check says it,
    # with the page it meant): the page it meant is in the menu once that is fixed.
    pages_md = [f"{key}.md" for key in catalogue.keys()]
    meant = {f"{catalogue.split(path)[0]}.md" for path in named} | {
        closest(path, pages_md) for path in named if path not in pages_md}
    problems = []
    for key in catalogue.keys():
        pages = [catalogue.page(key, language) for language in catalogue.languages]
        pages = [page for page in pages if page]
        if f"{key}.md" in meant or any(page.meta.get(HIDDEN) is True for page in pages):
            continue
        folder = key.rpartition("/")[0]
        # Its neighbours in the menu: the last entry of its folder, else the last entry.
        near = [path for path in named if path.rpartition("/")[0] == folder] or named
        problems.append(Problem.of(pages[0].path, 1, "not_in_nav", page=f"{key}.md", near=near[-1]))
    return problems
