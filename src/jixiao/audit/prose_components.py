"""Sums stated in prose: a total and the parts listed after it ("共计89.97万元，其中…").

The parts are the figures of the total's unit in the list that follows it (其中、包括、分别为…),
up to where they add up to the total; the sum is judged with the printed precision of every
figure (:func:`~jixiao.audit.prose.figure_interval`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import plain
from jixiao.audit.prose import (
    Figure,
    Kind,
    Passage,
    ProseIssue,
    figure_interval,
    figures,
    sentence_bounds,
)
from jixiao.decimals import Interval, printed_places

# A group's score stated in a report: "部门决策总评价分35分，评价得分31分" (JX707, JX708).
SUMMARY = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{2,16}?)(?:总评价分|总评分|评价总分|评价得分|总分值|总分)"
    r"(?P<weight>\d+(?:\.\d+)?)分[，,]\s*(?:评价|实际)?得分(?:为)?(?P<score>\d+(?:\.\d+)?)分"
)

# Words after a total that open the list of its parts ("89.97万元，包括…30万元，…").
_LIST_OPENER = re.compile(r"其中|包括|分别为|分别是|具体为")
_CHANGE_WORDS = ("增加", "增长", "上升", "提高", "减少", "下降", "降低", "节约", "减")

_TOTAL_WORDS = re.compile(r"(?:共计|合计|总计|总额)")
_DETAIL_WORDS = re.compile(r"具体情况|具体如下|明细如下|分别为|分别是")


def _components(found: list[Figure], total: Figure, start: int, end: int) -> list[Figure]:
    parts = [
        f
        for f in found
        if start <= f.start < end
        and f.same_unit(total)
        and f is not total
        and not f.label.endswith(_CHANGE_WORDS)
        and (not f.aside or total.aside)
    ]
    running = Decimal(0)
    for number, part in enumerate(parts):
        running += part.value
        if running == total.value:
            return parts[: number + 1]  # the list is complete here; the rest is other news
    return parts


# Parts that add up to most of the total, yet short of it: more likely a slip than a list of
# only some parts ("其中" may list only some).
_NEAR_WHOLE = Decimal("0.8")


def _sum_issue(
    passage: Passage, total: Figure, parts: list[Figure], exhaustive: bool
) -> ProseIssue | None:
    got = sum((p.value for p in parts), Decimal(0))
    if got == total.value:
        return None
    allowed = Interval.exact(Decimal(0))
    for part in parts:
        allowed = allowed + figure_interval(part)
    within = allowed.meets(figure_interval(total))
    # "其中" may list only part of the total: a shortfall there is not certain.
    certain = exhaustive or got > total.value
    severe = not within and (certain or got >= total.value * _NEAR_WHOLE)
    shown = " + ".join(p.text for p in parts)
    unit = total.unit if total.kind is not Kind.MONEY else "万元"
    if all(p.unit == total.unit for p in parts):  # say it in the text's own unit
        got, unit = sum((p.number for p in parts), Decimal(0)), total.unit
        allowed = allowed.scale(total.number / total.value) if total.value else allowed
    doubt = "" if within or certain else "（“其中”可能只列了部分分项；若已列全，则合计不符）"
    places = max(printed_places(f.value) for f in [total, *parts])
    return ProseIssue(
        passage,
        total.start,
        parts[-1].end,
        f"分项 {shown} = {plain(got)}{unit}，与所述合计 {total.text} 不符"
        + ("（在四舍五入尾差以内）" if within else doubt),
        total.text,
        f"{plain(got)}{unit}",
        severe,
        f"{len(parts)} 个分项按各自印出精度（整数视为精确）相加，允许区间 "
        f"{allowed.text(places)}{unit}",
        certain=certain,
        positions=(total.start, *(p.start for p in parts)),
    )


def component_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    """``共X，其中A、B、C`` and ``共计X … 具体情况：A … B`` against A + B + C."""
    for passage in items:
        text = passage.text
        found = figures(text)
        for pivot in _LIST_OPENER.finditer(text):
            heads = [f for f in found if f.end <= pivot.start() and f.kind is not Kind.PERCENT]
            if not heads or pivot.start() - heads[-1].end > 3:
                continue
            total = heads[-1]
            _, sentence_end = sentence_bounds(text, pivot.start())
            end = sentence_end
            if text[pivot.start() - 1 : pivot.start()] in ("（", "("):
                closing = min(
                    (
                        at
                        for at in (text.find("）", pivot.end()), text.find(")", pivot.end()))
                        if at >= 0
                    ),
                    default=sentence_end,
                )
                end = min(end, closing)
            # A "；" ends the list when the next clause opens an enumeration of its own.
            for semi in re.finditer("[；;]", text[pivot.end() : sentence_end]):
                at = pivot.end() + semi.start()
                following = text[
                    at + 1 : text.find("；", at + 1)
                    if "；" in text[at + 1 : sentence_end]
                    else sentence_end
                ]
                if len([f for f in figures(following) if f.same_unit(total)]) > 1:
                    end = at
                    break
            # A list nested in this one ("包括：人员经费140.52万元，其中基本工资…") ends it.
            nested = _LIST_OPENER.search(text, pivot.end(), end)
            if nested is not None and any(pivot.end() <= f.start < nested.start() for f in found):
                end = nested.start()
            parts = _components(found, total, pivot.end(), end)
            if len(parts) >= 2 and (issue := _sum_issue(passage, total, parts, False)):
                yield issue
        for word in _TOTAL_WORDS.finditer(text):
            after = [f for f in found if f.start >= word.end() and f.kind is not Kind.PERCENT]
            if not after or after[0].start - word.end() > 3:
                continue
            total = after[0]
            detail = _DETAIL_WORDS.search(text, total.end)
            if detail is None:
                continue
            parts = _components(found, total, detail.end(), len(text))
            if len(parts) >= 2 and (issue := _sum_issue(passage, total, parts, True)):
                yield issue
