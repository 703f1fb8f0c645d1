"""Apply a rule pack to a document: per indicator, per group, total and grade.

Every computed value sits beside the claimed one. Indicator scores are rounded half-up at
the pack's precision and then summed (the practice of the provincial systems), so totals
are reproducible from what a form prints.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.decimals import agrees, round_half_up, truncate
from jixiao.model.document import Document, Form
from jixiao.model.evaluation import EvaluationBase, Indicator, SelfEvaluationBase
from jixiao.model.survey import Questionnaire
from jixiao.rules.kinds.execution import execution_points
from jixiao.rules.pack import Pack
from jixiao.rules.registry import RuleInput, RuleResult, Status, get_rule
from jixiao.scoring.results import (
    DocumentResult,
    ExecutionResult,
    FormResult,
    IndicatorResult,
    SubtotalResult,
    SurveyResult,
)
from jixiao.scoring.survey import score_questionnaire

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def _round(pack: Pack, value: Decimal) -> Decimal:
    places = pack.rounding.places
    return (
        truncate(value, places)
        if pack.rounding.mode == "truncate"
        else round_half_up(value, places)
    )


# Which rule applies depends only on these indicator fields; matching a pack's regular
# expressions is the engine's hottest path, so the answer is remembered per pack. The pack
# is kept in the entry so that its id cannot be reused while the entry exists.
_RULE_CACHE: dict[int, tuple[Pack, dict[tuple[object, ...], tuple[str, dict[str, Any]]]]] = {}
_RULE_CACHE_SIZE = 65_536


def _rule_for(pack: Pack, form_type: str, indicator: Indicator) -> tuple[str, dict[str, Any]]:
    if indicator.rule_kind:
        return pack.rule_for(form_type, indicator)
    key = (
        form_type,
        indicator.level1,
        indicator.level2,
        indicator.name,
        indicator.rule,
        indicator.target_quantity.kind,
    )
    entry = _RULE_CACHE.get(id(pack))
    if entry is None:
        entry = _RULE_CACHE[id(pack)] = (pack, {})
    remembered = entry[1]
    found = remembered.get(key)
    if found is None:
        if len(remembered) >= _RULE_CACHE_SIZE:
            remembered.clear()
        found = remembered[key] = pack.rule_for(form_type, indicator)
    return found


def _apply_rule(pack: Pack, form_type: str, indicator: Indicator) -> tuple[str, RuleResult]:
    kind, params = _rule_for(pack, form_type, indicator)
    data = RuleInput(
        weight=indicator.weight or ZERO,
        target=indicator.target_quantity,
        actual=indicator.actual_quantity,
        claimed_score=indicator.claimed_score,
        params=params,
        rule_text=indicator.rule or "",
        points_text=indicator.points or "",
    )
    result = get_rule(kind).function(data)
    if result.status is Status.NOT_COMPUTABLE and kind != pack.fallback_kind:
        fallback = get_rule(pack.fallback_kind).function(data)
        if fallback.status is not Status.NOT_COMPUTABLE:
            return pack.fallback_kind, fallback
    return kind, result


def score_indicator(
    pack: Pack, form_type: str, index: int, indicator: Indicator
) -> IndicatorResult:
    base = {
        "index": index,
        "code": indicator.code,
        "level1": indicator.level1,
        "level2": indicator.level2,
        "name": indicator.name,
        "weight": indicator.weight,
        "target": indicator.target,
        "actual": indicator.actual,
        "claimed_completion": indicator.completion,
        "claimed_score": indicator.claimed_score,
    }
    if not indicator.applicable:
        computed = indicator.weight if pack.not_applicable == "full_marks" else None
        return IndicatorResult(
            **base,
            rule_kind="not_applicable",
            rule_title="不适用",
            status="not_applicable",
            computed_score=computed,
            explanation=f"不适用，按规则包政策 {pack.not_applicable} 处理",
        )
    if indicator.weight is None:
        return IndicatorResult(
            **base,
            rule_kind="none",
            rule_title="无分值",
            status="not_computable",
            computed_score=None,
            explanation="缺少分值，无法计分",
        )
    kind, result = _apply_rule(pack, form_type, indicator)
    score = _round(pack, result.score) if result.score is not None else None
    explanation = result.explanation
    penalty = pack.over_achievement_penalty
    if (
        penalty
        and score is not None
        and result.completion is not None
        and result.completion >= 1 + penalty.threshold
    ):
        score = max(ZERO, score - penalty.points)
        explanation += f"；超过目标 {penalty.threshold * 100}% 以上，扣 {penalty.points} 分"
    status = result.status.value
    if score is not None and score < 0:  # no rule gives a negative score: flag, never print it
        explanation += f"；按规则算得负分 {score}，无法可靠计分，请核对目标值和实际值"
        score, status = None, "not_computable"
    completion = (
        round_half_up(result.completion * HUNDRED, 2) if result.completion is not None else None
    )
    return IndicatorResult(
        **base,
        rule_kind=kind,
        rule_title=get_rule(kind).title,
        status=status,
        explanation=explanation,
        computed_completion=completion,
        computed_score=score,
        agrees=agrees(indicator.claimed_score, score),
    )


def _score_execution(pack: Pack, form: SelfEvaluationBase) -> ExecutionResult | None:
    framework = pack.frameworks.get(form.type)
    weight = form.execution_weight or (framework.execution_weight if framework else None)
    if weight is None or form.total_funding is None:
        return None
    budget, executed, from_sources = form.execution_amounts()
    computed_rate = computed_score = None
    if budget is not None and executed is not None:
        result = execution_points(
            executed,
            budget,
            weight,
            round_rate_to_percent=pack.execution.round_rate_to_percent,
        )
        if result.score is not None and result.completion is not None:
            computed_score = _round(pack, result.score)
            computed_rate = round_half_up(result.completion * HUNDRED, 2)
    return ExecutionResult(
        weight=weight,
        budget=budget,
        executed=executed,
        claimed_rate=form.claimed_execution_rate,
        computed_rate=computed_rate,
        claimed_score=form.claimed_execution_score,
        computed_score=computed_score,
        agrees=agrees(form.claimed_execution_score, computed_score),
        from_sources=from_sources,
    )


def _subtotals(indicators: list[IndicatorResult]) -> list[SubtotalResult]:
    order: dict[str, list[IndicatorResult]] = {}
    for item in indicators:
        order.setdefault(item.level1, []).append(item)
    result = []
    for level1, items in order.items():
        claimed = [i.claimed_score for i in items if i.claimed_score is not None]
        result.append(
            SubtotalResult(
                level1=level1,
                weight=sum((i.weight or ZERO for i in items), ZERO),
                claimed=sum(claimed, ZERO) if claimed else None,
                computed=sum((_effective(i) for i in items), ZERO),
            )
        )
    return result


def _effective(item: IndicatorResult) -> Decimal:
    """The score that counts: computed, or the claimed one where nothing can be computed."""
    if item.computed_score is not None:
        return item.computed_score
    if item.status == "not_applicable":
        return ZERO
    return item.claimed_score or ZERO


def _not_applicable_adjustment(
    pack: Pack, items: list[IndicatorResult], total_weight: Decimal
) -> tuple[Decimal, str | None]:
    """Extra points (or a rescale factor applied by the caller) for 不适用 indicators."""
    missing = [i for i in items if i.status == "not_applicable"]
    if not missing or pack.not_applicable == "full_marks":
        return ZERO, None
    if pack.not_applicable == "redistribute":
        extra = ZERO
        for item in missing:
            siblings = [
                i
                for i in items
                if i.level1 == item.level1
                and i is not item
                and i.status != "not_applicable"
                and i.weight
            ]
            sibling_weight = sum((i.weight or ZERO for i in siblings), ZERO)
            if sibling_weight:
                share = sum((_effective(i) for i in siblings), ZERO) / sibling_weight
                extra += (item.weight or ZERO) * share
        return extra, "不适用指标的分值按同一一级指标内其他指标的得分率重新分配"
    applicable_weight = total_weight - sum((i.weight or ZERO for i in missing), ZERO)
    return applicable_weight, "不适用指标剔除后按适用分值折算为百分制"


def score_form(form: Form, pack: Pack, index: int = 0) -> FormResult | SurveyResult | None:
    if isinstance(form, Questionnaire):
        return score_questionnaire(form, index, pack.rounding.places)
    if not isinstance(form, EvaluationBase):
        return None  # basic data and final accounts carry no scores
    indicators = [score_indicator(pack, form.type, n, ind) for n, ind in enumerate(form.indicators)]
    execution = _score_execution(pack, form) if isinstance(form, SelfEvaluationBase) else None
    notes: list[str] = []
    indicator_weight = sum((i.weight or ZERO for i in indicators), ZERO)
    total_weight = indicator_weight + (execution.weight if execution else ZERO)
    computed_total: Decimal | None = sum((_effective(i) for i in indicators), ZERO)
    assert computed_total is not None
    if execution is not None:
        if execution.computed_score is None:
            notes.append("执行率得分无法重新计算，沿用原文得分")
        computed_total += (
            execution.computed_score
            if execution.computed_score is not None
            else execution.claimed_score or ZERO
        )
    adjustment, note = _not_applicable_adjustment(pack, indicators, total_weight)
    if note:
        notes.append(note)
        if pack.not_applicable == "rescale" and adjustment:
            computed_total = computed_total / adjustment * total_weight
        else:
            computed_total += adjustment
    if execution is not None and execution.computed_rate is not None:
        caps = [c.cap for c in pack.total_caps if execution.computed_rate < c.below]
        if caps and computed_total > min(caps):
            notes.append(f"执行率 {execution.computed_rate}% 偏低，总分封顶 {min(caps)} 分")
            computed_total = min(caps)
    if indicator_weight == 0 and (execution is None or execution.computed_score is None):
        computed_total = None  # nothing on the form carries a weight
    rounded = _round(pack, computed_total) if computed_total is not None else None
    framework = pack.frameworks.get(form.type)
    full_marks = framework.total if framework else HUNDRED
    graded = rounded is not None and total_weight == full_marks
    if rounded is not None and not graded:
        notes.append(f"本表满分 {total_weight}，不是 {full_marks} 分制，不评定等次")
    return FormResult(
        index=index,
        type=form.type,
        name=form.name,
        pack=pack.name,
        execution=execution,
        indicators=indicators,
        subtotals=_subtotals(indicators),
        total_weight=total_weight,
        claimed_total=form.claimed_total,
        computed_total=rounded,
        claimed_grade=form.claimed_grade,
        computed_grade=pack.grade_for(rounded) if graded and rounded is not None else None,
        notes=notes,
    )


def score_document(document: Document, pack: Pack, *, pack_reason: str = "") -> DocumentResult:
    forms = [
        result
        for n, form in enumerate(document.forms)
        if (result := score_form(form, pack, n)) is not None
    ]
    return DocumentResult(
        file=document.source_file, pack=pack.name, pack_reason=pack_reason, forms=forms
    )


__all__ = ["score_document", "score_form", "score_indicator"]
