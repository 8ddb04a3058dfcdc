"""Command-line tools that are not tests, each run from the project folder as a
module: `python -m tools.benchmark` (`make benchmark`) measures build speed,
page weight and search speed against vanilla Material, with budgets;
`python -m tools.quality` (`make quality`) runs Lighthouse on the built site.
They serve sites and launch Chromium with the tests' own helpers
(tests/support/)."""
