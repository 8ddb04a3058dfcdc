"""What the real build of the playbook keeps in .cache/ for the next build:
compiled templates (hooks/template_cache.py) and one QR code per card
(hooks/cards.py), which only a build for a public address draws: this file
builds one itself rather than count on another test's."""

from __future__ import annotations

from support import ROOT, mkdocs_build


def test_the_build_keeps_its_cache_beside_mkdocs_yml(site, tmp_path):
    """The session build of the playbook (conftest, for 127.0.0.1) and one for
    a public address left their cache in .cache/."""
    result = mkdocs_build(ROOT, tmp_path / "site", "--strict", site_url="https://playbook.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    folder = ROOT / ".cache" / "playbook"
    assert list((folder / "templates").glob("__jinja2_*.cache"))
    # One entry per card: six types in two languages, however often it is built.
    assert sorted(path.name for path in (folder / "qr").iterdir()) == sorted(
        f"{language}-{type_id}.svg" for language in ("es", "en") for type_id in
        ("conocedor", "confianzudo", "conversador", "desconocedor", "enojado", "sarcastico"))
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8")
