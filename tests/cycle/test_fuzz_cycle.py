"""The cycle recognizers never fail on odd tables: random grids of header words, figures,
ticks and blanks, merged at random, give a form or nothing, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest.grid import Cell, Grid, RawDocument, TextBlock
from jixiao.ingest.recognize import recognize

WORDS = ["项目名称", "资金总额", "财政拨款", "其他资金", "年初预算数", "1-7月执行数", "执行率",
         "全年预计执行数", "一级指标", "二级指标", "三级指标", "指标值", "年度指标值",
         "1-7月执行情况", "全年预计完成情况", "偏差原因分析", "经费保障", "完成目标可能性",
         "确定能", "有可能", "完全不可能", "是否需要整改", "整改措施", "长期目标", "年度目标",
         "产出指标", "数量指标", "√", "是", "", "—", "0", "120.5", "≥95%", "30公里",
         "总额10.5万元财政拨款：8万元其他：2.5万元", "绩效目标申报表",
         "绩效运行监控表", "部门（单位）名称", "基本支出", "项目支出", "62.5%", "年度主要任务",
         "任务名称", "主要内容", "预算金额", "财政拨款", "金额合计", "指标名称", "指标权重",
         "计量单位", "指标性质", "=", "成本构成", "测算金额", "测算依据", "合计",
         "主管部门审核意见", "项目资金总额", "年度资金申请总额", "*指标值"]  # fmt: skip

cells = st.tuples(st.sampled_from(WORDS), st.integers(1, 2), st.integers(1, 3))


@st.composite
def grids(draw: st.DrawFn) -> Grid:
    rows: list[list[Cell]] = []
    for r in range(1, draw(st.integers(1, 12)) + 1):
        col, row = 1, []
        for text, rowspan, colspan in draw(st.lists(cells, min_size=1, max_size=6)):
            row.append(Cell(text, r, col, rowspan=rowspan, colspan=colspan))
            col += colspan
        rows.append(row)
    return Grid(1, rows, positional=draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids(), st.sampled_from(["", "项目支出绩效目标申报表", "绩效运行监控表（1-6月）",
                                 "部门（单位）整体支出绩效目标表"]))
def test_random_tables_never_fail(grid: Grid, title: str) -> None:
    blocks: list[TextBlock | Grid] = [TextBlock(1, title)] if title else []
    result = recognize(RawDocument("fuzz.docx", "docx", [*blocks, grid]))
    assert len(result.tables) == 1
    for form in result.document.forms:
        assert form.name
