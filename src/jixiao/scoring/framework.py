"""Does a form carry the weights its pack's framework requires?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model.document import Document
from jixiao.model.evaluation import EvaluationBase, SelfEvaluationBase
from jixiao.rules.pack import Pack

ZERO = Decimal(0)


@dataclass(frozen=True)
class FrameworkProblem:
    form: int
    form_name: str
    field: str  # e.g. forms.3.indicators
    message: str  # Chinese
    strict: bool
    claimed: Decimal
    expected: Decimal


def framework_problems(document: Document, pack: Pack) -> list[FrameworkProblem]:
    problems = []
    for index, form in enumerate(document.forms):
        if not isinstance(form, EvaluationBase) or all(i.weight is None for i in form.indicators):
            continue  # a form without any weights is incomplete, not mis-weighted
        framework = pack.frameworks.get(form.type)
        if framework is None:
            continue
        field = f"forms.{index}.indicators"
        weights = [(i.level1, i.weight or ZERO) for i in form.indicators]
        execution = ZERO
        if isinstance(form, SelfEvaluationBase):
            execution = form.execution_weight or framework.execution_weight or ZERO
        total = sum((w for _, w in weights), ZERO) + execution
        if total != framework.total:
            problems.append(FrameworkProblem(
                index, form.name, field,
                f"各项分值合计 {total}（含执行率 {execution}），规则包 {pack.name} 要求满分 "
                f"{framework.total}", framework.strict, total, framework.total))
        for pattern, required in framework.level1_weights.items():
            matching = [w for level1, w in weights if re.search(pattern, level1)]
            if not matching:
                continue  # a missing level is the auditor's business, not a weight error
            got = sum(matching, ZERO)
            if got != required:
                label = pattern.split("|")[0]
                problems.append(FrameworkProblem(
                    index, form.name, field,
                    f"一级指标“{label}”分值合计 {got}，规则包 {pack.name} 要求 {required}",
                    framework.strict, got, required))
    return problems
