# Everything a fresh Debian machine with Python 3.11 needs, in two targets:
#   make edition   — convert tei/sources/*.txt into tei/, validate, and render site/ (HTML, FO, PDF)
#   make test      — type-check src/ (mypy), then run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: edition test lint bench install system-deps

edition: $(STAMP)
	$(BIN)/teikit build

test: $(STAMP)
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench eval
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m bench

install: $(STAMP)

$(STAMP): pyproject.toml package.json
	bash .ci/install-system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	npm install --silent --no-audit --no-fund
	# dapytains (a DTS server, a reader of teikit's TEI in the tests) pins its own Saxon release
	$(PYTHON) -m venv .venv-dts
	.venv-dts/bin/pip install -q 'dapytains==1.0.0rc4'
	touch $(STAMP)
