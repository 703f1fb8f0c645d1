"""Helpers shared by the checks: walking the forms, locations, printed-figure comparison."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.audit.framework import AuditContext, Location, Severity
from jixiao.decimals import Agreement, agreement, parse_percent, tolerance_text
from jixiao.model.common import SourceRef, StrictModel
from jixiao.model.evaluation import (
    EvaluationBase,
    Indicator,
    IndicatorGroup,
    SelfEvaluationBase,
)
from jixiao.model.quantity import QuantityKind, parse_quantity
from jixiao.model.survey import Questionnaire
from jixiao.rules.measure import Direction, compare
from jixiao.scoring import FormResult, IndicatorResult, SurveyResult

ZERO = Decimal(0)
HUNDRED = Decimal(100)
_SPACE = re.compile(r"\s+")


def plain(value: Decimal) -> str:
    """A Decimal as people write it: no exponent, no trailing zeros (``9.60`` → ``9.6``)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=65_536)
def squeeze(text: str | None) -> str:
    """Text without whitespace (printed labels carry justification spaces)."""
    return _SPACE.sub("", text or "")


_BLANK = re.compile(r"^(?:无|/|-|—+|暂无|没有|不涉及)?$")


def said(text: str | None) -> bool:
    """Whether a cell says something (not blank, not 无 / — / 不涉及)."""
    return not _BLANK.match(squeeze(text))


def has_place(model: StrictModel, field: str) -> bool:
    """Whether the form prints a place for ``field``: given (even blank) or located."""
    sources = getattr(model, "sources", {})
    return field in model.model_fields_set or field in sources


def evaluations(context: AuditContext) -> Iterator[tuple[int, EvaluationBase]]:
    for index, form in enumerate(context.document.forms):
        if isinstance(form, EvaluationBase):
            yield index, form


def self_evaluations(context: AuditContext) -> Iterator[tuple[int, SelfEvaluationBase]]:
    for index, form in evaluations(context):
        if isinstance(form, SelfEvaluationBase):
            yield index, form


def questionnaires(context: AuditContext) -> Iterator[tuple[int, Questionnaire]]:
    for index, form in enumerate(context.document.forms):
        if isinstance(form, Questionnaire):
            yield index, form


def form_result(context: AuditContext, index: int) -> FormResult | None:
    for result in context.scores.forms:
        if result.index == index and isinstance(result, FormResult):
            return result
    return None


def indicator_result(result: FormResult | None, number: int) -> IndicatorResult | None:
    """The scoring of the form's ``number``-th indicator, when the form was scored that far."""
    if result is None or number >= len(result.indicators):
        return None
    return result.indicators[number]


def survey_result(context: AuditContext, index: int) -> SurveyResult | None:
    for result in context.scores.forms:
        if result.index == index and isinstance(result, SurveyResult):
            return result
    return None


def form_location(
    index: int, form: StrictModel, field: str | None = None, source: SourceRef | None = None
) -> Location:
    """A location on the form itself; the source is looked up under ``field`` if not given."""
    sources: dict[str, SourceRef] = getattr(form, "sources", {})
    return Location(
        form=index,
        form_name=getattr(form, "name", None),
        field=field,
        source=source or (sources.get(field) if field else None),
    )


def indicator_location(
    index: int, form: EvaluationBase, number: int, field: str | None = None
) -> Location:
    indicator = form.indicators[number]
    return Location(
        form=index,
        form_name=form.name,
        indicator=number,
        indicator_name=indicator_label(indicator),
        field=field,
        source=indicator.sources.get(field) if field else first_source(indicator.sources),
    )


def first_source(sources: dict[str, SourceRef]) -> SourceRef | None:
    return next(iter(sources.values()), None)


def indicator_label(indicator: Indicator) -> str:
    """The indicator as a reviewer finds it: code and name, or its level path if unnamed."""
    name = squeeze(indicator.name)
    if not name:
        path = "/".join(squeeze(p) for p in (indicator.level1, indicator.level2) if p)
        return f"{path}/（未命名）"
    return f"{indicator.code} {name}" if indicator.code else name


def members(form: EvaluationBase, group: IndicatorGroup) -> list[Indicator]:
    """The indicators printed under a group heading (level 1, or level 2 within its parent)."""
    name = squeeze(group.name)
    rows = [i for i in form.indicators if not is_placeholder_row(i)]  # template rows do not count
    if group.level == 1:
        return [i for i in rows if squeeze(i.level1) == name]
    parent = squeeze(group.parent)
    return [
        i for i in rows if squeeze(i.level2) == name and (not parent or squeeze(i.level1) == parent)
    ]


# "指标1：" alone (or followed by "……") is the template's prompt; "指标1：完成培训人次" is the
# template's numbering kept in front of a real indicator, which is no placeholder.
PLACEHOLDER = re.compile(
    r"^(?:…+|\.{3,}|。{3,}|—{3,})$|^指标\d+[:：](?:…+|\.{3,}|。{3,})?$|"
    r"^(?:XX+|××+|xxx+|＊+|\*{2,})$|请填写|请输入|此处填写|填写说明"
)


@lru_cache(maxsize=65_536)
def is_placeholder(text: str | None) -> bool:
    """Template text left in (``……``, ``指标1：``, ``XX``, ``请填写``)."""
    return bool(text) and PLACEHOLDER.search(squeeze(text)) is not None


def is_placeholder_row(item: Indicator) -> bool:
    """A template row: its name is a placeholder and it carries no values."""
    return is_placeholder(item.name) and not any(
        (item.weight, item.claimed_score, item.target, item.actual)
    )


_VALUE_UNITS = {"", "元", "万元", "%", "亿元"}


def value_as_name(name: str) -> str | None:
    """What is wrong with an indicator name that is no name: ``数值或日期`` ("45万",
    "2023年") or ``单个字`` ("好"), usually a value or a cell read into the wrong column;
    ``None`` for a name."""
    parsed = parse_quantity(name)
    if parsed.kind is QuantityKind.DATE or (
        parsed.kind is QuantityKind.NUMBER and parsed.unit in _VALUE_UNITS
    ):
        return "数值或日期"
    return "单个字" if len(name) <= 1 else None


# Tolerances named by findings that compare printed figures exactly or check presence.
EXACT = "分值、个数按原文精确比较（±0）"
PRESENCE = "不涉及数值比较（检查是否填写）"
TEXT = "不涉及数值比较（按文字判断）"


def weight_sum(indicators: Iterable[Indicator]) -> Decimal:
    return sum((i.weight or ZERO for i in indicators), ZERO)


@dataclass(frozen=True)
class Verdict:
    """A printed figure against the recomputed truth at the printed precision."""

    agreement: Agreement
    severity: Severity
    tolerance: str

    @property
    def wrong(self) -> bool:
        return self.agreement is not Agreement.EXACT

    @property
    def note(self) -> str:
        return "（系截尾而非四舍五入）" if self.agreement is Agreement.TRUNCATED else ""


def judge(printed: Decimal, truth: Decimal, severity: Severity = Severity.ERROR) -> Verdict:
    """EXACT passes; TRUNCATED is reported at INFO; WRONG at ``severity``."""
    verdict = agreement(printed, truth)
    level = Severity.INFO if verdict is Agreement.TRUNCATED else severity
    return Verdict(verdict, level, tolerance_text(printed))


def sum_tolerance_text(count: int, tolerance: Decimal) -> str:
    return f"{count} 个分项各自四舍五入，合计允许尾差 ±{plain(tolerance)}"


NO_NOTE = {"", "无", "无偏差", "/", "-", "—", "——", "无。"}


def completion_percent(item: Indicator, computed: Decimal | None = None) -> Decimal | None:
    """The completion rate as printed, else the engine's (``computed``), else recomputed
    (a met ≤ target counts as 100%)."""
    printed = parse_percent(item.completion)
    if printed is not None:
        return printed
    target, actual = item.target_quantity, item.actual_quantity
    if target.is_percent != actual.is_percent:
        return None  # "100%" against "45万": not the same measure
    if computed is not None:
        return computed
    comparison = compare(target, actual)
    if comparison is None:
        return None
    if comparison.direction is Direction.REVERSE:
        return HUNDRED if comparison.met else (comparison.ratio or Decimal(0)) * HUNDRED
    if not target.value or actual.value is None:
        return HUNDRED if comparison.met else None
    return actual.value / target.value * HUNDRED


def has_note(item: Indicator) -> bool:
    return (item.deviation_note or "").strip() not in NO_NOTE
