# Two entry points that set everything up on a fresh machine (Python >= 3.10 with venv):
#   make demo   - the whole job on embedded defaults: real worker, local receiver, an outage
#   make test   - lint, types and the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
CODE := $(wildcard spool plugin tests examples benchmarks)

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

.PHONY: install demo test lint bench
install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(PY) examples/demo.py $(DEMO_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(CODE)
	$(VENV)/bin/ruff format --check $(CODE)
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py $(BENCH_ARGS)
