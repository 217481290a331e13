# The front door. `make run` and `make test` work on a bare machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# axe-core and the Nu HTML Checker for the browser tests, pinned in package-lock.json; installed
# when npm is (the tests skip without them, except under CI=true).
NODE_TOOLS := $(if $(shell command -v npm 2>/dev/null),node_modules/.package-lock.json)

.PHONY: run test install messages compilemessages lint format demo clean soak

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

compilemessages: install
	$(PY) manage.py compile_translations

run: install compilemessages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	$(PY) manage.py setup_groups
	$(PY) manage.py create_demo_admin
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install compilemessages $(NODE_TOOLS)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Interface strings: add new ones to every catalogue, then list what translators still have to do.
MESSAGE_LANGUAGES := bn ur tr pl ro ar
messages: install
	$(PY) manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) --ignore=.venv --ignore=node_modules \
		--ignore=staticfiles --ignore=media --ignore=tests --no-obsolete --add-location=file
	-$(PY) manage.py check_messages

# Load and fault soak on a throwaway PostgreSQL and Redis (soak/run.py); SOAK_SECONDS per phase.
soak: install compilemessages
	$(PY) -m soak.run

clean:
	rm -rf $(VENV) node_modules db.sqlite3 staticfiles

# Benchmark (bench/run.py): builds /tmp/safe-spaces-bench.sqlite3 with BENCH_EVENTS events (default 1000)
# on first use, measures every public page type, prints a table and writes bench/results.json.
.PHONY: bench
bench: install compilemessages
	DJANGO_SETTINGS_MODULE=cms.settings.bench $(PY) manage.py migrate --no-input --verbosity 0
	DJANGO_SETTINGS_MODULE=cms.settings.bench $(PY) bench/run.py
