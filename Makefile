# Two entry points for a fresh machine with Python 3.11+:
#   make demo   the checker on the example drafts in claims/
#   make test   the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# the clean draft passes (exit 0); the draft with mistakes must fail the check (exit 1)
demo: $(VENV)/.installed
	$(BIN)/factcheck check claims/drafts/clean-summary.md --facts claims/japan-ukraine-2024.yaml
	$(BIN)/factcheck check claims/drafts/summary-with-mistakes.md --facts claims/japan-ukraine-2024.yaml; \
	  status=$$?; test $$status -eq 1 || { echo "expected exit 1 from the draft with mistakes, got $$status"; exit 1; }

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
