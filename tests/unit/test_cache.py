"""The one caching idiom (playbook.cache.kept): a result is kept until its
arguments or the files it reads change."""

from __future__ import annotations

import os

from playbook import cache


def test_kept_until_a_file_it_reads_changes(tmp_path):
    file = tmp_path / "labels.yml"
    file.write_text("one", encoding="utf-8")
    calls = []

    @cache.kept(files=lambda: [file])
    def read():
        calls.append(1)
        return file.read_text(encoding="utf-8")

    assert read() == "one" and read() == "one"
    assert len(calls) == 1
    file.write_text("two!", encoding="utf-8")
    assert read() == "two!"
    assert len(calls) == 2
    # The same size, a later modification time: read again too.
    file.write_text("tres", encoding="utf-8")
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert read() == "tres"
    # A file that goes away is a change too, not an error.
    file.unlink()
    calls.clear()

    @cache.kept(files=lambda: [file])
    def exists():
        calls.append(1)
        return file.exists()

    assert exists() is False
    file.write_text("back", encoding="utf-8")
    assert exists() is True
    assert len(calls) == 2


def test_kept_per_config_object_by_identity():
    class Config(dict):
        """Like MkDocs' config: a mapping, unhashable."""

    calls = []

    @cache.kept()
    def per_build(config):
        calls.append(config)
        return {"seen": []}

    first, second = Config(a=1), Config(a=1)
    state = per_build(first)
    state["seen"].append("es")
    assert per_build(first)["seen"] == ["es"]  # the nested English build shares it
    assert per_build(second)["seen"] == []  # a rebuild of `mkdocs serve`: a new config
    assert len(calls) == 2


def test_kept_holds_as_many_results_as_its_size():
    calls = []

    @cache.kept(size=2)
    def square(number):
        calls.append(number)
        return number * number

    assert [square(2), square(3), square(2)] == [4, 9, 4]
    assert calls == [2, 3]
    square(4)  # 3 is now the oldest kept...
    square(2)
    square(3)  # ...so it is worked out again
    assert calls == [2, 3, 4, 3]
    square.forget()
    square(2)
    assert calls[-1] == 2


def test_a_rebuild_reads_again_only_the_pages_that_changed(tmp_path):
    """Under `mkdocs serve`, an edit makes a new catalogue: the pages of the files that did not
    change are kept, with their scan; the edited one is read anew."""
    from playbook import catalogue

    for name in ("a.es.md", "b.es.md"):
        (tmp_path / name).write_text(f"---\ntitle: {name}\n---\n## {name} {{#x}}\n", encoding="utf-8")
    first = catalogue.load(tmp_path, ("es",))
    kept, edited = first.page("a", "es"), first.page("b", "es")
    assert kept.document.headings and catalogue.load(tmp_path, ("es",)) is first
    (tmp_path / "b.es.md").write_text("---\ntitle: B\n---\n## Otra {#y}\n\nMás texto.\n", encoding="utf-8")
    second = catalogue.load(tmp_path, ("es",))
    assert second is not first and second.page("a", "es") is kept
    assert second.page("b", "es") is not edited and second.page("b", "es").meta == {"title": "B"}
    assert [heading.explicit_id for heading in second.page("b", "es").document.headings] == ["y"]
