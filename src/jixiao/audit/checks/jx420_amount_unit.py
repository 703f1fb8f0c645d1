"""JX420: the same amount printed in 元 in one place and in 万元 in another."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao.audit.common import evaluations, form_location, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.model.common import SourceRef
from jixiao.model.evaluation import SelfEvaluationBase

# An amount with its unit; 元 not followed by a per-unit slash (元/人, 元/亩 are prices).
AMOUNT = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*([万萬]?)元(?!\s*[/／每])"
)
TEN_THOUSAND = {"": "元", "万": "万元", "萬": "万元"}


@dataclass(frozen=True)
class Mention:
    number: Decimal
    unit: str  # 元 or 万元
    printed: str
    location: Location


def _significant(number: Decimal) -> int:
    digits = format(number.normalize(), "f").replace(".", "").strip("0")
    return len(digits)


def _mentions(text: str | None, where: Location, paragraph: int | None = None) -> Iterator[Mention]:
    for match in AMOUNT.finditer(text or ""):
        try:
            number = Decimal(match.group(1).replace(",", ""))
        except InvalidOperation:
            continue
        if number <= 0 or _significant(number) < 3:
            continue  # 5元, 300元: too common to tie to one figure
        location = where
        if paragraph is not None:
            location = Location(
                source=SourceRef(
                    paragraph=paragraph, start=match.start(), end=match.end(), text=match.group(0)
                )
            )
        yield Mention(number, TEN_THOUSAND[match.group(2)], match.group(0), location)


def _document_mentions(context: AuditContext) -> Iterable[Mention]:
    for number, paragraph in enumerate(context.document.paragraphs, 1):
        yield from _mentions(paragraph.text, Location(), paragraph=number)
    for index, form in evaluations(context):
        texts = [
            getattr(form, "goal_expected", None),
            getattr(form, "goal_actual", None),
            *form.narrative.values(),
        ]
        for item in form.indicators:
            texts.extend((item.target, item.actual, item.notes, item.deviation_note))
        where = form_location(index, form)
        for text in texts:
            if text and "元" in text:  # most cells hold no amount at all
                yield from _mentions(text, where)
        if isinstance(form, SelfEvaluationBase) and form.money_unit in ("元", "万元"):
            in_funding = form_location(index, form, "funding")
            for line in form.funding:
                for value in (line.initial_budget, line.adjusted_budget, line.executed):
                    if value is not None and value > 0 and _significant(value) >= 3:
                        yield Mention(
                            value,
                            form.money_unit,
                            f"资金表 {line.source} {plain(value)}（{form.money_unit}）",
                            in_funding,
                        )


class AmountUnitMismatch(Check):
    """同一金额一处写“元”、另一处写“万元”（或资金表以万元列示），单位必有一处写错。

    反例：资金表全年预算数 2089（万元），正文写“项目资金全年预算数2089元”；或正文先写
    “补助471.23万元”，后写“完成补助471.23元”。
    正例：同一笔资金全文使用同一单位（“2089万元”）。
    只比对有 3 位以上有效数字的金额（“5元”“300元”之类常见数字不比对），单价（元/人）
    不计；报告与资金表单位不同的一处；没有资金表时，报告与该数字多数写法（再看全文金额的
    多数单位）不同的一处。
    """

    code = "JX420"
    title = "金额单位前后不一"
    family = "indicator_quality"
    severity = Severity.WARNING

    def run(self, context: AuditContext) -> Iterator[Finding]:
        by_number: dict[Decimal, list[Mention]] = {}
        overall = {"元": 0, "万元": 0}
        for mention in _document_mentions(context):
            by_number.setdefault(mention.number.normalize(), []).append(mention)
            overall[mention.unit] += 1
        for number, mentions in by_number.items():
            units = {m.unit for m in mentions}
            if units != {"元", "万元"}:
                continue
            funds = {m.unit for m in mentions if m.printed.startswith("资金表")}
            count = {u: sum(m.unit == u for m in mentions) for u in units}
            right = (
                funds.pop()
                if len(funds) == 1
                else max(units, key=lambda u: (count[u], overall[u], u == "万元"))
            )
            others = [m for m in mentions if m.unit == right]
            reported: set[str] = set()
            for wrong in (m for m in mentions if m.unit != right):
                if wrong.printed in reported:
                    continue
                reported.add(wrong.printed)
                yield self.finding(
                    f"金额“{wrong.printed}”与同一文件中的“{others[0].printed}”数字相同、单位不同，"
                    f"应为 {plain(number)}{right}",
                    location=wrong.location,
                    claimed=wrong.printed,
                    expected=f"{plain(number)}{right}",
                    tolerance="数字完全相同（3 位以上有效数字）而单位相差一万倍",
                )
