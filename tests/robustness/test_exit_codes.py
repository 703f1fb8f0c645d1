"""Exit codes mean one thing each (docs/guide.md), checked as a user runs the program."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hostile import by_name

from jixiao.samples import __file__ as samples_init

SAMPLE = Path(samples_init).parent / "demo.yaml"
JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]
ENV = {**os.environ, "COLUMNS": "400"}  # one message, one line


def jixiao(*args: object, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [*JIXIAO, *map(str, args)] if code is None else [sys.executable, "-c", code]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, env=ENV
    )


def test_clean_findings_input_usage(tmp_path: Path) -> None:
    clean = jixiao("inspect", _write(tmp_path, "nested12.docx"))
    assert clean.returncode == 0, clean.stderr
    findings = jixiao("audit", _write(tmp_path, "ratio-extreme.yaml"))
    assert findings.returncode == 1, findings.stdout + findings.stderr
    bad = jixiao("score", _write(tmp_path, "deep.json"))
    assert bad.returncode == 2 and "[E106]" in bad.stderr
    usage = jixiao("score", "--no-such-option")
    assert usage.returncode == 2
    for result in (clean, findings, bad, usage):
        assert "Traceback" not in result.stdout + result.stderr


def test_batch_audit_reports_bad_files_at_the_end(tmp_path: Path) -> None:
    bad = _write(tmp_path, "encrypted.docx")
    result = jixiao("audit", SAMPLE, bad, SAMPLE)
    assert result.returncode == 2
    assert result.stdout.count(str(SAMPLE)) >= 2 and "[E419]" in result.stdout


PATCHED = """
import sys
import jixiao.ingest as command
from jixiao.cli.main import main
def boom(*args, **kwargs):
    raise RuntimeError("simulated bug")
command.ingest = boom
sys.exit(main(sys.argv[1:]))
"""


def test_internal_error_is_exit_3_with_short_message(tmp_path: Path) -> None:
    path = _write(tmp_path, "nested12.docx")
    plain = subprocess.run([sys.executable, "-c", PATCHED, "inspect", str(path)],
                           capture_output=True, text=True, timeout=300, check=False, env=ENV)
    assert plain.returncode == 3
    assert "[E900]" in plain.stderr and "Issues" in plain.stderr
    assert "Traceback" not in plain.stderr
    debug = subprocess.run([sys.executable, "-c", PATCHED, "--debug", "inspect", str(path)],
                           capture_output=True, text=True, timeout=300, check=False, env=ENV)
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr and "simulated bug" in debug.stderr


def _write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(by_name()[name].make())
    return path
