# Two commands for a fresh machine with Python 3.11: `make serve` and `make test`.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: setup build serve test lint format check clean

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
	$(BIN)/ruff check plugins tests scripts benchmarks
	$(BIN)/ruff format --check plugins tests scripts benchmarks

format: setup
	$(BIN)/ruff format plugins tests scripts benchmarks
	$(BIN)/ruff check --fix plugins tests scripts benchmarks

test: setup lint  ## Lint, then run every test.
	$(BIN)/pytest

clean:
	rm -rf site .pytest_cache .ruff_cache
