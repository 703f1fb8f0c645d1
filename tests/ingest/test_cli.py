from __future__ import annotations

import json
from pathlib import Path

from forms import sample_project, write_xlsx
from typer.testing import CliRunner

from jixiao.cli.main import build_app
from jixiao.model.io import load_document

runner = CliRunner()


def test_convert_and_inspect(tmp_path: Path) -> None:
    source = tmp_path / "form.xlsx"
    write_xlsx(sample_project(), source)
    out = tmp_path / "out"
    result = runner.invoke(build_app(), ["convert", str(source), "-o", str(out), "--to", "json"])
    assert result.exit_code == 0, result.output
    document = load_document(out / "form.json")
    assert document.forms[0].name == sample_project().name
    result = runner.invoke(build_app(), ["inspect", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["tables"][0]["kinds"] == ["project_self_evaluation"]
    result = runner.invoke(build_app(), ["inspect", str(source)])
    assert result.exit_code == 0 and "项目支出绩效自评表" in result.output


def test_convert_yaml_round_trips(tmp_path: Path) -> None:
    source = tmp_path / "form.xlsx"
    write_xlsx(sample_project(), source)
    result = runner.invoke(build_app(), ["convert", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    document = load_document(tmp_path / "form.yaml")
    form = document.forms[0]
    assert form.type == "project_self_evaluation"
    assert str(form.indicators[-1].claimed_score) == "9.60"
