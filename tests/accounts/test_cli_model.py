"""The ``jixiao accounts`` command and the canonical format of FinalAccounts."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import build_app
from jixiao.model.io import document_from_data

TEXT = "\n".join(
    [
        "2030年度部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2030年度收入总计120.00万元，其中：本年收入合计100.00万元，年初结转和结余20.00万元。",
        "二、收入决算情况说明",
        "本年收入100.00万元，其中：财政拨款收入90.00万元，占0.90%；其他收入10.00万元，占10.00%。",
    ]
)


def test_cli_reports_figures_and_findings(tmp_path: Path) -> None:
    source = tmp_path / "说明.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["accounts", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["accounts"]["income"]["total"]["amount"]["value"] == "120.00"
    assert [(f["code"], f["claimed"], f["expected"]) for f in data["findings"]] == [
        ("JX603", "0.90", "90.00"),
        ("JX603", "10.90", "100"),  # the shares of a complete listing add up to 100%
    ]
    table = CliRunner().invoke(build_app(), ["accounts", str(source)])
    assert table.exit_code == 0 and "JX603" in table.output


def test_cli_writes_the_explanation(tmp_path: Path) -> None:
    source = tmp_path / "说明.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "情况说明.docx"
    runner = CliRunner()
    result = runner.invoke(
        build_app(), ["accounts", str(source), "--write-explanation", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    again = runner.invoke(build_app(), ["accounts", str(target), "--format", "json"])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output)["findings"] == []


def test_final_accounts_round_trip_in_the_canonical_format() -> None:
    data = {
        "forms": [
            {
                "type": "final_accounts",
                "year": 2030,
                "income": {
                    "total": {
                        "label": "收入总计",
                        "amount": {"value": "12.50", "text": "12.50万元"},
                    }
                },
            }
        ]
    }
    document = document_from_data(data)
    again = document_from_data(json.loads(document.model_dump_json()))
    form = again.forms[0]
    assert form.type == "final_accounts"
    assert str(form.income.total.amount.value) == "12.50"  # type: ignore[union-attr]
