"""``jixiao --help`` loads no renderer, reader or model: commands import them when they run."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("matplotlib", "docx", "openpyxl", "pydantic", "pdfplumber", "django", "yaml")
PROBE = f"""
import sys
from jixiao.cli.main import main
try:
    main(["--help"])
finally:
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({HEAVY!r}))
    print("LOADED", ",".join(loaded))
"""


def test_help_imports_nothing_heavy() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=60, check=False)
    assert "Usage: jixiao" in done.stdout and "audit" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "LOADED", done.stdout


def test_every_command_has_help() -> None:
    for command in ("audit", "score", "convert", "inspect", "export", "report", "demo",
                    "accounts", "schema", "packs", "checks", "serve"):
        done = subprocess.run([sys.executable, "-m", "jixiao.cli.main", command, "--help"],
                              capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0 and "Usage:" in done.stdout, (command, done.stderr)
