"""Derived percentages in narrative sentences: shares, growth rates, budget completion.

Each percentage is paired by the grammar of its clause, not by proximity:

* ``X，占Y的P%`` — the part is the amount just before ``占``; the whole is the figure the
  sentence names after ``占`` (``占基本支出的``), else the total that opens a ``其中`` list.
  ``任务占比``/``占目标`` is a completion of a target the text does not print, and a "share"
  over 100 % is not a part of a whole: neither is paired.
* ``(比|较|与)上年…增加A，增长B%`` — B is checked against the clause's own amount and its own
  base: the previous year's figure when the sentence prints it, the budget when the
  comparison is with the budget, else ``amount − A``. A budget figure is never taken as
  the current amount of a year-on-year comparison.
* ``完成(年初)预算的P%`` and ``差异率P%`` — the actual and the budget of the same sentence.

Every derived figure is judged by interval arithmetic (:mod:`jixiao.decimals`): it is wrong
only when no value that the printed inputs allow rounds to it. Where the grammar leaves a
doubt (a base derived from a very large rate, a truncation), the issue is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.prose import (
    Figure,
    Kind,
    Passage,
    ProseIssue,
    figure_interval,
    figures,
    matched_issues,
    sentence_bounds,
)
from jixiao.decimals import (
    Agreement,
    Interval,
    corners,
    judge_derived,
    round_half_up,
)

HUNDRED = Decimal(100)
# A rate of several hundred per cent on a base derived from the change: the base is tiny
# and the pairing of change and base is the likelier slip, so at most a warning.
LARGE_RATE = Decimal(300)


def percent_issue(
    passage: Passage,
    span: tuple[int, int],
    printed: Decimal,
    at: int,
    allowed: Interval | None,
    truth: Decimal,
    what: str,
    *,
    certain: bool = True,
) -> ProseIssue | None:
    """Judge a printed percentage (magnitude) against what its inputs allow."""
    printed, truth = abs(printed), abs(truth)
    span_allowed = abs(allowed) if allowed is not None else Interval.exact(truth)
    judged = judge_derived(printed, span_allowed, truth)
    if judged.agreement is Agreement.EXACT:
        return None
    shown = f"{round_half_up(truth)}%"
    start, end = span
    if judged.agreement is Agreement.TRUNCATED:
        return ProseIssue(
            passage, start, end, f"{what}应为 {shown}，原文 {printed}% 系截尾而非四舍五入",
            f"{printed}%", shown, True, judged.tolerance, certain=False, positions=(at,),
        )
    message = f"{what}应为 {shown}，原文为 {printed}%"
    slip = judge_derived(printed, span_allowed.scale(Decimal("0.01")), truth / HUNDRED)
    if truth >= 1 and slip.agreement is not Agreement.WRONG:
        message += "（疑似把比值当作百分数，漏乘 100）"
    return ProseIssue(passage, start, end, message, f"{printed}%", shown, True,
                      judged.tolerance, certain=certain, positions=(at,))


def _ratio(part: Figure, whole: Figure) -> Interval | None:
    return corners(lambda a, b: a / b * HUNDRED, figure_interval(part), figure_interval(whole))


# ---------------------------------------------------------------- shares --------------

_SHARE = re.compile(
    r"占(?:比(?:重)?)?(?P<base>[^，,；;。%％\d]{0,16}?)(?:的|之)?(?:比重|比例)?(?:为|约|达)?"
    r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_LIST_OPENER = re.compile(r"其中|主要用于|用于|包括|具体(?:为|如下|情况)|分别(?:为|是)")
_TIME_WORDS = ("本年度", "本年", "全年", "当年", "年度")
# 任务占比 / 占目标任务的: the whole is a target the text does not print.
_TARGET_WHOLE = re.compile(r"任务|目标|计划|指标")


def _base_key(base: str) -> str:
    key = base.strip()
    for word in _TIME_WORDS:
        key = key.removeprefix(word)
    return key


def _find_base(
    key: str, part: Figure, here: list[Figure], earlier: list[list[Figure]]
) -> Figure | None:
    """The nearest figure before ``part`` whose label names ``key``."""
    for group in [[f for f in here if f.end <= part.start], *earlier]:
        for figure in reversed(group):
            if figure is not part and figure.same_unit(part) and key in figure.label:
                return figure
    return None


def share_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``X万元，占(…的)Y%`` against X / whole, the whole named by the sentence."""
    history: list[list[Figure]] = []
    opener: Figure | None = None  # the total of a paragraph ending with "其中："
    for passage in items:
        text = passage.text
        found = figures(text)
        for match in _SHARE.finditer(text):
            pct = Decimal(match.group("pct"))
            lead = text[max(0, match.start() - 4) : match.start()]
            if pct > HUNDRED or _TARGET_WHOLE.search(match.group("base") + lead):
                continue  # not a part of a printed whole
            before = [f for f in found if f.end <= match.start() and f.kind is not Kind.PERCENT]
            if not before or match.start() - before[-1].end > 4:
                continue
            part = before[-1]
            base = _whole(text, match, part, before, found, history, opener)
            if base is None or base.value == 0 or base is part or base.value < part.value:
                continue
            issue = percent_issue(
                passage, (part.start, match.end()), pct, match.start("pct"),
                _ratio(part, base), part.value / base.value * HUNDRED,
                f"{part.text} 占 {base.label or '合计'} {base.text} 的比例",
            )
            if issue:
                yield issue
        history.append(found)
        money = [f for f in found if f.kind is not Kind.PERCENT]
        if text.rstrip().endswith(("其中：", "其中:")) and money:
            opener = money[-1]  # the total of the list that the next paragraphs itemise
        elif not money:
            opener = None


def _whole(
    text: str,
    match: re.Match[str],
    part: Figure,
    before: list[Figure],
    found: list[Figure],
    history: list[list[Figure]],
    opener: Figure | None,
) -> Figure | None:
    key = _base_key(match.group("base"))
    if key:
        wide = any(word in key for word in ("合计", "总计", "总额", "总体"))
        earlier = list(reversed(history)) if wide else ([[opener]] if opener else [])
        return _find_base(key, part, found, earlier)
    # No whole named: only the total that opens a list ("其中", "主要用于") is the whole.
    start, _ = sentence_bounds(text, part.start)
    pivots = [m.start() for m in _LIST_OPENER.finditer(text, start, part.start)]
    if pivots:
        heads = [f for f in before
                 if start <= f.start and f.end <= pivots[0] and f.same_unit(part)]
        return heads[-1] if heads else None
    return opener if opener is not None and opener.same_unit(part) else None


# ---------------------------------------------------------------- growth --------------

_RISE = ("增加", "增长", "上升", "提高", "超支", "多支")
_GROWTH = re.compile(
    r"(?P<w1>增加|增长|上升|提高|减少|下降|降低|节约)了?\s*(?P<amount>\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(?P<unit>亿元|万元|千元|元)[，,、]?\s*(?:同比)?(?P<w2>增加|增长|上升|提高|减少|下降|降低|增幅|"
    r"降幅|减幅)?(?:为|了)?\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_VERSUS = re.compile(
    r"(?:比|较|与|同比)(?P<what>上年|去年|上一年|同期|年初预算|全年预算|调整预算|预算)"
)
_BUDGET_LABEL = re.compile(r"预算")
_PREVIOUS_LABEL = re.compile(r"上年|去年|上一年|同期")


def _role(figure: Figure) -> str:
    label = figure.label
    if _PREVIOUS_LABEL.search(label):
        return "previous"
    if _BUDGET_LABEL.search(label) and "决算" not in label:
        return "budget"
    if label.endswith(("增加", "减少", "增长", "下降", "节约", "降低")):
        return "change"
    return "amount"


def growth_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``X万元，比上年增加A万元，增长P%``: P against the clause's own amount and base."""
    return matched_issues(items, _GROWTH, _growth)


def _growth(
    passage: Passage, text: str, found: list[Figure], match: re.Match[str]
) -> ProseIssue | None:
    rising = match.group("w1") in _RISE
    second = match.group("w2")
    if second and (second.startswith(_RISE) or second == "增幅") != rising:
        return ProseIssue(
            passage, match.start(), match.end(),
            f"同一句先说“{match.group('w1')}”又说“{second}”，增减方向自相矛盾",
            second, match.group("w1"), positions=(match.start("pct"),),
        )
    start, _ = sentence_bounds(text, match.start())
    versus = _VERSUS.search(text, start, match.start())
    on_budget = versus is not None and "预算" in versus.group("what")
    money = [f for f in found if start <= f.start and f.end <= match.start()
             and f.kind is Kind.MONEY and not f.aside]
    # The subject of "比上年增加A" is the amount printed before the comparison: an actual
    # figure, else (a budget compared with last year's) the budget figure itself.
    subject_end = versus.start() if versus is not None else match.start()
    before = [f for f in money if f.end <= subject_end]
    amounts = [f for f in before if _role(f) == "amount"] or (
        [f for f in before if _role(f) == "budget"] if not on_budget else []
    )
    if not amounts:
        return None  # no amount of its own in the sentence: the grammar cannot pair
    current = amounts[-1]
    money = [f for f in money if f is not current]
    stated_role = "budget" if on_budget else "previous"
    stated = [f for f in money if _role(f) == stated_role]
    delta = Decimal(match.group("amount").replace(",", ""))
    change = Figure(delta, match.group("unit"), Kind.MONEY,
                    delta * current.value / current.number if current.number else delta,
                    match.start("amount"), match.end("unit"), "", match.group("amount"))
    versus_word = "预算" if on_budget else "上年"
    pct = Decimal(match.group("pct"))
    span = (match.start(), match.end())
    if stated:
        base = stated[-1]
        if base.value <= 0:
            return None
        allowed = corners(lambda now, was: (now - was) / was * HUNDRED,
                          figure_interval(current), figure_interval(base))
        truth = (current.value - base.value) / base.value * HUNDRED
        what = (f"由本年 {current.text} 与{versus_word} {base.text} 推算，"
                f"{'增长' if truth >= 0 else '下降'}率")
        return percent_issue(passage, span, pct, match.start("pct"), allowed, truth, what)
    signed = change.value if rising else -change.value
    previous = current.value - signed
    if previous <= 0:
        return None
    sign = Decimal(1 if rising else -1)
    allowed = corners(lambda now, d: d / (now - d) * HUNDRED,
                      figure_interval(current), figure_interval(change).scale(sign))
    truth = signed / previous * HUNDRED
    certain = abs(truth) < LARGE_RATE
    word, amount = match.group("w1"), match.group("amount") + match.group("unit")
    what = (f"由 {current.text} 与{word}额 {amount}"
            f" 推算（{versus_word}数 = 本年数 − 增减额），{'增长' if rising else '下降'}率")
    issue = percent_issue(passage, span, pct, match.start("pct"), allowed, truth, what,
                          certain=certain)
    if issue is not None and not certain:
        issue = ProseIssue(
            issue.passage, issue.start, issue.end,
            issue.message + "；基数很小，增长率对尾数极敏感，请核对所比较的基数",
            issue.claimed, issue.expected, True, issue.tolerance, certain=False,
            positions=issue.positions,
        )
    return issue


# ---------------------------------------------------------------- budget ---------------

_COMPLETE = re.compile(
    r"完成(?P<which>年初预算|全年预算|调整预算|年度预算|预算)数?的?\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_DIFFERENCE = re.compile(r"差异率(?:为)?\s*(?P<pct>-?\d+(?:\.\d+)?)\s*[%％]")
_COMPARE = re.compile(r"决算数?(?P<cmp>大于|小于|等于|高于|低于|超过)(?P<which>年初)?预算数?")


def budget_pair(
    found: list[Figure], start: int, end: int, initial: bool
) -> tuple[Figure, Figure] | None:
    """The budget and the actual of a sentence (the last of each before ``end``)."""
    money = [f for f in found if start <= f.start < end and f.kind is Kind.MONEY]
    budgets = [f for f in money if "预算" in f.label and (not initial or "年初" in f.label)]
    actuals = [f for f in money if "预算" not in f.label and re.search("决算|支出|执行", f.label)]
    if not budgets or not actuals:
        return None
    return budgets[-1], actuals[-1]


def budget_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """完成预算的P%, 预决算差异率 and 决算大于/小于预算 against the figures of the sentence."""
    for passage in items:
        text = passage.text
        found = figures(text)
        for pattern in (_COMPLETE, _DIFFERENCE, _COMPARE):
            for match in pattern.finditer(text):
                start, _ = sentence_bounds(text, match.start())
                initial = "年初" in (match.groupdict().get("which") or "")
                pair = budget_pair(found, start, match.start(), initial)
                if pair is not None:
                    yield from _budget(passage, pattern, match, *pair)


def _budget(
    passage: Passage, pattern: re.Pattern[str], match: re.Match[str], budget: Figure,
    actual: Figure,
) -> Iterator[ProseIssue]:
    if pattern is _COMPARE:
        relation = match.group("cmp")
        bigger = relation in ("大于", "高于", "超过")
        holds = (
            actual.value > budget.value if bigger
            else actual.value < budget.value if relation in ("小于", "低于")
            else actual.value == budget.value
        )
        if not holds:
            yield ProseIssue(
                passage, match.start(), match.end(),
                f"决算 {actual.text}、预算 {budget.text}，原文却说决算数{relation}预算数",
                relation, "与数字相符的比较",
            )
        return
    pct = Decimal(match.group("pct"))
    if budget.value == 0:
        if actual.value != 0 and pct != 0:
            yield ProseIssue(
                passage, match.start(), match.end(),
                f"预算数为 0（{budget.text}），不能计算完成比例或差异率，原文却给出 "
                f"{match.group('pct')}%", f"{match.group('pct')}%", "不适用（预算为 0）",
                positions=(match.start("pct"),),
            )
        return
    span = (match.start(), match.end())
    if pattern is _COMPLETE:
        truth = actual.value / budget.value * HUNDRED
        allowed = _ratio(actual, budget)
        what = f"决算 {actual.text} ÷ 预算 {budget.text}，完成比例"
    else:
        truth = (actual.value - budget.value) / budget.value * HUNDRED
        allowed = corners(lambda a, b: (a - b) / b * HUNDRED, figure_interval(actual),
                          figure_interval(budget))
        what = f"（决算 {actual.text} − 预算 {budget.text}）÷ 预算，差异率"
    issue = percent_issue(passage, span, pct, match.start("pct"), allowed, truth, what)
    if issue:
        yield issue
