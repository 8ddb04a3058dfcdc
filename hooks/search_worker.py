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

Not a hook itself: hooks/search_per_language.py adds the scripts to the site
and points each page at its language's.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

import assets
import content

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


def bundle(source: str, material: str, lunr: dict[str, str]) -> str:
    """Our worker with Material's and ``lunr``'s scripts (name: text) at its mark."""
    if source.count(MARK) != 1:
        raise PluginError(f"hooks/search_worker.js must hold the line {MARK!r} once: "
                          "Material's worker and lunr's scripts go there.")
    before, after = source.split(MARK)
    held = f"const BUNDLED = {json.dumps(list(lunr))};\n"
    # Material's worker opens with "use strict", which holds only at the
    # start of a script or function: it gets a function of its own.
    material = "(function () {\n" + SOURCE_MAP.sub("", material).strip() + "\n})();"
    parts = [assets.minified(".js", before), held, material,
             *(text.strip() for text in lunr.values()), assets.minified(".js", after)]
    return "\n".join(parts) + "\n"


@content.once_per_build
def workers(config: MkDocsConfig, files: Files | None = None) -> dict[str, Worker]:
    """Each built language's worker script, made once per build from the
    build's files: Material's worker and lunr's scripts."""
    material = next((file for file in files or () if MATERIAL_WORKER.match(file.src_uri)), None)
    if material is None:
        raise PluginError("hooks/search_worker.py made no search worker for this build: "
                          f"the theme's files hold no Material search worker ({FOLDER}/search.<hash>.min.js).")
    source = SOURCE.read_text(encoding="utf-8")
    made = {}
    for language in config.plugins["i18n"].build_languages:
        lunr = {}
        for name in lunr_scripts(language):
            script = files.get_file_from_path(f"{LUNR}/{name}")
            if script is None:
                raise PluginError(f"Material has no search support for the language {language!r} "
                                  f"({LUNR}/{name}): hooks/search_worker.py cannot make its worker.")
            lunr[name] = script.content_string
        text = bundle(source, material.content_string, lunr)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        made[language] = Worker(f"{FOLDER}/search.{language}.{digest}.min.js", text)
    return made


def add_to(files: Files, config: MkDocsConfig) -> None:
    """Add each built language's worker script to ``files``, if they hold
    Material's (the build that writes the theme's assets)."""
    if not any(MATERIAL_WORKER.match(file.src_uri) for file in files):
        return
    for worker in workers(config, files).values():
        if files.get_file_from_path(worker.uri) is None:
            files.append(File.generated(config, worker.uri, content=worker.content))


def script_name(config: MkDocsConfig, language: str) -> str:
    """The file name of a language's worker script, which lives beside Material's."""
    return workers(config)[language].uri.rpartition("/")[2]
