"""Record that a translation has been reviewed against its Spanish page, or list every
translation's state: `make translated PAGE=docs/factores.en.md`. The record
(``translated_from``, the Spanish text's fingerprint) lets the build tell readers and editors
when the Spanish page has changed since (hooks/translation_drift.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mkdocs.config import load_config

from playbook import build
from playbook.catalogue import FRONT_MATTER, Catalogue, split_language
from playbook.label_files import said
from playbook.translations import FRESH, NO_RECORD, NO_TRANSLATION, RECORD_KEY, STALE, fingerprint, pairs

# The record's line in a page's front matter (tools write front matter; the build only reads it).
_KEY_LINE = re.compile(rf"^{RECORD_KEY}[ \t]*:")


def with_record(text: str, value: str) -> str:
    """``text`` (a whole page) with ``translated_from: value`` in its front matter.

    Only that line changes: an existing record is replaced where it stands, a
    new one goes last in the front matter. Line endings, the byte-order mark,
    comments and the order of the other keys stay as they were.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix("\ufeff")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ValueError(said("translation_no_front_matter"))
    newline = "\r\n" if "\r\n" in text[: match.end()] else "\n"
    lines = text[: match.end()].splitlines(keepends=True)
    record = f"{RECORD_KEY}: {value}{newline}"
    body_lines = lines[1:-1]
    for index, line in enumerate(body_lines):
        if _KEY_LINE.match(line):
            # The key's own line, and any more-indented lines that continue its value.
            end = index + 1
            while end < len(body_lines) and body_lines[end][:1] in (" ", "\t"):
                end += 1
            body_lines[index:end] = [record]
            break
    else:
        if body_lines and not body_lines[-1].endswith(("\n", "\r")):
            body_lines[-1] += newline
        body_lines.append(record)
    closing = lines[-1] if len(lines) > 1 else "---" + newline
    return bom + lines[0] + "".join(body_lines) + closing + text[match.end():]


class CommandError(Exception):
    """Something the person running the command must fix; never a traceback."""


# Run from the project's folder with hooks/ on the import path, as the Makefile does.
def _site(config_file: Path):
    """The docs folder, the default language and the catalogue of a MkDocs project."""
    if not config_file.exists():
        raise CommandError(said("translated_no_config", config=config_file))
    config = load_config(str(config_file))
    return Path(config.docs_dir), build.default_language(config), build.catalogue(config)


def _translation_of(argument: str, docs_dir: Path, catalogue: Catalogue, default: str):
    """The translated pages an argument names: a translation, its source, or a page key."""
    path = Path(argument)
    try:
        relative = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        relative = argument.removeprefix("docs/")
    key, language = split_language(relative, catalogue.languages)
    key = key.removesuffix(".md")
    if catalogue.page(key, default) is None:
        raise CommandError(said("translated_no_source", argument=argument, key=key, language=default))
    wanted = [language] if language and language != default else [
        lang for lang in catalogue.languages if lang != default
    ]
    translations = []
    for lang in wanted:
        page = catalogue.page(key, lang)
        if page is None:
            raise CommandError(said("translated_missing", key=key, language=lang))
        translations.append(page)
    return key, translations


def mark(arguments: list[str], config_file: Path) -> list[str]:
    """Record, in each named translation, the fingerprint of its Spanish page now."""
    docs_dir, default, catalogue = _site(config_file)
    done = []
    for argument in arguments:
        key, translations = _translation_of(argument, docs_dir, catalogue, default)
        source = catalogue.page(key, default)
        broken = [p for p in catalogue.problems if p.path == source.path]
        if broken:
            raise CommandError(said("translated_source_unreadable", path=source.path,
                                    problems="\n".join(str(p) for p in broken)))
        value = fingerprint(source)
        for page in translations:
            file = docs_dir / page.path
            raw = file.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(said("translated_not_utf8", path=page.path)) from error
            try:
                updated = with_record(text, value)
            except ValueError as error:
                raise CommandError(said("translated_no_front_matter", path=page.path, error=error)) from error
            if updated != text:
                file.write_bytes(updated.encode("utf-8"))
            done.append(said("translated_done", path=page.path, key=key, language=default, value=value))
    return done


# Each state's words in labels/messages.yml.
STATE_WORDS = {FRESH: "translated_fresh", STALE: "translated_stale", NO_RECORD: "translated_no_record",
               NO_TRANSLATION: "translated_none"}


def status(config_file: Path) -> list[str]:
    _, default, catalogue = _site(config_file)
    return [f"{pair.name}: {said(STATE_WORDS[pair.state], record=RECORD_KEY)}" for pair in pairs(catalogue, default)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make translated PAGE=docs/<page>.en.md",
        description="Record which Spanish text each translation translates, or list their state.",
    )
    parser.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path,
                        help="the MkDocs configuration (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    marking = commands.add_parser(
        "mark", help="mark translations reviewed against their Spanish page as it is now")
    marking.add_argument("pages", nargs="+", metavar="PAGE",
                         help="a translated page (docs/factores.en.md), or its Spanish page")
    commands.add_parser("status", help="list every page pair and its state")
    args = parser.parse_args(argv)
    try:
        if args.command == "mark":
            lines = mark(args.pages, args.config_file)
        else:
            lines = status(args.config_file)
    except CommandError as error:
        print(said("command_error", error=error), file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
