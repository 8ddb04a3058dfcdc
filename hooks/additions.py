"""Editorial additions, shown as such: every `!!! aporte` box of a page gets
the label of the page's language as its title (hooks/playbook/additions.py),
after the customer-type pages have their structured part (hooks/customer_type_page.py).
The label is in hooks/card_labels.yml, beside the type pages' other words.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import content
import customer_types
from playbook import additions


# After hooks/customer_type_page.py (priority 0), whose examples are additions too.
@event_priority(-50)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    languages = content.from_config(config).languages
    language = content.split_language(page.file.src_uri, languages)[1] or languages[0]
    return additions.label_boxes(markdown, customer_types.labels()[language]["addition"])
