"""A contact sheet of what a reviewer needs to see after a change to the cards, the kiosk or
the home page, each in Spanish and English: `python -m tools.screenshots [OUTPUT_FOLDER]`
(`make screenshots`). It builds and serves the site on 127.0.0.1, shoots it with Chromium
(Playwright) and writes the PNGs with contact-sheet.html and .png to OUTPUT_FOLDER.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.support import ROOT
from tests.support.chromium import CHROMIUM_ARGS, NOT_FOUND, chromium_path
from tests.support.server import serve

LANGUAGES = {"es": "", "en": "en/"}
# What to shoot: a name, an address below a language's root, a viewport.
SHOTS = [
    ("kiosk-landscape", "kiosk/?lang=both", {"width": 1366, "height": 768}),
    ("kiosk-portrait", "kiosk/?lang=both", {"width": 1080, "height": 1920}),
    ("card-phone", "cards/enojado/", {"width": 360, "height": 740}),
    ("home-phone", "", {"width": 360, "height": 740}),
]


def build(site: Path, base: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit("The site did not build:\n" + result.stdout + result.stderr)


def shoot(base: str, output: Path) -> list[tuple[str, str]]:
    from playwright.sync_api import sync_playwright

    chromium = chromium_path()
    if not chromium:
        sys.exit(NOT_FOUND)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for language, prefix in LANGUAGES.items():
            for name, address, viewport in SHOTS:
                context = browser.new_context(viewport=viewport, reduced_motion="reduce")
                page = context.new_page()
                page.goto(base + prefix + address, wait_until="load")
                path = output / f"{name}-{language}.png"
                page.screenshot(path=path)
                taken.append((path.name, f"{name} ({language}, {viewport['width']}x{viewport['height']})"))
                context.close()
            # A card printed on A6, as the printer gets it.
            page = browser.new_page()
            page.goto(base + prefix + "cards/enojado/", wait_until="load")
            pdf = output / f"card-a6-{language}.pdf"
            pdf.write_bytes(page.pdf(format="A6"))
            page.close()
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", "96", "-singlefile", str(pdf),
                                str(output / f"card-a6-{language}")], check=True)
                taken.append((f"card-a6-{language}.png", f"card printed on A6 ({language})"))
        sheet = output / "contact-sheet.html"
        sheet.write_text(contact_sheet(taken), encoding="utf-8")
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(sheet.as_uri(), wait_until="load")
        page.screenshot(path=output / "contact-sheet.png", full_page=True)
        browser.close()
    return taken


def contact_sheet(taken: list[tuple[str, str]]) -> str:
    figures = "\n".join(
        f'<figure><img src="{html.escape(name)}" alt=""><figcaption>{html.escape(caption)}</figcaption></figure>'
        for name, caption in taken)
    return f"""<!doctype html><meta charset="utf-8"><title>Screenshots</title>
<style>body{{font:14px sans-serif;margin:16px;display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}}
figure{{margin:0}} img{{display:block;max-height:420px;border:1px solid #888}}</style>
{figures}
"""


def main() -> None:
    # By default a new temporary folder, and never the repository: screenshots are not committed.
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="playbook-screens-"))
    if output.resolve().is_relative_to(ROOT):
        sys.exit(f"Write the screenshots outside the repository, not into {output}.")
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="playbook-site-") as site:
        with serve(Path(site)) as base:
            build(Path(site), base)
            taken = shoot(base, output)
    print(f"{len(taken)} screenshots and contact-sheet.png in {output}")


if __name__ == "__main__":
    main()
