"""A stated count against the list that follows it: "下设3个科室：办公室、财务股、业务股".

The count (Arabic or Chinese numerals) with its measure word opens the list with a colon or
an enumerating word (分别是、包括、即…); the list runs to the end of its clause and its items
are separated by 、 (the last one may be joined by 和/及/以及). A list that says it is
partial (等、……、其中) or that enumerates points (一是…、二是…) is not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.prose import Passage, ProseIssue

_NUMERAL = "零一二两三四五六七八九十"
_COUNT_RE = re.compile(
    rf"(?P<num>\d{{1,3}}|[{_NUMERAL}]{{1,3}})(?P<unit>个|家|所|座|支|处|类|名)"
    r"(?P<noun>[\u4e00-\u9fff]{0,10}?)"
    r"(?P<intro>[:：]|[,，]?(?:分别是|分别为|分别|包括|即|具体是|具体为|为)[:：]?)"
)
# The list's own clause: up to the next clause mark (an enumeration comma is not one).
_LIST_END_RE = re.compile(r"[,，;；。!！?？:：\n]")
_LAST_JOIN_RE = re.compile(r"以及|和|及|与")
_PARTIAL_RE = re.compile(r"等|……|…|其中|包括但不限于|\.\.\.")
_POINTS_RE = re.compile(r"^(?:一是|第一|首先|\d[.、)）]|[(（][一1][)）])")
_EXPLICIT = ("分别是", "分别为", "分别", "即")  # the list is meant to be the whole
ITEM_LENGTH = range(2, 21)


def chinese_count(text: str) -> int | None:
    """``10`` or ``十`` / ``十二`` / ``二十`` / ``两`` as an int (up to 99)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
    if "十" not in text:
        return digits.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    high = digits.get(tens, -1) if tens else 1
    low = digits.get(ones, -1) if ones else 0
    return high * 10 + low if high >= 0 and low >= 0 else None


def _items(text: str) -> list[str] | None:
    """The items of an enumeration, or ``None`` when it is not a plain, complete one."""
    if _PARTIAL_RE.search(text) or _POINTS_RE.match(text) or "、" not in text:
        return None
    parts = [p.strip() for p in text.split("、")]
    last = _LAST_JOIN_RE.split(parts[-1])
    if len(last) == 2 and all(len(p) in ITEM_LENGTH for p in last):
        parts[-1:] = last
    if any(len(p) not in ITEM_LENGTH or re.search(r"\d", p) for p in parts):
        return None
    return parts


def enumeration_issues(items: list[Passage]) -> Iterator[ProseIssue]:
    for passage in items:
        text = passage.text
        for found in _COUNT_RE.finditer(text):
            stated = chinese_count(found.group("num"))
            if stated is None or stated < 2:
                continue
            start = found.end()
            stop = _LIST_END_RE.search(text, start)
            end = stop.start() if stop else len(text)
            listed = _items(text[start:end])
            if listed is None or len(listed) == stated:
                continue
            intro = found.group("intro").strip(",，:：")
            certain = intro in _EXPLICIT and (stop is None or stop.group(0) in "。;；\n")
            what = f"{found.group('unit')}{found.group('noun')}"
            yield ProseIssue(
                passage,
                found.start(),
                end,
                f"原文写“{found.group('num')}{what}”，其后列出的是 {len(listed)} 项："
                f"{'、'.join(listed)}"
                + ("" if certain else "（列举可能不完整或另有所指，请核对）"),
                claimed=str(stated),
                expected=str(len(listed)),
                certain=certain,
            )
