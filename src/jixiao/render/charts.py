"""What the report's charts show, as data; :mod:`jixiao.render.docx_chart` writes them as
native Word charts (vector, editable in Word and WPS with their data, printed sharp).

- score by level-1 indicator (weight vs score, with the execution points first);
- execution by funding source (全年预算数 vs 全年执行数, the rate beside each source);
- weight vs score per indicator (horizontal bars, at most :data:`BARS_PER_CHART` a chart).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from jixiao.render.numbers import percent, ratio, score
from jixiao.render.view import FormView, IndicatorView

BARS_PER_CHART = 25  # a horizontal bar chart this long still fits the page at full width
WEIGHT_COLOR = "C9D3E0"
SCORE_COLOR = "2F5D8C"
BUDGET_COLOR = "C9D3E0"
EXECUTED_COLOR = "3F7F4F"
NAME_CHARS = 18
ZERO = Decimal(0)
SCORE_FORMAT = "0.00"
MONEY_FORMAT = "#,##0.00"


@dataclass(frozen=True)
class Series:
    name: str
    values: list[Decimal]
    color: str  # RRGGBB
    labels: str | None = None  # the number format of the value labels; None: no labels


@dataclass(frozen=True)
class Chart:
    title: str
    categories: list[str]
    series: list[Series]
    axis_title: str
    direction: Literal["column", "bar"] = "column"
    overlap: bool = False  # bars of a category drawn over each other (the score over its weight)

    @property
    def rows(self) -> int:
        return len(self.categories)


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def level1_chart(view: FormView) -> Chart:
    """Weight vs score per level-1 indicator (execution points first when scored)."""
    labels: list[str] = []
    weights: list[Decimal] = []
    scores: list[Decimal] = []
    execution = view.result.execution
    if execution is not None:
        labels.append("预算执行率")
        weights.append(execution.weight)
        scores.append(view.execution_score or ZERO)
    for sub in view.result.subtotals:
        labels.append(_short(sub.level1))
        weights.append(sub.weight)
        scores.append(view.subtotal(sub) or ZERO)
    return Chart(
        title=f"一级指标得分（总分 {score(view.total)} 分）",
        categories=labels,
        series=[
            Series("分值", weights, WEIGHT_COLOR, "General"),
            Series("得分", scores, SCORE_COLOR, SCORE_FORMAT),
        ],
        axis_title="分",
    )


def funding_chart(view: FormView) -> Chart | None:
    """Budget vs executed by funding source; ``None`` when the form has no amounts."""
    form = view.self_evaluation
    if form is None:
        return None
    lines = [
        line
        for line in form.funding
        if line.adjusted_budget is not None and line.executed is not None
    ]
    sources = [line for line in lines if not line.is_total and line.adjusted_budget]
    shown = sources if len(sources) > 1 else [line for line in lines if line.is_total] or lines
    if not shown:
        return None
    budgets = [line.adjusted_budget or ZERO for line in shown]
    executed = [line.executed or ZERO for line in shown]
    labels = [
        f"{_short(line.source.removeprefix('其中：').strip())}（执行率{percent(ratio(e, b))}）"
        for line, e, b in zip(shown, executed, budgets, strict=True)
    ]
    return Chart(
        title="预算执行情况（按资金来源）",
        categories=labels,
        series=[
            Series("全年预算数", budgets, BUDGET_COLOR, MONEY_FORMAT),
            Series("全年执行数", executed, EXECUTED_COLOR, MONEY_FORMAT),
        ],
        axis_title=f"金额（{form.money_unit}）",
    )


def indicator_charts(view: FormView) -> list[Chart]:
    """Weight vs score per indicator, at most :data:`BARS_PER_CHART` a chart so that a long
    form gives several charts that each fit the page."""
    items = [i for i in view.indicators_proper() if i.indicator.weight is not None]
    parts = -(-len(items) // BARS_PER_CHART)
    size = -(-len(items) // parts) if parts else 0
    return [_indicator_chart(items[n : n + size]) for n in range(0, len(items), size or 1)]


def _indicator_chart(items: list[IndicatorView]) -> Chart:
    # a bar chart lists its first category at the bottom: reversed, the form's order reads down
    ordered = items[::-1]
    return Chart(
        title="各项指标分值与得分（分）",
        categories=[_short(item.indicator.name) for item in ordered],
        series=[
            Series("分值", [item.indicator.weight or ZERO for item in ordered], WEIGHT_COLOR),
            Series("得分", [item.score or ZERO for item in ordered], SCORE_COLOR, SCORE_FORMAT),
        ],
        axis_title="分",
        direction="bar",
        overlap=True,
    )
