"""Words that say what the figures must show: 增加/减少/无变化 and 完成预算 vs 超过预算.

A comparison clause (``与上年相比``, ``较年初预算``, ``比上年``) links the clause's own amount
with its own base; when both are printed, the direction word after the comparison must
agree with them: ``无增减``/``无变化``/``持平`` only when no value the printed figures allow
differs, ``增加`` only for a rise, ``减少`` only for a fall. A completion rate
(``完成年初预算的100%``) must agree with the words of its own sentence (``超过年初预算``,
``决算数小于预算数``). Intervals from printed precision decide "differs": a figure printed
with decimals stands for the values that round to it.
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
    matched_issues,
    sentence_bounds,
)

_COMPARISON = re.compile(
    r"(?:与|较|比|同比)(?:\d{4}年度?)?(?P<what>上年度?|去年|上一年度?|同期|年初预算|全年预算|"
    r"调整后?预算|预算)(?:数|决算数?)?(?:的)?"
)
_LEAD = r"^(?:相比|相较|比较)?[,，]?(?:均)?"
_NO_CHANGE = re.compile(
    _LEAD + r"(?P<word>无增减|无变化|没有变化|未发生变化|持平|保持不变|不变|相同|一致|无差异)"
)
_UP = re.compile(_LEAD + r"(?P<word>增加|增长|上升|提高|多支出?|超支)")
_DOWN = re.compile(_LEAD + r"(?P<word>减少|下降|降低|节约|节省|少支出?)")
_BUDGET = re.compile(r"预算")
_PREVIOUS = re.compile(r"上年|去年|上一年|同期")
_CHANGE_END = ("增加", "减少", "增长", "下降", "节约", "降低")


def _amount(figure: Figure) -> bool:
    label = figure.label
    return not (
        _PREVIOUS.search(label)
        or (_BUDGET.search(label) and "决算" not in label)
        or label.endswith(_CHANGE_END)
    )


def _base_in(text: str, comparison: re.Match[str], found: list[Figure]) -> Figure | None:
    """The base printed inside the comparison (``较上年1757.02万元增加``)."""
    for figure in found:
        if figure.kind is Kind.MONEY and comparison.end() <= figure.start <= comparison.end() + 1:
            return figure
    return None


def sign_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``X，与上年Y相比无变化/增加/减少`` against X and Y."""
    return matched_issues(items, _COMPARISON, _sign)


def _sign(
    passage: Passage, text: str, found: list[Figure], comparison: re.Match[str]
) -> ProseIssue | None:
    start, _ = sentence_bounds(text, comparison.start())
    budget = "预算" in comparison.group("what")
    base = _base_in(text, comparison, found)
    after = comparison.end() if base is None else base.end
    words = text[after : after + 12]
    if (direction := _direction(words)) is None:
        return None
    sign, said = direction
    word = said.group("word")
    money = [f for f in found if start <= f.start and f.end <= comparison.start()
             and f.kind is Kind.MONEY and not f.aside]
    amounts = [f for f in money if _amount(f)]
    if not amounts:
        return None
    current = amounts[-1]
    if base is None:
        stated = [f for f in money if f is not current and f.start > current.start - 40
                  and (_BUDGET if budget else _PREVIOUS).search(f.label)]
        # "预算数为20万元，决算数为0万元，与预算相比无增减": the base stated before the amount
        stated = stated or [f for f in money if f.end <= current.start
                            and (_BUDGET if budget else _PREVIOUS).search(f.label)]
        base = stated[-1] if stated else None
    if base is None or not base.same_unit(current):
        return None
    now, was = figure_interval(current), figure_interval(base)
    versus = "预算数" if budget else "上年数"
    span = (comparison.start(), after + said.end())
    if sign == 0:
        if now.meets(was):
            return None
        rise = "增加" if current.value > base.value else "减少"
        return ProseIssue(
            passage, *span,
            f"原文说“{word}”，但本年 {current.text}、{versus} {base.text}，实为{rise} "
            f"{abs(current.value - base.value).normalize():f}{_unit(current)}",
            word, f"{rise}{abs(current.value - base.value).normalize():f}",
            tolerance="按各数印出精度的舍入区间比较（整数视为精确），区间不相交才算有变化",
        )
    if now.meets(was) or (current.value > base.value) == (sign > 0):
        return None
    truth = "增加" if current.value > base.value else "减少"
    return ProseIssue(
        passage, *span,
        f"原文说“{word}”，但本年 {current.text}、{versus} {base.text}，实为{truth}",
        word, truth, positions=(current.start, base.start),
        tolerance="按各数印出精度的舍入区间比较（整数视为精确）",
    )


def _unit(figure: Figure) -> str:
    return figure.unit


def _direction(words: str) -> tuple[int, re.Match[str]] | None:
    for sign, pattern in ((0, _NO_CHANGE), (1, _UP), (-1, _DOWN)):
        found = pattern.search(words)
        if found is not None:
            return sign, found
    return None


# ------------------------------------------------------------ completion vs words ----

_COMPLETION = re.compile(
    r"(?:完成(?:了)?(?:年初|全年|调整后?|年度)?预算(?:数)?的?|预算执行率(?:为|达)?)\s*"
    r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_EXCEEDED = re.compile(
    r"超(?:过|出)(?:了)?(?:年初|全年|调整后?)?预算|超预算|超支|"
    r"(?:决算数?|支出数?)(?:大于|高于|多于)(?:年初|全年|调整后?)?预算"
)
_SHORT = re.compile(
    r"(?:决算数?|支出数?)(?:小于|低于|少于)(?:年初|全年|调整后?)?预算|未(?:能)?完成(?:年初|全年)?预算"
)
HUNDRED = Decimal(100)


def completion_word_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``完成年初预算的100%`` while the same sentence says the outcome exceeded (or fell
    short of) the budget."""
    for passage in items:
        text = passage.text
        for match in _COMPLETION.finditer(text):
            start, end = sentence_bounds(text, match.start())
            sentence = text[start:end]
            rates = list(_COMPLETION.finditer(sentence))
            pct = Decimal(match.group("pct"))
            exceeded, short = _EXCEEDED.search(sentence), _SHORT.search(sentence)
            words = exceeded if exceeded and pct <= HUNDRED else short if short and (
                pct >= HUNDRED) else None
            if words is None:
                continue
            said = words.group(0)
            should = "应大于 100%" if words is exceeded else "应小于 100%"
            yield ProseIssue(
                passage, match.start(), match.end(),
                f"同一句写“完成预算的 {pct}%”，又说“{said}”，二者矛盾（{should}）",
                f"{pct}%", should, certain=len(rates) == 1,
                positions=(match.start("pct"),),
            )
