"""Debian's Chromium, as the browser tests, the benchmark and the Lighthouse
run launch it: where it is, and the flags that keep it quiet on a machine
without internet. And what the browser tests share in a page: a colour scheme
shown (SCHEMES, use_scheme), animations ended, the search worker ready, and
axe-core's violations, in each scheme too (axe_in_each_scheme)."""

from __future__ import annotations

import functools
import os
import shutil

from . import ROOT

# Flags that keep Chromium quiet on a machine without internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# What Playwright launches with besides: each new window of Chromium's headless mode loads the
# omnibox's two popups (chrome://omnibox-popup.top-chrome/) in a renderer of their own, which no
# test uses and which cost about half a second of CPU per browser context. Chromium reads only the
# last --disable-features, so Playwright's own list (playwright 1.65.2, chromiumSwitches.ts) is
# repeated before them. Not for Lighthouse, which launches Chromium with its own defaults.
PLAYWRIGHT_DISABLED = [
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin", "OptimizationHints",
    "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch", "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]
BROWSER_UI = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]
PLAYWRIGHT_ARGS = [*CHROMIUM_ARGS, "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED + BROWSER_UI)]

# Our search worker's answers as the page hears them (an init script): it answers a query first with
# the first pages' documents, marked partial, then whole. window.__wholeAnswers counts the whole
# answers; window.__lastPartial says whether the last answer was partial.
WORKER_ANSWERS = """
window.__wholeAnswers = 0;
window.__lastPartial = false;
window.Worker = class extends window.Worker {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (!event.data || event.data.type !== 3) return;
      window.__lastPartial = Boolean(event.data.data.partial);
      if (!window.__lastPartial) window.__wholeAnswers += 1;
    });
  }
};
"""

# A page's finite animations and transitions (a card fading in, a button's colours changing, a focus
# ring appearing), taken to their end at once rather than waited out: axe and the other checks then
# measure what the page shows once they are over (axe once found a button's colours mid-change).
END_ANIMATIONS = """() => document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
    .forEach(a => a.finish())"""


# A reader's colour-scheme preference, and the scheme Material's palette then shows.
SCHEMES = {"light": "default", "dark": "slate"}


def use_scheme(page, scheme: str) -> None:
    """Prefer ``scheme`` ("light", "dark") and wait until the page shows it (axe_violations then
    ends the change's transitions). Material's palette follows the preference as it changes; pages
    without it (the kiosk) follow it in CSS."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(
        """scheme => !document.querySelector('[data-md-color-media]')
            || document.body.dataset.mdColorScheme === scheme""", arg=SCHEMES[scheme])


def search_ready(page) -> None:
    """Wait until the page's search worker, if it has one, says it is ready
    (overrides/partials/material-page.html marks its script data-ready)."""
    if page.locator("script[data-search-worker]").count():
        page.locator("script[data-search-worker][data-ready]").wait_for(state="attached")


NOT_FOUND = (
    "Chromium is needed, and none was found on PATH.\n"
    "Install it (Debian/Ubuntu: `sudo apt-get install chromium`) "
    "or set CHROMIUM=/path/to/chromium, then run the command again."
)

# axe-core (installed by `npm ci`), and its tags for the WCAG 2.0, 2.1 and 2.2
# level A and AA success criteria.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe-core's own category of the rules a colour decides (contrast, a link told from its text by
# colour): a page's second colour scheme needs only these, since a scheme changes colours alone
# (tests/build/test_colour_schemes.py sweeps every stylesheet for it).
COLOUR_RULES = "cat.color"


def chromium_path() -> str | None:
    """Chromium's executable: $CHROMIUM, else the one on PATH; None if there is none."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@functools.cache
def axe_source() -> str:
    """axe-core's script, read once."""
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, tags: list[str] = WCAG_TAGS, only: str | None = None) -> list[str]:
    """axe-core's violations of ``tags`` (WCAG 2.2 A and AA unless said), of those in the category
    ``only`` if given (COLOUR_RULES), on the page as it is now, its animations ended: one line per
    violation and element."""
    # One round trip where axe-core is there already (a context's init script put it there).
    run = """([tags, only]) => {
      if (typeof window.axe !== 'object') return null;
      (END_ANIMATIONS)();
      return axe.run(document, {resultTypes: ['violations'],
        runOnly: only ? {type: 'rule', values: axe.getRules(tags)
                           .filter(rule => rule.tags.includes(only)).map(rule => rule.ruleId)}
                      : {type: 'tag', values: tags}});
    }""".replace("END_ANIMATIONS", END_ANIMATIONS)
    results = page.evaluate(run, [tags, only])
    if results is None:
        page.add_script_tag(content=axe_source())
        results = page.evaluate(run, [tags, only])
    # A run that checked nothing would pass anything.
    assert results["passes"], "axe-core ran no check on the page"
    lines = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node["failureSummary"].split("\n")[1:2]).strip()
            lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} "
                         f"at {' '.join(map(str, node['target']))}: {summary}")
    return lines


def axe_in_each_scheme(page) -> list[str]:
    """axe-core's violations on the open page in the light scheme, then those of the colour rules
    in the dark one (COLOUR_RULES: a scheme changes colours alone), each line naming its scheme."""
    lines = []
    for scheme in SCHEMES:
        use_scheme(page, scheme)
        found = axe_violations(page, only=None if scheme == "light" else COLOUR_RULES)
        lines += [f"({scheme}) {line}" for line in found]
    return lines
