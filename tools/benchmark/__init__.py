"""The benchmark (`make benchmark`, `python -m tools.benchmark`; __main__.py):
its corpora, projects, stand-in pages and measurements."""
