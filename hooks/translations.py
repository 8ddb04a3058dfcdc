"""Which Spanish text each translation translates, and a command that records it.

Each translated page (docs/page.en.md) may carry in its front matter the
fingerprint of the Spanish page (docs/page.es.md) it was last checked against:

    translated_from: sha256:1f0c3a9b7d2e4c55

The fingerprint covers the Spanish page's front matter and text, normalised so
that changes a reader cannot see (line endings, spaces at the end of lines,
extra blank lines, the order of front-matter keys, YAML comments) do not count,
and leaves out the keys that are nobody's translation: ``owner``,
``review_by`` and the record itself. When the Spanish page changes, its
fingerprint no longer matches the record and the translation is *stale* until
someone reviews it and records the new fingerprint:

    make translated PAGE=docs/factores.en.md
    python hooks/translations.py mark docs/factores.en.md     # the same
    python hooks/translations.py status                       # every page pair

Not a hook: hooks/translation_drift.py uses it during the build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import content

# The front-matter key of the record, in translated pages only.
RECORD_KEY = "translated_from"
# Keys that say who looks after a page and when, not what it says.
# And the words staff type to find a page, which each language has its own of.
EDITORIAL_KEYS = frozenset({"owner", "review_by", "search_terms", RECORD_KEY})

FRESH, STALE, NO_RECORD, NO_TRANSLATION = "fresh", "stale", "no-record", "no-translation"


def normalise_text(text: str) -> str:
    """Text as a reader sees it: NFC, \\n line ends, no trailing spaces, single blank lines."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def fingerprint(page: content.SourcePage) -> str:
    """The fingerprint of a source page's translatable front matter and text."""
    meta = {key: value for key, value in page.meta.items() if key not in EDITORIAL_KEYS}
    front = json.dumps(meta, sort_keys=True, ensure_ascii=False, default=str)
    front = normalise_text(front)
    digest = hashlib.sha256(f"{front}\n---\n{normalise_text(page.body)}".encode()).hexdigest()
    # 64 bits: plenty to tell two versions of one page apart, short enough to read.
    return f"sha256:{digest[:16]}"


@dataclass(frozen=True)
class PagePair:
    """A source page and its translation into one language, with the translation's state."""

    key: str  # "tipos/enojado"
    language: str  # the translation's language
    source: content.SourcePage
    translation: content.SourcePage | None
    state: str  # FRESH, STALE, NO_RECORD or NO_TRANSLATION
    recorded: str | None  # the fingerprint the translation records
    current: str  # the source's fingerprint now


def pair_state(source: content.SourcePage, translation: content.SourcePage | None,
               language: str) -> PagePair:
    """The state of ``source``'s translation into ``language`` (None: not written)."""
    current = fingerprint(source)
    if translation is None:
        return PagePair(source.key, language, source, None, NO_TRANSLATION, None, current)
    recorded = translation.meta.get(RECORD_KEY)
    recorded = str(recorded).strip() if recorded not in (None, "") else None
    if recorded is None:
        state = NO_RECORD
    else:
        state = FRESH if recorded == current else STALE
    return PagePair(source.key, language, source, translation, state, recorded, current)


def pairs(catalogue: content.Catalogue, default: str) -> list[PagePair]:
    """Every page of the default language with each of its translations, in path order."""
    return [
        pair_state(source, catalogue.page(source.key, language), language)
        for source in catalogue.in_language(default)
        for language in catalogue.languages
        if language != default
    ]


# Writing the record -------------------------------------------------------------

_KEY_LINE = re.compile(rf"^{RECORD_KEY}[ \t]*:")


def with_record(text: str, value: str) -> str:
    """``text`` (a whole page) with ``translated_from: value`` in its front matter.

    Only that line changes: an existing record is replaced where it stands, a
    new one goes last in the front matter. Line endings, the byte-order mark,
    comments and the order of the other keys stay as they were.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    text = text.removeprefix("\ufeff")
    match = content.FRONT_MATTER.match(text)
    if not match:
        raise ValueError("it has no front matter (a block between two '---' lines at the top)")
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


def _site(config_file: Path):
    """The docs folder, the default language and the catalogue of a MkDocs project."""
    from mkdocs.config import load_config

    if not config_file.exists():
        raise CommandError(f"{config_file} not found. Run this command from the project's folder.")
    config = load_config(str(config_file))
    i18n = config.plugins["i18n"]
    return Path(config.docs_dir), i18n.default_language, content.from_config(config)


def _translation_of(argument: str, docs_dir: Path, catalogue: content.Catalogue, default: str):
    """The translated pages an argument names: a translation, its source, or a page key."""
    path = Path(argument)
    try:
        relative = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        relative = argument.removeprefix("docs/")
    key, language = content.split_language(relative, catalogue.languages)
    key = key.removesuffix(".md")
    if catalogue.page(key, default) is None:
        raise CommandError(
            f"{argument}: there is no Spanish page docs/{key}.{default}.md to compare with. "
            f"Name a translated page, for example docs/factores.en.md."
        )
    wanted = [language] if language and language != default else [
        lang for lang in catalogue.languages if lang != default
    ]
    translations = []
    for lang in wanted:
        page = catalogue.page(key, lang)
        if page is None:
            raise CommandError(
                f"docs/{key}.{lang}.md does not exist. Write the translation first, "
                f"then mark it reviewed."
            )
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
            raise CommandError(
                f"docs/{source.path} cannot be read, so there is nothing to compare with yet:\n"
                + "\n".join(str(p) for p in broken))
        value = fingerprint(source)
        for page in translations:
            file = docs_dir / page.path
            raw = file.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise CommandError(
                    f"docs/{page.path} is not UTF-8 text; save it as UTF-8.") from error
            try:
                updated = with_record(text, value)
            except ValueError as error:
                raise CommandError(
                    f"docs/{page.path}: {error}. Add one, then try again.") from error
            if updated != text:
                file.write_bytes(updated.encode("utf-8"))
            done.append(f"docs/{page.path}: reviewed against docs/{key}.{default}.md ({value})")
    return done


STATE_WORDS = {
    FRESH: "up to date",
    STALE: "may be out of date: the Spanish page changed after the last review",
    NO_RECORD: f"not marked reviewed yet (no '{RECORD_KEY}' in its front matter)",
    NO_TRANSLATION: "no translation",
}


def status(config_file: Path) -> list[str]:
    _, default, catalogue = _site(config_file)
    lines = []
    for pair in pairs(catalogue, default):
        name = f"docs/{pair.key}.{pair.language}.md"
        lines.append(f"{name}: {STATE_WORDS[pair.state]}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python hooks/translations.py",
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
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
