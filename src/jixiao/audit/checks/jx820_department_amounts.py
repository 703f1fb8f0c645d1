"""JX820: the amounts of a department's target table that do not add up."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.checks.jx8_support import sum_findings
from jixiao.audit.common import form_location, plain
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.decimals import (
    printed_interval,
    printed_places,
    round_half_up,
    share_interval,
)
from jixiao.model.common import SourceRef
from jixiao.model.declaration import DeclaredFunding, DepartmentTargetDeclaration
from jixiao.model.quantity import parse_quantity


class DepartmentAmountsNotSum(Check):
    """部门（单位）整体支出绩效目标表中，应当相加的金额不相加。

    四处：每项年度主要任务的财政拨款 + 其他资金 = 该任务的预算总额；各项任务的预算金额之和 =
    “金额合计”；基本支出 + 项目支出 = 资金总额；印出的占比 = 该项 ÷ 资金总额（按印出的位数，
    在两数四舍五入所允许的范围内即相符）。差额在各分项四舍五入尾差以内时只作提示。
    反例：“公共文化服务”总额 300 万元，财政拨款 280 万元、其他资金 30 万元（合 310）。
    正例：总额 300 = 280 + 20；两项任务 300 + 150 = 金额合计 450。
    """

    code = "JX820"
    title = "部门整体绩效目标表金额不相加"
    family = "declaration"
    severity = Severity.ERROR
    rests_on = frozenset({"column:funding"})

    def run(self, context: AuditContext) -> Iterator[Finding]:
        for index, form in enumerate(context.document.forms):
            if isinstance(form, DepartmentTargetDeclaration):
                yield from self._tasks(index, form)
                yield from self._spending(index, form)

    def _tasks(self, index: int, form: DepartmentTargetDeclaration) -> Iterator[Finding]:
        for number, task in enumerate(form.tasks):
            if task.amount is not None and task.fiscal is not None and task.other is not None:
                where = Location(form=index, form_name=form.name, indicator_name=task.name,
                                 field=f"tasks.{number}.amount",
                                 source=task.sources.get("amount"))  # fmt: skip
                yield from sum_findings(self, f"任务“{task.name}”的财政拨款与其他资金", task.amount,
                                        [task.fiscal, task.other], "预算总额", where)
        amounts = [task.amount for task in form.tasks if task.amount is not None]
        if form.tasks_total is not None and amounts and len(amounts) == len(form.tasks):
            where = form_location(index, form, "tasks_total")
            yield from sum_findings(self, f"{len(amounts)} 项年度主要任务的预算金额",
                                    form.tasks_total, amounts, "金额合计", where)

    def _spending(self, index: int, form: DepartmentTargetDeclaration) -> Iterator[Finding]:
        total = form.total_funding
        if total is None or total.amount is None:
            return
        parts = [line for line in form.spending if not line.is_sub]
        values = [line.amount for line in parts if line.amount is not None]
        if len(values) >= 2 and len(values) == len(parts):
            source: SourceRef | None = total.sources.get("amount")
            where = form_location(index, form, "funding.amount", source)
            names = "与".join(line.source for line in parts)
            yield from sum_findings(self, names, total.amount, values, f"“{total.source}”", where)
        for line in [*form.funding, *form.spending]:
            if not line.is_total:
                yield from self._share(index, form, line, total.amount)

    def _share(self, index: int, form: DepartmentTargetDeclaration, line: DeclaredFunding,
               total: Decimal) -> Iterator[Finding]:
        printed = parse_quantity(line.share)
        if line.amount is None or not printed.is_percent or printed.number is None:
            return
        computed = share_interval(line.amount, total)
        if computed is None or computed.meets(printed_interval(printed.number)):
            return
        where = form_location(index, form, "spending.share", line.sources.get("share"))
        places = printed_places(printed.number)
        middle = line.amount * 100 / total
        yield self.finding(
            f"“{line.source}”{plain(line.amount)} 占资金总额 {plain(total)} 的 "
            f"{plain(round_half_up(middle, places + 1))}%，原文却印 {line.share}",
            location=where, claimed=line.share,
            expected=f"{plain(round_half_up(middle, places))}%",
            tolerance="按两数各自的四舍五入范围计算占比区间",
        )  # fmt: skip
