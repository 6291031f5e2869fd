# Two commands on a fresh machine:  make run  (the app on the sample map)  ·  make test
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format benchmarks screenshots clean dist

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python scripts/check_qt_libs.py
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(MAP)

test: $(STAMP)
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

benchmarks: $(STAMP)
	for script in benchmarks/*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
