# Two entry points for a fresh machine with Python 3.11+:
#   make demo   the checker on the example drafts in claims/
#   make test   the whole test suite
#   make bench  accuracy, verdict quality and speed against other parsers -> docs/benchmarks.md
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $@ $(VENV)/.installed

# the clean draft passes (exit 0); the draft with mistakes must fail the check (exit 1)
demo: $(VENV)/.installed
	$(BIN)/factcheck check claims/drafts/clean-summary.md --facts claims/japan-ukraine-2024.yaml
	$(BIN)/factcheck check claims/drafts/summary-with-mistakes.md --facts claims/japan-ukraine-2024.yaml; \
	  status=$$?; test $$status -eq 1 || { echo "expected exit 1 from the draft with mistakes, got $$status"; exit 1; }

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# the peers and a profiler in a venv of their own, so that they never leak into the package's
BENCH_VENV ?= .venv-bench
BENCH_BIN := $(BENCH_VENV)/bin

$(BENCH_VENV)/.installed: pyproject.toml benchmarks/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_BIN)/python -m pip install --quiet --upgrade pip
	$(BENCH_BIN)/python -m pip install --quiet -e '.[dask]' -r benchmarks/requirements.txt
	$(BENCH_BIN)/python -c "from benchmarks.parsers import train_quantulum_classifier as t; t()"
	touch $@

# about nine minutes on 2 cores; BENCH_ARGS="--sample 200" checks 200 SummEdits summaries per domain
bench: $(BENCH_VENV)/.installed
	$(BENCH_BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
