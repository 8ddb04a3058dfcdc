"""tools/compare_sites.py: two builds are the same site but for the build-date stamps."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT

TOOL = ROOT / "tools" / "compare_sites.py"
PAGE = '<p>Hola</p><span class="git-revision-date-localized-plugin" title="{}">x</span>\n'


def run(before, after):
    return subprocess.run([sys.executable, str(TOOL), str(before), str(after)],
                          capture_output=True, text=True, timeout=60)


def test_build_date_stamps_alone_do_not_count_and_anything_else_does(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    for folder, stamp in ((before, "30 de noviembre de 2026 06:20"), (after, "1 de diciembre de 2026 07:00")):
        (folder / "en").mkdir(parents=True)
        (folder / "index.html").write_text(PAGE.format(stamp), encoding="utf-8")
        (folder / "en" / "index.html").write_text(PAGE.format(stamp), encoding="utf-8")
    result = run(before, after)
    assert result.returncode == 0, result.stdout
    (after / "en" / "index.html").write_text(PAGE.format("x").replace("Hola", "Hello"), encoding="utf-8")
    (after / "new.html").write_text("new", encoding="utf-8")
    result = run(before, after)
    assert result.returncode == 1
    assert "en/index.html" in result.stdout and "+<p>Hello</p>" in result.stdout
    assert "new.html: only in after" in result.stdout
    assert run(before, tmp_path / "missing").returncode == 2
