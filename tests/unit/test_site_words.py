"""The words of the site's frame (overrides/partials/site-words.html: the
header's short name, the footer's "Made with", the home page's search field,
the 404 page) exist in every language, with the same keys, none empty; and
the templates that use them ask for keys that exist."""

from __future__ import annotations

import re

import jinja2

from support import LANGUAGES, ROOT

OVERRIDES = ROOT / "overrides"


def site_words() -> dict:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES))
    return env.get_template("partials/site-words.html").module.site_words


def test_every_language_has_the_same_words():
    words = site_words()
    assert set(words) == set(LANGUAGES)
    keys = {language: set(words[language]) for language in LANGUAGES}
    assert all(found == keys[LANGUAGES[0]] for found in keys.values()), keys
    for language in LANGUAGES:
        assert all(isinstance(value, str) and value.strip() for value in words[language].values())
    # Translated, not copied.
    assert words["es"]["made_with"] != words["en"]["made_with"]


def test_the_templates_ask_for_words_that_exist():
    keys = set(site_words()["es"])
    asked = set()
    for path in OVERRIDES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "site_words" in text and path.name != "site-words.html":
            asked |= set(re.findall(r"(?<![-\w])words\.(\w+)", text))
            asked |= set(re.findall(r"site_words\[[^\]]+\][^.]*\)\.(\w+)", text))
    assert asked and asked <= keys, asked - keys
