"""What the real build of the playbook keeps in .cache/ for the next build:
compiled templates (hooks/template_cache.py) and one QR code per card
(hooks/cards.py), which only a build for a public address draws: this file
asks for the session's public build rather than count on another test's."""

from __future__ import annotations

from support import ROOT


def test_the_build_keeps_its_cache_beside_mkdocs_yml(site, public_build):
    """The session builds of the playbook (conftest: for 127.0.0.1, and for a
    public address) left their cache in .cache/."""
    folder = ROOT / ".cache" / "playbook"
    assert list((folder / "templates").glob("__jinja2_*.cache"))
    # One entry per card: six types in two languages, however often it is built.
    assert sorted(path.name for path in (folder / "qr").iterdir()) == sorted(
        f"{language}-{type_id}.svg" for language in ("es", "en") for type_id in
        ("conocedor", "confianzudo", "conversador", "desconocedor", "enojado", "sarcastico"))
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8")
