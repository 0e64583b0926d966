# Two entry points that set everything up on a fresh machine (Python >= 3.10 with venv):
#   make demo   - the whole job on embedded defaults: real worker, local receiver, an outage
#   make test   - lint, types and the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
# the suite runs in this many processes (pytest-xdist), a test file to each at a time: most of
# its time is spent waiting on real worker processes, sidecars and servers, not on the CPU.
# PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2
PYTEST := -m pytest -n $(PYTEST_WORKERS) --dist loadfile
CODE := $(wildcard spool plugin tests examples benchmarks)

# both distributions, editable, in one pip command: the plugin's pin on zelto-spool is then met by
# ./spool itself, never by an index
$(VENV)/.installed: pyproject.toml spool/pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e './spool[fast]' -e '.[test]'
	touch $@

.PHONY: install demo test lint deps bench test-lowest test-lowest-spool test-lowest-plugin \
	test-livekit-lowest
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
	$(PY) $(PYTEST) $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# The tests against the LOWEST versions the two pyproject.toml files allow (uv's lowest-direct
# resolution: every declared lower bound, e.g. livekit-agents 1.6.0, httpx 0.28.0), in venvs of
# their own so the main one is untouched. Twice: the sidecar's tests with zelto-spool alone, at its
# own floors (test-lowest-spool), and the suite with the plugin (test-lowest-plugin; livekit-agents
# then lifts some of the sidecar's floors, e.g. aiohttp). `LOWEST_TESTS=...` picks the plugin's
# tests to run there (default: all).
LOWEST ?= .venv-lowest
LOWEST_TESTS ?=
# the lowest livekit-agents the plugin supports: pyproject.toml's floor (tests/test_livekit_seam.py
# checks they agree); test-lowest-plugin fails if the resolver installed another one
LIVEKIT_LOWEST ?= 1.6.0
SPOOL_TESTS := $(addprefix tests/test_,cli.py config.py delivery.py outage.py payload.py \
	receiver.py retry.py sidecar.py spool.py)
# the tests whose outcome depends on livekit-agents (real sessions, jobs, the test helpers, the
# seam); .ci/run runs them on the lowest livekit-agents, `make test` runs everything on the
# newest. Left out there, to keep CI short: the demo (run by .ci/run itself) and the leftovers
# drain, the two slowest worker tests, whose LiveKit side the other worker tests already cover.
PLUGIN_TESTS := $(addprefix tests/test_,livekit_seam.py plugin_session.py plugin_ending.py \
	plugin_worker.py plugin_fidelity.py plugin_crash.py plugin_import.py plugin_mapping.py \
	job_failures.py testing_modules.py user_agent_isolation.py pytest_guard.py \
	settings_at_call.py customer_values.py) \
	--deselect tests/test_plugin_worker.py::test_demo_command_runs \
	--deselect tests/test_plugin_worker.py::test_a_later_job_drains_leftovers_without_a_sidecar
test-lowest: test-lowest-spool test-lowest-plugin

test-lowest-spool:
	rm -rf $(LOWEST)-spool
	python3 -m venv $(LOWEST)-spool
	$(LOWEST)-spool/bin/python -m pip install --quiet uv
	$(LOWEST)-spool/bin/uv pip install --quiet --python $(LOWEST)-spool/bin/python \
		--resolution lowest-direct -e './spool[fast,testing]' \
		'pytest>=8' 'pytest-timeout>=2.3' 'pytest-xdist>=3.5' 'hypothesis>=6.135.19' 'pyyaml>=6'
	$(LOWEST)-spool/bin/uv pip list --python $(LOWEST)-spool/bin/python
	$(LOWEST)-spool/bin/python $(PYTEST) $(PYTEST_ARGS) $(SPOOL_TESTS)

# the plugin's venv at the lowest versions, built again whenever a pyproject.toml changes (.ci/run
# builds it while `make test` runs)
$(LOWEST)/.installed: pyproject.toml spool/pyproject.toml
	rm -rf $(LOWEST)
	python3 -m venv $(LOWEST)
	$(LOWEST)/bin/python -m pip install --quiet uv
	$(LOWEST)/bin/uv pip install --quiet --python $(LOWEST)/bin/python \
		--resolution lowest-direct -e './spool[fast]' -e '.[test]'
	$(LOWEST)/bin/uv pip list --python $(LOWEST)/bin/python
	$(LOWEST)/bin/python -c "import livekit.agents as a, sys; \
		sys.exit(None if a.__version__ == '$(LIVEKIT_LOWEST)' else \
		f'livekit-agents {a.__version__} installed, not the lowest, $(LIVEKIT_LOWEST)')"
	touch $@

test-lowest-plugin: $(LOWEST)/.installed
	$(LOWEST)/bin/python $(PYTEST) $(PYTEST_ARGS) $(LOWEST_TESTS)

# the plugin's LiveKit-facing tests on the lowest livekit-agents (what .ci/run runs)
test-livekit-lowest:
	$(MAKE) --no-print-directory test-lowest-plugin LOWEST_TESTS='$(PLUGIN_TESTS)'
