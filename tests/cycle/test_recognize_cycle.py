"""Published declaration and monitoring forms are recognised from .docx, .xlsx and .txt."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sheets import FIXTURES, WRITERS, load

from jixiao.ingest import ingest
from jixiao.model import (
    DepartmentTargetDeclaration,
    Form,
    PerformanceMonitoring,
    TargetDeclaration,
)


def _only_form(layout: dict[str, Any], fmt: str, tmp_path: Path) -> Form:
    """The one form read back from ``layout`` written as a real ``fmt`` file."""
    path = tmp_path / f"form.{fmt}"
    WRITERS[fmt](layout, path)
    [form] = ingest(path).document.forms
    return form


def _read(name: str, fmt: str, tmp_path: Path) -> tuple[dict[str, object], object, object]:
    form = load(name)
    path = tmp_path / f"form.{fmt}"
    WRITERS[fmt](form, path)
    result = ingest(path)
    kinds = [f.type for f in result.document.forms]
    expect = form["expect"]
    assert kinds == [expect["type"]], kinds
    return expect, result.document.forms[0], result


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_huangshi_monitoring(fmt: str, tmp_path: Path) -> None:
    expect, form, result = _read("huangshi_2019_monitoring.yaml", fmt, tmp_path)
    assert isinstance(form, PerformanceMonitoring)
    for field in ("name", "department", "unit", "year", "month"):
        assert getattr(form, field) == expect[field], field
    lines = [(f.source, f.is_total, f.initial_budget, f.executed) for f in form.funding]
    assert lines == [(e["source"], e["is_total"], Decimal(e["initial_budget"]),
                      Decimal(e["executed"])) for e in expect["funding"]]  # fmt: skip
    assert len(form.indicator_rows) == expect["indicators"]
    assert [i.likelihood for i in form.indicator_rows] == expect["likelihoods"]
    cost = form.indicator_rows[2]
    assert (cost.level1, cost.name, cost.target) == ("产出指标", "成本", "年度预算220万元")
    assert cost.sources["target"].table == 1
    assert all(report.recognized for report in result.tables)  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_batang_declaration(fmt: str, tmp_path: Path) -> None:
    expect, form, _ = _read("ningxiang_batang_2021_declaration.yaml", fmt, tmp_path)
    assert isinstance(form, TargetDeclaration)
    for field in ("name", "department", "unit", "attribute", "year"):
        assert getattr(form, field) == expect[field], field
    lines = [(f.source, f.is_total, f.is_sub, f.amount) for f in form.funding]
    assert lines == [(e["source"], e["is_total"], e["is_sub"], Decimal(e["amount"]))
                     for e in expect["funding"]]  # fmt: skip
    periods = [i.period for i in form.indicator_rows]
    assert periods.count("long_term") == expect["long_term"]
    assert periods.count("annual") == expect["annual"]
    social = [i for i in form.indicator_rows if i.name == "68"]
    assert social and social[0].level1 == "效益指标" and social[0].level2 == "社会效益指标"
    assert form.long_term_goal and form.annual_goal
    assert any(u.subject == "funding" for u in form.uncertain)  # amounts read from a sentence


# The layout of the national template (财预〔2019〕136号 监控表): causes and likelihood as
# columns of ticks under their group headers; figures made up for the test.
TICKS = {
    "title": "项目支出绩效目标执行监控表",
    "year_line": "（2024年度）",
    "rows": [
        ["项目名称", "乡村道路养护", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<", "<"],
        ["项目资金（万元）", "<", "<", "年初预算数", "<", "1-7月执行数", "<", "1-7月执行率",
         "<", "全年预计执行数", "<", "<", "<", "<"],
        ["年度资金总额", "<", "<", "500", "<", "150", "<", "30%", "<", "480", "<", "<", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况",
         "偏差原因分析", "<", "<", "<", "完成目标可能性", "<", "<", "整改措施"],
        ["^", "^", "^", "^", "^", "^", "经费保障", "制度保障", "人员保障", "硬件条件保障",
         "确定能", "有可能", "完全不可能", "^"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "30公里", "100公里", "√", "", "", "",
         "", "√", "", ""],
        ["^", "时效指标", "完工时间", "2024年11月底前", "未开工", "2024年12月", "", "", "", "",
         "", "", "√", ""],
    ],
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_national_template_ticks(fmt: str, tmp_path: Path) -> None:
    form = _only_form(TICKS, fmt, tmp_path)
    assert isinstance(form, PerformanceMonitoring)
    assert (form.name, form.year, form.month) == ("乡村道路养护", 2024, 7)
    [total] = form.funding
    assert (total.is_total, total.initial_budget, total.executed, total.forecast) == (
        True, Decimal(500), Decimal(150), Decimal(480))
    assert total.claimed_rate == "30%"
    first, second = form.indicator_rows
    assert (first.level2, first.name, first.to_date, first.forecast) == (
        "数量指标", "养护里程", "30公里", "100公里")
    assert first.causes == {"经费保障": "√"} and first.likelihood == "有可能"
    assert second.level1 == "产出指标" and second.likelihood == "完全不可能"


def test_self_evaluation_is_left_to_the_engine(tmp_path: Path) -> None:
    rows = [["项目名称", "示例", "<", "<", "<"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            ["产出指标", "数量指标", "培训人数", "≥100人", "100人"]]  # fmt: skip
    path = tmp_path / "self.docx"
    WRITERS["docx"]({"title": "项目支出绩效自评表", "rows": rows}, path)
    kinds = [f.type for f in ingest(path).document.forms]
    assert kinds == ["project_self_evaluation"]


def test_blank_self_evaluation_under_its_title_is_not_a_declaration(tmp_path: Path) -> None:
    """A self-evaluation printed with its indicator grid only (no actuals yet) is still a
    self-evaluation: its title says so, and its funding block prints 全年执行数."""
    rows = [["项目名称", "示例项目", "<", "<", "<"],
            ["项目资金（元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["年度资金总额", "20000.00", "20000.00", "9034", "45.17%"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "<"],
            ["产出指标", "数量指标", "经费使用率", "", "<"]]  # fmt: skip
    for fmt, writer in WRITERS.items():
        path = tmp_path / f"blank.{fmt}"
        writer({"title": "财政项目支出绩效自评表", "year_line": "（2022年度）", "rows": rows},
               path)
        kinds = {f.type for f in ingest(path).document.forms}
        assert not kinds & {"target_declaration", "performance_monitoring"}, (fmt, kinds)


def test_no_corpus_document_is_taken_for_a_cycle_form() -> None:
    from helpers import shared_dir

    shared = shared_dir()
    if shared is None or not (shared / "corpus").is_dir():
        pytest.skip("../shared/corpus 不存在")
    for path in sorted((shared / "corpus").glob("*.docx")):
        kinds = {f.type for f in ingest(path).document.forms}
        assert not kinds & {"target_declaration", "performance_monitoring"}, path.name


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_guangxi_template_names_indicators_in_the_second_level(fmt: str, tmp_path: Path) -> None:
    expect, form, _ = _read("guangxi_2021_declaration_template.yaml", fmt, tmp_path)
    assert isinstance(form, TargetDeclaration)
    for field in ("name", "department", "unit", "year"):
        assert getattr(form, field) == expect[field], field
    got = [(i.level1, i.name, i.weight, i.target, i.level2) for i in form.indicator_rows]
    assert got == [(e["level1"], e["name"], Decimal(e["weight"]), e["target"], None)
                   for e in expect["indicators"]]  # fmt: skip
    assert all(i.explanation for i in form.indicator_rows)  # 指标内容 kept as the explanation
    assert all(line.amount is None for line in form.funding)  # blank in the template


DEPARTMENT_FIXTURES = sorted(p.name for p in FIXTURES.glob("*_department_targets.yaml"))


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("name", DEPARTMENT_FIXTURES)
def test_published_department_targets(name: str, fmt: str, tmp_path: Path) -> None:
    expect, form, _ = _read(name, fmt, tmp_path)
    assert isinstance(form, DepartmentTargetDeclaration)
    assert (form.name, form.year) == (expect["name"], expect["year"])
    assert [(f.source, f.is_total, f.amount) for f in form.funding] == [
        (e["source"], e["is_total"], Decimal(e["amount"])) for e in expect.get("funding", [])]
    assert [(f.source, f.amount) for f in form.spending] == [
        (e["source"], Decimal(e["amount"])) for e in expect.get("spending", [])]
    assert len(form.tasks) == expect.get("tasks", 0)
    assert len(form.indicator_rows) == expect["indicators"]
    assert (form.annual_goal or "").startswith(expect["annual_goal_starts"])
    assert all(row.target for row in form.indicator_rows)


def test_level_less_grid_composes_comparator_value_and_unit(tmp_path: Path) -> None:
    """指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值: the target is read as one text."""
    _, form, _ = _read("banan_yipin_2022_department_targets.yaml", "xlsx", tmp_path)
    assert isinstance(form, DepartmentTargetDeclaration)
    targets = {row.name: (row.target, row.weight) for row in form.indicator_rows}
    assert targets["农村公路养护里程"] == ("=125公里", Decimal(10))
    assert targets["服务对象满意度"] == ("95%", Decimal(5))  # no comparator printed
    assert targets["基层组织建设办公阵地和干部人才保障有效性"][0] == "有效保障"
    assert sum(weight for _, weight in targets.values() if weight) == 100


# The layout of 部门整体支出绩效目标申报表 in several provinces' templates: the year's main
# tasks with 总额 | 财政拨款 | 其他资金 under 预算金额 and a 金额合计 row; figures made up.
TASKS = {
    "title": "部门（单位）整体支出绩效目标申报表",
    "year_line": "（2025年度）",
    "rows": [
        ["部门（单位）名称", "某市文化和旅游局", "<", "<", "<", "<"],
        ["年度预算申请", "资金总额：1200", "<", "基本支出：750", "项目支出：450", "<"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）", "<", "<"],
        ["^", "^", "^", "总额", "财政拨款", "其他资金"],
        ["^", "公共文化服务", "免费开放场馆运行", "300", "280", "20"],
        ["^", "文物保护", "文物修缮与安防", "150", "150", "0"],
        ["金额合计", "<", "<", "450", "430", "20"],
        ["年度总体目标", "完成公共文化服务与文物保护任务", "<", "<", "<", "<"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "<"],
        ["^", "产出指标", "数量指标", "免费开放场馆数", "≥12个", "<"],
        ["^", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "<"],
    ],
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_department_tasks_with_split_amounts(fmt: str, tmp_path: Path) -> None:
    form = _only_form(TASKS, fmt, tmp_path)
    assert isinstance(form, DepartmentTargetDeclaration)
    assert [(t.name, t.amount, t.fiscal, t.other) for t in form.tasks] == [
        ("公共文化服务", 300, 280, 20), ("文物保护", 150, 150, 0)]
    assert form.tasks_total == 450
    assert [(f.source, f.amount) for f in form.funding] == [("资金总额", 1200)]
    assert [(f.source, f.amount) for f in form.spending] == [("基本支出", 750), ("项目支出", 450)]
    assert [row.name for row in form.indicator_rows] == ["免费开放场馆数", "群众满意度"]


# Shanghai's layout: the project's cumulative 项目资金总额 beside the year's request; figures
# made up for the test.
SHANGHAI = {
    "title": "上海市市级项目绩效目标申报表",
    "year_line": "（2025年度）",
    "rows": [
        ["项目名称", "社区养老服务设施改造", "<", "<"],
        ["项目资金总额", "2400", "年度资金申请总额", "800"],
        ["其中：财政拨款", "750", "其他资金", "50"],
        ["年度目标", "完成12个养老服务站改造", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "改造养老服务站", "≥12个"],
        ["效益指标", "社会效益指标", "服务老人人次", "≥3万人次"],
    ],
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_cumulative_total_beside_the_years_request(fmt: str, tmp_path: Path) -> None:
    form = _only_form(SHANGHAI, fmt, tmp_path)
    assert isinstance(form, TargetDeclaration)
    total = form.total_funding
    assert total is not None
    assert (total.source, total.amount, total.cumulative) == ("年度资金申请总额", 800, 2400)
    assert {"amount", "cumulative"} <= total.sources.keys()
    assert [(f.source, f.amount) for f in form.funding if not f.is_total] == [
        ("财政拨款", 750), ("其他资金", 50)]


# A declaration with its 成本测算 and the review blocks at its foot (the layout of several
# provinces' templates); figures made up for the test.
COSTS = {
    "title": "项目支出绩效目标申报表",
    "year_line": "（2025年度）",
    "rows": [
        ["项目名称", "智慧校园设备更新", "<", "<"],
        ["资金总额", "160", "<", "<"],
        ["其中：财政拨款", "160", "<", "<"],
        ["成本构成", "测算金额（万元）", "测算依据", "<"],
        ["设备购置", "120", "交互式教学一体机40台×3万元", "<"],
        ["安装调试", "30", "按设备款的25%计", "<"],
        ["教师培训", "10", "200人次×500元", "<"],
        ["合计", "160", "", "<"],
        ["年度目标", "更新40间教室的教学设备", "<", "<"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "更新教学一体机", "≥40台"],
        ["效益指标", "社会效益指标", "受益学生", "≥2000人"],
        ["主管部门审核意见", "同意申报。审核人：张某 日期：2025年1月8日", "<", "<"],
        ["财政部门审核意见", "", "<", "<"],
    ],
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_cost_breakdown_and_review_blocks(fmt: str, tmp_path: Path) -> None:
    form = _only_form(COSTS, fmt, tmp_path)
    assert isinstance(form, TargetDeclaration)
    assert [(c.name, c.amount) for c in form.cost_items] == [
        ("设备购置", 120), ("安装调试", 30), ("教师培训", 10)]
    assert form.cost_items[1].basis == "按设备款的25%计"
    assert form.cost_total == 160 and form.sources["cost_total"].table == 1
    assert [row.name for row in form.indicator_rows] == ["更新教学一体机", "受益学生"]
    # The opinion is kept as every cell text is, without its spaces.
    assert [(r.body, r.opinion) for r in form.reviews] == [
        ("主管部门审核意见", "同意申报。审核人：张某日期：2025年1月8日"),
        ("财政部门审核意见", None),
    ]
