"""Scoring, auditing, storing and moving evaluations through review.

Every number and finding comes from one :func:`jixiao.assessment.assess` of the document;
this module only stores them beside it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from jixiao.assessment import Assessment as DocumentAssessment
from jixiao.assessment import assess as assess_document
from jixiao.audit import Finding, Severity
from jixiao.audit.framework import Location
from jixiao.audit.relate import records_data, records_of
from jixiao.model import Document
from jixiao.model.io import document_from_data, dump_json
from jixiao.scoring import FormResult
from jixiao.web import spotcheck
from jixiao.web.models import Evaluation, FindingRecord
from jixiao.web.packs import check_pack, without_rule_choice

EVALUATION_TYPES = ("project_self_evaluation", "department_self_evaluation", "scored_evaluation")
# The budget cycle's forms: stored, reviewed and related like the others, shown read-only.
CYCLE_TYPES = ("target_declaration", "department_target_declaration", "performance_monitoring")
FORM_TYPE_LABELS = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门（单位）整体支出绩效自评表",
    "scored_evaluation": "绩效评价评分表",
    "target_declaration": "项目支出绩效目标申报表",
    "department_target_declaration": "部门（单位）整体支出绩效目标表",
    "performance_monitoring": "绩效运行监控表",
    "questionnaire": "问卷调查",
    "basic_data": "基础数据表",
    "final_accounts": "部门决算",
}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}
HEADER_FIELDS = {
    "name": "名称",
    "unit": "实施单位",
    "department": "主管部门",
    "year": "年度",
    "money_unit": "金额单位",
    "execution_weight": "执行率分值",
    "claimed_execution_rate": "执行率（原文）",
    "claimed_execution_score": "执行率得分（原文）",
    "claimed_total": "总分（原文）",
    "claimed_grade": "等次（原文）",
    "goal_expected": "年度总体目标：预期目标",
    "goal_actual": "年度总体目标：实际完成情况",
}
FUNDING_FIELDS = {
    "source": "资金来源",
    "initial_budget": "年初预算数",
    "adjusted_budget": "全年预算数",
    "executed": "全年执行数",
}
INDICATOR_FIELDS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "weight": "分值",
    "target": "年度指标值",
    "actual": "实际完成值",
    "completion": "完成率（原文）",
    "rule": "赋分规则",
    "claimed_score": "得分（原文）",
    "deviation_note": "偏差原因分析及改进措施",
}
NARRATIVE_SECTIONS = {
    "overview": "基本情况",
    "process": "评价工作开展情况",
    "conclusion": "综合评价补充说明",
    "analysis": "指标分析补充说明",
    "experience": "主要经验及做法",
    "problems": "存在的问题及原因分析",
    "suggestions": "有关建议",
    "other": "其他需要说明的问题",
}


EXTRA_FIELDS = {
    "indicators": "指标",
    "funding": "资金",
    "total_weight": "分值合计",
    "evidence": "佐证材料",
    "code": "指标编号",
    "claimed_total_points": "问卷总分（原文）",
    "claimed_staff_control_rate": "人员控制率（原文）",
    "points": "评价要点",
    "notes": "评分说明",
}
FIELD_LABELS = EXTRA_FIELDS | FUNDING_FIELDS | INDICATOR_FIELDS | HEADER_FIELDS


def location_text(location: Location) -> str:
    """Where a finding is, in Chinese: field names as the form prints them."""
    if location.field:
        label = FIELD_LABELS.get(location.field, location.field)
        location = location.model_copy(update={"field": f"「{label}」"})
    return location.describe().replace("字段 「", "「")


@dataclass(frozen=True)
class Assessment:
    """The one assessment of a document (:class:`jixiao.assessment.Assessment`) and how many
    of the document's own rule kinds were removed before it."""

    core: DocumentAssessment
    ignored_rules: int = 0  # indicators whose own rule_kind was removed

    @property
    def document(self) -> Document:
        return self.core.document

    @property
    def pack_name(self) -> str:
        return self.core.pack.name

    @property
    def pack_reason(self) -> str:
        return self.core.pack_reason

    @property
    def findings(self) -> list[Finding]:
        return self.core.findings

    @property
    def form(self) -> FormResult | None:
        index = main_form_index(self.document)
        return None if index is None else self.core.form_result(index)

    def count(self, severity: Severity) -> int:
        return self.core.count(severity)


def main_form_index(document: Document) -> int | None:
    """The form an evaluation is about: the first evaluation form, else the first cycle
    form, else the first form."""
    for kinds in (EVALUATION_TYPES, CYCLE_TYPES):
        for index, form in enumerate(document.forms):
            if form.type in kinds:
                return index
    return 0 if document.forms else None


def assess(document: Document, pack_ref: str = "auto") -> Assessment:
    """Score and audit once under a registered pack (never a path); the document's own rule
    kinds are removed first (:mod:`jixiao.web.packs`)."""
    document, ignored = without_rule_choice(document)
    return Assessment(assess_document(document, check_pack(pack_ref)), ignored)


def document_data(document: Document) -> dict[str, Any]:
    """The canonical JSON data of a document (what the JSONField stores)."""
    data: dict[str, Any] = json.loads(dump_json(document))
    return data


def load(evaluation: Evaluation) -> Document:
    return document_from_data(evaluation.document)


def split_document(document: Document) -> list[Document]:
    """One document per evaluation or cycle form (a workbook of a project's declaration and
    self-evaluation is two forms to review); other forms and the prose stay with the first."""
    kinds = (*EVALUATION_TYPES, *CYCLE_TYPES)
    indexes = [i for i, form in enumerate(document.forms) if form.type in kinds]
    if len(indexes) <= 1:
        return [document]
    others = [form for form in document.forms if form.type not in kinds]
    parts = []
    for n, index in enumerate(indexes):
        forms = [document.forms[index], *others] if n == 0 else [document.forms[index]]
        paragraphs = document.paragraphs if n == 0 else []
        parts.append(document.model_copy(update={"forms": forms, "paragraphs": paragraphs}))
    return parts


def _title(document: Document) -> tuple[str, str, int | None]:
    index = main_form_index(document)
    if index is None:
        return "", document.title or "（空文件）", document.year
    form = document.forms[index]
    name = getattr(form, "name", None) or document.title or FORM_TYPE_LABELS.get(form.type, "")
    year = getattr(form, "year", None) or document.year
    return form.type, str(name), year


def _full_marks(form: FormResult | None) -> bool:
    if form is None:
        return False
    weighted = [item for item in form.indicators if item.weight is not None]
    return bool(weighted) and all(item.computed_score == item.weight for item in weighted)


def apply_assessment(evaluation: Evaluation, assessment: Assessment) -> list[FindingRecord]:
    """Copy the document, its scores and counts into the evaluation (unsaved); return the
    finding rows to store for it."""
    document = assessment.document
    form_type, name, year = _title(document)
    form = assessment.form
    evaluation.document = document_data(document)
    evaluation.form_type = form_type
    evaluation.name = name[:300]
    evaluation.year = year
    evaluation.pack_used = assessment.pack_name
    evaluation.pack_reason = assessment.pack_reason[:300]
    evaluation.result = form.model_dump(mode="json") if form is not None else {}
    evaluation.computed_total = form.computed_total if form is not None else None
    evaluation.claimed_total = form.claimed_total if form is not None else None
    evaluation.grade = (form.computed_grade or "") if form is not None else ""
    execution = form.execution if form is not None else None
    evaluation.execution_rate = execution.computed_rate if execution is not None else None
    evaluation.indicator_count = len(form.indicators) if form is not None else 0
    evaluation.total_weight = form.total_weight if form is not None else None
    evaluation.all_full_marks = _full_marks(form)
    evaluation.error_count = assessment.count(Severity.ERROR)
    evaluation.warning_count = assessment.count(Severity.WARNING)
    evaluation.info_count = assessment.count(Severity.INFO)
    evaluation.deviation_notes = spotcheck.deviation_notes(evaluation.document)
    evaluation.narrative_sig = spotcheck.signature(spotcheck.narrative_text(evaluation.document))
    # what the project-cycle section compares, so that a page reads these, not the documents
    evaluation.cycle_records = records_data(records_of(document))
    return [finding_record(evaluation, finding) for finding in assessment.findings]


def finding_record(evaluation: Evaluation, finding: Finding) -> FindingRecord:
    return FindingRecord(
        evaluation=evaluation,
        code=finding.code,
        severity=finding.severity.value,
        title=finding.title[:200],
        message=finding.message,
        location=location_text(finding.location)[:500],
        form_index=finding.location.form,
        indicator_index=finding.location.indicator,
        claimed=(finding.claimed or "")[:200],
        expected=(finding.expected or "")[:200],
    )


def finding_data(finding: Finding) -> dict[str, Any]:
    """A finding as JSON data for pages and the API, with Chinese labels."""
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "severity_label": SEVERITY_LABELS[finding.severity.value],
        "title": finding.title,
        "message": finding.message,
        "location": location_text(finding.location),
        "form": finding.location.form,
        "indicator": finding.location.indicator,
        "claimed": finding.claimed,
        "expected": finding.expected,
    }


def severity_counts(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(finding.severity.value for finding in findings)
    return {key: counts.get(key, 0) for key in SEVERITY_LABELS}


def assessment_data(assessment: Assessment) -> dict[str, Any]:
    """Scores of the main form and all findings, as JSON data (live editor and API)."""
    form = assessment.form
    return {
        "pack": assessment.pack_name,
        "pack_reason": assessment.pack_reason,
        "form": form.model_dump(mode="json") if form is not None else None,
        "findings": [finding_data(finding) for finding in assessment.findings],
        "counts": severity_counts(assessment.findings),
    }
