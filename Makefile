# Two entry points for newcomers: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test test-postgres install install-dev migrate doctor bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/asistencia serve

migrate: install
	$(BIN)/asistencia migrate

doctor: install
	$(BIN)/asistencia doctor

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite against PostgreSQL (database `test` on 127.0.0.1 by default).
test-postgres: install-dev
	ASISTENCIA_TEST_DATABASE_URL=$${ASISTENCIA_TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
