"""Lighter pages: the stylesheets and scripts every page loads, trimmed as they are copied
to the site (the work itself is in playbook/material_css.py and playbook/minify.py), while
the sources in docs/assets keep their comments. Trimmed, main.css weighs 4.6 KB (gzip) less:
without that, a content page would weigh more than vanilla Material's, against which the
benchmark weighs it.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from playbook import build, material_css, minify
from playbook.build import Priority

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After mkdocs-static-i18n has settled the files of the language built.
# Both languages' builds write the same files: each is worked out once.
@event_priority(Priority.GENERATE)
def on_files(files: Files, config: MkDocsConfig):
    for file in list(files):
        # main.css without the components the site cannot show (COMPONENTS says what in mkdocs.yml
        # brings each); a page still using one is stopped by hooks/check_content.py.
        if material_css.MAIN.match(file.src_uri):
            file.content_string = material_css.trimmed_main(file.content_string, build.unused_components(config))
        # palette.css without Material's named colours: the playbook names its own (``custom``).
        elif material_css.PALETTE.match(file.src_uri):
            file.content_string = material_css.trimmed_palette(file.content_string)
        # The playbook's own CSS and JavaScript, minified (playbook/minify.py).
        else:
            extension = posixpath.splitext(file.src_uri)[1]
            ours = file.abs_src_path is not None and Path(file.abs_src_path).is_relative_to(config.docs_dir)
            if ours and file.src_uri.startswith("assets/") and extension in minify.MINIFIERS:
                file.content_string = minify.minified(extension, file.content_string)
            continue
        # A trimmed file's source map describes the untrimmed file.
        if (source_map := files.get_file_from_path(file.src_uri + ".map")) is not None:
            files.remove(source_map)
    return files
