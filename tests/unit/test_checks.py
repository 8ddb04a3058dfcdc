"""Each content check on small in-memory sites: what it reports, and what it
lets pass; the base site and the playbook's own sources pass them all. Real
builds of broken sites are in tests/build/test_checks.py."""

from __future__ import annotations

import pytest

from playbook import catalogue as content
from playbook import checks
from playbook import schema as schema_module
from playbook.checks import anchors, citations, front_matter, links, parity, safety
from playbook.markdown import scan
from support import ROOT
from support.sites import DELETE, ICONS, append, apply, base_files, catalogue, page, replace

ES_TYPE = "tipos/enojado.es.md"
EN_TYPE = "tipos/enojado.en.md"


def site_of(edits=None, **options):
    cat = catalogue(apply(base_files(), edits or {}))
    return cat, checks.site_from_catalogue(cat, **options)


def only(problems, path=None):
    """The problems (of one file), as text, for readable assertions."""
    return [
        f"{p.path}:{p.line}: {p.message} | {p.hint}" for p in problems if path in (None, p.path)
    ]


# --- The scanner --------------------------------------------------------------


def test_scan_finds_links_with_their_lines():
    doc = scan(
        'Intro\n\n[a](x.md#y) and ![img](i.png)\n\n[![b](c.png)](d.md "title")\n', body_start=5
    )
    assert [(link.url, link.line, link.kind) for link in doc.links] == [
        ("x.md#y", 7, "link"),
        ("i.png", 7, "image"),
        ("d.md", 9, "link"),
        ("c.png", 9, "image"),
    ]
    assert doc.links[0].text == "a"


def test_scan_ignores_code_and_comments():
    body = (
        "`[a](code.md)`\n\n```\n[b](fenced.md) <script>\n```\n\n<!-- [c](comment.md) "
        "-->\n\\[d](escaped.md)\n"
    )
    doc = scan(body)
    assert not doc.links and not doc.tags


def test_an_unclosed_fence_is_text():
    doc = scan("```\n[a](x.md)\n")
    assert [link.url for link in doc.links] == ["x.md"]


def test_scan_reads_reference_links_and_autolinks():
    doc = scan("See [the guide][g] and <https://example.org>.\n\n[g]: http://example.com/guide\n")
    kinds = {(link.kind, link.url, link.line) for link in doc.links}
    assert ("reference", "http://example.com/guide", 1) in kinds
    assert ("definition", "http://example.com/guide", 3) in kinds
    assert ("autolink", "https://example.org", 1) in kinds


def test_scan_reads_headings_and_ids():
    doc = scan(
        '# Title {#top}\n\nText\n\n## Second *part*\n\nSetext\n------\n\n<a id="raw"></a>\n', 3
    )
    assert [(h.level, h.text, h.explicit_id, h.line) for h in doc.headings] == [
        (1, "Title", "top", 3),
        (2, "Second *part*", None, 7),
        (2, "Setext", None, 9),
    ]
    assert {anchor.id for anchor in doc.anchors} == {"top", "raw"}


def test_scan_decodes_html_attributes_like_a_browser():
    doc = scan('<a href="&#106;avascript:x()" onclick=go>y</a>\n')
    assert doc.tags[0].name == "a"
    assert dict(doc.tags[0].attributes) == {"href": "javascript:x()", "onclick": "go"}


# --- Files --------------------------------------------------------------------


def test_files_reports_unreadable_and_empty_pages():
    cat = catalogue(
        apply(
            base_files(),
            {
                "factores.en.md": "---\ntitle: x\ndescription: y\n---\n\n",
                "factores.es.md": b"---\ntitle: Caf\xe9\n---\n",
                "index.es.md": "",
                "index.en.md": "# Home\n\nText.\n",
            },
        )
    )
    found = only(front_matter.check(cat))
    assert any(
        f.startswith("factores.en.md:5: This page has front matter but no text") for f in found
    )
    assert any(f.startswith("factores.es.md:2: This file is not UTF-8") for f in found)
    assert any(f.startswith("index.es.md:1: This page is empty") for f in found)
    assert any(f.startswith("index.en.md:1: This page has no front matter") for f in found)


def test_a_customer_type_page_may_be_front_matter_only():
    text = base_files()[ES_TYPE]
    cat = catalogue(apply(base_files(), {ES_TYPE: text[: text.index("\n---\n") + 5]}))
    assert not front_matter.check(cat)


def test_impossible_dates_are_said_on_their_line_not_a_crash():
    cat = catalogue({"a.es.md": "---\ntitle: x\nreview_by: 2027-02-31\n---\nText\n"})
    [problem] = cat.problems
    assert (problem.line, problem.message) == (3, "'review_by' ('2027-02-31') is not a valid date.")


# --- Front matter -------------------------------------------------------------


def fm(edits):
    return only(front_matter.check(catalogue(apply(base_files(), edits)), ICONS))


def test_the_base_front_matter_is_valid():
    assert fm({}) == []


def test_unknown_keys_get_a_did_you_mean():
    found = fm({ES_TYPE: replace("  attend:", "  atend:")})
    assert any(
        "Unknown field 'atend' in 'customer_type'" in f and "Did you mean 'attend'?" in f
        for f in found
    )
    assert not any("has no 'attend' field" in f for f in found)  # one fault, one problem


def test_a_field_one_level_too_high_is_pointed_under_its_owner():
    found = fm({"factores.es.md": replace("title:", "recognise: [a]\ntitle:")})
    assert any("belongs under 'customer_type'" in f for f in found)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  summary: Poco autocontrol; calma y respuestas breves.",
            "  summary: " + "x" * 101,
            "is 101 characters long; at most 100 fit",
        ),
        ("  name: Enojado/a", "  name: 12", "must be a text, not a number"),
        ("  name: Enojado/a", "  name: '   '", "is not written as expected"),
        ("    - factores.md#rapidez", "    - https://example.com", "is not written as expected"),
        (
            '  phrases:\n    - "Entiendo su molestia."\n',
            "  phrases:\n",
            "has 1 item; it needs at least 2",
        ),
        (
            "  questions:\n",
            "  questions:\n    extra: 1\n",
            "Unknown field 'extra' in 'customer_type.questions'",
        ),
    ],
)
def test_customer_type_fields(old, new, expected):
    assert any(expected in f for f in fm({ES_TYPE: replace(old, new)})), fm(
        {ES_TYPE: replace(old, new)}
    )


def test_editorial_fields_are_allowed_and_checked():
    ok = (
        "owner: Equipo de formación\nreview_by: 2027-03-31\ntranslated_from: "
        "sha256:0123456789abcdef\ntitle:"
    )
    assert fm({"factores.en.md": replace("title:", ok)}) == []
    bad = "review_by: '2027-13-40'\ntranslated_from: abc\ntitle:"
    found = fm({"factores.en.md": replace("title:", bad)})
    assert any("'review_by'" in f and "is not a valid date" in f for f in found)
    assert any("'translated_from'" in f and "make translated" in f for f in found)


def test_titles_may_not_carry_quotes_or_html():
    found = fm({"factores.es.md": replace("title: Factores de prueba", "title: 'Say \"hi\"'")})
    assert any(f.startswith("factores.es.md:2:") and "typographic quotes" in f for f in found)


def test_customer_type_id_and_icon():
    found = fm(
        {
            ES_TYPE: lambda t: t.replace("id: enojado", "id: enfadado").replace(
                "emoticon-angry-outline", "emoticon-angri-outline"
            )
        }
    )
    assert any("id is 'enfadado', but its file is named 'enojado'" in f for f in found)
    assert any(
        "There is no icon 'material/emoticon-angri-outline'" in f
        and "material/emoticon-angry-outline" in f
        for f in found
    )


def test_two_types_with_one_id():
    extra = base_files()[ES_TYPE]
    found = fm({"otros/enojado.es.md": extra})
    assert any("already used by" in f for f in found)


# --- Anchors ------------------------------------------------------------------


def test_duplicate_ids_explicit_and_from_text():
    cat = catalogue(
        {
            "a.es.md": page(
                {"title": "t", "description": "d"},
                "## One {#x}\n\n## Two {#x}\n\n## Same\n\n## Same\n\n## Other\n",
            )
        }
    )
    found = only(anchors.check(cat))
    assert [f.split(":")[1] for f in found] == ["8", "10", "12", "14"]
    assert "'#x' is used twice" in found[0]
    # A heading without its id is said once, as one, with an id still free on the page.
    assert "'{#same-2}'" in found[2]


def test_heading_ids_follow_the_configured_slugify():
    cat = catalogue({"a.es.md": page({"title": "t", "description": "d"}, "## Árbol Grande\n")})
    assert "arbol-grande" in anchors.source_ids(cat.page("a", "es"))
    assert "ÁRBOL_GRANDE" in anchors.source_ids(
        cat.page("a", "es"), lambda text, sep: text.upper().replace(" ", sep), "_"
    )


# --- Links --------------------------------------------------------------------


def ln(edits, **options):
    cat, site = site_of(edits, **options)
    return only(links.check(cat, site))


def test_the_base_links_resolve_with_generated_pages():
    cat, site = site_of()
    site.pages["es"]["cards/index"] = frozenset()
    site.pages["en"]["cards/index"] = frozenset()
    assert only(links.check(cat, site)) == []


def test_generated_pages_wait_for_the_built_site():
    assert ln({}, open=True) == []
    assert any("cards/index.md" in f for f in ln({}))


@pytest.mark.parametrize(
    ("url", "expected", "built"),
    [
        (
            "factores.md#rapidz",
            "which 'factores.es.md' does not have. | Did you mean '#rapidez'?",
            False,
        ),
        ("factores.en.md", "goes to the English version of a page, from a Spanish page", False),
        ("factores.es.md", "names the page with its language", False),
        ("/factores/", "is an absolute address", False),
        ("../factores.md", "leads outside the docs folder", False),
        (
            "factores/",
            "points to a built address, not to a page's file. | Link to the Markdown file "
            "instead: 'factores.md'",
            False,
        ),
        ("", "has no address", False),
        ("#nada", "which this page does not have", False),
        # Only the built site tells whether a hook made these.
        ("assets/logo.png", "which is not in the docs folder", True),
        ("factore.md", "Did you mean 'factores.md'?", True),
    ],
)
def test_bad_links(url, expected, built):
    found = ln({"index.es.md": append(f"[x]({url})")}, open=not built)
    assert any(expected in f and f.startswith("index.es.md:") for f in found), found


def test_existing_files_and_own_anchors_are_fine():
    cat, site = site_of(
        {"index.es.md": append("[x](assets/logo.png) [y](#enlaces) [z](mailto:a@b.c)")},
        open=True,
        files=["assets/logo.png"],
    )
    assert only(links.check(cat, site)) == []


def test_raw_html_addresses_are_refused_but_in_page_jumps_pass():
    found = ln(
        {"index.es.md": append('<a href="factores.md">x</a> <a href="#enlaces">y</a>')}, open=True
    )
    assert len(found) == 1 and "not adjusted by the build" in found[0]


def test_type_pages_have_the_headings_their_data_makes():
    assert ln({"index.es.md": append("[x](tipos/enojado.md#atender)")}, open=True) == []
    found = ln({"index.es.md": append("[x](tipos/enojado.md#atendr)")}, open=True)
    assert any("'#atendr'" in f and "Did you mean '#atender'?" in f for f in found), found


def test_links_to_what_hooks_generate_wait_for_the_built_site():
    """Checked once: a link waits only when its page or file is not there yet."""
    cat, site = site_of({"index.es.md": append("[x](assets/logo.png) [y](factores.md#nada)")}, open=True)
    found = only(links.check(cat, site))
    assert len(found) == 1 and "'#nada'" in found[0]
    waiting = sorted((page.path, url) for page, url, *_ in site.waiting)
    assert ("index.es.md", "assets/logo.png") in waiting and ("index.es.md", "cards/index.md") in waiting
    assert all(url.split("#")[0] != "factores.md" for _, url in waiting)


def test_related_topics_resolve_from_docs():
    found = ln(
        {ES_TYPE: replace("    - factores.md#rapidez", "    - factores.md#rapida")}, open=True
    )
    assert any(
        f.startswith(f"{ES_TYPE}:25: The related topic 'factores.md#rapida'") for f in found
    ), found


# --- Parity -------------------------------------------------------------------


def par(edits):
    cat, site = site_of(edits)
    return only(parity.check(cat, site))


def test_the_base_is_in_parity():
    assert par({}) == []


def test_missing_translations():
    found = par(
        {"factores.en.md": DELETE, "nuevo.en.md": page({"title": "t", "description": "d"}, "x")}
    )
    assert any(f.startswith("factores.es.md:1: This page has no English version") for f in found)
    assert any(f.startswith("nuevo.en.md:1: This page has no Spanish version") for f in found)


def test_customer_type_shapes_differ():
    found = par(
        {
            EN_TYPE: lambda t: (
                t.replace("    - Give them privacy\n", "")
                .replace("kind: closed", "kind: open")
                .replace("factores.md#rapidez", "factores.md#amabilidad")
            )
        }
    )
    assert any("'customer_type.attend' has 1 item here but 2" in f for f in found)
    assert any("'customer_type.questions.kind' differs" in f for f in found)
    assert any("'customer_type.related' differs" in f for f in found)
    assert all(f.startswith(EN_TYPE) for f in found)


def test_anchor_linked_in_one_language_missing_in_the_other():
    found = par(
        {
            "factores.en.md": replace("{#amabilidad}", "{#courtesy}"),
            EN_TYPE: replace("(../factores.md#amabilidad)", "(../factores.md)"),
        }
    )
    assert found == [
        "factores.en.md:12: '#amabilidad' is linked from tipos/enojado.es.md:36, but this page "
        "has no '#amabilidad'. | Headings keep the same ids in every language: add "
        "'{#amabilidad}' at the end of the heading that translates it. It is probably this "
        "one, 'Courtesy'."
    ]


# --- Citations ----------------------------------------------------------------


def cit(edits):
    return only(citations.check(catalogue(apply(base_files(), edits))))


def test_authors_come_from_the_references_page():
    cat = catalogue(
        apply(base_files(), {"referencias.en.md": append("### Lovelock, C. (2009) {#lovelock}")})
    )
    assert citations.authors(cat) == {"Subercaseaux", "Kotler", "Lovelock"}


def test_the_base_cites_everything():
    assert cit({}) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Según Subercaseaux, sí.", "'Subercaseaux' is named here without a citation link"),
        ("[Subercaseaux](https://example.com)", "not to the references page"),
        ("[Subercaseaux, sf.a](referencias.md)", "but not to its entry. | Add the entry's id"),
        (
            "[Subercaseaux, sf.a](referencias.md#fuentes)",
            "'#fuentes', which is not a reference entry",
        ),
    ],
)
def test_uncited_citations(text, expected):
    found = cit({"factores.es.md": append(text)})
    assert any(f.startswith("factores.es.md:16:") and expected in f for f in found), found


def test_names_in_code_ids_and_the_references_page_are_not_citations():
    assert cit(
        {
            "factores.es.md": append("`Kotler` and ## X {#kotler}"),
            "factores.en.md": append(
                "## Kotler's view {#kotler-view}\n\nSee [K (2007)](referencias.md#igs-sfa)"
            ),
        }
    ) == [
        "factores.en.md:16: 'Kotler' is named here without a citation link. | Make the citation "
        "a link "
        "to its entry on the references page: [Author, year](referencias.md#entry-id)."
    ]


def test_every_entry_is_cited_in_every_language():
    found = cit({"index.en.md": replace(" ([Instituto Guillermo Subercaseaux, n.d.-a](referencias.md#igs-sfa))", "")})
    assert any(
        f.startswith(
            "referencias.en.md:10: The reference '#igs-sfa' is not cited by any English page"
        )
        for f in found
    )
    assert not any(f.startswith("referencias.es.md") for f in found)


def test_a_name_in_front_matter_cannot_be_a_citation():
    found = cit(
        {"factores.es.md": replace("title: Factores de prueba", "title: Factores según Kotler")}
    )
    assert any(f.startswith("factores.es.md:2:") and "front matter" in f for f in found)


# --- Safety -------------------------------------------------------------------


def safe(addition):
    return only(safety.check(catalogue(apply(base_files(), {"factores.es.md": append(addition)}))))


def test_the_base_is_safe_and_card_grids_pass():
    assert only(safety.check(catalogue(base_files()))) == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert(1)</script>", "Raw HTML <script> is not allowed"),
        ("<SCRIPT SRC=x.js></SCRIPT>", "Raw HTML <script> is not allowed"),
        ("<object data=x></object>", "Raw HTML <object> is not allowed"),
        ("<embed src=x>", "Raw HTML <embed> is not allowed"),
        ("<svg onload=alert(1)>", "Raw HTML <svg> is not allowed"),
        ("<marquee>hi</marquee>", "The HTML tag <marquee> is not allowed"),
        ('<div onmouseover="x()">a</div>', "'onmouseover' runs code"),
        ('<a href="java\tscript:x()">a</a>', "'javascript:' address"),
        ('<a href=" JaVaScRiPt:x()">a</a>', "'javascript:' address"),
        ('<a href="vbscript:x">a</a>', "'vbscript:' address"),
        ('<img alt="" srcset="a.png 1x, javascript:x 2x">', "'javascript:' address"),
        (
            '<span style="background: url(https://evil.example/t.gif)">a</span>',
            "style attribute loads files",
        ),
        ("[x](factores.md){ onclick=alert(1) }", "'onclick' runs code"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "'data:' address"),
        ("[r]: javascript:alert(1)\n\n[x][r]", "'javascript:' address"),
    ],
)
def test_unsafe_content(html, expected):
    found = safe(html)
    assert any(f.startswith("factores.es.md:16:") and expected in f for f in found), found


def test_code_about_html_is_safe():
    assert safe("`<script>` is refused.\n\n```html\n<script>x()</script>\n```") == []


def test_rendered_html_is_checked_too():
    found = safety.rendered(
        '<p>x</p><script>a()</script><img src=x onerror=b()><a href="javascript:c()">'
    )
    assert [what for what, _ in found] == [
        "<script>",
        "the attribute 'onerror' of <img>",
        "the attribute 'href' of <a>",
    ]
    emoji = (
        '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 '
        '24"><path d="M1"/></svg>'
    )
    assert safety.rendered(emoji + '<a class="headerlink" href="#x">¶</a>') == []


# --- External links -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a](http://example.com)", "uses http://"),
        ("[a](//example.com)", "does not say https://"),
        ("[a](ftp://example.com)", "uses 'ftp:'"),
        ("<http://example.com>", "uses http://"),
        (
            "![a](https://example.com/a.png)",
            "The image 'https://example.com/a.png' is loaded from another site",
        ),
        (
            '<img alt="" src="https://example.com/a.png">',
            "The file 'https://example.com/a.png' is loaded",
        ),
    ],
)
def test_external_links(text, expected):
    found = only(safety.check(catalogue(apply(base_files(), {"factores.en.md": append(text)}))))
    assert any(f.startswith("factores.en.md:16:") and expected in f for f in found), found


def test_https_mail_and_phone_links_are_fine():
    text = "[a](https://example.com) [b](mailto:a@example.com) [c](tel:+56221234567)"
    assert (
        only(safety.check(catalogue(apply(base_files(), {"factores.en.md": append(text)})))) == []
    )


# --- All together -------------------------------------------------------------


def test_run_all_lists_each_problem_once_in_file_order():
    cat = catalogue(
        apply(
            base_files(),
            {
                "factores.es.md": append("<script>x</script>\n\n[a](http://e.com)"),
                "index.en.md": append("<script>y</script>"),
            },
        )
    )
    problems = checks.run_all(cat, checks.site_from_catalogue(cat, open=True))
    assert [(p.path, p.line) for p in problems] == [
        ("factores.es.md", 16),
        ("factores.es.md", 18),
        ("index.en.md", 22),
    ]


def test_the_report_names_file_line_and_fix():
    problem = content.Problem(
        "tipos/enojado.es.md", 9, "Unknown field 'recognize'.", "Did you mean 'recognise'?"
    )
    report = checks.report([problem], "docs")
    assert report.splitlines()[0] == "The playbook cannot be built: 1 problem to fix in its pages."
    assert (
        "docs/tipos/enojado.es.md:9: Unknown field 'recognize'.\n    How to fix: Did you mean "
        "'recognise'?" in report
    )
    assert str(problem) in report


def test_the_schema_lives_where_editors_find_it():
    assert schema_module.PAGE_SCHEMA == ROOT / "hooks" / "playbook" / "schemas" / "page.schema.json"
    schema = schema_module.page_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert set(schema["properties"]["customer_type"]["required"]) >= {
        "id",
        "name",
        "recognise",
        "related",
    }


def test_a_misspelt_page_field_gets_a_did_you_mean():
    found = fm({"factores.es.md": replace("title:", "titel: x\ntitle:")})
    assert found == [
        "factores.es.md:2: Unknown field 'titel'. | Did you mean 'title'? "
        "The fields allowed here are: customer_type, description, hide, icon, not_in_nav, owner, practice, review_by, "
        "search, search_terms, title, translated_from."
    ]


# --- Whole sites in memory ----------------------------------------------------


def test_the_real_sources_pass_the_source_checks():
    real = content.load(ROOT / "docs", ("es", "en"))
    site = checks.site_from_catalogue(real, open=True)
    problems = checks.run_all(real, site, icon_dirs=ICONS)
    assert not problems, "\n".join(map(str, problems))


def test_the_base_site_passes_in_memory():
    base = catalogue(base_files())
    problems = checks.run_all(base, checks.site_from_catalogue(base, open=True), icon_dirs=ICONS)
    assert not problems, "\n".join(map(str, problems))


def test_one_near_match_policy_for_every_suggestion():
    from playbook.suggest import closest

    assert closest("rapides", ["rapidez", "cortesia"]) == "rapidez"
    assert closest("Fila.png", ["fila.png"]) == "fila.png"  # without case, given as written
    assert closest("grdi", ["grid", "table", "list", "count"]) == "grid"
    assert closest("cuenta", ["grid", "table", "list", "count"]) == "count"
    assert closest("titulo", ["title", "description", "icon"]) == "title"
    # A page that merely shares a folder is not offered.
    assert closest("tipos/lento.md", ["tipos/index.md"]) is None


def test_one_walker_reads_nav_with_titles_sections_and_lines():
    """Each section comes before what it holds, in reading order."""
    import yaml

    from playbook import config_check, customer_type

    text = ("nav:\n  - Inicio: index.md\n  - Tipos:\n      - tipos/index.md\n"
            "      - Enojado: tipos/enojado.md\n  - https://example.org/\n")
    entries = config_check.nav_entries(text)
    assert [(e.path, e.line, e.title, e.title_line) for e in entries] == [
        ("index.md", 2, "Inicio", 2),
        ("", 3, "Tipos", 3),
        ("tipos/index.md", 4, "", 0),
        ("tipos/enojado.md", 5, "Enojado", 5),
        ("https://example.org/", 6, "", 0),
    ]
    # The loaded setting (config.nav) walks the same, without lines.
    loaded = yaml.safe_load(text)["nav"]
    assert [(e.path, e.title) for e in config_check.walk(loaded)] == [(e.path, e.title) for e in entries]
    assert customer_type.nav_order(loaded) == ["index", "tipos/index", "tipos/enojado"]
