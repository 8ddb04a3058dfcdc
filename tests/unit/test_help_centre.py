"""The help-centre habits' pure parts: which site addresses a phone can open (a card's QR code
is drawn only for those), and the one git log read into each file's date and subject (what's new)."""

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


def test_each_file_gets_its_newest_commits_date_and_subject():
    log = "".join([
        "\x011700000300 abc\x02Cliente enojado: cuándo llamar a un supervisor\0\0tipos/enojado.es.md\0",
        "\x011700000200 def\x02Angry customer: when to call a supervisor\0\0tipos/enojado.en.md\0"
        "tipos/enojado.es.md\0",
        "\x011700000100 \x02First: a subject with : and \x03 odd bytes\0\0index.es.md\0tipos/enojado.es.md\0",
    ])
    dates, rootless, subjects = git_dates.parse_log(log)
    assert dates == {"tipos/enojado.es.md": 1700000300, "tipos/enojado.en.md": 1700000200, "index.es.md": 1700000100}
    assert subjects["tipos/enojado.es.md"] == "Cliente enojado: cuándo llamar a un supervisor"
    assert subjects["tipos/enojado.en.md"] == "Angry customer: when to call a supervisor"
    assert subjects["index.es.md"].startswith("First: a subject with :")
    assert rootless == {"index.es.md"}
