# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup build serve test lint format check clean system-deps chromium bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install ketluan with its pinned dependencies.

# ProperDocs (the maintained MkDocs 1.x fork) in its own environment: tests build the sample
# with both and compare the output.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed-stamp
$(PROPERDOCS_STAMP): pyproject.toml
	$(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/pip install --quiet --upgrade pip
	$(PROPERDOCS_VENV)/bin/pip install --quiet properdocs==1.6.7 -e .
	touch $(PROPERDOCS_STAMP)

build: setup  ## Build the sample portal into site/.
	$(BIN)/mkdocs build --strict

serve: build  ## Build, then serve on http://127.0.0.1:8000 with live reload.
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

check: setup  ## Validate conclusions/ without building.
	$(BIN)/ketluan check

lint: setup
	$(BIN)/ruff check plugins tests scripts benchmarks
	$(BIN)/ruff format --check plugins tests scripts benchmarks

format: setup
	$(BIN)/ruff format plugins tests scripts benchmarks
	$(BIN)/ruff check --fix plugins tests scripts benchmarks

# Debian packages the tests need on a fresh machine (run as root): Java for the W3C
# validator, Node.js/npm for the test tools in package.json, DejaVu fonts (Vietnamese
# letters) for the PDFs the importer tests write.
system-deps:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || (apt-get update -qq && apt-get install -y -qq fonts-dejavu-core)
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)

NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
CHROMIUM := /usr/bin/chromium

chromium:  ## Install Debian's chromium for the browser tests when it is missing.
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium)

test: setup $(PROPERDOCS_STAMP) $(NODE_STAMP) system-deps chromium lint  ## Lint, then run every test (browser tests included).
	$(BIN)/pytest

# The projects stay in BENCH_DIR, so the bytes of search queries are measured on the sites built.
BENCH_DIR ?= /tmp/ketluan-bench

bench: setup chromium  ## Build benchmark against bare MkDocs and Hugo, 1k to 50k documents, then bytes per search query at 10k and 50k (the issue's table and the relevance set), then memory by process at 10k (BENCHMARKS.md; ~50 min on 2 cores).
	@command -v hugo >/dev/null || (apt-get update -qq && apt-get install -y -qq hugo)
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/baselines.py 1000 5000 10000 50000 --keep $(BENCH_DIR)
	$(BIN)/python benchmarks/queries.py $(BENCH_DIR)/10000/ketluan/site --markdown
	$(BIN)/python benchmarks/queries.py $(BENCH_DIR)/50000/ketluan/site --markdown
	$(BIN)/python benchmarks/queries.py $(BENCH_DIR)/10000/ketluan/site --relevance 10000 --markdown
	$(BIN)/python benchmarks/queries.py $(BENCH_DIR)/50000/ketluan/site --relevance 50000 --markdown
	$(BIN)/python benchmarks/memory.py $(BENCH_DIR)/10000/ketluan --cold

clean:
	rm -rf site .pytest_cache .ruff_cache node_modules
