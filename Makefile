# Two commands: `make serve` builds and serves the playbook with live reload;
# `make test` runs the whole test suite. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The benchmark's baseline reads git through GitPython, which refuses to load
# without git installed unless told to keep quiet.
export GIT_PYTHON_REFRESH := quiet

.PHONY: serve build test test-fast translated translations benchmark quality screenshots

# mkdocs.yml is read before any hook runs: a broken one is said first, in the checks' layout.
serve: $(VENV)/.site
	@PYTHONPATH=hooks $(BIN)/python -m playbook.config_check mkdocs.yml
	$(BIN)/mkdocs serve --livereload

build: $(VENV)/.site
	@PYTHONPATH=hooks $(BIN)/python -m playbook.config_check mkdocs.yml
	$(BIN)/mkdocs build --strict

# Two processes (pytest-xdist), each test file whole in one: the browser tests spend much of
# their time waiting on Chromium and a server, which the other process fills. Files are handed
# out in the order collected (browser, build, then unit: the slowest first), not by how many
# tests each has, which left a file of three long tests (every page at every size) for last.
test: $(VENV)/.test node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=15

# While editing: the unit tests alone (tests/unit/: no build, no browser; under a
# minute). `make test` runs them too, with the build and browser tiers.
test-fast: $(VENV)/.test
	$(BIN)/python -m pytest -m unit

# Build speed and scaling, page weight, search and offline storage against vanilla Material
# and Pagefind, with budgets (tools/benchmark/; half an hour to 45 minutes on two cores). Needs Chromium.
benchmark: $(VENV)/.test tools/benchmark/.venv/.installed
	$(BIN)/python -m tools.benchmark

# Lighthouse on home, a content page, a customer type, a card and the kiosk, both
# languages, mobile and desktop, served gzip-compressed like a static host
# (tools/quality/; a few minutes). Lighthouse installs here only, never for `make test`.
quality: $(VENV)/.test tools/quality/node_modules/.installed
	$(BIN)/python -m tools.quality

# A contact sheet of the kiosk, a card on a phone and on A6, and the home page,
# both languages, written outside the repository (tools/screenshots.py). Needs Chromium.
# Another folder: make screenshots OUT=/path/to/folder
screenshots: $(VENV)/.test
	$(BIN)/python -m tools.screenshots $(OUT)

# After reviewing a translation against its Spanish page: record that it is up
# to date (CONTRIBUTING.md, "Traducir"). Example: make translated PAGE=docs/factores.en.md
translated: $(VENV)/.site
	@test -n "$(PAGE)" || { echo "Name the translation you reviewed: make translated PAGE=docs/factores.en.md"; exit 2; }
	PYTHONPATH=hooks $(BIN)/python tools/translated.py mark $(PAGE)

# Every translation and its state (up to date, may be out of date, not marked reviewed).
translations: $(VENV)/.site
	@PYTHONPATH=hooks $(BIN)/python tools/translated.py status

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.site: $(VENV)/.python requirements.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

# No install scripts: vnu-jar's would download a Java runtime where Debian's
# (openjdk-17-jre-headless, which the W3C HTML checker runs on) is missing.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent --ignore-scripts
	touch $@

# Pagefind, for the benchmark alone, in its own environment: the site's build never needs it.
tools/benchmark/.venv/.installed: tools/benchmark/requirements.txt
	$(PYTHON) -m venv tools/benchmark/.venv
	tools/benchmark/.venv/bin/pip install --quiet -r tools/benchmark/requirements.txt
	touch $@

tools/quality/node_modules/.installed: tools/quality/package.json tools/quality/package-lock.json
	cd tools/quality && npm ci --no-audit --no-fund --silent
	touch $@
