# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup build serve test lint format check clean chromium bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## Create .venv and install ketluan with its pinned dependencies.

build: setup  ## Build the sample portal into site/.
	$(BIN)/mkdocs build --strict

serve: build  ## Build, then serve on http://127.0.0.1:8000 with live reload.
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

check: setup  ## Validate conclusions/ without building.
	$(BIN)/ketluan check

lint: setup
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests benchmarks

format: setup
	$(BIN)/ruff format plugins tests benchmarks
	$(BIN)/ruff check --fix plugins tests benchmarks

# Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
CHROMIUM := /usr/bin/chromium

chromium:  ## Install Debian's chromium for the browser tests when it is missing.
	@test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

test: setup lint chromium  ## Lint, then run every test (browser tests included).
	$(BIN)/pytest

bench: setup chromium  ## Search benchmarks at 1k and 10k generated documents (BENCHMARKS.md).
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/search.py 1000 10000

clean:
	rm -rf site .pytest_cache .ruff_cache
