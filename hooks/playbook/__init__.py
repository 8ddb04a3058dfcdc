"""The playbook's own code, shared by the hooks and never registered as one: hooks import
from here (``from playbook import catalogue``), never from each other, since a registered hook
imported by name would load a second time with a state of its own. Only ``build`` (and the
thin hooks) know MkDocs and its plugins; the rest is plain Python over files and data (the
Markdown scanner and the checks lean on Python-Markdown), so that a move to another site
engine costs adapters, not a rewrite.
"""
