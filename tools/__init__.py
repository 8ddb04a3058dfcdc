"""Command-line tools of the project that are not tests. The benchmark
(`make benchmark`, `python -m tools.benchmark`) measures build speed, page
weight and search speed against vanilla Material, with budgets; the quality
run (`make quality`, `python -m tools.quality`) runs Lighthouse on the built
site. Both run from the project folder, and serve sites and launch Chromium
with the tests' own helpers (tests/support/)."""
