"""What builds keep in .cache/ for the next build: compiled templates
(hooks/playbook/templates.py) and QR codes (hooks/playbook/qr.py). A changed source is
never served from the cache, a broken entry is made anew, and a project whose
folder cannot be written still builds. The real build's cache is checked in
tests/build/test_build_cache.py."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from playbook import qr
from playbook import templates as compiled

FOLDER = Path(".cache") / "playbook" / "templates"


def config_in(folder):
    """The cache folder of a project in ``folder``, as the build names it."""
    return folder / FOLDER


def render(templates, cache, name="page.html") -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)))
    env.bytecode_cache = cache
    return env.get_template(name).render(who="staff")


def test_templates_are_compiled_once_and_again_when_edited(tmp_path):
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ who }}", encoding="utf-8")
    cache = compiled.bytecode_cache(config_in(tmp_path))
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    assert render(templates, cache) == "Hello staff"
    entries = list((tmp_path / FOLDER).glob("__jinja2_*.cache"))
    assert len(entries) == 1
    # A new build (a new environment) loads it; an edited template is compiled anew.
    assert render(templates, compiled.bytecode_cache(config_in(tmp_path))) == "Hello staff"
    (templates / "page.html").write_text("Hola {{ who }}", encoding="utf-8")
    assert render(templates, compiled.bytecode_cache(config_in(tmp_path))) == "Hola staff"


def test_a_broken_cache_entry_is_compiled_anew(tmp_path):
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ who }}", encoding="utf-8")
    render(templates, compiled.bytecode_cache(config_in(tmp_path)))
    for entry in (tmp_path / FOLDER).glob("__jinja2_*.cache"):
        entry.write_bytes(b"not bytecode")
    assert render(templates, compiled.bytecode_cache(config_in(tmp_path))) == "Hello staff"


def test_an_unwritable_project_keeps_the_cache_in_memory(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ who }}", encoding="utf-8")
    cache = compiled.bytecode_cache(blocked / "x" / FOLDER)
    assert cache is compiled.MEMORY
    assert render(templates, cache) == "Hello staff"
    assert list(compiled.MEMORY.client.values())[-1].startswith(jinja2.bccache.bc_magic)
    # The next build's environment loads it from memory; an edited template is compiled anew.
    assert render(templates, compiled.bytecode_cache(blocked / "x" / FOLDER)) == "Hello staff"
    (templates / "page.html").write_text("Hola {{ who }}", encoding="utf-8")
    assert render(templates, compiled.bytecode_cache(blocked / "x" / FOLDER)) == "Hola staff"


def test_qr_codes_are_drawn_once_then_read_back(tmp_path, monkeypatch):
    qr.qr_svg.forget()
    url, title, entry = "https://example.org/tipos/enojado/", "Código QR", tmp_path / "qr" / "es-enojado.svg"
    drawn = qr.qr_svg(url, title, entry)
    assert drawn == qr.draw_qr(url, title) and drawn.startswith("<svg")
    assert entry.read_text(encoding="utf-8").endswith(drawn)
    # Read back from the file, not drawn: a second draw would fail.
    monkeypatch.setattr(qr, "draw_qr", lambda *args: pytest.fail("drawn again, not read back"))
    qr.qr_svg.forget()
    assert qr.qr_svg(url, title, entry) == drawn


def test_a_changed_address_is_drawn_anew_in_the_same_entry(tmp_path):
    qr.qr_svg.forget()
    entry = tmp_path / "es-enojado.svg"
    qr.qr_svg("https://example.org/a/", "QR", entry)
    moved = qr.qr_svg("https://example.org/b/", "QR", entry)
    assert moved == qr.draw_qr("https://example.org/b/", "QR")
    assert entry.read_text(encoding="utf-8").endswith(moved)
    assert [path.name for path in tmp_path.iterdir()] == ["es-enojado.svg"]


def test_a_broken_qr_entry_is_drawn_anew(tmp_path):
    qr.qr_svg.forget()
    url, title, entry = "https://example.org/", "QR", tmp_path / "es-x.svg"
    qr.qr_svg(url, title, entry)
    entry.write_bytes(entry.read_bytes()[:-20])  # cut short
    qr.qr_svg.forget()
    assert qr.qr_svg(url, title, entry) == qr.draw_qr(url, title)
    entry.write_bytes(b"\xff\xfe garbage")
    qr.qr_svg.forget()
    assert qr.qr_svg(url, title, entry) == qr.draw_qr(url, title)
    assert entry.read_text(encoding="utf-8").endswith(qr.draw_qr(url, title))


def test_an_unwritable_project_still_gets_its_qr_codes(tmp_path):
    qr.qr_svg.forget()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    assert qr.qr_svg("https://example.org/", "QR", blocked / "qr" / "es-x.svg") == qr.draw_qr(
        "https://example.org/", "QR")
