"""Synthetic forms (no seed prose) and writers that lay them out like real Word/Excel forms:
merged block labels, merged level cells, a total row spanning the level columns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from jixiao.model import FundingLine, Indicator, IndicatorGroup, ProjectSelfEvaluation

D = Decimal
INDICATOR_COLUMNS = [
    "level1",
    "level2",
    "name",
    "weight",
    "target",
    "actual",
    "completion",
    "claimed_score",
    "rule",
    "deviation_note",
]
HEADERS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "weight": "分值",
    "target": "年度指标值",
    "actual": "实际完成值",
    "completion": "完成率",
    "claimed_score": "得分",
    "rule": "赋分规则",
    "deviation_note": "偏差原因分析及改进措施",
}


def sample_project(n: int = 0) -> ProjectSelfEvaluation:
    """A filled project form; ``n`` varies names and figures."""
    rows = [
        (
            "产出指标",
            "数量指标",
            f"培训班次{n}",
            "20",
            ">=12期",
            "14期",
            "116.67%",
            "18.50",
            "按完成比例赋分",
            "超额因需求增加",
        ),
        (
            "产出指标",
            "数量指标",
            "受训人数",
            "10",
            "≥600人",
            "640人",
            "106.67%",
            "9.33",
            "按完成比例赋分",
            None,
        ),
        (
            "产出指标",
            "质量指标",
            "结业合格率",
            "10",
            ">=95%",
            "97.5%",
            "102.63%",
            "10",
            "按评判等级赋分",
            None,
        ),
        (
            "产出指标",
            "时效指标",
            "完成时间",
            "10",
            "2024年11月底前",
            "2024年11月20日",
            "100%",
            "10",
            "直接赋分",
            None,
        ),
        (
            "效益指标",
            "社会效益指标",
            "技能提升效果",
            "30",
            "明显提升",
            "达到预期",
            "100%",
            "30",
            "按评判等级赋分",
            None,
        ),
        (
            "满意度指标",
            "服务对象满意度指标",
            "学员满意度",
            "10",
            ">=90%",
            "93.20%",
            "103.56%",
            "9.60",
            "满意度赋分",
            None,
        ),
    ]
    indicators = [
        Indicator(
            level1=a,
            level2=b,
            name=c,
            weight=D(w),
            target=t,
            actual=x,
            completion=p,
            claimed_score=D(s),
            rule=r,
            deviation_note=dev,
        )
        for a, b, c, w, t, x, p, s, r, dev in rows
    ]
    return ProjectSelfEvaluation(
        name=f"职业技能提升专项{n}",
        department="某市人力资源和社会保障局",
        unit="某市职业技能鉴定中心",
        year=2024,
        funding=[
            FundingLine(
                source="年度资金总额",
                is_total=True,
                initial_budget=D("120.00"),
                adjusted_budget=D("1150.50"),
                executed=D(f"{1100 + n}.25"),
            ),
            FundingLine(
                source="其中：当年财政拨款",
                initial_budget=D("100.00"),
                adjusted_budget=D("1130.50"),
                executed=D(f"{1080 + n}.25"),
            ),
            FundingLine(
                source="上年结转资金",
                initial_budget=D("20.00"),
                adjusted_budget=D("20.00"),
                executed=D("20.00"),
            ),
        ],
        execution_weight=D("10"),
        claimed_execution_rate="95.68%",
        claimed_execution_score=D("9.57"),
        goal_expected="全年开展职业技能培训不少于12期，提升劳动者技能水平。",
        goal_actual="全年开展培训14期，640人结业。",
        indicators=indicators,
        groups=[
            IndicatorGroup(level=1, name="产出指标", weight=D("50")),
            IndicatorGroup(level=1, name="效益指标", weight=D("30")),
            IndicatorGroup(level=1, name="满意度指标", weight=D("10")),
        ],
        claimed_total=D("97.43"),
        total_weight=D("100"),
    )


@dataclass
class Layout:
    """How a form is printed: header words, column order, merges."""

    headers: dict[str, str] = field(default_factory=lambda: dict(HEADERS))
    columns: list[str] = field(default_factory=lambda: list(INDICATOR_COLUMNS))
    block_label: bool = True
    merge_levels: bool = True
    title: str = "项目支出绩效自评表"


# A laid-out form: rows of (text, colspan, vmerge) with vmerge in {None, "restart", "continue"}.
Spec = list[list[tuple[str, int, str | None]]]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def layout_rows(form: ProjectSelfEvaluation, layout: Layout) -> tuple[int, Spec]:
    lead = 1 if layout.block_label else 0
    width = lead + len(layout.columns)
    rows: Spec = []
    rows.append([("项目名称", 2, None), (form.name, width - 2, None)])
    half = (width - 4) // 2
    rows.append(
        [
            ("主管部门", 2, None),
            (_text(form.department), half, None),
            ("实施单位", 2, None),
            (_text(form.unit), width - 4 - half, None),
        ]
    )
    funding_head = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    rest = width - 4 - len(funding_head) + 1
    rows.append(
        [("项目资金（万元）", 2, "restart"), ("资金来源", 2, None)]
        + [(h, 1, None) for h in funding_head[:-1]]
        + [(funding_head[-1], rest, None)]
    )
    for line in form.funding:
        total = line.is_total
        execution = (
            [
                _text(form.execution_weight),
                _text(form.claimed_execution_rate),
                _text(form.claimed_execution_score),
            ]
            if total
            else ["—", "—", "—"]
        )
        amounts = [_text(line.initial_budget), _text(line.adjusted_budget), _text(line.executed)]
        cells = [("", 2, "continue"), (line.source, 2, None)] + [(a, 1, None) for a in amounts]
        cells += [(execution[0], 1, None), (execution[1], 1, None), (execution[2], rest, None)]
        rows.append(cells)
    left = (width - 2) // 2
    rows.append(
        [
            ("年度总体目标", 2, "restart"),
            ("预期目标", left, None),
            ("实际完成情况", width - 2 - left, None),
        ]
    )
    rows.append(
        [
            ("", 2, "continue"),
            (_text(form.goal_expected), left, None),
            (_text(form.goal_actual), width - 2 - left, None),
        ]
    )
    header = [(layout.headers[c], 1, None) for c in layout.columns]
    rows.append(([("绩效指标", 1, "restart")] if lead else []) + header)
    groups = {g.name: g.weight for g in form.groups if g.level == 1}
    previous: tuple[str | None, str | None] = (None, None)
    for ind in form.indicators:
        cells: list[tuple[str, int, str | None]] = [("", 1, "continue")] if lead else []
        for col in layout.columns:
            value = getattr(ind, col)
            vmerge = None
            if col == "level1":
                value = (
                    f"{ind.level1}（{groups[ind.level1]}分）"
                    if ind.level1 in groups
                    else ind.level1
                )
                if layout.merge_levels:
                    vmerge = "continue" if previous[0] == ind.level1 else "restart"
            if col == "level2" and layout.merge_levels:
                vmerge = "continue" if previous == (ind.level1, ind.level2) else "restart"
            if vmerge == "continue":
                value = ""
            cells.append((_text(value), 1, vmerge))
        previous = (ind.level1, ind.level2)
        rows.append(cells)
    levels = sum(c in ("level1", "level2", "name") for c in layout.columns[:3])
    total: list[tuple[str, int, str | None]] = [("总分", lead + levels, None)]
    for col in layout.columns[levels:]:
        value = {"weight": form.total_weight, "claimed_score": form.claimed_total}.get(col)
        total.append((_text(value), 1, None))
    rows.append(total)
    return width, rows


def write_docx(form: ProjectSelfEvaluation, path: Path, layout: Layout | None = None) -> None:
    layout = layout or Layout()
    width, rows = layout_rows(form, layout)
    document = docx.Document()
    document.add_paragraph(layout.title)
    document.add_paragraph(f"（{form.year}年度）")
    table = document.add_table(rows=len(rows), cols=width)
    for tr, spec in zip(table.rows, rows, strict=True):
        tcs = tr._tr.tc_lst
        for tc in tcs[len(spec) :]:  # one <w:tc> per printed cell, wide ones with gridSpan
            tr._tr.remove(tc)
        for _ in range(len(spec) - len(tcs)):
            tr._tr.append(OxmlElement("w:tc"))
        for tc, (text, span, vmerge) in zip(tr._tr.tc_lst, spec, strict=True):
            props = tc.get_or_add_tcPr()
            if span > 1:
                grid_span = OxmlElement("w:gridSpan")
                grid_span.set(qn("w:val"), str(span))
                props.append(grid_span)
            if vmerge:
                merge = OxmlElement("w:vMerge")
                if vmerge == "restart":
                    merge.set(qn("w:val"), "restart")
                props.append(merge)
            for p in tc.findall(qn("w:p")):
                tc.remove(p)
            p = OxmlElement("w:p")
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
            p.append(run)
            tc.append(p)
    document.add_paragraph("填表说明：本表由项目单位填写。")
    document.save(str(path))


_NUMBER_RE = re.compile(r"^\d+(?:\.(\d+))?(%?)$")


def _set_value(cell: Any, text: str) -> None:
    """Numbers go into Excel as numbers with a format that prints them as they were."""
    match = _NUMBER_RE.match(text)
    if not match:
        cell.value = text or None
        return
    places = len(match.group(1) or "")
    code = "0" + ("." + "0" * places if places else "")
    number = Decimal(text.rstrip("%"))
    if match.group(2):
        cell.value, cell.number_format = float(number / 100), code + "%"
    else:
        cell.value = int(number) if places == 0 else float(number)
        cell.number_format = code


def write_xlsx(form: ProjectSelfEvaluation, path: Path, layout: Layout | None = None) -> None:
    layout = layout or Layout()
    width, rows = layout_rows(form, layout)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目自评表"
    sheet.cell(1, 1, layout.title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(2, 1, f"（{form.year}年度）")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    open_merges: dict[int, tuple[int, int]] = {}  # column → (first row, colspan)

    def close(col: int, last: int) -> None:
        start, span = open_merges.pop(col)
        if last > start or span > 1:
            sheet.merge_cells(
                start_row=start, start_column=col, end_row=last, end_column=col + span - 1
            )

    for r, spec in enumerate(rows, 3):
        col = 1
        for text, span, vmerge in spec:
            if vmerge == "continue":
                col += span
                continue
            if col in open_merges:
                close(col, r - 1)
            _set_value(sheet.cell(r, col), text)
            if vmerge == "restart":
                open_merges[col] = (r, span)
            elif span > 1:
                sheet.merge_cells(
                    start_row=r, start_column=col, end_row=r, end_column=col + span - 1
                )
            col += span
    for col in list(open_merges):
        close(col, 2 + len(rows))
    book.save(str(path))


def without_sources(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: without_sources(v) for k, v in data.items() if k != "sources"}
    if isinstance(data, list):
        return [without_sources(v) for v in data]
    return data
