"""Layouts other provinces use: other header words, column orders, merges, text exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from forms import HEADERS, Layout, layout_rows, sample_project, write_docx, write_xlsx

from jixiao.ingest import ingest
from jixiao.ingest.readers.text import read_text
from jixiao.ingest.recognize import recognize
from jixiao.model import ProjectSelfEvaluation

XINJIANG = HEADERS | {
    "weight": "权重",
    "target": "目标值",
    "actual": "业绩值",
    "claimed_score": "指标得分",
}
OTHER = HEADERS | {
    "weight": "分值权重",
    "target": "预期指标值",
    "actual": "实际完成指标值",
    "claimed_score": "自评得分",
    "rule": "评分规则",
    "deviation_note": "偏差原因",
    "name": "指标名称",
}
REORDERED = ["level1", "level2", "name", "target", "actual", "weight", "claimed_score",
             "completion", "deviation_note", "rule"]  # fmt: skip

VARIANTS = {
    "xinjiang-words": Layout(headers=XINJIANG),
    "other-words": Layout(headers=OTHER, title="项目绩效目标自评表"),
    "reordered": Layout(columns=REORDERED),
    "no-merges": Layout(merge_levels=False, block_label=False),
    "reordered-other": Layout(headers=OTHER, columns=REORDERED, merge_levels=False),
}


def _check(form: ProjectSelfEvaluation) -> None:
    expected = sample_project(2)
    assert form.name == expected.name
    assert [(i.level1, i.level2, i.name) for i in form.indicators] == [
        (i.level1, i.level2, i.name) for i in expected.indicators
    ]
    assert [i.weight for i in form.indicators] == [i.weight for i in expected.indicators]
    assert [i.target for i in form.indicators] == [i.target for i in expected.indicators]
    assert [i.actual for i in form.indicators] == [i.actual for i in expected.indicators]
    assert [i.claimed_score for i in form.indicators] == [
        i.claimed_score for i in expected.indicators
    ]
    assert form.claimed_total == expected.claimed_total


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("suffix", ["docx", "xlsx"])
def test_variant_recognized(tmp_path: Path, variant: str, suffix: str) -> None:
    path = tmp_path / f"form.{suffix}"
    (write_docx if suffix == "docx" else write_xlsx)(sample_project(2), path, VARIANTS[variant])
    forms = ingest(path).document.forms
    assert len(forms) == 1 and isinstance(forms[0], ProjectSelfEvaluation)
    _check(forms[0])


def _text_export(layout: Layout) -> str:
    """The seeds' export: one block per row, one tab-led line per printed cell."""
    _, rows = layout_rows(sample_project(2), layout)
    blocks = [layout.title, "（2024年度）", ""]
    for row in rows:
        blocks += ["\t" + text.replace("\n", "\n") for text, _, _ in row] + [""]
    return "\n".join(blocks)


@pytest.mark.parametrize("variant", ["xinjiang-words", "reordered", "no-merges"])
def test_variant_in_text_export(variant: str) -> None:
    forms = recognize(read_text(_text_export(VARIANTS[variant]), "x.txt")).document.forms
    assert len(forms) == 1 and isinstance(forms[0], ProjectSelfEvaluation)
    _check(forms[0])


def test_tab_separated_dialect_and_several_forms() -> None:
    rows = [
        "项目绩效评价评分表",
        "一级指标\t二级指标\t三级指标\t权重\t评分标准\t得分",
        "决策(20分)\t项目立项\t立项依据充分性\t5\t符合规定得5分\t5",
        "\t\t立项程序规范性\t5\t程序规范得5分\t4.5",
        "\t绩效目标\t目标明确性\t10\t明确得10分\t10",
        "合计\t\t\t20\t\t19.5",
        "",
        "项目支出绩效自评表",
        "\t项目名称\n\t示例项目甲",
    ]
    result = recognize(read_text("\n".join(rows), "x.txt"))
    scored = result.document.forms[0]
    assert scored.type == "scored_evaluation" and scored.name == "项目绩效评价评分表"
    assert [i.level2 for i in scored.indicators] == ["项目立项", "项目立项", "绩效目标"]
    assert scored.groups[0].name == "决策" and scored.groups[0].weight == 20
    assert str(scored.claimed_total) == "19.5"


def test_blank_and_placeholder_rows() -> None:
    text = "\n".join([
        "项目支出绩效自评表", "",
        "\t项目名称\n\t示例项目乙", "",
        "\t一级指标\n\t二级指标\n\t三级指标\n\t分值\n\t年度指标值\n\t实际完成值\n\t得分", "",
        "\t产出指标\n\t数量指标\n\t指标甲\n\t10\n\t>=5个\n\t6个\n\t10", "",
        "\t\n\t\n\t指标1:\n\t\n\t\n\t\n\t", "",
        "\t\n\t\n\t\n\t\n\t\n\t\n\t", "",
        "\t\n\t\n\t指标乙\n\t十分\n\t>=1次\n\t1次\n\t80&", "",
    ])  # fmt: skip
    form = recognize(read_text(text, "x.txt")).document.forms[0]
    assert isinstance(form, ProjectSelfEvaluation)
    assert [i.name for i in form.indicators] == ["指标甲", "指标1:", "指标乙"]
    bad = form.indicators[-1]
    assert bad.weight is None and bad.claimed_score is None
    assert bad.sources["weight"].text == "十分" and bad.sources["claimed_score"].text == "80&"
