"""`mkdocs serve` only: a failed rebuild shows in the browser, and the fix reloads it. Every
page of the last good build is replaced by a page saying what is wrong, in its language
(overrides/build-error.html, playbook/build_errors.py), until the next good rebuild writes
the real pages again.

The one module that touches MkDocs' dev server (``mkdocs.livereload.LiveReloadServer``, as
of MkDocs 1.6.1): it swaps the server's ``builder`` (each rebuild) and ``error_handler`` (the
answer to an address the site lacks), which no public API offers.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from playbook import build, build_errors, checks, config_check, label_files
from playbook.label_files import said

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

def on_serve(server, config: MkDocsConfig, builder):
    # A MkDocs that moved them: serve as MkDocs does, and say why failures show in the terminal only.
    if changed := internals_changed(server):
        log.warning(changed)
        return server
    site_dir = Path(config.site_dir)
    languages = list(build.languages(config))
    default = build.default_language(config)
    # Autoescaped: the messages quote what editors wrote.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs), autoescape=True)
    template = env.get_template("build-error.html")
    words = label_files.labels("build_error", tuple(languages))
    state = {"pages": build_errors.pages_of(site_dir), "failed": None}
    rebuild = server.builder
    config_file = Path(config.config_file_path)

    def show_failure(report: str, logged: list[str]) -> None:
        failure = build_errors.parse_report(report, logged)
        rendered = {language: template.render(language=language, labels=words[language],
                                               summary=failure.summary, problems=failure.problems,
                                               details=failure.details)
                    for language in languages}
        state["failed"] = rendered[default].encode("utf-8")
        count = build_errors.write_error_pages(site_dir, state["pages"], rendered, build.folders(config))
        log.error(f"{said('rebuild_failed', count=count)} {said('rebuild_failed_fix')}")

    # On a failed rebuild MkDocs keeps the old epoch and the browser hangs with no message:
    # print the failure as before, then count the rebuild as done so open pages reload onto it.
    def checked_rebuild():
        # What the rebuild logs as warnings and errors: a strict build stops on them, and a broken
        # mkdocs.yml is only described there.
        logged = logging.handlers.BufferingHandler(capacity=sys.maxsize)
        logged.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(logged)
        try:
            rebuild()
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: B036 (an Abort is a SystemExit)
            # mkdocs.yml itself unreadable: one problem in the build's layout, not the parser's traceback.
            if unreadable := config_check.unreadable(config_file.read_text(encoding="utf-8"), config_file.name):
                report = checks.report([unreadable], where=config_file.name)
                print(report, file=sys.stderr)  # noqa: T201 (as MkDocs prints it)
                logged.buffer.clear()  # MkDocs' own words on the same line: said once
            elif isinstance(error, SystemExit):
                print(error, file=sys.stderr)  # noqa: T201 (as MkDocs prints it)
                report = str(error)
            else:
                traceback.print_exc()
                report = f"{type(error).__name__}: {error}"
            show_failure(report, [record.getMessage().strip() for record in logged.buffer])
        else:
            state["pages"], state["failed"] = build_errors.pages_of(site_dir), None
        finally:
            logging.getLogger("mkdocs").removeHandler(logged)

    server.builder = checked_rebuild
    not_found = server.error_handler

    # An address the last good build did not have: the failure too, in the default language.
    def error_page(code):
        if code == 404 and state["failed"]:
            return state["failed"]
        return not_found(code)

    server.error_handler = error_page
    return server


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------

def internals_changed(server) -> str | None:
    """None while the dev server has what this module swaps; else what changed, said for the terminal."""
    lost = [name for name in SWAPPED if not callable(getattr(server, name, None))]
    if not lost:
        return None
    return said("serve_internals_changed", swapped=", ".join(lost), checked=CHECKED_AGAINST,
                server=type(server).__name__)


# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

log = logging.getLogger("mkdocs.hooks.serve_errors")
# MkDocs' dev server as this module knows it: the release it was checked against, what it swaps.
CHECKED_AGAINST = "MkDocs 1.6.1"
SWAPPED = ("builder", "error_handler")
