"""Helpers of tests/benchmark.py: corpora, projects, measurements. Not tests."""
