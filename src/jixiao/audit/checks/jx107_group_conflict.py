"""JX107: the same group heading printed with two different weights."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.common import (
    EXACT,
    evaluations,
    form_location,
    members,
    plain,
    squeeze,
    weight_sum,
)
from jixiao.audit.framework import AuditContext, Check, Finding, Severity


class GroupWeightConflict(Check):
    """同一分组（同名的一级或二级指标）标注了不同的分值。

    反例：“C1部门产出（2分）”与“C1部门产出（18分）”出现在同一张表中。
    正例：每个分组只标注一个分值，且等于其下指标分值之和。
    修正：核对分组标题，通常是跨页重复的表头或合并单元格错位。
    """

    code = "JX107"
    title = "同一分组标注了不同分值"
    family = "structure"
    severity = Severity.ERROR
    rests_on = frozenset[str]()
    tolerance = EXACT

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in evaluations(context):
            seen: dict[tuple[int, str], list[int]] = {}
            for number, group in enumerate(form.groups):
                seen.setdefault((group.level, squeeze(group.name)), []).append(number)
            for (_, name), numbers in seen.items():
                weights = sorted(
                    {w for n in numbers if (w := form.groups[n].weight) is not None}
                )
                if len(weights) < 2:
                    continue
                items = members(form, form.groups[numbers[0]])
                total: Decimal | None = weight_sum(items) if items else None
                detail = f"，其下指标分值合计 {plain(total)} 分" if total is not None else ""
                yield self.finding(
                    f"“{name}”先后标注为 "
                    + "、".join(f"{plain(w)} 分" for w in weights)
                    + detail,
                    location=form_location(index, form, f"groups.{numbers[1]}.weight"),
                    claimed="、".join(plain(w) for w in weights),
                    expected=total,
                )
