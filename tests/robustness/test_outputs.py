"""Outputs never overwrite without --force, never the input, never partial; batches go on
past a bad file and report it at the end (exit 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jixiao.cli.main import main
from jixiao.model.io import load_document
from jixiao.samples import __file__ as samples_init

SAMPLE = Path(samples_init).parent / "demo.yaml"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    capsys.readouterr()
    status = main([str(a) for a in args])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "in" / "doc.yaml"
    target.parent.mkdir()
    shutil.copy(SAMPLE, target)
    return target


def test_convert_refuses_existing_output_without_force(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc.yaml").write_text("旧内容", encoding="utf-8")
    status, text = run(capsys, "convert", sample, "-o", out)
    assert status == 2 and "[E120]" in text and "--force" in text
    assert (out / "doc.yaml").read_text(encoding="utf-8") == "旧内容"
    status, text = run(capsys, "convert", sample, "-o", out, "--force")
    assert status == 0, text
    assert load_document(out / "doc.yaml").forms


def test_convert_never_overwrites_its_input(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample.read_bytes()
    status, text = run(capsys, "convert", sample, "-o", sample.parent, "--force")
    assert status == 2 and "[E121]" in text
    assert sample.read_bytes() == before


def test_same_stem_inputs_get_distinct_names(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "b" / "doc.yaml"
    other.parent.mkdir()
    shutil.copy(SAMPLE, other)
    out = tmp_path / "out"
    status, text = run(capsys, "convert", sample, other, "-o", out)
    assert status == 0, text
    assert sorted(p.name for p in out.iterdir()) == ["doc-2.yaml", "doc.yaml"]


def test_batch_convert_goes_on_past_a_bad_file(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "in" / "bad.docx"
    bad.write_bytes(b"not a zip")
    last = tmp_path / "in" / "last.yaml"
    shutil.copy(SAMPLE, last)
    out = tmp_path / "out"
    status, text = run(capsys, "convert", sample, bad, last, "-o", out)
    assert status == 2
    assert "[E405]" in text and "1 个失败" in text
    assert sorted(p.name for p in out.iterdir()) == ["doc.yaml", "last.yaml"]


def test_audit_report_never_overwrites_input_or_existing(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_json = tmp_path / "x.json"
    status, text = run(capsys, "convert", sample, "-o", tmp_path, "--to", "json")
    (tmp_path / "doc.json").rename(as_json)
    before = as_json.read_bytes()
    status, text = run(capsys, "audit", as_json, "-f", "json", "-o", as_json, "--force")
    assert status == 2 and "[E121]" in text
    assert as_json.read_bytes() == before
    report = tmp_path / "report.json"
    report.write_text("{}", encoding="utf-8")
    status, text = run(capsys, "audit", sample, "-f", "json", "-o", report)
    assert status == 2 and "[E120]" in text and report.read_text(encoding="utf-8") == "{}"
    status, text = run(capsys, "audit", sample, "-f", "json", "-o", report, "--force")
    assert status in (0, 1) and report.read_text(encoding="utf-8").startswith("{\n")


def test_export_and_report_refuse_their_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "x.xlsx"
    status, text = run(capsys, "export", SAMPLE, "-o", sheet)
    assert status == 0, text
    before = sheet.read_bytes()
    status, text = run(capsys, "export", sheet, "-o", sheet, "--force")
    assert status == 2 and "[E121]" in text and sheet.read_bytes() == before
    status, text = run(capsys, "export", SAMPLE, "-o", sheet)
    assert status == 2 and "[E120]" in text and sheet.read_bytes() == before
    word = tmp_path / "x.docx"
    word.write_bytes(b"placeholder")
    status, text = run(capsys, "report", word, "-o", word, "--force")
    assert status == 2 and "[E121]" in text and word.read_bytes() == b"placeholder"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import jixiao.render.xlsx as output_command  # the export command imports it when run

    def broken(*args: object, **kwargs: object) -> None:
        path = args[2]
        assert isinstance(path, Path)
        path.write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output_command, "write_forms", broken)
    target = tmp_path / "form.xlsx"
    status, text = run(capsys, "export", SAMPLE, "-o", target)
    assert status == 3 and "E900" in text and "Traceback" not in text
    assert list(tmp_path.iterdir()) == []
