"""The MkDocs projects the benchmark builds: ours (the repository's own mkdocs.yml) and a
vanilla one, what a new site gets from Material and mkdocs-static-i18n with the same site
name, languages and Markdown extensions (so the same Markdown gives the same pages) and
nothing else: no hooks, no custom_dir, no extra CSS, default features, automatic navigation.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

# Entries of the repository that a corpus project must not link to.
NOT_LINKED = {"docs", "mkdocs.yml", "site", ".git", ".venv", "node_modules", ".cache", "tests", "tools"}


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving !ENV or !!python/name tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)


def top_level_block(text: str, key: str) -> str:
    """The verbatim text of a top-level key of a YAML file (tags kept as written)."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", text, re.M | re.S)
    return match.group(0) if match else ""


def i18n_languages(config: dict) -> list[dict]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise SystemExit("mkdocs.yml has no i18n plugin: the benchmark needs its languages.")


# ``plugins``: for the hooks' budget, a third-party plugin for what our hooks add and vanilla lacks
# (git dates), so only our hooks, templates and settings differ.
def write_vanilla(root: Path, project: Path, docs: Path, site_url: str, plugins: dict | None = None) -> Path:
    """A vanilla Material + mkdocs-static-i18n project building ``docs``; with
    ``plugins`` (name -> options), those third-party plugins too."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    ours = read_config(root / "mkdocs.yml")
    languages = [
        {key: language[key] for key in ("locale", "name", "default", "build") if key in language}
        for language in i18n_languages(ours)
    ]
    config = {
        "site_name": ours["site_name"],
        "site_url": site_url,
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": ours.get("theme", {}).get("language", "en")},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": languages}}]
        + [{name: options} for name, options in (plugins or {}).items()],
    }
    project.mkdir(parents=True, exist_ok=True)
    path = project / "mkdocs.yml"
    path.write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        + top_level_block(text, "markdown_extensions"),
        encoding="utf-8",
    )
    return path


# For a corpus: a project that inherits ours (``INHERIT``) with docs_dir on the corpus and automatic
# navigation; the other top-level entries are linked in, as mkdocs.yml's paths are relative to it.
def write_ours(root: Path, project: Path, docs: Path) -> Path:
    """Our configuration, hooks and overrides building ``docs`` with automatic navigation."""
    project.mkdir(parents=True, exist_ok=True)
    for entry in root.iterdir():
        if entry.name not in NOT_LINKED and not (project / entry.name).exists():
            (project / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    path = project / "mkdocs.yml"
    path.write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        "# The corpus's folders give the navigation, as in the vanilla project.\n"
        "nav: null\n",
        encoding="utf-8",
    )
    return path
