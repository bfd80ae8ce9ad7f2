# Leniency: `make run` serves the demo at http://127.0.0.1:8000 (with the background worker), `make test` runs the
# whole suite.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install compile-messages run system-deps fonts test test-fast lint messages clean vendor-axe

install: $(STAMP) compile-messages

$(STAMP): pyproject.toml
	python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,build]'
	touch $(STAMP)

# The project catalogue plus one per app (leniency/<app>/locale), so each app owns its translations.
compile-messages: $(STAMP)
	@for dir in leniency/locale leniency/*/locale; do \
	  ls $$dir/*/LC_MESSAGES/django.po >/dev/null 2>&1 || continue; \
	  $(VENV)/bin/pybabel compile --domain django --directory $$dir --statistics 2>&1 | tail -1; \
	done

# Development: settings are production's (keys from the environment) unless LENIENCY_DEBUG=1 asks otherwise.
# The background worker (imports, index, training, reports, periodic jobs) runs beside the server and stops with it.
run messages: export LENIENCY_DEBUG = 1
run: install fonts
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py createcachetable
	$(PY) manage.py demo
	$(PY) manage.py worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000; status=$$?; exit $$status

# System packages the browser tests need (Chromium, CJK fonts); installed from Debian when missing.
system-deps:
	bash scripts/install-system-deps.sh

# The CJK fonts alone: the demo draws charts and PDFs in Chinese, and refuses a missing glyph.
fonts:
	bash scripts/install-system-deps.sh fonts

# Two pytest workers (pytest-xdist), one per core of the CI machine, each with its own test database; a module's tests
# stay in one worker, so a module-scoped demo is built once.
TEST_WORKERS ?= 2
test: install system-deps lint
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadscope

# ruff, then the layers of DESIGN.md as import-linter contracts ([tool.importlinter] in pyproject.toml).
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo --no-cache

test-fast: install
	$(PY) -m pytest -q -m "not browser"

# Update the English catalogues: the project one (templates, accounts, cases, audit...) and each app's own.
APP_CATALOGUES := corpus counsel jobs oversight plea portal recommendations recordings study
messages:
	cd leniency && ../$(PY) ../manage.py makemessages -l en --no-obsolete -i "sentencing/*" -i "testing/*" \
	  $(foreach app,$(APP_CATALOGUES),-i "$(app)/*")
	for app in $(APP_CATALOGUES); do (cd leniency/$$app && ../../$(PY) ../../manage.py makemessages -l en --no-obsolete); done

# axe-core, the accessibility checker of the browser tests (leniency/testing/vendor/README.md): committed; this
# replaces it with AXE_VERSION from npm.
AXE_VERSION := 4.14.1
vendor-axe:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && tar xzf axe-core-$(AXE_VERSION).tgz \
	  && cp package/axe.min.js $(CURDIR)/leniency/testing/vendor/axe.min.js \
	  && cp package/LICENSE $(CURDIR)/leniency/testing/vendor/axe-core.LICENSE && rm -rf $$tmp

clean:
	rm -rf $(VENV) var
