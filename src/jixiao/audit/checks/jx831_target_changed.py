"""JX831: a target in the monitoring form or the self-evaluation that is not the declared one."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.framework import Finding, Severity
from jixiao.audit.project_check import ProjectCheck
from jixiao.audit.relate import KIND_ZH, Entry, Project, Record
from jixiao.model.quantity import Comparator, Quantity, normalize_text, parse_quantity

# A comparator left out ("120公里") reads as the declared "≥120公里" or "=120公里".
_LOOSE = (None, Comparator.GE, Comparator.EQ)


def _same(first: Quantity, second: Quantity) -> bool:
    if first.is_numeric and second.is_numeric:
        comparators = first.comparator == second.comparator or (
            first.comparator in _LOOSE and second.comparator in _LOOSE
        )
        return comparators and first.value == second.value and first.unit == second.unit
    return normalize_text(first.raw) == normalize_text(second.raw)


class TargetChanged(ProjectCheck):
    """监控表或自评表的指标值与同一年度绩效目标申报表所列不同，且未见调整记录。

    绩效目标随预算批复，执行中确需调整的，应按程序报批，并在申报（调整）表或自评表的备注、
    偏差原因中写明。自评时换一个更低的目标值，得分就失去了依据。项目按项目编码、或名称与单位
    相同关联；指标按三级指标名称对应。同一年度有几份申报表（原表与调整表）时，与其中任何一份
    相同即不报告；两边数值不同时报错误，文字目标不同、或只是比较符号不同（“>95%”与“≥95%”）
    只报警告。
    反例：2024 年申报“改造农村公路 ≥120公里”，2024 年自评表写“≥100公里”，无任何说明。
    正例：自评表仍为“≥120公里”；或备注写明“经批准调整为 100 公里”。
    """

    code = "JX831"
    title = "指标值与申报的绩效目标不一致"

    def check_project(self, project: Project) -> Iterator[Finding]:
        for kind in ("monitoring", "self_evaluation"):
            declared: dict[int, tuple[Record, list[tuple[Record, bool]]]] = {}
            for declaration, record, sure in project.pairs("declaration", kind):
                declared.setdefault(id(record), (record, []))[1].append((declaration, sure))
            for record, declarations in declared.values():
                if record.adjusted:
                    continue
                for entry in record.entries:
                    rows = [(d, row, sure) for d, sure in declarations
                            if (row := d.unique().get(entry.key)) is not None]  # fmt: skip
                    if rows and not entry.adjusted and not any(r.adjusted for _, r, _ in rows):
                        yield from self._compare(project, record, entry, rows)

    def _compare(self, project: Project, record: Record, entry: Entry,
                 rows: list[tuple[Record, Entry, bool]]) -> Iterator[Finding]:
        printed = parse_quantity(entry.target)
        if not printed.raw:
            return
        stated = [(d, row, sure) for d, row, sure in rows if parse_quantity(row.target).raw]
        if not stated or any(_same(printed, parse_quantity(row.target)) for _, row, _ in stated):
            return
        declaration, row, sure = stated[-1]
        declared = parse_quantity(row.target)
        # The same figure under another sign (">95%" for "≥95%") may be a typing slip: a warning.
        numbers = printed.is_numeric and declared.is_numeric and not (
            printed.value == declared.value and printed.unit == declared.unit
        )
        yield self.related(
            f"{KIND_ZH[record.kind]}的指标值“{entry.target}”与{declaration.describe()}的"
            f"“{row.target}”不一致，未见目标调整记录",
            project=project, record=record, location=self.at(record, entry, "target"),
            year_sure=sure, rests_on=[(record, "target"), (declaration, "target")],
            claimed=entry.target, expected=row.target,
            severity=None if numbers else Severity.WARNING,
            tolerance="数值、单位与比较符号相同（未写比较符号视同“≥”或“=”）",
        )  # fmt: skip
