"""Web app manifests: what a phone or a store screen needs to install the playbook as an app,
one per language and one per kiosk, each naming its app in its language, with the colours
read from the site's own stylesheet.
"""

from __future__ import annotations

import re

from playbook.app_icons import ICONS
from playbook.label_files import said

# The custom colours of Material's light scheme: the first block that sets
# --md-primary-fg-color (docs/assets/stylesheets/playbook.css).
VARIABLE = re.compile(r"--(md-primary-fg-color|md-primary-bg-color)\s*:\s*(#[0-9a-fA-F]{3,8})\s*[;}]")
BLOCK = re.compile(r"\{([^{}]*)\}")


def palette(css: str) -> dict[str, str]:
    """The theme colour (Material's primary colour) and the background colour
    (the colour on primary: the app's splash screen) of the first CSS block
    that sets the primary colour."""
    for block in BLOCK.findall(re.sub(r"/\*.*?\*/", "", css, flags=re.S)):
        found = dict(VARIABLE.findall(block + ";"))
        if "md-primary-fg-color" in found:
            return {"theme_color": found["md-primary-fg-color"],
                    "background_color": found.get("md-primary-bg-color", "#ffffff")}
    raise ValueError(said("no_primary_colour"))


def manifest(*, name: str, short_name: str, description: str, language: str,
             icons_folder: str, colours: dict[str, str], display: str = "standalone",
             icons: bool = True) -> dict:
    """A manifest that starts its app in its own folder; ``icons_folder`` is
    where the icons are, relative to the manifest ("../assets/icons/")."""
    # Started at and kept within the manifest's folder (``/``, ``/en/``, a kiosk), every address relative
    # to it: the same files work at the site's address, on a preview host and under a sub-path.
    return {
        "id": "./",
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": display,
        "theme_color": colours["theme_color"],
        "background_color": colours["background_color"],
        "icons": [
            {"src": icons_folder + icon.name, "sizes": f"{icon.size}x{icon.size}",
             "type": "image/png", "purpose": icon.purpose}
            for icon in (ICONS if icons else ())
        ],
    }
