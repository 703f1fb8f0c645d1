"""Every failure class of issue 12, reproduced by our own hostile files: a coded error or a
clean read, never a traceback, hang or memory blow-up (the limits trigger before the work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile import HOSTILE, by_name, docx, nested_tables

from jixiao.cli.main import main
from jixiao.errors import JixiaoError
from jixiao.ingest import read_raw
from jixiao.ingest.readers.docx import read_docx
from jixiao.ingest.readers.xlsx import format_number
from jixiao.model import limits

DOCUMENTS = (".docx", ".xlsx", ".txt", ".html")


@pytest.mark.parametrize("item", HOSTILE, ids=lambda item: item.name)
def test_hostile_file_convert(item: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                              ) -> None:
    from hostile import Hostile

    assert isinstance(item, Hostile)
    path = tmp_path / item.name
    path.write_bytes(item.make())
    status = main(["convert", str(path), "-o", str(tmp_path / "out")])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Traceback" not in text
    if item.code is None:
        assert status == 0, text
        assert (tmp_path / "out" / f"{path.stem}.yaml").is_file()
    else:
        assert status == 2, text
        assert f"[{item.code}]" in text, text
        assert not (tmp_path / "out" / f"{path.stem}.yaml").exists()
    assert not [p for p in (tmp_path / "out").glob(".*")] if (tmp_path / "out").exists() else True


@pytest.mark.parametrize(
    "name", [h.name for h in HOSTILE if Path(h.name).suffix in DOCUMENTS and h.code]
)
def test_hostile_document_reader_code(name: str, tmp_path: Path) -> None:
    item = by_name()[name]
    path = tmp_path / name
    path.write_bytes(item.make())
    with pytest.raises(JixiaoError) as error:
        read_raw(path)
    assert error.value.code == item.code


def test_nested_tables_read_once() -> None:
    """Linear time: a nested table's text is read once, not once per enclosing row."""
    raw = read_docx(docx(nested_tables(12, "唯一的深处文字")), "n.docx")
    text = "\n".join(cell.text for grid in raw.grids for row in grid.rows for cell in row)
    assert text.count("唯一的深处文字") == 1
    assert "层11" in text


def test_nesting_limit_triggers_before_work() -> None:
    depth = limits.TABLE_NESTING.value
    read_docx(docx(nested_tables(depth)), "ok.docx")
    with pytest.raises(JixiaoError) as error:
        read_docx(docx(nested_tables(depth + 1)), "deep.docx")
    assert error.value.code == "E411"


@pytest.mark.parametrize(
    ("raw", "code", "shown"),
    [
        ("1e30", "0.00", "1000000000000000000000000000000.00"),
        ("1e999999", "yyyy-mm-dd", "1e999999"),
        ("1e999999", "0.00", "1e999999"),
        ("9" * 5000, "0.00", "9" * 5000),
        ("1.5", "0." + "0" * 5000, "1.5"),
        ("45000", "yyyy-mm-dd", "2023-03-15"),
        ("0.9599", "0.00%", "95.99%"),
    ],
)
def test_format_number_is_bounded(raw: str, code: str, shown: str) -> None:
    assert format_number(raw, code) == shown


def _score_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["score", str(path), "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def _indicators(data: dict[str, object]) -> list[dict[str, object]]:
    forms = data["forms"]
    assert isinstance(forms, list)
    return [item for form in forms for item in form["indicators"]]


def test_negative_target_never_scores_negative(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "negative-target.yaml"
    path.write_bytes(by_name()["negative-target.yaml"].make())
    (indicator,) = _indicators(_score_json(path, capsys))
    assert indicator["computed_score"] is None
    assert indicator["status"] == "not_computable"


@pytest.mark.parametrize("name", ["ratio-extreme.yaml", "ratio-long.yaml"])
def test_huge_figures_in_ratio_rule(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(by_name()[name].make())
    (indicator,) = _indicators(_score_json(path, capsys))
    score = indicator["computed_score"]
    assert score is None or 0 <= float(str(score)) <= 10


def test_rounding_of_large_computed_figures() -> None:
    from decimal import Decimal

    from jixiao.decimals import round_half_up, truncate

    big = Decimal("1e57") / Decimal("3")
    assert round_half_up(big, 2).as_tuple().exponent == -2
    assert truncate(Decimal("123456789012345678901234567890.125"), 2) == Decimal(
        "123456789012345678901234567890.12"
    )
