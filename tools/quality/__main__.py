"""Lighthouse on the built playbook, served the way static hosts serve it: `make quality`
(`python -m tools.quality [--runs 3] [--only kiosk] [--reports DIR]`) runs it on a page of each
kind, in both languages, mobile and desktop, prints a table and exits non-zero when a page
scores below MINIMUM. Not part of the test suite: its runs take about ten minutes.
"""

from __future__ import annotations

import argparse
import datetime
import email.utils
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import DEFAULT_LANGUAGE, LANGUAGES, ROOT
from tests.support.chromium import CHROMIUM_ARGS, NOT_FOUND, chromium_path
from tests.support.server import serve
from tools.benchmark.measure import machine

LIGHTHOUSE_DIR = Path(__file__).resolve().parent

# One page of each kind: home, a content page, a customer type, a card, the kiosk.
PAGES = ["", "factores/", "tipos/enojado/", "cards/enojado/", "kiosk/"]
FORM_FACTORS = ["mobile", "desktop"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The bar, in Lighthouse's 0-100 scores.
MINIMUM = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


# --- Serving like a static host --------------------------------------------

# What static hosts compress: text, scripts, styles, data, SVG.
COMPRESSIBLE = re.compile(
    r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)"
)
# File names with a content hash (main.57a0d79d.min.css) never change: a year.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(js|css)$")


def cache_control(path: str) -> str:
    """The Cache-Control a static host sends: a short life for pages and
    unversioned files, a year for fingerprinted assets."""
    if FINGERPRINTED.search(path):
        return "public, max-age=31536000, immutable"
    return "public, max-age=600"


class StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file server with what it lacks against a real static host:
    gzip for text (negotiated with Accept-Encoding), charset on text types,
    and Cache-Control."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".xml": "application/xml",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format, *args):
        pass

    def guess_type(self, path):
        kind = super().guess_type(path)
        if kind.startswith("text/") or kind in ("application/json", "application/xml"):
            kind += "; charset=utf-8"
        return kind

    def end_headers(self):
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0]))
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # A static host answers a missing address with the site's own 404 page.
        page = Path(self.directory, "404.html")
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (os.path.isfile(path) and wants_gzip and COMPRESSIBLE.match(kind)):
            return super().send_head()
        body = compressed(path, os.stat(path).st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Last-Modified", email.utils.formatdate(os.stat(path).st_mtime, usegmt=True)
        )
        self.end_headers()
        return _Body(body)

    def copyfile(self, source, outputfile):
        if isinstance(source, _Body):
            outputfile.write(source.read())
        else:
            super().copyfile(source, outputfile)


class _Body:
    """The file-like object send_head returns, over bytes already in memory."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass

    def __iter__(self):
        yield self.read()


@functools.lru_cache(maxsize=512)
def compressed(path: str, mtime_ns: int) -> bytes:
    # mtime_ns is part of the cache key: a rebuilt file is compressed anew.
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


# --- Building ---------------------------------------------------------------


# SITE_URL set to the address served, so canonical and hreflang links are valid.
def build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit("The site does not build, so nothing was measured:\n" + result.stderr)


# --- Lighthouse -------------------------------------------------------------


def node_and_lighthouse() -> tuple[str, Path]:
    """The Node.js and Lighthouse that `make quality` installs in tools/quality/."""
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        sys.exit(
            "Lighthouse is not installed. Run `make quality` (it installs it), "
            "or `cd tools/quality && npm ci`."
        )
    # Lighthouse 13 needs Node.js 22.19+: the one installed beside it, else the system's.
    bundled = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "node"
    node = str(bundled) if bundled.exists() else shutil.which("node")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    major, minor = (int(part) for part in version.strip().lstrip("v").split(".")[:2])
    if (major, minor) < (22, 19):
        sys.exit(f"Lighthouse 13 needs Node.js 22.19 or newer; {node} is {version.strip()}.")
    return node, cli


@dataclass
class Result:
    address: str
    form_factor: str
    scores: dict[str, int] = field(default_factory=dict)
    failing: list[str] = field(default_factory=list)
    error: str = ""

    def below(self) -> list[str]:
        if self.error:
            return ["error"]
        return [c for c in CATEGORIES if self.scores.get(c, 0) < MINIMUM[c]]


def lighthouse(node: str, cli: Path, url: str, form_factor: str, report: Path | None) -> dict:
    command = [
        node,
        str(cli),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    # Lighthouse (this folder's Node.js project) drives Debian's Chromium.
    env = {**os.environ, "CHROME_PATH": chromium_path() or sys.exit(NOT_FOUND)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "no output")
    if report:
        report.write_text(done.stdout, encoding="utf-8")
    return json.loads(done.stdout)


# The median counts: a busy machine costs a single run a few performance points.
def measure(node, cli, base: str, address: str, form_factor: str, runs: int, reports) -> Result:
    """Lighthouse ``runs`` times on one page; the median score of each category."""
    result = Result(address, form_factor)
    samples: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    failing_by_run: list[list[str]] = []
    for run in range(runs):
        report = None
        if reports:
            name = (address.strip("/").replace("/", "_") or "home") + f".{form_factor}.{run}.json"
            report = reports / name
        try:
            lhr = lighthouse(node, cli, base + address, form_factor, report)
        except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
            result.error = str(error)
            return result
        if lhr.get("runtimeError"):
            result.error = lhr["runtimeError"].get("message", "runtime error")
            return result
        for category in CATEGORIES:
            samples[category].append(round(lhr["categories"][category]["score"] * 100))
        failing_by_run.append(failing_audits(lhr))
    result.scores = {c: round(statistics.median(v)) for c, v in samples.items()}
    # What lost points in the run that scored the median performance.
    median_run = samples["performance"].index(statistics.median_low(samples["performance"]))
    result.failing = failing_by_run[median_run]
    return result


def failing_audits(lhr: dict) -> list[str]:
    """The scored audits that lost points, to say what to fix."""
    failing = []
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                failing.append(f"{category}: {ref['id']} {value}".rstrip())
    return failing


# --- Report -----------------------------------------------------------------


def table(results: list[Result]) -> str:
    header = ["Page", "Form factor", "Perf.", "A11y", "Best pr.", "SEO", ""]
    rows = []
    for r in results:
        scores = [str(r.scores.get(c, "–")) for c in CATEGORIES]
        status = "ok" if not r.below() else "BELOW: " + ", ".join(r.below())
        rows.append(["/" + r.address, r.form_factor, *scores, status])
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells):
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.quality", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts")
    parser.add_argument(
        "--only", action="append", default=[], help="only pages containing this ('home': the home)"
    )
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports here")
    args = parser.parse_args(argv)

    node, cli = node_and_lighthouse()
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="playbook-quality-") as temp:
        site = Path(temp)
        with serve(site, handler=StaticHostHandler) as base:
            build(site, base)
            addresses = [
                ("" if language == DEFAULT_LANGUAGE else f"{language}/") + page
                for language in LANGUAGES
                for page in PAGES
                if not args.only or any(o in (page or "home") for o in args.only)
            ]
            results = []
            for address in addresses:
                if not (site / address / "index.html").exists():
                    missing = Result(address, "–", error="page not built")
                    results.append(missing)
                    print(f"/{address}: not built", file=sys.stderr)
                    continue
                for form_factor in FORM_FACTORS:
                    result = measure(node, cli, base, address, form_factor, args.runs, args.reports)
                    results.append(result)
                    print(
                        f"/{address} {form_factor}: {result.scores or result.error}",
                        file=sys.stderr,
                    )

    print()
    print(
        f"Lighthouse, {datetime.date.today().isoformat()}, {machine(load=True)}, "
        f"{args.runs} run(s) per page (median):"
    )
    print(table(results))
    below = [r for r in results if r.below()]
    for r in below:
        print(f"\n/{r.address} {r.form_factor}:" + (f" {r.error}" if r.error else ""))
        for audit in r.failing:
            print(f"  {audit}")
    if below:
        print(
            f"\n{len(below)} of {len(results)} measurements below the bar "
            f"(performance {MINIMUM['performance']}, the rest 100)."
        )
        return 1
    print("\nEvery page meets the bar.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
