# MON POS — every set-up step a fresh machine needs is behind these targets.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test install translations ts bundle bench clean

run: $(STAMP) translations            ## launch the till on local SQLite, demo store, simulated devices
	$(PY) -m ui.main $(ARGS)

test: $(STAMP) translations           ## the whole suite, headless
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "MON POS needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

translations: $(QM)                   ## compile .ts -> .qm

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

ts: $(STAMP)                          ## refresh .ts sources from ui/ and service errors
	$(PY) resources/translations/update_ts.py

bundle: $(STAMP) translations         ## one-folder desktop bundle in dist/mon-pos/
	$(PY) -m pip install --quiet -e '.[bundle]'
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec

bench: $(STAMP)                       ## every benchmark, figures beside budgets
	$(PY) -m bench.receipt
	$(PY) -m bench.scan --skus 1000000
	$(PY) -m bench.startup --skus 1000000

clean:
	rm -rf build dist .bench-cache $(QM)
