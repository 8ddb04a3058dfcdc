"""Benchmark: build speed and scaling, page weight, search and offline storage, ours against
vanilla Material and Pagefind, all measured in one run (`make benchmark`). It builds the playbook
and synthetic corpora in our configuration and in vanilla ones, indexes our built sites with
Pagefind, serves each site on 127.0.0.1 (gzip, as static hosts serve) to measure search in
Chromium, on localhost and on a phone's network, prints two tables and exits non-zero, saying
which, when a budget is missed.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import signal
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import DEFAULT_LANGUAGE, LANGUAGES, ROOT, page_url, relevance
from tests.support.chromium import CHROMIUM_ARGS
from tests.support.server import free_port, serve
from tools.quality.__main__ import StaticHostHandler

from . import browser, corpus, measure, offline, pagefind, projects, standins
from .measure import machine

CONTENT_PAGE = "factores"  # the playbook's content page whose weight is compared
LANGUAGE_ROOTS = {language: page_url("index", language) for language in LANGUAGES}

# Budgets, as ratios measured in this run (and the two search times, in ms).
HOOKS_OVERHEAD = 1.15  # our build / vanilla's with the same plugins, same pages written
# The baseline's stand-in for what the playbook has and vanilla lacks: git dates (hooks/last_updated.py)
# from the plugin sites use for them, set as the playbook used it before the hook.
SAME_PLUGINS = {
    "git-revision-date-localized": {"locale": "es", "type": "date", "fallback_to_build_date": True,
                                    "strict": False, "enable_git_follow": False},
}
SCALING = 1.30  # our ms per added page at a corpus size / at the size before it (up to 5,000)
SCALING_UP_TO = 5000  # larger corpora (--with-10000) are reported, not budgeted
# Search in ms, per corpus size (other sizes are reported, not budgeted): ready after load (median
# of loads, the slower language), key-up to results (median of keystrokes), on localhost...
SEARCH_AFTER_LOAD_MS = {"playbook": 150, 1000: 400}
KEYSTROKE_MS = {"playbook": 16, 1000: 30, 5000: 30}
# ...and on a phone's network (browser.MOBILE), measured at --mobile-sizes.
MOBILE_AFTER_LOAD_MS = {5000: 1000}
MOBILE_KEYSTROKE_MS = {5000: 150}
# KB (gzip, as received) from the navigation to the first result shown, the slower language.
FETCHED_KB = {1000: 300, 5000: 300}
SHORT = 10  # seconds: builds shorter than this get --small-runs runs


NOTES = f"""
- Vanilla: Material and mkdocs-static-i18n with the same languages and Markdown
  extensions, nothing else (no hooks, overrides, extra CSS; default features,
  fonts, search; automatic navigation). The corpora use automatic navigation in
  both configurations; they hold the playbook's pages plus generated ones.
- ms/page: build time / HTML pages written. ms/added page: (build time - build
  time of the playbook alone in the same configuration) / pages added; CPU
  ms/added page, the same in CPU time (user and system, the build's processes),
  which the scaling budget reads: it moves far less than the wall time on a
  machine shared with other work.
- Content page: /{CONTENT_PAGE}/ for the playbook, a generated page for the
  corpora; its HTML and the CSS and JS files Chromium loaded for it (the search
  worker's too), each gzip -{measure.GZIP_LEVEL}; requests to other hosts are
  not counted (vanilla asks Google Fonts for Roboto).
- Search index KB: the search files of each language: search_index.json
  (vanilla's whole index; ours, the search settings alone) and after "+" our
  worker's files (its manifest, the chunks of terms and each page's documents,
  of which a query fetches only what it needs: see KB before 1st result).
- Search ready: from the end of the load event until results show, for a query
  given in the address (?q=), which Material runs once its worker is ready;
  median of fresh loads, per language. Key-up to results: median over every
  keystroke of a few queries typed key by key after each load, timed in the page.
- Search table. Sites are served gzip-compressed, as static hosts serve them.
  KB before 1st result: what Chromium received (gzip as sent, headers
  included; every response, the page's and its workers') from the navigation
  until the first result showed, for the first query, on a fresh load; the
  slower language, and how many files. Ours loads a content page (its HTML,
  CSS and JS count); Pagefind, a bare page of the benchmark's
  (tools/benchmark/pagefind.html: Pagefind's JavaScript API, its first five
  results shown, as its own interface shows them). Pagefind indexes our built
  site ({pagefind.ROOT_SELECTOR}: each page's content; it splits the index by
  the pages' html lang); its build s is its indexing time.
- Mobile: the same on Lighthouse's mobile network (150 ms round trip, 1.6
  Mbit/s down, 750 kbit/s up; DevTools' throttling, which also slows the
  page's workers but not a service worker's own fetches).
- Top 3: the relevance suite's queries (tests/search_queries.yml) whose page
  is among the first three results, per language; ours typed in the search
  box, Pagefind's through its API. Pagefind does not see a page's search terms
  (front matter our index adds, shown nowhere).
- Offline MB: the Cache Storage (bytes of every stored response, and entries)
  after a first visit of a content page in {DEFAULT_LANGUAGE}, once its
  service worker is active.
"""


@dataclass
class Site:
    name: str
    config: Path
    site_dir: Path
    content_page: str  # below each language root, e.g. "factores/"
    base: Site | None = None  # the same configuration on the playbook alone
    search: bool = True  # measure search in Chromium
    size: int | str = "playbook"  # pages per language
    # "pagefind": Pagefind's index of ``site_dir`` (ours), searched on the benchmark's own page
    engine: str = "material"
    pagefind_pages: dict[str, str] = field(default_factory=dict)
    cache: Path | None = None  # a build cache to remove before each build
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)  # the same builds' CPU seconds
    stats: dict = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_times)

    @property
    def ours(self) -> bool:
        return self.engine == "material" and ", ours" in self.name

    def pages(self) -> dict[str, str]:
        """The page searched from, per language: each language's version of the content page."""
        if self.engine == "pagefind":
            return self.pagefind_pages
        return {language: root + self.content_page.removeprefix(LANGUAGE_ROOTS[DEFAULT_LANGUAGE])
                for language, root in LANGUAGE_ROOTS.items()}


def source_urls(docs: Path) -> set[str]:
    keys = {path.relative_to(docs).as_posix().removesuffix(f".{DEFAULT_LANGUAGE}.md")
            for path in docs.rglob(f"*.{DEFAULT_LANGUAGE}.md")}
    return {page_url(key, language) for key in keys for language in LANGUAGES}


def corpus_site(work: Path, size: int, base: Site | None) -> tuple[Site, Path]:
    """Ours on a corpus of ``size`` pages per language; and the corpus's docs."""
    docs = ROOT / "docs"
    corpus_docs = work / f"corpus-{size}" / "docs"
    count = corpus.write_corpus(docs, corpus_docs, size)
    ours_config = projects.write_ours(ROOT, work / f"corpus-{size}" / "ours", corpus_docs)
    note = corpus.mark_translated(ROOT, ours_config, corpus_docs)
    if note:
        print(f"Note: {note}", flush=True)
    corpus.commit_to_git(corpus_docs.parent)
    # A generated page in the middle of the corpus: its weight, its search.
    middle = corpus.page_keys(count)[count // 2] if count else CONTENT_PAGE
    middle = page_url(middle, DEFAULT_LANGUAGE)
    return Site(f"{size}/language, ours", ours_config, work / f"site-{size}-ours", middle, base=base,
                size=size), corpus_docs


def prepare_search_only(work: Path, sizes: list[int]) -> list[list[Site]]:
    """Ours at the playbook's size and at each corpus size, for --search-only."""
    ours = Site("playbook, ours", ROOT / "mkdocs.yml", work / "site-ours",
                page_url(CONTENT_PAGE, DEFAULT_LANGUAGE))
    return [[ours]] + [[corpus_site(work, size, None)[0]] for size in sizes]


def prepare(work: Path, sizes: list[int], site_url: str,
            report_sizes: list[int] = ()) -> tuple[list[list[Site]], int]:
    """Every project to build, in groups built alternately; and the number of
    pages our hooks generate."""
    # Ours, and again without .cache/ as on a fresh clone; vanilla (projects.py), then vanilla with
    # stand-ins for our generated pages and the git-dates plugin: like with like for what our hooks add.
    docs = ROOT / "docs"
    page = page_url(CONTENT_PAGE, DEFAULT_LANGUAGE)
    ours = Site("playbook, ours", ROOT / "mkdocs.yml", work / "site-ours", page)

    # A first build of ours, untimed: it warms the disk cache, and shows which
    # pages our hooks generate, for the vanilla build's stand-ins.
    measure.build(ours.config, ours.site_dir, site_url)
    generated = standins.generated_pages(ours.site_dir, source_urls(docs))
    plus_docs = work / "playbook-plus" / "docs"
    shutil.copytree(docs, plus_docs)
    standins.write_stand_ins(ours.site_dir, generated, plus_docs, LANGUAGE_ROOTS)
    # In git, as the playbook is: the git dates plugin reads each page's history.
    corpus.commit_to_git(plus_docs.parent)

    vanilla = Site("playbook, vanilla", projects.write_vanilla(
        ROOT, work / "playbook" / "vanilla", docs, site_url), work / "site-vanilla", page)
    plus = Site("playbook, vanilla + stand-ins", projects.write_vanilla(
        ROOT, work / "playbook-plus" / "vanilla", plus_docs, site_url), work / "site-plus", page,
        search=False)
    plus_plugins = Site("playbook, vanilla + stand-ins + git dates", projects.write_vanilla(
        ROOT, work / "playbook-plus" / "vanilla-plugins", plus_docs, site_url, SAME_PLUGINS),
        work / "site-plus-plugins", page, search=False)
    ours_auto = Site("playbook, ours, automatic nav", projects.write_ours(
        ROOT, work / "playbook" / "ours", docs), work / "site-ours-auto", page, search=False)
    ours_cold = Site("playbook, ours, without .cache", ROOT / "mkdocs.yml", work / "site-ours-cold",
                     page, search=False, cache=ROOT / ".cache" / "playbook")
    groups = [[ours, vanilla, plus, plus_plugins, ours_auto, ours_cold]]

    # Corpora (corpus.py) in both configurations; the playbook alone in each is the base added pages count from.
    for size in sizes:
        mine, corpus_docs = corpus_site(work, size, ours_auto)
        groups.append([mine, Site(
            f"{size}/language, vanilla", projects.write_vanilla(
                ROOT, work / f"corpus-{size}" / "vanilla", corpus_docs, site_url),
            work / f"site-{size}-vanilla", mine.content_page, base=vanilla, size=size)])
    # Reported, not budgeted: ours alone, built once.
    for size in report_sizes:
        groups.append([corpus_site(work, size, ours_auto)[0]])
    return groups, len(generated)


def build_all(groups: list[list[Site]], runs: int, small_runs: int, site_url: str, cap: float) -> None:
    """Build each group's projects in turn (alternating, so a slow moment of the machine hits all alike):
    ``small_runs`` times if their
    first build took under SHORT seconds (a busy moment of the machine moves
    a short build's median most), else ``runs`` times; a project whose build
    took longer than ``cap`` seconds is not built again (to keep the
    benchmark's time in bounds: a build that slow misses its budget by far)."""
    for group in groups:
        run = 0
        while run < max(runs, small_runs):
            for site in group:
                if run and (max(site.times) > cap
                            or run >= (small_runs if max(site.times) < SHORT else runs)):
                    continue
                if site.cache is not None:
                    shutil.rmtree(site.cache, ignore_errors=True)
                wall, cpu = measure.build(site.config, site.site_dir, site_url)
                site.times.append(wall)
                site.cpu_times.append(cpu)
                print(f"  {site.name}: run {run + 1}, {wall:.2f} s ({cpu:.2f} s of CPU)", flush=True)
            run += 1


def collect_stats(site: Site) -> None:
    site.stats = {
        "pages": len(measure.pages(site.site_dir)),
        "site_bytes": measure.site_bytes(site.site_dir),
        "largest": measure.largest_page(site.site_dir),
        "index": measure.index_bytes(site.site_dir, LANGUAGE_ROOTS),
        "lunr": measure.index_bytes(site.site_dir, LANGUAGE_ROOTS, None),
        # Every language's search files, whatever their names (search/ below each root).
        "index_bytes": sum(path.stat().st_size for path in site.site_dir.rglob("*")
                           if path.is_file() and "search" in path.relative_to(site.site_dir).parts[:-1]),
    }


def added_page_ms(site: Site, cpu: bool = False) -> float | None:
    """Build time (or CPU time) per page added to the playbook, in ms: (T - T_base) / added pages."""
    if site.base is None:
        return None
    added = site.stats["pages"] - site.base.stats["pages"]
    if cpu:
        return 1000 * (site.cpu_median - site.base.cpu_median) / added if added else None
    return 1000 * (site.median - site.base.median) / added if added else None


def add_pagefind(groups: list[list[Site]]) -> list[Site]:
    """Pagefind beside each group's first site, ours, when it is searched: our built site
    indexed by Pagefind (its time is the row's build time), and the benchmark's search page
    written in it; added at the group's end. Our site's own figures are taken before.
    Every site, each Pagefind one after the site it indexed."""
    sites = []
    for group in groups:
        site = group[0]
        if site.ours and site.search:
            index_s = pagefind.index(site.site_dir)
            group.append(Site(site.name.replace(", ours", ", Pagefind"), site.config, site.site_dir, "",
                              size=site.size, engine="pagefind", times=[index_s],
                              pagefind_pages=pagefind.write_pages(site.site_dir, LANGUAGES),
                              stats={"pages": site.stats["pages"],
                                     "index_bytes": pagefind.bundle_bytes(site.site_dir)}))
            print(f"  {group[-1].name}: indexed in {index_s:.1f} s", flush=True)
            sites += [site, group[-1], *group[1:-1]]
        else:
            sites += group
    return sites


def relevance_cases() -> dict[str, list[tuple[str, str]]]:
    """The relevance suite's queries, each with its page's address below the site's root."""
    return {language: [(case.query, page_url(case.page.removesuffix("/") or "index", language))
                       for case in relevance.cases(language)] for language in LANGUAGES}


def measure_search(sites: list[Site], loads: int, port: int, mobile_sizes: set, mobile_loads: int) -> None:
    """Search times, bytes before the first result, relevance (ours and Pagefind), the offline
    store (ours), each on localhost, and at ``mobile_sizes`` on a phone's network; and the weight
    of the content page as Chromium loaded it."""
    with browser.chromium(CHROMIUM_ARGS) as chromium:
        for site in sites:
            pages = site.pages()
            with serve(site.site_dir, port, StaticHostHandler) as base:
                # One load per language first, untimed: the server compresses each file once.
                browser.measure_search(chromium, base, pages, 1)
                times = browser.measure_search(chromium, base, pages, loads)
                site.stats["search"] = times
                if site.ours or site.engine == "pagefind":
                    site.stats["relevance"] = browser.relevance(
                        chromium, base, pages, relevance_cases(), pagefind=site.engine == "pagefind")
                if site.size in mobile_sizes and (site.ours or site.engine == "pagefind"):
                    site.stats["mobile"] = browser.measure_search(chromium, base, pages, mobile_loads,
                                                                  browser.MOBILE)
                if site.ours:
                    site.stats["store"] = browser.offline_store(chromium, base, pages[DEFAULT_LANGUAGE])
            if site.engine != "pagefind":
                site.stats["weight"] = measure.page_weight(site.site_dir, base, times.requests)
            print(f"  {site.name}: " + summary(site.stats), flush=True)


def summary(stats: dict) -> str:
    """The search figures of a site, in a line."""
    times = stats["search"]
    text = ("search after load " + ", ".join(f"{lang} {ms:.0f} ms" for lang, ms in times.after_load_median().items())
            + f"; key-up to results {times.keystroke_median():.1f} ms; before the first result "
            + ", ".join(f"{lang} {kb(size)} KB ({files} files)" for lang, (size, files) in times.fetched.items()))
    if "mobile" in stats:
        mobile = stats["mobile"]
        text += (f"; mobile: after load {max(mobile.after_load_median().values()):.0f} ms, key-up "
                 f"{mobile.keystroke_median():.1f} ms")
    if "relevance" in stats:
        text += "; top 3 " + ", ".join(f"{lang} {hits}/{total}" for lang, (hits, total) in stats["relevance"].items())
    if stats.get("store"):
        text += f"; offline {stats['store'][0] / 1e6:.1f} MB ({stats['store'][1]} entries)"
    return text


def kb(size: float) -> str:
    return f"{size / 1024:,.0f}" if size >= 10 * 1024 else f"{size / 1024:,.1f}"


def table(sites: list[Site]) -> str:
    header = ["Site", "Pages", "Build s (median of runs)", "ms/page", "ms/added page", "CPU ms/added page",
              "Site MB", "Largest page KB", "Search index KB " + "/".join(LANGUAGES),
              "Content page KB gz", "Search ready after load ms " + "/".join(LANGUAGES),
              "Key-up to results ms"]
    rows = []
    for site in sites:
        if site.engine == "pagefind":
            continue
        stats = site.stats
        added = added_page_ms(site)
        search = stats.get("search")
        rows.append([
            site.name,
            str(stats["pages"]),
            f"{site.median:.2f} ({len(site.times)})",
            f"{1000 * site.median / stats['pages']:.1f}",
            f"{added:.1f}" if added is not None else "",
            f"{added_page_ms(site, cpu=True):.1f}" if added is not None else "",
            f"{stats['site_bytes'] / 1024 ** 2:,.1f}",
            kb(stats["largest"][0]),
            "/".join(kb(stats["index"][lang]) + (f"+{kb(stats['lunr'][lang])}" if stats["lunr"].get(lang) else "")
                     for lang in LANGUAGES),
            kb(stats["weight"].gzip_bytes) if "weight" in stats else "",
            "/".join(f"{ms:.0f}" for ms in search.after_load_median().values()) if search else "",
            f"{search.keystroke_median():.1f}" if search else "",
        ])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def search_table(sites: list[Site]) -> str:
    """Ours, vanilla and Pagefind side by side: what the first result costs, search speed on
    localhost and on a phone's network, relevance, and what a first visit stores offline."""
    header = ["Site", "Index MB (all languages)", "KB before 1st result (files)",
              "Ready after load ms " + "/".join(LANGUAGES),
              "Key-up ms", "Mobile: ready after load ms " + "/".join(LANGUAGES), "Mobile: key-up ms",
              "Top 3 " + "/".join(LANGUAGES), "Offline MB (entries)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for site in sites:
        stats = site.stats
        search, mobile = stats.get("search"), stats.get("mobile")
        if search is None:
            continue
        index = stats["index_bytes"]
        fetched = max(search.fetched.values())
        store = stats.get("store")
        lines.append("| " + " | ".join([
            site.name,
            f"{index / 1e6:,.1f}",
            f"{kb(fetched[0])} ({fetched[1]})",
            "/".join(f"{ms:.0f}" for ms in search.after_load_median().values()),
            f"{search.keystroke_median():.1f}",
            "/".join(f"{ms:.0f}" for ms in mobile.after_load_median().values()) if mobile else "",
            f"{mobile.keystroke_median():.1f}" if mobile else "",
            "/".join(f"{hits}" for hits, _ in stats["relevance"].values()) + " of "
            + "/".join(f"{total}" for _, total in stats["relevance"].values()) if "relevance" in stats else "",
            f"{store[0] / 1e6:,.1f} ({store[1]})" if store else "",
        ]) + " |")
    return "\n".join(lines)


def weight_difference(mine: measure.Weight, theirs: measure.Weight) -> str:
    """The files (gzip KB) that make two pages' weights differ: +ours only, -vanilla only."""
    parts = []
    for path in sorted(set(mine.files) | set(theirs.files)):
        delta = mine.files.get(path, 0) - theirs.files.get(path, 0)
        if abs(delta) >= 50:
            parts.append(f"{path.rsplit('/', 1)[-1] if path.endswith(('.css', '.js')) else path} "
                         f"{delta / 1024:+.1f}")
    return ", ".join(parts) or "nothing"


def check_budgets(groups: list[list[Site]], generated: int) -> list[str]:
    """One line per budget, "PASS ..." or "FAIL ..."."""
    ours, vanilla, plus, plus_plugins, _, ours_cold = groups[0][:6]
    ratio = ours.median / plus_plugins.median
    lines = [verdict(ratio <= HOOKS_OVERHEAD,
            f"build: our hooks, templates and settings take ours to {ratio:.2f}x the time of "
            f"vanilla with the same plugins ({', '.join(SAME_PLUGINS)}) writing the same pages "
            f"({ours.median:.2f} s vs {plus_plugins.median:.2f} s; budget {HOOKS_OVERHEAD:.2f}x). "
            f"Like with like: vanilla got a Markdown stand-in at the address of each of the "
            f"{generated} pages our hooks generate, so both write {ours.stats['pages']} vs "
            f"{plus_plugins.stats['pages']} HTML pages. Against plain vanilla with the stand-ins "
            f"(no plugins): {ours.median / plus.median:.2f}x; without them "
            f"({vanilla.stats['pages']} pages): {ours.median / vanilla.median:.2f}x. Ours without "
            f"its .cache/ (a fresh clone): {ours_cold.median:.2f} s, "
            f"{ours_cold.median / plus_plugins.median:.2f}x.")]

    lines += scaling_lines([group[0] for group in groups[1:]])

    mine, theirs = ours.stats["weight"], vanilla.stats["weight"]
    elsewhere = "".join(
        f"; {name} also asks other hosts for {len(weight.elsewhere)} file(s), not counted"
        for name, weight in (("ours", mine), ("vanilla", theirs)) if weight.elsewhere)
    lines.append(verdict(mine.gzip_bytes <= theirs.gzip_bytes,
            f"page weight: /{ours.content_page} weighs {mine.gzip_bytes / 1024:.1f} KB in ours, "
            f"{theirs.gzip_bytes / 1024:.1f} KB in vanilla (the HTML, CSS and JS files Chromium "
            f"loaded for it, search worker's included; each gzip -{measure.GZIP_LEVEL}"
            f"{elsewhere}). Where they differ: {weight_difference(mine, theirs)}."))

    lines += check_search_budgets(groups, vanilla)
    return lines


def scaling_lines(corpora: list[Site]) -> list[str]:
    """An added page's cost at each corpus size against the size before it (ours)."""
    lines = []
    for small, large in zip(corpora, corpora[1:], strict=False):
        ratio = added_page_ms(large, cpu=True) / added_page_ms(small, cpu=True)
        text = (f"scaling: an added page costs ours {added_page_ms(large, cpu=True):.1f} ms of CPU at "
                f"{large.size:,} pages per language and {added_page_ms(small, cpu=True):.1f} ms at "
                f"{small.size:,}: {ratio:.2f}x (budget {SCALING:.2f}x); in wall time "
                f"{added_page_ms(large):.1f} and {added_page_ms(small):.1f} ms, "
                f"{added_page_ms(large) / added_page_ms(small):.2f}x. Added pages are counted from the "
                f"playbook alone built with the same configuration ({small.base.median:.2f} s, "
                f"{small.base.stats['pages']} pages).")
        if large.size > SCALING_UP_TO:
            lines.append("INFO  " + text.replace(f" (budget {SCALING:.2f}x)", ""))
        else:
            lines.append(("PASS  " if ratio <= SCALING else "FAIL  ") + text)
    return lines


def verdict(ok: bool, text: str) -> str:
    return ("PASS  " if ok else "FAIL  ") + text


def check_search_budgets(groups: list[list[Site]], vanilla: Site | None = None) -> list[str]:
    """One line per search budget (and INFO lines for what is reported): ready after load and
    per keystroke, bytes before the first result, on a phone's network; Pagefind beside."""
    lines = []
    theirs_by_size = {"playbook": vanilla}
    for group in groups[1:]:
        if len(group) > 1 and group[1].engine == "material":
            theirs_by_size[group[1].size] = group[1]
    pagefind_by_size = {site.size: site for group in groups for site in group if site.engine == "pagefind"}
    for group in groups:
        site = group[0]
        search = site.stats.get("search")
        if search is None:
            continue
        size = site.size
        where = "the playbook" if size == "playbook" else f"{size:,} pages per language"
        worst = max(search.after_load_median().items(), key=lambda item: item[1])
        keys = search.keystroke_median()
        theirs = theirs_by_size.get(size)
        theirs = theirs.stats.get("search") if theirs is not None else None
        vs = (f"; vanilla: {max(theirs.after_load_median().values()):.0f} ms ready, "
              f"{theirs.keystroke_median():.1f} ms per keystroke" if theirs else "")
        other = pagefind_by_size.get(size)
        other = other.stats if other is not None else {}
        if "search" in other:
            vs += (f"; Pagefind: {max(other['search'].after_load_median().values()):.0f} ms ready, "
                   f"{other['search'].keystroke_median():.1f} ms per keystroke")
        if size in SEARCH_AFTER_LOAD_MS:
            lines.append(verdict(worst[1] <= SEARCH_AFTER_LOAD_MS[size],
                                 f"search ready at {where}: results {worst[1]:.0f} ms after the load event at "
                                 f"worst (median in '{worst[0]}'; budget {SEARCH_AFTER_LOAD_MS[size]} ms{vs})."))
        else:
            lines.append(f"INFO  search ready at {where}: {worst[1]:.0f} ms after load at worst ({worst[0]}){vs}.")
        text = (f"search per keystroke at {where}: {keys:.1f} ms median from key-up to results "
                f"({len(search.keystrokes)} keystrokes")
        if size in KEYSTROKE_MS:
            lines.append(verdict(keys <= KEYSTROKE_MS[size], text + f"; budget {KEYSTROKE_MS[size]} ms)."))
        else:
            lines.append(f"INFO  {text})." )
        lines += fetched_lines(size, where, search, other.get("search"))
        lines += mobile_lines(size, where, site.stats.get("mobile"), other.get("mobile"))
        if "relevance" in site.stats:
            lines.append(f"INFO  relevance at {where}: the relevance suite's page in the first three, ours "
                         + top_three(site.stats["relevance"])
                         + (f"; Pagefind {top_three(other['relevance'])}" if "relevance" in other else "") + ".")
        lines += offline.budget_lines(size, where, site.stats.get("store"))
    return lines


def top_three(found: dict[str, tuple[int, int]]) -> str:
    return ", ".join(f"{language} {hits} of {total}" for language, (hits, total) in found.items())


def fetched_lines(size, where: str, ours, theirs) -> list[str]:
    """Bytes before the first result (the slower language), ours against its budget, beside Pagefind's."""
    language, (fetched, files) = max(ours.fetched.items(), key=lambda item: item[1][0])
    text = f"bytes before the first result at {where}: {kb(fetched)} KB gzip in {files} files (in '{language}'"
    if theirs is not None:
        theirs_bytes, theirs_files = max(theirs.fetched.values())
        text += (f"; Pagefind {kb(theirs_bytes)} KB in {theirs_files} files, "
                 + ("ours no more" if fetched <= theirs_bytes else "Pagefind's fewer"))
    if size in FETCHED_KB:
        return [verdict(fetched <= FETCHED_KB[size] * 1024, text + f"; budget {FETCHED_KB[size]} KB).")]
    return [f"INFO  {text})."]


def mobile_lines(size, where: str, ours, theirs) -> list[str]:
    """On a phone's network: ready after load and per keystroke, ours against budgets, beside Pagefind's."""
    if ours is None:
        return []
    ready, keys = max(ours.after_load_median().values()), ours.keystroke_median()
    vs = (f"; Pagefind {max(theirs.after_load_median().values()):.0f} ms ready, "
          f"{theirs.keystroke_median():.1f} ms per keystroke" if theirs is not None else "")
    text = f"search on a phone's network at {where}: ready {ready:.0f} ms after load at worst"
    if size not in MOBILE_AFTER_LOAD_MS:
        return [f"INFO  {text}, {keys:.1f} ms per keystroke{vs}."]
    return [verdict(ready <= MOBILE_AFTER_LOAD_MS[size], f"{text} (budget {MOBILE_AFTER_LOAD_MS[size]} ms{vs})."),
            verdict(keys <= MOBILE_KEYSTROKE_MS[size], f"search per keystroke on a phone's network at {where}: "
                    f"{keys:.1f} ms (budget {MOBILE_KEYSTROKE_MS[size]} ms).")]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per project (median)")
    parser.add_argument("--small-runs", type=int, default=7,
                        help=f"builds per project whose build takes under {SHORT} s (median)")
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, pages per language")
    parser.add_argument("--report-sizes", default="5000",
                        help="larger corpus sizes, ours (and Pagefind) only, built once ('' for none)")
    parser.add_argument("--with-10000", action="store_true",
                        help="also 10,000 pages per language, ours and Pagefind, built once, reported (about "
                             "20 minutes more on two cores)")
    parser.add_argument("--mobile-sizes", default="5000",
                        help="corpus sizes also searched on a phone's network, ours and Pagefind ('' for none)")
    parser.add_argument("--mobile-loads", type=int, default=3,
                        help="page loads per language on a phone's network")
    parser.add_argument("--search-only", action="store_true",
                        help="build ours once at the playbook's size and each --sizes, and measure search alone")
    parser.add_argument("--loads", type=int, default=5, help="page loads per language for search")
    parser.add_argument("--cap", type=float, default=90,
                        help="seconds: a project whose build takes longer is built once only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))
    report_sizes = sorted({int(size) for size in options.report_sizes.split(",") if size}
                          | ({10_000} if options.with_10000 else set()))
    mobile_sizes = {int(size) for size in options.mobile_sizes.split(",") if size}

    # Stopped from outside (kill, CI timeout): still remove the temporary folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = datetime.datetime.now()
    print(f"Benchmark, {started:%Y-%m-%d %H:%M}; {machine()}; {pagefind.version()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="playbook-benchmark-"))
    try:
        # Sites are built for the address they are served at: our pages name it.
        port = free_port()
        site_url = f"http://127.0.0.1:{port}/"
        if options.search_only:
            groups = prepare_search_only(work, sizes)
            build_all(groups, 1, 1, site_url, options.cap)
        else:
            groups, generated = prepare(work, sizes, site_url, report_sizes)
            print(f"Building ({options.small_runs} runs each, {options.runs} for builds over {SHORT} s):",
                  flush=True)
            build_all(groups[:len(groups) - len(report_sizes)], options.runs, options.small_runs,
                      site_url, options.cap)
            build_all(groups[len(groups) - len(report_sizes):], 1, 1, site_url, options.cap)
        for group in groups:
            for site in group:
                collect_stats(site)
        print("Indexing with Pagefind:", flush=True)
        sites = add_pagefind(groups)
        print("Searching in Chromium:", flush=True)
        measure_search([site for site in sites if site.search], options.loads, port, mobile_sizes,
                       options.mobile_loads)
        print()
        print(table(sites))
        print()
        print(search_table(sites))
        print(NOTES)
        lines = check_search_budgets(groups) if options.search_only else check_budgets(groups, generated)
        print("\n".join(lines))
        elapsed = (datetime.datetime.now() - started).total_seconds()
        print(f"\nBenchmark took {elapsed / 60:.1f} min.")
    except measure.BuildFailed as error:
        print(f"\nFAIL  {error}", file=sys.stderr)
        return 2
    finally:
        if options.keep:
            print(f"Sites kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    failed = [line for line in lines if line.startswith("FAIL")]
    if failed:
        print(f"\n{len(failed)} budget(s) missed.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
