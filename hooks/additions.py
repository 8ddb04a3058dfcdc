"""Editorial additions, shown as such: every `!!! aporte` box of a page gets
the label of the page's language as its title (hooks/playbook/additions.py),
after the customer-type pages have their structured part (hooks/customer_type_page.py).
The label is in hooks/playbook/labels/cards.yml, beside the type pages' other words.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from playbook import additions, build, customer_type
from playbook.build import Priority

# -----------------------------------------------------------------------------
# Events
# -----------------------------------------------------------------------------

# After hooks/customer_type_page.py, whose examples are additions too.
@event_priority(Priority.AFTER_TYPE_PAGE)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = build.current_language(config)
    source = build.catalogue(config).of(page.file.src_uri)
    return additions.label_boxes(markdown, customer_type.labels()[language]["addition"], source)
