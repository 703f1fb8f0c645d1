"""JX301: a claimed indicator score contradicts the pack's rule."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.checks.jx3_support import direction_unstated, explained
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.decimals import Agreement, agreement, printed_places, tolerance_text
from jixiao.scoring import FormResult, IndicatorResult


class ClaimedScoreContradictsRule(Check):
    """指标得分与评分规则不符。

    反例：新疆“按照完成比例赋分”，目标 ≥150家、实际 153家，完成率 102%，却填满分 10 分
    （超额完成按偏离度扣减，应得 9.80 分）。
    正例：按规则包重新计算，原得分按原文精度四舍五入后与应得分一致。
    规则种类见 ``jixiao packs NAME``；不能计算的指标（缺数据、定性且无法判断）不报告。
    得分截尾（而非四舍五入）造成的差异以“提示”级别报告；但规则包按小数计分、原文却是整数分
    （应得 9.80 分写作 9 分）时，差的不是末位数字，以“警告”报告，请核对是取整截去还是酌情扣分。
    指标值未标明“≥/≤”、而指标名称读来是越低越好（受害率、成本、时长等）时，规则按正向
    计算只是推定，差异以“警告”报告并说明所推定的方向。目标已达成、原文写明了酌情扣分的
    理由（偏差原因或扣分说明）时，也以“警告”报告：规则要求满分，但自评人的扣分有据可查。
    """

    code = "JX301"
    title = "指标得分与评分规则不符"
    family = "rule_conformance"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for form in context.scores.forms:
            if not isinstance(form, FormResult):
                continue
            source_form = context.document.forms[form.index]
            for item in form.indicators:
                if item.agrees is not False or item.claimed_score is None:
                    continue  # agrees (the engine judged it) or nothing to compare
                assert item.computed_score is not None
                verdict = agreement(item.claimed_score, item.computed_score)
                if verdict is Agreement.EXACT:
                    continue
                indicator = source_form.indicators[item.index]  # type: ignore[union-attr]
                location = Location(
                    form=form.index,
                    form_name=form.name,
                    indicator=item.index,
                    indicator_name=item.name,
                    field="claimed_score",
                    source=indicator.sources.get("claimed_score"),
                )
                severity = Severity.INFO if verdict is Agreement.TRUNCATED else self.severity
                assumed = ""
                if verdict is Agreement.TRUNCATED and _whole_from_fraction(context, item):
                    # 9 for 9.80: cutting to a whole point is no slip of the last digit
                    severity = Severity.WARNING
                    short = item.computed_score - item.claimed_score
                    assumed = (f"；原文为整数分，比规则得分少 {short} 分，可能是取整时截去小数，"
                               "也可能是按评判扣分，请核对")
                reason = explained(indicator)
                if severity is Severity.ERROR and direction_unstated(indicator):
                    severity = Severity.WARNING
                    assumed = (f"；指标值“{indicator.target}”未标明 ≥ 或 ≤，按越高越好推定，"
                               "若为越低越好的指标则原得分可能无误")
                elif (severity is Severity.ERROR and reason and item.weight is not None
                      and item.computed_score == item.weight
                      and item.claimed_score < item.computed_score):
                    severity = Severity.WARNING
                    assumed = f"；原文写明扣分理由“{reason[:40]}”，属酌情扣分"
                yield self.finding(
                    f"按规则“{item.rule_title}”（{item.explanation}），应得 "
                    f"{item.computed_score} 分，原文为 {item.claimed_score} 分"
                    + ("（系截尾而非四舍五入）" if severity is Severity.INFO else "")
                    + assumed,
                    location=location,
                    claimed=item.claimed_score,
                    expected=item.computed_score,
                    severity=severity,
                    tolerance=tolerance_text(item.claimed_score),
                )


def _whole_from_fraction(context: AuditContext, item: IndicatorResult) -> bool:
    """A whole-number score printed where the pack scores to decimals."""
    assert item.claimed_score is not None
    return printed_places(item.claimed_score) == 0 and context.pack.rounding.places > 0
