"""One search worker script per language, fetched in one request.

Material's page script starts its search worker from Material's worker
script, which, once the page has sent it the index, asks for lunr's scripts
for the language, one after the other. Each language gets one script instead,
``assets/javascripts/workers/search.<language>.<hash>.min.js``: our worker
(search_worker.js beside this file: it fetches the build's index and searches
it as it comes) with Material's worker and the language's lunr scripts where
it marks, minified. A hash of its contents names it, as Material names its own
scripts, so no browser keeps an old one.

Plain Python over the scripts' text: hooks/search_per_language.py hands it
Material's scripts, adds the workers to the site and points each page at its
language's.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .minify import minified

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
        raise ValueError(f"{SOURCE.name} must hold the line {MARK!r} once: "
                          "Material's worker and lunr's scripts go there.")
    before, after = source.split(MARK)
    held = f"const BUNDLED = {json.dumps(list(lunr))};\n"
    # Material's worker opens with "use strict", which holds only at the
    # start of a script or function: it gets a function of its own.
    material = "(function () {\n" + SOURCE_MAP.sub("", material).strip() + "\n})();"
    parts = [minified(".js", before), held, material,
             *(text.strip() for text in lunr.values()), minified(".js", after)]
    return "\n".join(parts) + "\n"


def make(languages, material: str, lunr: dict[str, str]) -> dict[str, Worker]:
    """Each language's worker script, from Material's worker (its text) and
    lunr's scripts (file name: text)."""
    source = SOURCE.read_text(encoding="utf-8")
    made = {}
    for language in languages:
        text = bundle(source, material, {name: lunr[name] for name in lunr_scripts(language)})
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        made[language] = Worker(f"{FOLDER}/search.{language}.{digest}.min.js", text)
    return made
