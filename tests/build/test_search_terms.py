"""A bad search_terms value stops a real build with its file, line and fix."""

from __future__ import annotations

from support.sites import apply, base_files, build, line_of, replace

PAGE = "factores.es.md"


def test_the_build_stops_on_bad_search_terms(tmp_path):
    files = apply(base_files(), {PAGE: replace("title:", "search_terms:\n  - 12\ntitle:")})
    result = build(tmp_path, files, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/{PAGE}:{line_of(files[PAGE], '  - 12')}:" in output, output[-2000:]
    assert "Traceback" not in output
