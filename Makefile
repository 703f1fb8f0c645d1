# The two commands of the README: `make demo` (main job on bundled samples: scored form and
# report files, then the web application with demo data on 127.0.0.1) and `make test`
# (the whole suite, as CI runs it, web tests again on PostgreSQL). Everything is installed from this repo's
# own files: uv from PyPI, Python packages from uv.lock, system packages via apt.
PY ?= python3
UV := $(PY) -m uv
OUT ?= out/demo

.PHONY: setup demo test lint

setup:
	@$(PY) -m uv --version >/dev/null 2>&1 || $(PY) -m pip install --quiet "uv>=0.5"
	$(UV) sync --locked --quiet

demo: setup
	@bash scripts/install-system-deps.sh
	$(UV) run jixiao demo -o $(OUT)
	$(UV) run jixiao serve --demo --data-dir $(OUT)/web

lint: setup
	$(UV) run ruff check src tests benchmarks
	$(UV) run mypy

test: setup
	@bash scripts/install-system-deps.sh
	$(UV) run ruff check src tests benchmarks
	$(UV) run mypy
	$(UV) run pytest -n auto
	@bash scripts/ci-postgres.sh
