# Territoire — developer commands. Every target works on a fresh Debian 12 machine as root and is idempotent.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN     := territoire_plugin
VERSION    := $(shell sed -n 's/^version=//p' $(PLUGIN)/metadata.txt)
SYS_PYTHON := /usr/bin/python3
VENV       := .venv
PY         := $(VENV)/bin/python
BUILD      := build
DIST       := dist
ZIP        := $(DIST)/$(PLUGIN)-$(VERSION).zip
SAMPLE     := $(PLUGIN)/resources/sample
SAMPLE_ID  := LC09_L2SP_197029_20230715_20230717_02_T1
TS_FILES   := $(wildcard $(PLUGIN)/i18n/*.ts)
QM_FILES   := $(TS_FILES:.ts=.qm)
PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*' | sort)
# Where `make deploy` installs the plugin (a QGIS profile folder).
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

# Debian packages: QGIS 3.22 LTR and its Python bindings, GDAL tools, Xvfb for real-window tests and Mesa's
# software OpenGL for the 3D view's image,
# Qt Linguist tools for translations, rasterio/requests as independent readers in tests (pandas: a bench reference),
# poppler for PDFs,
# 7-Zip to pack test files the way INSEE does (zip → 7z).
APT_PACKAGES := qgis python3-qgis qgis-providers gdal-bin python3-gdal xvfb xauth libgl1-mesa-dri python3-venv python3-pip \
	qttools5-dev-tools pyqt5-dev-tools python3-rasterio python3-requests python3-pandas poppler-utils 7zip
# Test and lint tools, pinned; installed in a venv that sees Debian's PyQGIS.
PIP_PACKAGES := pytest==9.2.0 pytest-qgis==5.0.2 pytest-timeout==2.4.0 ruff==0.17.5 flake8==7.5.0 \
	flake8-qgis==2.1.0 bandit==1.9.4 import-linter==2.16 hypothesis==6.170.17 qgis-plugin-ci==2.10.0

# The version matrix: Debian chroots with Debian's own QGIS (trixie: 3.40 LTR, sid: latest 3.x), cached
# outside the checkout (scripts/qgis_chroot.sh).
SUITE ?= trixie
export TERRITOIRE_CHROOT_CACHE ?= /var/cache/territoire-chroots

.PHONY: help system venv sample i18n translations package package-ci deploy test test-qgis test-matrix demo lint bench fuzz clean

help:
	@echo "make demo     - diagnostic of the sample commune: GeoPackage, project, PDF report, 3D view (no network)"
	@echo "make test     - install what is missing, then run the whole test suite"
	@echo "make test-qgis SUITE=trixie|sid - the same suite in a Debian chroot (QGIS 3.40 LTR | latest 3.x)"
	@echo "make test-matrix - make test on this machine's QGIS, then in both chroots; one line per version"
	@echo "make package  - build $(ZIP) (QGIS: Plugins > Install from ZIP)"
	@echo "make package-ci - the same zip made by qgis-plugin-ci from the committed tree"
	@echo "make deploy   - install into QGIS_PROFILE_DIR=$(QGIS_PROFILE_DIR)"
	@echo "make lint     - ruff, flake8-qgis, bandit, import-layer contract (import-linter)"
	@echo "make i18n     - update $(PLUGIN)/i18n/*.ts from the code, compile .qm"
	@echo "make bench    - performance ratios against reference tools"
	@echo "make fuzz     - every file and service-answer reader fuzzed, FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) cases each"

system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: Makefile | system
	$(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(PIP_PACKAGES)
	touch $@

venv: system $(VENV)/.installed

sample: system $(SAMPLE)/$(SAMPLE_ID)/$(SAMPLE_ID)_ST_B10.TIF

$(SAMPLE)/$(SAMPLE_ID)/$(SAMPLE_ID)_ST_B10.TIF: testing/sample_data.py
	$(SYS_PYTHON) -m testing.sample_data $(SAMPLE)

# Compile translations (the .ts files are the sources, kept in git).
translations: system $(QM_FILES)

$(PLUGIN)/i18n/%.qm: $(PLUGIN)/i18n/%.ts
	lrelease -silent $< -qm $@

# Update the .ts files from the code, then compile them.
i18n: system
	pylupdate5 -noobsolete $(PY_SOURCES) -ts $(TS_FILES)
	$(MAKE) --no-print-directory translations

package: translations sample
	$(SYS_PYTHON) scripts/build_package.py --build $(BUILD) --dist $(DIST)

# qgis-plugin-ci packages the committed plugin folder (git archive); the compiled translations and the generated
# sample are not in git and go in as assets.
package-ci: venv translations sample
	$(VENV)/bin/qgis-plugin-ci package $(VERSION) --disable-submodule-update \
		$(foreach qm,$(QM_FILES),--asset-path $(qm)) --asset-path $(SAMPLE)

deploy: package
	mkdir -p "$(QGIS_PROFILE_DIR)/python/plugins"
	rm -rf "$(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)"
	cp -r $(BUILD)/$(PLUGIN) "$(QGIS_PROFILE_DIR)/python/plugins/"
	@echo "Installed into $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN); enable it in Plugins > Manage."

# Two runs: the unit tests of core/ and analysis/ without the QGIS pytest plugin (proving they need no
# QGIS), then everything that runs on real QGIS (Processing, qgis_process, the zip, a real window, and the
# readers fuzzed at a short budget: ~1,000 cases each).
test: venv package
	$(PY) -m pytest -p no:pytest_qgis -W ignore::pytest.PytestConfigWarning tests/unit
	$(PY) -m pytest tests/qgis tests/fuzz

# The long fuzzing run (hypothesis): only the project's own errors may come out of a reader.
FUZZ_EXAMPLES ?= 10000
fuzz: venv sample
	TERRITOIRE_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -p no:cacheprovider tests/fuzz

test-qgis:
	bash scripts/qgis_chroot.sh $(SUITE) test

test-matrix:
	bash scripts/test_matrix.sh

demo: venv translations sample
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" $(PY) -m testing.demo --sample $(SAMPLE) \
		--output demo_output

lint: venv
	$(VENV)/bin/ruff check $(PLUGIN) testing scripts tests
	$(VENV)/bin/flake8 $(PLUGIN) testing scripts tests
	$(VENV)/bin/bandit -q -r $(PLUGIN) -c pyproject.toml
	$(VENV)/bin/lint-imports

bench: venv translations sample
	$(PY) -m testing.bench

clean:
	rm -rf $(BUILD) $(DIST) $(SAMPLE) demo_output bench_output test_matrix $(PLUGIN)/i18n/*.qm .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
