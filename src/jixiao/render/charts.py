"""Charts for the report (matplotlib, Agg, no pyplot state): PNG bytes.

- score by level-1 indicator (weight vs score, with the execution points first);
- execution by funding source (全年预算数 vs 全年执行数, with the rate);
- weight vs score per indicator.

Chinese text uses the font found by :func:`jixiao.render.fonts.cjk_font_family`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from jixiao.render.fonts import cjk_font_family
from jixiao.render.numbers import money, percent, ratio, score, weight
from jixiao.render.view import FormView, IndicatorView

DPI = 150
BARS_PER_CHART = 25  # a horizontal bar chart this long still fits the page at full width
WEIGHT_COLOR = "#c9d3e0"
SCORE_COLOR = "#2f5d8c"
BUDGET_COLOR = "#c9d3e0"
EXECUTED_COLOR = "#3f7f4f"
NAME_CHARS = 18
ZERO = Decimal(0)


@contextmanager
def _style() -> Iterator[None]:
    with rc_context(
        {
            "font.family": [cjk_font_family()],
            "font.size": 9,
            "axes.unicode_minus": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        yield


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1] + "…"


def _pairs(
    axes: Axes,
    labels: list[str],
    first: list[Decimal],
    second: list[Decimal],
    names: tuple[str, str],
    colors: tuple[str, str],
    texts: tuple[list[str], list[str]],
) -> None:
    positions = range(len(labels))
    bar = 0.38
    for shift, values, name, color, text in (
        (-bar / 2, first, names[0], colors[0], texts[0]),
        (bar / 2, second, names[1], colors[1], texts[1]),
    ):
        bars = axes.bar(
            [p + shift for p in positions],
            [float(v) for v in values],
            bar,
            label=name,
            color=color,
        )
        axes.bar_label(bars, labels=text, padding=2, fontsize=8)
    axes.set_xticks(
        list(positions),
        labels,
        rotation=0 if len(labels) <= 5 else 30,
        ha="center" if len(labels) <= 5 else "right",
    )
    axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    axes.margins(y=0.18)
    rotated = len(labels) > 5
    axes.figure.subplots_adjust(left=0.1, right=0.97, top=0.9, bottom=0.36 if rotated else 0.22)


def level1_chart(view: FormView) -> bytes:
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
    with _style():
        figure = Figure(figsize=(6.4, 3.4))
        axes = figure.add_subplot()
        _pairs(
            axes,
            labels,
            weights,
            scores,
            ("分值", "得分"),
            (WEIGHT_COLOR, SCORE_COLOR),
            ([weight(w) for w in weights], [score(s) for s in scores]),
        )
        axes.set_ylabel("分")
        axes.set_title(f"一级指标得分（总分 {score(view.total)} 分）")
        return _png(figure)


def funding_chart(view: FormView) -> bytes | None:
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
    labels = [_short(line.source.removeprefix("其中：").strip()) for line in shown]
    budgets = [line.adjusted_budget or ZERO for line in shown]
    executed = [line.executed or ZERO for line in shown]
    rates = [percent(ratio(e, b)) for e, b in zip(executed, budgets, strict=True)]
    with _style():
        figure = Figure(figsize=(6.4, 3.4))
        axes = figure.add_subplot()
        _pairs(
            axes,
            labels,
            budgets,
            executed,
            ("全年预算数", "全年执行数"),
            (BUDGET_COLOR, EXECUTED_COLOR),
            (
                [money(b) for b in budgets],
                [f"{money(e)}\n({r})" for e, r in zip(executed, rates, strict=True)],
            ),
        )
        axes.set_ylabel(f"金额（{form.money_unit}）")
        axes.set_title("预算执行情况（按资金来源）")
        return _png(figure)


def indicator_charts(view: FormView) -> list[bytes]:
    """Weight vs score per indicator (horizontal bars), at most :data:`BARS_PER_CHART` a
    chart so that a long form gives several charts that each fit the page."""
    items = [i for i in view.indicators_proper() if i.indicator.weight is not None]
    parts = -(-len(items) // BARS_PER_CHART)
    size = -(-len(items) // parts) if parts else 0
    return [_indicator_chart(items[n : n + size]) for n in range(0, len(items), size or 1)]


def _indicator_chart(items: list[IndicatorView]) -> bytes:
    names = [_short(item.indicator.name) for item in items][::-1]
    weights = [float(item.indicator.weight or ZERO) for item in items][::-1]
    scores = [float(item.score or ZERO) for item in items][::-1]
    with _style():
        height = max(2.4, 0.28 * len(items) + 1.2)
        figure = Figure(figsize=(6.4, height))
        longest = max(len(name) for name in names)
        figure.subplots_adjust(
            left=min(0.45, 0.04 + 0.021 * longest),
            right=0.95,
            top=1 - 0.45 / height,
            bottom=0.75 / height,
        )
        axes = figure.add_subplot()
        positions = list(range(len(items)))
        axes.barh(positions, weights, 0.7, color=WEIGHT_COLOR, label="分值")
        bars = axes.barh(positions, scores, 0.42, color=SCORE_COLOR, label="得分")
        axes.bar_label(
            bars, labels=[score(item.score) for item in items][::-1], padding=3, fontsize=7
        )
        axes.set_yticks(positions, names, fontsize=8)
        axes.set_title("各项指标分值与得分（分）")
        axes.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=2)
        axes.margins(x=0.12)
        return _png(figure)
