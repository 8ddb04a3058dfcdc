"""Lighthouse on the built playbook (`make quality`, `python -m tools.quality`;
__main__.py). Lighthouse itself is this folder's Node.js project
(package.json), installed here only, never by the test command."""
