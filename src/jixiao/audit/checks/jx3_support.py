"""What the rule-conformance checks (JX3xx) share: how sure the direction of a target is,
and whether a deduction is explained. Not a check; the checks import it."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.audit.common import squeeze
from jixiao.model.evaluation import Indicator
from jixiao.model.quantity import Comparator

# Indicators where less is better: rates and counts of bad events, costs, durations, and
# rates kept under a ceiling (调整率, 控制率, 偏差率).
_REVERSE = re.compile(
    r"(?:受害|成灾|发生|事故|投诉|差错|失误|超支|损失|死亡|伤亡|误差|违规|违纪|返工|不合格|逾期|"
    r"超标|缺陷|流失|拖欠|上访|延误|故障|空置|闲置|结余|结转)"
    r"|成本|费用|单价|时长|耗时|用时|周期|天数|时限|调整率|控制率|偏差率|偏离度|差异率"
)
_NO_NOTE = {"", "无", "无偏差", "/", "-", "—", "——", "无。", "不适用"}


@lru_cache(maxsize=16_384)
def _reads_reverse(text: str) -> bool:
    return _REVERSE.search(text) is not None


def direction_unstated(item: Indicator) -> bool:
    """The target prints no ≥/≤/= and its name or group reads as less-is-better, so the
    default positive reading (more is better) is an assumption, not what was printed."""
    target = item.target_quantity
    if not target.is_numeric or target.comparator is not None:
        return False
    return _reads_reverse(squeeze(f"{item.level2 or ''}{item.name}"))


def explained(item: Indicator) -> str | None:
    """The reason a reader gave for a deduction (偏差原因 or 扣分说明), if any."""
    for text in (item.deviation_note, item.notes):
        if text and squeeze(text) not in _NO_NOTE:
            return squeeze(text)
    return None


def explicit(comparator: Comparator | None) -> bool:
    return comparator in (Comparator.GE, Comparator.GT, Comparator.EQ)
