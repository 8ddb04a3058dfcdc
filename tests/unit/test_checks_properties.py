"""Random Markdown and front matter through every check: each reports or
passes, and never raises. Problems always name a file of the site, a line
within it, what is wrong and how to fix it."""

from __future__ import annotations

import contextlib
import datetime

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playbook import catalogue as content
from playbook import characters, checks
from playbook.checks import anchors, citations, front_matter, links, parity, safety
from playbook.markdown import scan
from support.sites import apply, base_files, catalogue

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of Markdown, HTML and YAML that the checks read, and some that trip parsers.
TOKENS = [
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "#",
    "## ",
    "{#",
    "{ ",
    "}",
    "{:",
    "<",
    ">",
    "</",
    "/>",
    "<script>",
    "<div markdown>",
    "<a href=",
    "<img src=x onerror=y>",
    '"',
    "'",
    "`",
    "```",
    "~~~",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "\\",
    "*",
    "_",
    "---",
    "===",
    "<!--",
    "-->",
    "&#106;",
    "&amp;",
    "javascript:",
    "data:",
    "http://",
    "https://",
    "//",
    "mailto:",
    "../",
    "./",
    "/",
    ".md",
    ".es.md",
    ".en.md",
    "#rapidez",
    "factores.md",
    "referencias.md#igs-sfa",
    "tipos/enojado.md#atender",
    "Kotler",
    "Subercaseaux",
    "onclick=",
    "style=",
    "url(",
    ":material-x:",
    "[r]: ",
    "[r]",
    "é",
    "\u200b",
    "\r\n",
    "\x00",
]
markdown = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=40).map(
    "".join
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        ["<b>x</b>", "material/emoticon-angry-outline", "factores.md#rapidez", "closed", ""]
    ),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
)
KEYS = [
    "title",
    "description",
    "customer_type",
    "id",
    "name",
    "icon",
    "summary",
    "recognise",
    "attend",
    "questions",
    "kind",
    "guidance",
    "examples",
    "phrases",
    "related",
    "hide",
    "search",
    "owner",
    "review_by",
    "translated_from",
    "recognize",
    "Title",
]
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=7),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=6), st.integers()),
            children,
            max_size=6,
        ),
    ),
    max_leaves=25,
)
front_matters = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)


def _customer_type() -> dict:
    text = base_files()["tipos/enojado.es.md"]
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))["customer_type"]


@st.composite
def mutated_customer_types(draw) -> dict:
    """The base site's valid customer type with a few fields removed, replaced or added."""
    data = _customer_type()
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(sorted(data) + ["extra", "recognize"]))
        action = draw(st.sampled_from(["remove", "replace", "add"]))
        if action == "remove":
            data.pop(key, None)
        else:
            data[key] = draw(values)
    return data


def _dump(meta) -> str:
    try:
        return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return "title: x\n"


@st.composite
def sites(draw) -> content.Catalogue:
    """The base site with one or two pages replaced by random ones (or raw bytes)."""
    names = sorted(base_files())
    edits = {}
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(names + ["nuevo.es.md", "otro/pagina.en.md"]))
        kind = draw(st.sampled_from(["markdown", "front matter", "customer type", "bytes"]))
        if kind == "bytes":
            edits[path] = draw(st.binary(max_size=200))
            continue
        meta = (
            draw(front_matters)
            if kind == "front matter"
            else {
                "title": "Título",
                "description": "Una descripción suficientemente larga para las pruebas del sitio.",
            }
        )
        if kind == "customer type":
            meta["customer_type"] = draw(mutated_customer_types())
        edits[path] = f"---\n{_dump(meta)}---\n{draw(markdown)}"
    return catalogue(apply(base_files(), edits))


def _well_formed(problems, cat: content.Catalogue) -> None:
    assert isinstance(problems, list)
    paths = {page.path for page in cat.pages.values()} | {problem.path for problem in cat.problems}
    for problem in problems:
        assert isinstance(problem, content.Problem)
        assert problem.path in paths
        assert isinstance(problem.line, int) and problem.line >= 1
        assert problem.message.strip() and problem.hint.strip()


@SETTINGS
@given(markdown, st.integers(1, 50))
def test_the_scanner_reads_any_markdown(body, start):
    doc = scan(body, start)
    lines = body.replace("\r\n", "\n").count("\n") + start
    for item in (*doc.links, *doc.headings, *doc.tags, *doc.attr_lists, *doc.anchors):
        assert start <= item.line <= lines


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_a_page_or_a_problem(raw):
    page, problems = content.parse_page("x.es.md", raw, ("es", "en"))
    assert isinstance(page, content.SourcePage)
    assert all(isinstance(problem, content.Problem) for problem in problems)


@SETTINGS
@given(sites())
def test_front_matter(cat):
    _well_formed(front_matter.check(cat, ()), cat)


@SETTINGS
@given(sites())
def test_anchors(cat):
    _well_formed(anchors.check(cat), cat)


@SETTINGS
@given(sites(), st.booleans())
def test_links(cat, open_site):
    _well_formed(links.check(cat, checks.site_from_catalogue(cat, open=open_site)), cat)


@SETTINGS
@given(sites(), st.booleans())
def test_parity(cat, open_site):
    _well_formed(parity.check(cat, checks.site_from_catalogue(cat, open=open_site)), cat)


@SETTINGS
@given(sites())
def test_citations(cat):
    _well_formed(citations.check(cat), cat)


@SETTINGS
@given(sites())
def test_safety(cat):
    _well_formed(safety.check(cat), cat)


@SETTINGS
@given(markdown)
def test_rendered_html(html):
    found = safety.rendered(html)
    assert all(isinstance(what, str) and isinstance(needle, str) for what, needle in found)


@SETTINGS
@given(st.text(alphabet=st.sampled_from("<script> onload=x&#106;avascript:\t\n\"'/="), max_size=60))
def test_unsafe_html_is_never_missed(noise):
    """Whatever surrounds it, a script tag or event attribute in a page is reported (in a page that can be
    read: a line of seven '<' is a merge conflict's, which refuses the page first)."""
    assume(not characters.conflicts(noise))
    cat = catalogue(
        apply(base_files(), {"factores.es.md": lambda t: t + "\n\n<p onclick=x>a</p>\n\n" + noise})
    )
    assert any("onclick" in problem.message for problem in safety.check(cat))


@SETTINGS
@given(markdown)
def test_the_quick_look_at_rendered_html_misses_nothing(html):
    """rendered() skips pages with nothing suspect: it finds what a full parse finds."""
    parser = safety._Rendered()
    with contextlib.suppress(AssertionError, ValueError, IndexError):  # as rendered() does
        parser.feed(html)
        parser.close()
    assert safety.rendered(html) == parser.found
