"""One search worker script per language, fetched in one request.

Material's page script starts its search worker from Material's worker
script, which, once the page has sent it the index, asks for lunr's scripts
for the language, one after the other: search cannot answer before the last
has come. Each language gets one script instead,
``assets/javascripts/workers/search.<language>.<hash>.min.js``: our worker
(hooks/search_worker.js: it builds the index as soon as it starts and stems
typed words as the index is) with Material's worker and the language's lunr
scripts where it marks, minified. A hash of its contents names it, as
Material names its own scripts, so no browser keeps an old one.
hooks/search_per_language.py points each page at its language's script.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

import assets

SOURCE = Path(__file__).with_suffix(".js")
MARK = "/* MARK: Material's worker and lunr's scripts for the language */"
FOLDER = "assets/javascripts/workers"
MATERIAL_WORKER = re.compile(rf"^{FOLDER}/search\.[0-9a-f]+\.min\.js$")
LUNR = "assets/javascripts/lunr/min"
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)


@dataclass(frozen=True)
class Worker:
    uri: str  # below the site root
    content: str


def lunr_scripts(language: str) -> list[str]:
    """lunr's scripts for a language, named as Material's worker asks for them.
    English is lunr's own: it needs none."""
    return [] if language == "en" else ["lunr.stemmer.support.min.js", f"lunr.{language}.min.js"]


def theme_file(config: MkDocsConfig, uri: str) -> Path | None:
    """A file of the theme, as MkDocs picks it: custom_dir first."""
    for folder in config.theme.dirs:
        path = Path(folder, uri)
        if path.is_file():
            return path
    return None


def material_worker(config: MkDocsConfig) -> str:
    for folder in config.theme.dirs:
        for path in sorted(Path(folder, FOLDER).glob("search.*.min.js")):
            if MATERIAL_WORKER.match(f"{FOLDER}/{path.name}"):
                return path.read_text(encoding="utf-8")
    raise PluginError(f"hooks/search_worker.py: the theme has no search worker ({FOLDER}/search.<hash>.min.js). "
                      "Is the theme Material for MkDocs?")


def bundle(source: str, material: str, lunr: dict[str, str]) -> str:
    """Our worker with Material's and ``lunr``'s scripts (name: text) at its mark."""
    if source.count(MARK) != 1:
        raise PluginError(f"hooks/search_worker.js must hold the line {MARK!r} once: "
                          "Material's worker and lunr's scripts go there.")
    before, after = source.split(MARK)
    held = f"const BUNDLED = {json.dumps(list(lunr))};\n"
    parts = [assets.minified(".js", before), held, SOURCE_MAP.sub("", material).strip(),
             *(text.strip() for text in lunr.values()), assets.minified(".js", after)]
    return "\n".join(parts) + "\n"


def workers(config: MkDocsConfig) -> dict[str, Worker]:
    """Each built language's worker script: made once per build (both
    languages' builds share one config)."""
    if _Workers.config is not config:
        source = SOURCE.read_text(encoding="utf-8")
        material = material_worker(config)
        made = {}
        for language in config.plugins["i18n"].build_languages:
            lunr = {}
            for name in lunr_scripts(language):
                path = theme_file(config, f"{LUNR}/{name}")
                if path is None:
                    raise PluginError(f"hooks/search_worker.py: Material has no search support for the "
                                      f"language {language!r} ({LUNR}/{name}).")
                lunr[name] = path.read_text(encoding="utf-8")
            content = bundle(source, material, lunr)
            digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
            made[language] = Worker(f"{FOLDER}/search.{language}.{digest}.min.js", content)
        _Workers.config, _Workers.made = config, made
    return _Workers.made


class _Workers:
    config: MkDocsConfig | None = None
    made: dict[str, Worker] = {}


# After mkdocs-static-i18n (-100) has settled the files of the language built.
# The build that writes Material's scripts writes ours beside them.
@event_priority(-200)
def on_files(files: Files, config: MkDocsConfig):
    if not any(MATERIAL_WORKER.match(file.src_uri) for file in files):
        return files
    for worker in workers(config).values():
        if files.get_file_from_path(worker.uri) is None:
            files.append(File.generated(config, worker.uri, content=worker.content))
    return files
