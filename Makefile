# Every target works on a fresh clone with only python3 and make: the first use creates
# .venv and installs the project with its dev tools; later uses reuse it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install test lint type check demo bench fuzz dist compat clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

type: $(STAMP)
	$(BIN)/mypy

check: lint type test

demo: $(STAMP)
	env -u OPENROUTER_API_KEY $(BIN)/openrouter-core chat "What is the capital of France?"

bench: $(STAMP)
	$(BIN)/python -m bench

fuzz: $(STAMP)
	$(BIN)/python -m pytest --hypothesis-profile=fuzz --timeout=1800 tests

# The sdist, and the wheel built from it, into dist/ (hatchling from the dev tools: no download).
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .

# The suite on every supported Python (the pyproject classifiers) installed here; see tools/compat.py.
compat: $(STAMP)
	$(BIN)/python tools/compat.py

clean:
	rm -rf $(VENV) .venv-compat build dist *.egg-info
