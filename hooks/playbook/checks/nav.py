"""The menu in every language: each section and titled entry of `nav` in mkdocs.yml has its
name in every other language, under that language's `nav_translations` (mkdocs-static-i18n),
or the English menu shows Spanish. Problems name mkdocs.yml, not a file of docs/.
"""

from __future__ import annotations

import yaml

from ..catalogue import Problem
from ..config_check import value_of, walk
from ..label_files import said
from ..suggest import closest, did_you_mean
from .urls import language_name

CONFIG = "mkdocs.yml"


def _i18n(root):
    plugins, _ = value_of(root, "plugins")
    # A list of plugins, or one mapping of them.
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]:
        config, _ = value_of(item, "i18n")
        if config is not None:
            return config
    return None


def _says(node, key: str, words: tuple[str, ...]) -> bool:
    """Whether the mapping ``node`` sets ``key`` to one of YAML's ``words`` for true, or for false."""
    value, _ = value_of(node, key)
    return value is not None and value.value.lower() in words


def check_text(text: str, name: str = CONFIG) -> list[Problem]:
    """The menu's translations in the mkdocs.yml text ``text`` (the file ``name``)."""
    # Composed, not loaded: every entry keeps its line, and tags (`!ENV`, `!!python/name:`) are not run.
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # MkDocs itself refuses a mkdocs.yml it cannot read
    nav, _ = value_of(root, "nav")
    i18n = _i18n(root)
    languages, _ = value_of(i18n, "languages")
    if nav is None or not isinstance(languages, yaml.SequenceNode):
        return []
    written = [(entry.title, entry.title_line) for entry in walk(nav) if entry.title]
    names = {title for title, _ in written}
    problems = []
    for language in languages.value:
        locale, _ = value_of(language, "locale")
        # The default language's menu is `nav` itself; a language not built or with its own nav needs no names.
        if (locale is None or _says(language, "default", ("true", "yes", "on"))
                or _says(language, "build", ("false", "no", "off")) or value_of(language, "nav")[0] is not None):
            continue
        code = language_name(locale.value)
        translations, key = value_of(language, "nav_translations")
        known = {}
        if isinstance(translations, yaml.MappingNode):
            known = {str(k.value): k.start_mark.line + 1 for k, _ in translations.value}
        where = (said("under_nav_translations", line=key.start_mark.line + 1) if key else
                 said("new_nav_translations", locale=locale.value, line=language.start_mark.line + 1))
        # A name misspelt under nav_translations is said there, with the entry it meant: not also that entry
        # as untranslated (a second name for it would be a key written twice).
        unused = {title: closest(title, names - set(known)) for title in known if title not in names}
        problems += [Problem.of(name, line, "menu_untranslated", title=title, language=code, where=where, in_docs=False)
                     for title, line in written if title not in known and title not in unused.values()]
        problems += [Problem.of(name, known[title], "menu_translation_unused", title=title, in_docs=False,
                                near=did_you_mean(near)) for title, near in unused.items()]
    return problems
