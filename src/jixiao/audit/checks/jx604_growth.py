"""JX604: a year-on-year change or growth rate does not follow from the figures."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.accounts.analysis import (
    Verdict,
    current_amount,
    figure_name,
    growth,
    judge_percent,
    statements,
    table_base,
)
from jixiao.audit.checks.jx6_support import accounts_in, location, money
from jixiao.audit.framework import AuditContext, Check, Finding, Severity
from jixiao.decimals import Interval, growth_from_change, growth_interval, sum_tolerance
from jixiao.hanzi import simplified
from jixiao.model.accounts import AccountFigure, FinalAccounts, Printed

# A growth of several hundred per cent usually means a tiny base: the pairing of the base
# with its change is then the likelier slip, so such findings are warnings.
SMALL_BASE_GROWTH = Decimal(300)


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


class GrowthRates(Check):
    """增减额、增长率或增减用词与数据不符。

    增长率 = (本年 − 上年) / 上年 × 100%，上年 = 本年 − 增减额（或原文写出的上年数）；与预算比较
    （“比年初预算数增加”）时以预算数为基数。原文增长率落在各输入数舍入区间所允许的范围之外才算错（小基数的增长率对尾数极敏感，区间
    随之放宽），截尾报“警告”，漏乘 100
    单独指出。用词须与符号一致：增加/增长 为正，减少/下降 为负；增减额与增长率用词不能相反。
    原文同时写出上年数和增减额时，核对增减额 = 本年 − 上年。上年为 0 时增长率无意义。
    句中只写“与预算（上年）相比”而文件中的表格写出了该项的预算数（上年数）时，以表格所列为基数
    （按项目名称对应），结果写出表格的单元格；几张表格所列不同时只报“警告”。“无增减、无变化、
    持平”读作增减额为 0（“基本持平”不是确数，不核对）。
    反例：财政拨款支出 216.53 万元，比上年减少 36.28 万元，“减少 0.14%”（应为 14.35%）。
    正例：支出决算 968.11 万元，比上年减少 36.90 万元，下降 3.67%。
    """

    code = "JX604"
    title = "增减额或增长率计算错误"
    family = "final_accounts"
    severity = Severity.ERROR

    def run(self, context: AuditContext) -> Iterator[Finding]:
        forms = accounts_in(context)
        for index, accounts in forms:
            for figure in statements(accounts):
                if figure.change is None and figure.growth is None:
                    continue
                current = current_amount(accounts, figure)
                if current is not None:
                    yield from self._check(index, accounts, figure, current, forms)

    def _check(
        self,
        index: int | None,
        accounts: FinalAccounts,
        figure: AccountFigure,
        current: Printed,
        forms: list[tuple[int | None, FinalAccounts]],
    ) -> Iterator[Finding]:
        versus = "预算" if figure.change_base == "budget" else "上年"
        stated = figure.budget if figure.change_base == "budget" else figure.previous
        if stated is None and figure.change_base == "previous" and figure.key is not None:
            stated = getattr(accounts.get(figure.key), "previous", None)  # 上年数 stated apart
        doubt = ""
        if stated is None and (tabled := table_base(forms, figure)) is not None:
            stated = tabled.printed  # the base as a table of the document prints it
            where = stated.source.describe() if stated.source is not None else "表格"
            versus = f"{versus}（{where}）"
            if not tabled.certain:
                doubt = "；多张表格为该项写出不同的基数，按第一张核对"
        change, rate = figure.change, figure.growth
        name = figure_name(figure)
        if change is not None and rate is not None and _sign(change.value) * _sign(rate.value) < 0:
            yield self.finding(
                f"{name} 增减用词自相矛盾：增减额写“{figure.change_word}{change.text}”，"
                f"增长率写“{figure.growth_word}{rate.text}”",
                location=location(index, accounts, figure.key, rate, figure),
                claimed=f"{figure.growth_word}{rate.text}",
                expected=f"{figure.change_word}",
            )
        base: Decimal | None = None
        allowed: Interval | None = None
        if stated is not None:
            base = stated.value
            allowed = growth_interval(current.value, base) if base != 0 else None
            if change is not None:
                yield from self._change(
                    index, accounts, figure, current, stated, change, versus, doubt
                )
        elif change is not None:
            base = current.value - change.value
            allowed = growth_from_change(current.value, change.value)
        if rate is None or base is None:
            return
        truth = growth(current.value, base)
        if truth is None:
            if current.value != 0 or rate.value != 0:
                yield self.finding(
                    f"{name} {versus}数为 0，增长率无意义（应写“新增”），原文为 {rate.text}",
                    location=location(index, accounts, figure.key, rate, figure),
                    claimed=rate.value,
                    severity=Severity.WARNING,
                )
            return
        if stated is not None and _sign(truth) * _sign(rate.value) < 0:
            yield self.finding(
                f"{name} 本年 {money(current.value)}、{versus} {money(base)}，应为"
                f"{'增长' if truth > 0 else '下降'}，原文却写“{figure.growth_word}{rate.text}”",
                location=location(index, accounts, figure.key, rate, figure),
                claimed=rate.value,
                expected=truth,
            )
        judged = judge_percent(rate.value, truth, allowed)
        if judged.verdict is Verdict.EXACT:
            return
        uncertain = doubt
        if allowed is None:
            uncertain = f"；{versus}数可能为 0 或为负，无法可靠推算"
        elif stated is None and abs(truth) >= SMALL_BASE_GROWTH:
            uncertain = f"；{versus}数由本年数与增减额倒推，基数很小，增长率对尾数极敏感"
        note = judged.note()
        if judged.verdict is Verdict.WRONG and current.value != 0:
            on_current = judge_percent(rate.value, (current.value - base) / current.value * 100)
            if on_current.verdict is not Verdict.WRONG:
                note = f"（原文疑似以本年数而非{versus}数为分母）"
        yield self.finding(
            f"{name} 本年 {money(current.value, figure.unit)}，{versus}"
            f"{'（本年数 − 增减额）' if stated is None else ' '}{money(base, figure.unit)}，"
            f"{'增长' if truth >= 0 else '下降'}率应为 "
            f"{judged.expected}%，原文为“{figure.growth_word or ''}{rate.text}”{note}{uncertain}",
            location=location(index, accounts, figure.key, rate, figure),
            claimed=rate.value,
            expected=judged.expected if truth >= 0 else -judged.expected,
            severity=(
                Severity.WARNING
                if judged.verdict is Verdict.TRUNCATED or uncertain
                else self.severity
            ),
            tolerance=judged.tolerance,
        )

    def _change(
        self,
        index: int | None,
        accounts: FinalAccounts,
        figure: AccountFigure,
        current: Printed,
        stated: Printed,
        change: Printed,
        versus: str,
        doubt: str,
    ) -> Iterator[Finding]:
        truth = current.value - stated.value
        tolerance = sum_tolerance([current.value, stated.value, change.value])
        if abs(truth - change.value) <= tolerance:
            return
        word = figure.change_word or ""
        said = change.text if simplified(change.text).startswith(word) else f"{word}{change.text}"
        yield self.finding(
            f"{figure_name(figure)} 本年 {money(current.value)}、{versus} {money(stated.value)}，"
            f"增减额应为 {money(truth)}，原文为“{said}”{doubt}",
            location=location(index, accounts, figure.key, change, figure),
            claimed=said if change.value == 0 and not change.text[:1].isdigit() else change.value,
            expected=truth,
            severity=Severity.WARNING if doubt else self.severity,
            tolerance=f"±{tolerance}",
        )
