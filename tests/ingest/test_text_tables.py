"""Plain-text tables in the three layouts page texts arrive in (rows invented here)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import ingest, read_raw
from jixiao.model import ProjectSelfEvaluation

HEADER = ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"]
ROWS = [
    ["产出指标", "数量指标", "巡查河段长度", "30", "≥120公里", "126公里", "30"],
    ["产出指标", "质量指标", "问题整改率", "20", "≥95%", "97%", "20"],
    ["效益指标", "社会效益指标", "群众投诉下降", "30", "明显下降", "下降18%", "28"],
    ["满意度指标", "服务对象满意度指标", "沿岸居民满意度", "20", "≥90%", "92%", "19"],
]
TITLE = "项目支出绩效自评表\n（2024年度）\n"
CLOSING = "\n本表数据由项目单位填报。\n"


def _pipe() -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join([":---:"] * len(HEADER)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in ROWS]
    return "\n".join(lines)


def _flattened() -> str:
    return "\n".join("   ".join(row) for row in [HEADER, *ROWS])


def _flattened_single_spaces() -> str:
    return "\n".join(" ".join(row) for row in [HEADER, *ROWS])


def _one_cell_per_line() -> str:
    return "\n".join(cell for row in [HEADER, *ROWS] for cell in row)


LAYOUTS = {
    "pipe": _pipe,
    "flattened": _flattened,
    "single-spaced": _flattened_single_spaces,
    "one-per-line": _one_cell_per_line,
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_layout_gives_the_table(layout: str, tmp_path: Path) -> None:
    path = tmp_path / f"{layout}.txt"
    path.write_text(TITLE + LAYOUTS[layout]() + CLOSING, encoding="utf-8")
    raw = read_raw(path)
    assert len(raw.grids) == 1
    texts = [[cell.text for cell in row] for row in raw.grids[0].rows]
    assert texts == [HEADER, *ROWS]
    assert [p.text for p in raw.paragraphs] == ["项目支出绩效自评表", "（2024年度）",
                                                 "本表数据由项目单位填报。"]
    forms = [f for f in ingest(path).document.forms if isinstance(f, ProjectSelfEvaluation)]
    assert forms, "the indicator table is recognised"
    indicators = forms[0].indicators
    assert [i.name for i in indicators] == [row[2] for row in ROWS]
    assert [i.weight for i in indicators] == [Decimal(row[3]) for row in ROWS]
    assert [i.claimed_score for i in indicators] == [Decimal(row[6]) for row in ROWS]


def test_markdown_separator_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("| 分值 | 得分 |\n|---|---|\n| 10 | 9 |\n", encoding="utf-8")
    assert [[c.text for c in row] for row in read_raw(path).grids[0].rows] == [
        ["分值", "得分"], ["10", "9"]]


def test_prose_with_spaces_and_pipes_is_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "今年完成了  三项工作  和两次检查。\n"
        "分值  得分这两个词出现在句子里，但这一行是很长的说明文字，"
        "并不是表格的表头行，不能当成表格。\n"
        "a|b\n",
        encoding="utf-8",
    )
    raw = read_raw(path)
    assert raw.grids == [] and len(raw.paragraphs) == 3


def test_header_words_come_from_the_vocabulary(tmp_path: Path) -> None:
    """Words not in headers.yaml do not make a header, however table-like the lines."""
    path = tmp_path / "t.txt"
    path.write_text("甲栏   乙栏   丙栏\n1   2   3\n", encoding="utf-8")
    assert read_raw(path).grids == []
