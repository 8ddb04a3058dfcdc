"""The playbook's own code, shared by the hooks and never registered as one.

MkDocs puts ``hooks/`` on the import path while it loads each hook, so every
hook imports what it shares from here (``from playbook import catalogue``) and
no hook imports another: a registered hook imported by name would be loaded a
second time, with a state of its own. Only ``build`` (and the thin hooks)
know MkDocs; the rest is plain Python over files and data, so that a move to
another site engine costs adapters, not a rewrite.
"""
