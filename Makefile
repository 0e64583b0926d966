# Two entry points that set everything up on a fresh machine (Python >= 3.10 with venv):
#   make demo   - the whole job on embedded defaults: real worker, local receiver, an outage
#   make test   - lint, types and the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
CODE := $(wildcard spool plugin tests examples benchmarks)

# both distributions, editable, in one pip command: the plugin's pin on zelto-spool is then met by
# ./spool itself, never by an index
$(VENV)/.installed: pyproject.toml spool/pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e './spool[fast]' -e '.[test]'
	touch $@

.PHONY: install demo test lint deps bench test-lowest
install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(PY) examples/demo.py $(DEMO_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check $(CODE)
	$(VENV)/bin/ruff format --check $(CODE)
	$(VENV)/bin/mypy
	$(MAKE) --no-print-directory deps

# every imported package is declared by the distribution that imports it (deptry, per distribution)
deps: $(VENV)/.installed
	cd spool && $(abspath $(VENV))/bin/deptry zelto_spool
	$(VENV)/bin/deptry plugin

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py $(BENCH_ARGS)
