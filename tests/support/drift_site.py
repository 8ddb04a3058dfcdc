"""A small two-language site for translation drift and review dates: the
real hooks and templates, three page pairs, and the command that marks a
translation reviewed (tools/translated.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from playbook import catalogue as content

from . import LANGUAGES, ROOT


def source_page(text: str, path: str = "pagina.es.md") -> content.SourcePage:
    page, problems = content.parse_page(path, text.encode(), LANGUAGES)
    assert problems == []
    return page


def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def make_project(folder: Path) -> Path:
    """A two-language site with the real hooks and templates, and three page pairs."""
    hooks = ROOT / "hooks"
    folder.mkdir(parents=True, exist_ok=True)
    config = {
        "site_name": "Prueba",
        "docs_dir": "docs",
        "theme": {"name": "material", "custom_dir": str(ROOT / "overrides"), "language": "es",
                  "palette": {"scheme": "default", "primary": "custom", "accent": "custom"}},
        "extra_css": ["assets/stylesheets/playbook.css"],
        "plugins": [
            "search",
            {"i18n": {"docs_structure": "suffix", "reconfigure_search": False, "languages": [
                {"locale": "es", "name": "Español", "default": True, "build": True},
                {"locale": "en", "name": "English", "build": True},
            ]}},
        ],
        "hooks": [str(hooks / name) for name in
                  ("search_per_language.py", "generated_pages.py", "translation_drift.py")],
        "nav": ["index.md", "fresca.md", "vieja.md", "sin-marca.md"],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    docs = folder / "docs"
    # The playbook's own styles: its colours and underlined links.
    (docs / "assets/stylesheets").mkdir(parents=True)
    shutil.copy(ROOT / "docs/assets/stylesheets/playbook.css", docs / "assets/stylesheets")
    for key, title in [("index", "Inicio"), ("fresca", "Fresca"), ("vieja", "Vieja"),
                       ("sin-marca", "Sin marca")]:
        write(docs / f"{key}.es.md", f"""
            ---
            title: {title}
            description: Página {title.lower()}.
            ---

            Texto de la página {title.lower()}.
            """)
        write(docs / f"{key}.en.md", f"""
            ---
            title: {title} (en)
            description: The {title.lower()} page.
            ---

            Text of the {title.lower()} page.
            """)
    return folder


def mark(project: Path, *pages: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translated.py"), "mark", *pages],
        cwd=project, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
    )


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def drifted(folder: Path) -> Path:
    """The small site after marking every translation, changing one Spanish page
    and unmarking another, with review dates (one long past, one far ahead)."""
    project = make_project(folder)
    docs = project / "docs"
    result = mark(project, "docs/index.en.md", "docs/fresca.en.md", "docs/vieja.en.md")
    assert result.returncode == 0, result.stderr
    # The Spanish page changes after its translation was reviewed.
    vieja = docs / "vieja.es.md"
    vieja.write_text(vieja.read_text(encoding="utf-8") + "\nUna corrección urgente.\n",
                     encoding="utf-8")
    # Review dates: one long past, one far ahead.
    fresca = docs / "fresca.es.md"
    fresca.write_text(fresca.read_text(encoding="utf-8").replace(
        "---\n\n", "owner: Equipo de formación\nreview_by: 2001-02-03\n---\n\n", 1),
        encoding="utf-8")
    sin_marca = docs / "sin-marca.en.md"
    sin_marca.write_text(sin_marca.read_text(encoding="utf-8").replace(
        "---\n\n", "review_by: 2999-12-31\n---\n\n", 1), encoding="utf-8")
    return project
