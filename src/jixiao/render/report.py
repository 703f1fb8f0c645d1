"""The evaluation report (绩效自评报告 / 绩效评价报告) as docx, in GB/T 9704 style.

The outline depends on the kind of evaluation (:mod:`jixiao.render.report_outlines`).
Quantitative sentences are generated from the same view as the form the report ships
with: the filed figures by default, the figures by the rules with ``recomputed``; where
they differ the report says what the figure should be. Narrative sections come from the
evaluation's ``narrative`` or, failing that, from the report the source document already
contains (:mod:`jixiao.render.narrative`); only what is truly missing becomes a
highlighted 【待填写：…】 placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jixiao.assessment import Assessment
from jixiao.audit import Finding
from jixiao.errors import JixiaoError
from jixiao.render import docx_kit
from jixiao.render.narrative import import_narrative, is_subheading
from jixiao.render.report_annex import findings_table, score_table
from jixiao.render.report_base import ReportOptions
from jixiao.render.report_blocks import Blocks
from jixiao.render.report_outlines import NARRATIVE_LABELS, OUTLINES, Block
from jixiao.render.view import form_views

__all__ = ["NARRATIVE_SECTIONS", "ReportOptions", "ReportSummary", "write_report"]

# The narrative sections a form may carry (``narrative:`` in the canonical YAML).
NARRATIVE_SECTIONS: dict[str, str] = NARRATIVE_LABELS
FORM_ZH = {
    "project_self_evaluation": "项目支出绩效自评表",
    "department_self_evaluation": "部门（单位）整体支出绩效自评表",
    "scored_evaluation": "绩效评价评分表",
}
NUMERALS = "一二三四五六七八九十"


@dataclass
class ReportSummary:
    path: Path
    form_name: str
    placeholders: list[str] = field(default_factory=list)
    charts: int = 0
    annexes: int = 0
    findings: int | None = None
    imported: list[str] = field(default_factory=list)


def _numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= len(NUMERALS) else str(n)


class _Report(Blocks):
    def title(self) -> None:
        form, year = self.view.form, f"{self.view.year}年度" if self.view.year else ""
        if form.type == "department_self_evaluation":
            heading = f"{form.name}{year}部门（单位）整体支出绩效自评报告"
        elif form.type == "project_self_evaluation":
            heading = f"{form.name}{year}项目支出绩效自评报告"
        else:
            heading = f"{form.name}绩效评价报告"
        self.doc.title(heading, form.unit if form.unit and form.unit != form.name else None)

    def write(self, findings: list[Finding] | None) -> int:
        self.title()
        for n, part in enumerate(OUTLINES[self.view.form.type], start=1):
            blocks = [b for b in part.blocks if self._has_content(b)]
            if not blocks:
                continue
            self.doc.heading(f"{_numeral(n)}、{part.title}", 1)
            numbered = sum(1 for b in blocks if b.title) > 0
            for m, block in enumerate(blocks, start=1):
                if block.title and numbered:
                    self.doc.heading(f"（{_numeral(m)}）{block.title}", 2)
                for content in block.content:
                    self._content(content)
        return self.annexes(findings)

    def _has_content(self, block: Block) -> bool:
        for content in block.content:
            if content.startswith("text?:"):
                if self.narrative_of(content.removeprefix("text?:")):
                    return True
            elif content == "funding":
                if self.view.self_evaluation is not None:
                    return True
            elif content == "projects":
                if any(v.form.type == "project_self_evaluation" for v in self.others):
                    return self.view.form.type == "department_self_evaluation"
            else:
                return True
        return False

    def _content(self, content: str) -> None:
        if content.startswith(("text:", "text?:")):
            key = content.split(":", 1)[1]
            self.text(key, required=content.startswith("text:"))
            return
        getattr(self, content)()

    def text(self, key: str, *, required: bool) -> None:
        lines = self.narrative_of(key)
        if not lines:
            if required:
                self.placeholder(NARRATIVE_LABELS[key])
            return
        if key not in self.view.form.narrative:
            self.imported_used.append(key)
        for line in lines:
            if is_subheading(line):
                self.doc.heading(line, 3)
            else:
                self.doc.paragraph(line)

    def annexes(self, findings: list[Finding] | None) -> int:
        doc = self.doc
        doc.page_break()
        doc.heading("附件", 1)
        count = 1
        doc.heading(f"附件{count}：{self.view.form.name}绩效评分表", 2)
        score_table(doc, self.view, self.grade_of(self.view))
        for other in self.others:
            count += 1
            kind = FORM_ZH.get(other.form.type, "评分表")
            doc.heading(f"附件{count}：{other.form.name}{kind}", 2)
            score_table(doc, other, self.grade_of(other))
        if findings is not None:
            count += 1
            doc.heading(f"附件{count}：审核发现", 2)
            findings_table(doc, findings)
        return count


def write_report(
    assessment: Assessment, path: Path, options: ReportOptions | None = None
) -> ReportSummary:
    """Write the report about one evaluation form of the assessed document (the first by
    default); the other evaluation forms are annexed with their score tables. The scores and
    findings are the assessment's: nothing is scored or audited again."""
    options = options or ReportOptions()
    document, pack, result = assessment.document, assessment.pack, assessment.scores
    views = list(form_views(document, result, claimed=not options.recomputed))
    if not views:
        raise JixiaoError("E501", "文件中没有可写入报告的自评表或评分表", file=document.source_file)
    chosen = (options.form or 1) - 1
    if not 0 <= chosen < len(views):
        raise JixiaoError("E544", f"--form 应在 1 到 {len(views)} 之间", file=document.source_file)
    view = views[chosen]
    unknown = sorted(set(view.form.narrative) - set(NARRATIVE_SECTIONS))
    if unknown:
        raise JixiaoError(
            "E543",
            f"narrative 中有不认识的章节 {'、'.join(unknown)}"
            f"（可用：{'、'.join(NARRATIVE_SECTIONS)}）",
            field=f"forms.{view.result.index}.narrative",
        )
    others = [v for n, v in enumerate(views) if n != chosen]
    findings: list[Finding] | None = assessment.findings if options.with_findings else None
    doc = docx_kit.new_document(options.template)
    imported = import_narrative(document.paragraphs, view.form.type)
    report = _Report(docx_kit.DocxWriter(doc), view, others, pack, options, imported)
    annexes = report.write(findings)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        doc.save(str(path))
    except OSError as exc:
        raise JixiaoError("E503", f"无法写入文件：{exc.strerror}", file=str(path)) from None
    return ReportSummary(
        path=path,
        form_name=view.form.name,
        placeholders=report.placeholders,
        charts=report.figures,
        annexes=annexes,
        findings=None if findings is None else len(findings),
        imported=report.imported_used,
    )
