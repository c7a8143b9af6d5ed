# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test bench lint install

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,postgres]'
	touch $@

install: $(BIN)/.installed

# A .env of your own (read by the server, manage.py and cron jobs alike), with a secret of its own.
.env:
	sed "s/^SECRET_KEY=.*/SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')/" .env.example > $@

run: install .env
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_bundled_data
	DEBUG=$${DEBUG:-1} THROTTLE_ANON_RATE=$${THROTTLE_ANON_RATE:-} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: granian (config/serve.py), static files by whitenoise. Needs SECRET_KEY.
serve: install
	$(BIN)/python -m config.serve --check
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic_once
	$(BIN)/python manage.py load_bundled_data
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m config.serve

# The suite on every core (pytest-xdist); PYTEST_ARGS to choose (.ci/run: `-m databases`).
PYTEST_ARGS ?= -n auto

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

# Benchmark (needs root for apt): see README, Performance. Writes bench/results.md and pages.md.
bench: install
	$(BIN)/python -m tools.bench
	$(BIN)/python -m tools.bench_pages

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
