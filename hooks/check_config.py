"""Stop the build when mkdocs.yml's `nav` names a page that does not exist. MkDocs itself
only warns, once per language, with no line and no suggestion; this hook stops the build
first, once, with the line of mkdocs.yml and the nearest page (playbook/config_check.py),
in the layout of the content checks' report.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from playbook import build, checks, config_check
from playbook.build import Priority
from playbook.catalogue import split_language

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# Once every hook has added its pages, in the first language's build, before
# MkDocs reads `nav` and warns in each language.
@event_priority(Priority.CHECK_NAV)
def on_files(files: Files, config: MkDocsConfig):
    if not build.is_outermost(config) or not config.config_file_path:
        return files
    languages = build.languages(config)
    # Named without their language, as `nav` names them: "tipos/enojado.es.md" -> "tipos/enojado.md".
    split = [(file.src_uri, *split_language(file.src_uri, languages)) for file in files.documentation_pages()]
    pages = {f"{key}.md" if language else uri for uri, key, language in split}
    others = {file.src_uri for file in files if not file.is_documentation_page()}
    path = Path(config.config_file_path)
    entries = config_check.nav_entries(path.read_text(encoding="utf-8"))
    problems = config_check.nav_problems(entries, pages, others, languages, config_file=path.name)
    if problems:
        raise Abort(checks.report(problems, where=path.name))
    return files
