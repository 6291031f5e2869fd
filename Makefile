# Two commands on a fresh machine:  make run  (the app on the sample map)  ·  make test
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format benchmarks screenshots clean dist catalog

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python scripts/check_qt_libs.py
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(MAP)

# The browser the workshop page's tests drive (Debian's chromium and its driver).
BROWSER := /usr/bin/chromedriver
$(BROWSER):
	scripts/install_browser.sh

test: $(STAMP) $(BROWSER)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The self-contained app folder (dist/), built with PyInstaller and smoke-tested offscreen.
$(VENV)/.installed-dist: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $@

dist: $(VENV)/.installed-dist
	$(BIN)/python packaging/build_bundle.py
	$(BIN)/python packaging/smoke_check.py

# The message catalogues (docs/translations.md): extract the messages of the sources into the
# template, merge it into each language's .po, and compile the .mo files the app reads.
LOCALES          := resources/locale
CATALOG_KEYWORDS := -k counted:2,3 -k public_counted:2,3
catalog: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg $(CATALOG_KEYWORDS) --add-location=file \
		--sort-output --no-wrap --project="Stakeholder Mapper" --version=0.1.0 \
		-o $(LOCALES)/stakeholder_mapper.pot .
	$(BIN)/pybabel -q update -i $(LOCALES)/stakeholder_mapper.pot -d $(LOCALES) \
		-D stakeholder_mapper --no-wrap --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile --statistics -d $(LOCALES) -D stakeholder_mapper

benchmarks: $(STAMP)
	for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
