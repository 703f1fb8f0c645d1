"""Plain-text tables in the three layouts page texts arrive in (rows invented here)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.assessment import assess
from jixiao.audit.framework import Finding
from jixiao.ingest import ingest, read_raw
from jixiao.model import Document, ProjectSelfEvaluation
from jixiao.rules.infer import resolve_pack

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


# Flattened rows whose merged cells were left out, as page texts print a form: the level
# cells only where a group begins, the 偏差原因 cell only where one was written, and a side
# label (``绩效指标``) in the header alone.
MERGED_HEADER = (
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
)
MERGED_ROWS = [
    "产出指标(60分) 数量指标 修缮校舍面积 ≥3000平方米 3200平方米 20 20",
    "质量指标 工程验收合格率 100% 100% 20 20",
    "时效指标 按期完工率 ≥95% 90% 20 18 雨季停工两周，已调整工期",
    "效益指标(30分) 社会效益指标 学生安全隐患下降 明显下降 明显下降 30 30",
    "满意度指标(10分) 满意度指标 师生满意度 ≥90% 93% 10 10",
]


def _levels_and_points(form: ProjectSelfEvaluation) -> list[tuple[object, ...]]:
    return [(i.level1, i.level2, i.name, i.weight, i.claimed_score) for i in form.indicators]


def _findings(document: Document) -> list[Finding]:
    pack, _ = resolve_pack("auto", document)
    return assess(document, pack).findings


def _merged_form(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "merged.txt"
    path.write_text(TITLE + "\n".join([MERGED_HEADER, *rows]) + CLOSING, encoding="utf-8")
    return path


def test_flattened_rows_with_merged_cells_fall_under_their_columns(tmp_path: Path) -> None:
    forms = ingest(_merged_form(tmp_path, MERGED_ROWS)).document.forms
    form = next(f for f in forms if isinstance(f, ProjectSelfEvaluation))
    assert _levels_and_points(form) == [
        ("产出指标", "数量指标", "修缮校舍面积", Decimal(20), Decimal(20)),
        ("产出指标", "质量指标", "工程验收合格率", Decimal(20), Decimal(20)),
        ("产出指标", "时效指标", "按期完工率", Decimal(20), Decimal(18)),
        ("效益指标", "社会效益指标", "学生安全隐患下降", Decimal(30), Decimal(30)),
        ("满意度指标", "满意度指标", "师生满意度", Decimal(10), Decimal(10)),
    ]
    assert form.indicators[2].deviation_note == "雨季停工两周，已调整工期"
    assert (form.indicators[0].target, form.indicators[0].actual) == ("≥3000平方米", "3200平方米")


def test_findings_on_placed_columns_are_warnings(tmp_path: Path) -> None:
    """The placement is a guess: a group whose rows fall short of its printed weight is
    reported, but as a warning that says why it is uncertain."""
    rows = [MERGED_ROWS[0].replace("(60分)", "(70分)"), *MERGED_ROWS[1:]]
    document = ingest(_merged_form(tmp_path, rows)).document
    findings = [f for f in _findings(document) if f.code == "JX101"]
    assert findings, "the 70-point group holding 60 points is reported"
    assert all(f.severity.value != "error" for f in findings)


# A web page's table converted to text: cells between " | ", no leading pipe, trailing empty
# cells as a run of pipes, merged cells (the side labels, a group's level cell) left out.
WEB_TEXT = """部门整体支出绩效自评表 | |||||||
部门(单位)名称 | 某县文化馆 | ||||||
部门(单位)总体资金(万元) | 资金来源 | 年初预算数 | 全年执行数 | 分值 | 得分 | |
年度资金总额 | 500.00 | 480.00 | 10 | 9.60 | ||
基本支出 | 300.00 | 290.00 |
项目支出 | 200.00 | 190.00 |
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年实际值 | 分值 | 得分 | 偏差原因
产出指标(50分) | 数量指标 | 公益演出场次 | ≥40场 | 42场 | 25 | 25 |
质量指标 | 观众满意率 | ≥90% | 95% | 25 | 25 |
效益指标(30分) | 社会效益指标 | 惠及群众人次 | ≥2万人次 | 2.3万人次 | 30 | 30 |
满意度指标(10分) | 满意度指标 | 群众满意度 | ≥90% | 92% | 10 | 10 |
总分 | 100 | 99.60 |
"""


def test_web_page_pipe_text_reads_as_the_form(tmp_path: Path) -> None:
    path = tmp_path / "web.txt"
    path.write_text(WEB_TEXT, encoding="utf-8")
    document = ingest(path).document
    form = next(f for f in document.forms if f.indicators)  # type: ignore[attr-defined]
    assert _levels_and_points(form) == [
        ("产出指标", "数量指标", "公益演出场次", Decimal(25), Decimal(25)),
        ("产出指标", "质量指标", "观众满意率", Decimal(25), Decimal(25)),
        ("效益指标", "社会效益指标", "惠及群众人次", Decimal(30), Decimal(30)),
        ("满意度指标", "满意度指标", "群众满意度", Decimal(10), Decimal(10)),
    ]
    assert form.claimed_total == Decimal("99.60")
    funding = form.total_funding
    assert funding is not None
    assert (funding.initial_budget, funding.executed) == (Decimal("500.00"), Decimal("480.00"))
    findings = _findings(document)
    assert not [f for f in findings if f.severity.value == "error"], findings


def test_a_row_longer_than_its_header_makes_its_findings_warnings(tmp_path: Path) -> None:
    """"年度资金支付 完成率" split at its space: the row has one cell too many, its columns are
    a guess, and the score it seems to break is reported as a warning, not an error."""
    header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分"
    rows = [
        "产出指标 数量指标 修缮校舍面积 ≥3000平方米 3200平方米 50 50",
        "产出指标 时效指标 年度资金支付 完成率 100% 100% 40 40",
        "满意度指标 满意度指标 师生满意度 ≥90% 93% 10 10",
    ]
    path = tmp_path / "long.txt"
    path.write_text(TITLE + "\n".join([header, *rows]) + CLOSING, encoding="utf-8")
    findings = _findings(ingest(path).document)
    assert findings, "the misread row is not passed silently"
    assert all(f.severity.value != "error" for f in findings), findings
