"""The one Markdown scanner of the playbook, read once per page body: not a renderer, it finds
with their line numbers the links, headings, ids, raw HTML tags, attribute lists, admonitions
and emoji shortcodes of a body, the way Python-Markdown (with mkdocs.yml's extensions) will
see them. The checks, the customer types and the type pages all read through it.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.extensions.toc import slugify as toc_slugify
from markdown.inlinepatterns import LINK_RE, REFERENCE_RE, LinkInlineProcessor, ReferenceInlineProcessor
from pymdownx.emoji import RE_EMOJI

Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class Link:
    url: str
    line: int
    kind: str  # link | image | reference | definition | autolink | html
    text: str = ""
    attribute: str = ""  # for kind "html": the attribute holding the address
    span: tuple[int, int] = (0, 0)  # where the link text is in the body


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # the heading's text, without its attribute list
    explicit_id: str | None  # from `{#id}`
    line: int


@dataclass(frozen=True)
class Tag:
    name: str  # lower case
    attributes: tuple[tuple[str, str | None], ...]
    line: int


@dataclass(frozen=True)
class AttrList:
    """An attribute list: `{ #id .class key=value }`."""

    attributes: tuple[tuple[str, str | None], ...]
    line: int


@dataclass(frozen=True)
class Anchor:
    """An id given explicitly: `{#id}`, `<a id="...">`, `<a name="...">`."""

    id: str
    line: int


@dataclass(frozen=True)
class Admonition:
    """`!!! kind "Title"` (or `??? kind`): ``empty`` when no indented text follows it."""

    kind: str  # the first word: "tip", "note", "aporte"
    title: str | None  # None when no title is written; "" for `""`
    line: int
    empty: bool
    indent: int  # columns before the `!!!`


@dataclass(frozen=True)
class Shortcode:
    """`:name:` in the text, which pymdownx.emoji turns into an emoji or icon."""

    name: str  # without the colons
    line: int


@dataclass(frozen=True)
class Document:
    text: str  # the body with code, comments, escapes and link addresses blanked out
    prose: str  # the same, also without attribute lists and HTML tags: what readers read
    body_start: int
    links: tuple[Link, ...]
    headings: tuple[Heading, ...]
    tags: tuple[Tag, ...]
    attr_lists: tuple[AttrList, ...]
    anchors: tuple[Anchor, ...]
    admonitions: tuple[Admonition, ...] = ()
    shortcodes: tuple[Shortcode, ...] = ()
    _newlines: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int:
        """The line of the file at an offset of the body."""
        return _line_at(self._newlines, self.body_start, offset)


def _line_at(newlines: tuple[int, ...], body_start: int, offset: int) -> int:
    return body_start + bisect_right(newlines, offset - 1)


# --- Blanking out what Markdown does not read as Markdown --------------------

# A fenced code block, from its opening fence to the first closing one of the same kind and at least
# its length (a backtick fence's info may hold no backtick); a fence never closed stays text.
FENCED = re.compile(
    r"^[ \t]*(?:>[ \t]?)*(?:(?P<ticks>`{3,})[^`\n]*|(?P<tildes>~{3,})[^\n]*)\n(?:[^\n]*\n)*?"
    r"[ \t]*(?:>[ \t]?)*(?:(?P=ticks)`*|(?P=tildes)~*)[ \t]*$", re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
ESCAPE = re.compile(r"\\[\\`*_{}\[\]()#+\-.!<>|:\"']")


def _blank(text: str | re.Match) -> str:
    """Spaces for every character but the newlines: what follows keeps its offset and line."""
    return re.sub(r"[^\n]", " ", text if isinstance(text, str) else text.group(0))


def _blank_fences(text: str) -> str:
    """Fenced code blocks become empty lines."""
    return FENCED.sub(lambda match: "\n" * match.group(0).count("\n"), text)


# --- Links --------------------------------------------------------------------

DEFINITION = re.compile(r"^[ \t]*\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)[^\n]*$", re.M)
AUTOLINK = re.compile(r"<((?:[a-z][a-z0-9+.-]*):[^<>\s]*)>", re.I)
# Python-Markdown reads links within a paragraph: up to a blank line.
PARAGRAPH = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")


class _Inline(LinkInlineProcessor):
    """Python-Markdown's reader of `[text]` (nested brackets too) and `(url "title")` (nested
    parentheses too), with no Markdown instance behind it: escapes are blanked before it reads."""

    def unescape(self, text: str) -> str:
        return text


# And its reader of the `[label]` after a reference link's text.
INLINE, REFERENCE = _Inline(LINK_RE), ReferenceInlineProcessor(REFERENCE_RE)


def _label(text: str) -> str:
    return " ".join(text.split()).lower()


def _bracketed(text: str, definitions: dict[str, str], line_at) -> tuple[list[Link], list[tuple[int, int]]]:
    """Inline links and images, `[text](url)` and `![alt](url)`, and reference links, `[text][label]`,
    `[text][]` and `[label]` when the label is defined; and where their addresses are."""
    links, destinations = [], []
    for paragraph in PARAGRAPH.finditer(text):
        data, offset = paragraph.group(0), paragraph.start()
        # A link's text may hold links, its address and a defined label may not; a `[label]` that is no
        # link holds no `[label]` link either (Python-Markdown reads those last, and the outer one first).
        taken, shortcuts = [], []
        for bracket in re.finditer(r"\[", data):
            start = offset + bracket.start()
            label, after, closed = INLINE.getText(data, bracket.end())
            if not closed or any(begin <= start < end for begin, end in taken):
                continue
            span, image = (start + 1, offset + after - 1), data[bracket.start() - 1 : bracket.start()] == "!"
            # (getLink may say it read a link that ends before it starts: no link.)
            if data.startswith("(", after) and (found := INLINE.getLink(data, after))[3] and found[2] > after:
                links.append(Link(found[0], line_at(offset + after), "image" if image else "link", label, span=span))
                taken.append((offset + after, offset + found[2]))
                destinations.append(taken[-1])
                continue
            # `[text][label]`, `[text] [label]`, `[text][]`; else the text is the label: `[label]`.
            named, label_end, full = REFERENCE.evalId(data, after, label)
            if full and _label(named) in definitions:
                taken.append((offset + after, offset + label_end))
            elif any(begin < start < end for begin, end in shortcuts):
                continue
            else:
                named = label
                shortcuts += [] if image else [(start, offset + after)]
            if _label(named) in definitions:
                links.append(Link(definitions[_label(named)], line_at(start), "reference", label, span=span))
    return links, destinations


# --- Raw HTML -----------------------------------------------------------------


class _Tags(HTMLParser):
    """Each start tag (`<br/>` too) of a body whose first line is ``first_line``."""

    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line, self.tags = first_line, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(Tag(tag.lower(), tuple(attrs), self.first_line + self.getpos()[0] - 1))


def fed(parser: HTMLParser, text: str) -> HTMLParser:
    """``parser`` after reading ``text``, however malformed its markup."""
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError, IndexError):  # pragma: no cover - malformed markup
        pass
    return parser


# --- Headings and attribute lists --------------------------------------------

# ATX headings, `## Title {#id}`, indented text too (admonition and card content).
ATX = re.compile(r"^(?:[ ]{4}|\t|>[ ]?)*(#{1,6})(.*?)$", re.M)
# Setext headings: a line of text that starts a block, underlined with === or ---.
SETEXT = re.compile(r"(?:\A|^[^\S\n]*\n)((?=[^\n]*\S)[^\n]*)\n[ ]{0,3}(=+|-+)[ \t]*$", re.M)
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
TRAILING_ATTRS = re.compile(rf"[ \t]*{ATTR_LIST.pattern}[ \t]*$")
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
BLOCK_START = re.compile(r"^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|>|\||!!!|\?\?\?|<)")


def _attributes(text: str) -> tuple[tuple[str, str | None], ...]:
    try:
        return tuple((key, value) for key, value in get_attrs_and_remainder(text)[0])
    except Exception:  # noqa: BLE001 - a scanner never stops the check
        return ()


def _is_attr_list(text: str) -> bool:
    """Python-Markdown reads `{...}` as attributes when it looks like them."""
    stripped = text.strip()
    return bool(stripped) and bool(re.match(r"[#.]|[^\s=]+=|[A-Za-z_:][\w:.-]*(\s|$)", stripped))


def _heading(raw: str, masked: str, level: int, line: int) -> Heading:
    explicit = None
    trailing = TRAILING_ATTRS.search(masked)
    if trailing and _is_attr_list(trailing.group(1)):
        explicit = dict(_attributes(trailing.group(1))).get("id")
        raw = raw[: trailing.start()]
    text = re.sub(r"[ \t]+#+[ \t]*$", "", raw).strip().rstrip("#").strip()
    return Heading(level=level, text=text, explicit_id=explicit, line=line)


def inline_text(markdown: str) -> str:
    """The plain text of inline Markdown, roughly as toc sees a heading's text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r":[a-z0-9_+-]+:", "", text)  # emoji and icon shortcodes render as images
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"[*_`~]+", "", text)
    return text.strip()


# --- Admonitions and emoji ------------------------------------------------------

# As Python-Markdown's admonition and pymdownx.details read them; ahead, the next line with text.
ADMONITION = re.compile(
    r'^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[\w\-]+(?: +[\w\-]+)*)'
    r'(?:[ \t]+"(?P<title>.*?)")?[ \t]*$(?=(?:\n[^\S\n]*(?=\n|\Z))*(?:\n(?P<next>.*))?)', re.M
)
# pymdownx.emoji's own pattern: `:name:`, colons included.
SHORTCODE = re.compile(RE_EMOJI)


def indentation(line: str) -> int:
    """The indentation of a line in columns, a tab to the next multiple of four."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


# --- The scan -----------------------------------------------------------------


# Where it could disagree with Python-Markdown it errs on reporting: indented text is still scanned
# (here it is admonition and card content), an unclosed fence is no fence.
def scan(body: str, body_start: int = 1) -> Document:
    """Everything the checks need from a page body; ``body_start`` is its first line."""
    body = body.replace("\r\n", "\n")
    raw_lines = body.split("\n")
    # Code, HTML comments and escaped characters blanked first: Markdown reads no links or HTML there.
    text = _blank_fences(body)
    text = COMMENT.sub(_blank, text)
    text = CODE_SPAN.sub(_blank, text)
    text = ESCAPE.sub(_blank, text)
    newlines = tuple(match.start() for match in re.finditer("\n", text))
    line_at = functools.partial(_line_at, newlines, body_start)
    links: list[Link] = []
    definitions: dict[str, str] = {}

    # Reference definitions, `[label]: url`, and autolinks, `<https://example.org>`: kept, then blanked.
    def definition(match: re.Match) -> str:
        url = match.group(2).strip("<>")
        definitions.setdefault(_label(match.group(1)), url)
        links.append(Link(url, line_at(match.start(2)), "definition", match.group(1)))
        return _blank(match)

    def autolink(match: re.Match) -> str:
        links.append(Link(match.group(1), line_at(match.start()), "autolink", match.group(1),
                          span=(match.start(1), match.end(1))))
        return _blank(match)

    text = AUTOLINK.sub(autolink, DEFINITION.sub(definition, text))

    found, destinations = _bracketed(text, definitions, line_at)
    links += found
    chars = list(text)
    for begin, end in destinations:
        chars[begin:end] = _blank(text[begin:end])
    text = "".join(chars)

    # Attribute lists, `{ #id .class key="value" }`: kept, then blanked in what readers read.
    attr_lists: list[AttrList] = []
    anchors: list[Anchor] = []

    def attr_list(match: re.Match) -> str:
        if not _is_attr_list(match.group(1)):
            return match.group(0)
        attributes, line = _attributes(match.group(1)), line_at(match.start())
        attr_lists.append(AttrList(attributes, line))
        anchors.extend(Anchor(value, line) for key, value in attributes if key == "id" and value)
        links.extend(Link(value, line, "html", attribute=key.lower())
                     for key, value in attributes if key.lower() in {"href", "src"} and value)
        return _blank(match)

    prose = HTML_TAG.sub(_blank, ATTR_LIST.sub(attr_list, text))

    # Raw HTML, with its attributes' character references decoded as a browser would.
    tags: list[Tag] = fed(_Tags(body_start), text).tags
    for tag in tags:
        for key, value in ((key.lower(), value) for key, value in tag.attributes):
            if key == "id" or (key == "name" and tag.name == "a"):
                anchors.extend([Anchor(value, tag.line)] if value else [])
            elif key in URL_ATTRIBUTES and value is not None:
                links.append(Link(value, tag.line, "html", attribute=key))

    # Headings, in page order.
    headings = []
    for match in ATX.finditer(text):
        line = line_at(match.start())
        headings.append(_heading(raw_lines[line - body_start][match.end(1) - match.start() :], match.group(2),
                                 len(match.group(1)), line))
    for match in SETEXT.finditer(text):
        if not BLOCK_START.match(match.group(1)) and not ATX.match(match.group(1)):
            line = line_at(match.start(1))
            headings.append(_heading(raw_lines[line - body_start].strip(), match.group(1).strip(),
                                     1 if match.group(2)[0] == "=" else 2, line))
    headings.sort(key=lambda heading: heading.line)
    # An id written on a heading is found both as a heading's and as an attribute list's.
    anchors = list(dict.fromkeys(anchors))

    # Admonitions: empty when the next line with text is not indented four columns more than the `!!!`.
    admonitions = []
    for match in ADMONITION.finditer(text):
        indent = indentation(match["indent"])
        admonitions.append(Admonition(match["kind"].split()[0].lower(), match["title"], line_at(match.start()),
                                      indentation(match["next"] or "") < indent + 4, indent))
    shortcodes = [Shortcode(match.group(1).strip(":"), line_at(match.start()))
                  for match in SHORTCODE.finditer(prose)]

    links.sort(key=lambda link: (link.line, link.span))
    return Document(text, prose, body_start, tuple(links), tuple(headings), tuple(tags), tuple(attr_lists),
                    tuple(anchors), tuple(admonitions), tuple(shortcodes), _newlines=newlines)


# Attributes whose value a browser loads or follows as an address.
URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset",
    "ping", "manifest", "codebase", "archive", "longdesc", "usemap", "lowsrc", "dynsrc", "icon", "profile",
    "classid", "imagesrcset",
})


# Hooks are handed a page's Markdown without its front matter and leading blank lines, with what
# earlier hooks put in it (lists of types, a type page's blocks): no `!!!` line or heading of the
# page's own. Its lines are found there by their text and how often that text came before them.
def handed(markdown: str, page=None) -> tuple[Document, Callable[[int], int | None]]:
    """The scan of the Markdown a hook is handed, and where a line of the scan is in that Markdown
    (0-based; None if an earlier hook took it out): the catalogue page's own scan when ``page``
    is given, so that no page is scanned twice; else a scan of ``markdown``."""
    if page is None:
        return scan(markdown), lambda line: line - 1
    source = page.body.replace("\r\n", "\n").split("\n")
    lines = markdown.split("\n")

    def index(line: int) -> int | None:
        text = source[line - page.body_start]
        nth = source[: line - page.body_start].count(text)
        found = (at for at, other in enumerate(lines) if other == text)
        return next(itertools.islice(found, nth, None), None)

    return page.document, index


def heading_ids(
    page, slugify: Slugify = toc_slugify, separator: str = "-"
) -> list[tuple[str, int, bool]]:
    """Each heading's id, line, and whether it was written explicitly, in page order: else the id
    toc gives a heading of its text, with mkdocs.yml's slugify, toc's own if that one fails."""

    def slug(text: str) -> str:
        try:
            return slugify(inline_text(text), separator)
        except Exception:  # noqa: BLE001 - a custom slugify must not stop the checks
            return toc_slugify(inline_text(text), separator)

    return [(heading.explicit_id, heading.line, True) if heading.explicit_id
            else (slug(heading.text), heading.line, False) for heading in page.document.headings]


def intro_and_rest(markdown: str, page=None) -> tuple[str, str]:
    """A page's opening paragraphs, and the rest from its first heading on (ATX or setext,
    outside code); ``page``: the catalogue page ``markdown`` was handed for."""
    markdown = markdown.replace("\r\n", "\n")
    doc, index = handed(markdown, page)
    first = index(doc.headings[0].line) if doc.headings else None
    if first is None:
        return markdown, ""
    lines = markdown.split("\n")
    return "\n".join(lines[:first]) + ("\n" if first else ""), "\n".join(lines[first:])
