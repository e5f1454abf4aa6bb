# JourneyLens: `make run` starts the app on the demo workspace; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-12)

.PHONY: venv chromium run test test-unit test-app test-e2e lint format sql demo bench fuzz big-import clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.headless true \
		--browser.gatherUsageStats false

chromium:
	@bash scripts/ensure_chromium.sh

# Three workers, whole files each (module fixtures stay in one process): on 2 cores the browser
# and server tests leave a core idle while they wait (two workers kept 1.4 of 2 cores busy, 30 min
# on CI); the third worker fills that wait.
# The Python packages and Debian's chromium install side by side (about a minute off a fresh CI).
test:
	$(MAKE) --no-print-directory -j2 venv chromium
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q -n 3 --dist loadfile --durations=25 tests

test-unit: $(STAMP)
	$(PY) -m pytest -q tests/unit

test-app: $(STAMP)
	$(PY) -m pytest -q tests/app

test-e2e: $(STAMP) chromium
	$(PY) -m pytest -q tests/e2e

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Regenerate queries/<name>.sql from queries/templates/ and journeylens/storage/queries.py from the
# query headers (journeylens/storage/sqlgen.py); tests/unit/test_sqlgen.py fails while they are stale.
sql: $(STAMP)
	$(PY) -m journeylens.storage.sqlgen

demo: $(STAMP)
	$(PY) -m journeylens demo

bench: $(STAMP)
	$(PY) bench/run.py --quick

bench-full: $(STAMP)
	$(PY) bench/run.py

fuzz: $(STAMP)
	bash scripts/fuzz_long.sh

big-import: $(STAMP)
	$(PY) scripts/big_import.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
