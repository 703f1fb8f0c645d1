# The two commands of the README: `make demo` (main job on bundled samples) and
# `make test` (the whole suite, as CI runs it). Everything is installed from this repo's
# own files: uv from PyPI, Python packages from uv.lock, system packages via apt.
PY ?= python3
UV := $(PY) -m uv
OUT ?= out/demo

.PHONY: setup demo test lint

setup:
	@$(PY) -m uv --version >/dev/null 2>&1 || $(PY) -m pip install --quiet "uv>=0.5"
	$(UV) sync --locked --quiet

demo: setup
	@bash scripts/install-system-deps.sh fonts
	$(UV) run jixiao demo -o $(OUT)

lint: setup
	$(UV) run ruff check src tests benchmarks
	$(UV) run mypy

test: setup
	@bash scripts/install-system-deps.sh all
	$(UV) run ruff check src tests benchmarks
	$(UV) run mypy
	$(UV) run pytest
