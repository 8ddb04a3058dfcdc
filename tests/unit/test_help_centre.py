"""The help-centre habits' pure parts: which site addresses a phone can open (a card's QR code
is drawn only for those), and the one git log read into each file's date and the lines its editors
wrote (what's new)."""

from __future__ import annotations

import pytest

import cards
from playbook import git_dates


@pytest.mark.parametrize(("address", "public"), [
    ("http://127.0.0.1:8000/", False),
    ("http://127.1.2.3/", False),
    ("http://localhost:8000/", False),
    ("http://kiosk.localhost/", False),
    ("http://[::1]:8000/", False),
    ("http://0.0.0.0:8000/", False),
    ("", False),
    (None, False),
    ("https://example.github.io/playbook/", True),
    ("https://manual.tienda.example/", True),
    ("http://192.168.1.20:8000/", True),  # a store's own network: a phone on it can open it
])
def test_a_qr_code_is_drawn_only_for_an_address_another_device_can_open(address, public):
    assert cards.public(address) is public


def test_each_file_gets_its_newest_commits_date_and_each_languages_trailer():
    keys = ("Novedad", "News")
    log = "".join([
        # A merge without trailers: the commit it brought speaks for the page.
        "\x011700000500 m1 b1\x02\x02\0\0tipos/enojado.es.md\0",
        "\x011700000400 abc\x02Cliente enojado: cuándo llamar\x02\0\0tipos/enojado.es.md\0",
        # A merge with trailers (one given twice: the first): they speak for what it brings in.
        "\x011700000300 m2 b2\x02Factores: lista\x03otra\x02Factors: a list\0\0factores.es.md\0factores.en.md\0",
        "\x011700000250 b2\x02\x02Developer words\0\0factores.en.md\0",
        # A commit with none: its page has no line, and older commits give it none either.
        "\x011700000200 def\x02\x02\0\0tipos/enojado.en.md\0",
        "\x011700000100 \x02Primero\x02First\0\0index.es.md\0tipos/enojado.es.md\0tipos/enojado.en.md\0",
    ])
    dates, rootless, lines = git_dates.parse_log(log, keys)
    assert dates == {"tipos/enojado.es.md": 1700000500, "factores.es.md": 1700000300, "factores.en.md": 1700000300,
                     "tipos/enojado.en.md": 1700000200, "index.es.md": 1700000100}
    assert lines == {"tipos/enojado.es.md": {"Novedad": "Cliente enojado: cuándo llamar"},
                     "factores.es.md": {"Novedad": "Factores: lista", "News": "Factors: a list"},
                     "factores.en.md": {"Novedad": "Factores: lista", "News": "Factors: a list"},
                     "tipos/enojado.en.md": {}, "index.es.md": {"Novedad": "Primero", "News": "First"}}
    assert rootless == {"index.es.md"}
