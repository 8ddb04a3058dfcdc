"""Translation drift, without a build (hooks/playbook/translations.py): the
fingerprint of a Spanish page, the record a reviewed translation carries, and
the labels of the status page in both languages. The command and real builds
of a small site are in tests/build/test_translation_drift.py."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from playbook import translations
from support import LANGUAGES, ROOT
from support.drift_site import source_page
from tools.translated import with_record

# The fingerprint ---------------------------------------------------------------

SPANISH = "---\ntitle: Factores\ndescription: Los seis factores.\n---\n\nAmabilidad y rapidez.\n"


def test_fingerprint_ignores_what_a_reader_cannot_see():
    base = translations.fingerprint(source_page(SPANISH))
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", base)
    invisible = (
        "---\r\n# a comment\r\ndescription: Los seis factores.\r\ntitle: Factores\r\n"
        "owner: Formación\r\nreview_by: 2030-01-01\r\n---\r\n\r\n\r\n\r\n"
        "Amabilidad y rapidez.   \r\n\r\n"
    )
    assert translations.fingerprint(source_page(invisible)) == base


@pytest.mark.parametrize("changed", [
    SPANISH.replace("rapidez", "rapidez en la atención"),
    SPANISH.replace("title: Factores", "title: Los factores"),
    SPANISH + "\nUn párrafo nuevo.\n",
])
def test_fingerprint_changes_with_the_text(changed):
    assert translations.fingerprint(source_page(changed)) != translations.fingerprint(
        source_page(SPANISH))


# Writing the record -------------------------------------------------------------


def test_record_goes_last_in_the_front_matter_and_nothing_else_moves():
    text = "---\ntitle: Factors  # kept\ndescription: Six.\n---\n\nBody.\n"
    updated = with_record(text, "sha256:0123456789abcdef")
    assert updated == (
        "---\ntitle: Factors  # kept\ndescription: Six.\n"
        "translated_from: sha256:0123456789abcdef\n---\n\nBody.\n"
    )


def test_an_old_record_is_replaced_where_it_stands():
    text = "\ufeff---\r\ntranslated_from: sha256:old\r\ntitle: Factors\r\n---\r\nBody.\r\n"
    updated = with_record(text, "sha256:new")
    assert updated == (
        "\ufeff---\r\ntranslated_from: sha256:new\r\ntitle: Factors\r\n---\r\nBody.\r\n")


def test_a_page_without_front_matter_is_refused():
    with pytest.raises(ValueError, match="no front matter"):
        with_record("# Factors\n\nBody.\n", "sha256:new")


def without_record(text: str) -> list[str]:
    """The lines of a page but the record's: its key line and the indented lines of its value."""
    kept, in_record = [], False
    for line in text.splitlines():
        in_record = line.startswith("translated_from:") or (in_record and line[:1] in (" ", "\t"))
        if not in_record:
            kept.append(line)
    return kept


lines = st.lists(
    st.sampled_from(["title: A", "description: 'B: c'", "# comment", "items:", "  - x",
                     "translated_from: sha256:old", "owner: Equipo"]),
    max_size=8,
)


@given(front=lines, body=st.text(alphabet="abc \n#-", max_size=40))
def test_marking_changes_only_the_record(front, body):
    text = "---\n" + "".join(f"{line}\n" for line in front) + "---\n" + body
    updated = with_record(text, "sha256:fedcba9876543210")
    assert without_record(updated) == without_record(text)
    assert updated.count("translated_from: sha256:fedcba9876543210") == 1
    assert updated.endswith(body)


# The status page's words ----------------------------------------------------------


def test_labels_exist_in_both_languages():
    labels = yaml.safe_load((ROOT / "hooks/playbook/labels/translation.yml").read_text(encoding="utf-8"))

    def shape(value):
        return {k: shape(v) for k, v in value.items()} if isinstance(value, dict) else None

    assert set(labels) == set(LANGUAGES)
    assert shape(labels["es"]) == shape(labels["en"])
    assert set(labels["en"]["states"]) == {translations.FRESH, translations.STALE,
                                            translations.NO_RECORD, translations.NO_TRANSLATION}
