"""What every part of a report shares: the document, the view it is written from, the
narrative (the form's own, else imported from the source), placeholders and figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from jixiao.render import docx_kit
from jixiao.render.charts import Chart
from jixiao.render.numbers import score
from jixiao.render.view import FormView
from jixiao.rules.pack import Pack


@dataclass(frozen=True)
class ReportOptions:
    template: Path | None = None
    with_findings: bool = False
    form: int | None = None  # which evaluation (1-based among evaluation forms); default: first
    charts: bool = True
    recomputed: bool = False  # figures by the rules (like ``export --recomputed``)


@dataclass
class ReportBase:
    doc: docx_kit.DocxWriter
    view: FormView
    others: list[FormView]
    pack: Pack
    options: ReportOptions
    imported: dict[str, list[str]] = field(default_factory=dict)
    placeholders: list[str] = field(default_factory=list)
    figures: int = 0
    imported_used: list[str] = field(default_factory=list)

    @property
    def recomputed(self) -> bool:
        return self.options.recomputed

    def shown(self, value: Decimal | None) -> str:
        return score(value, self.pack.rounding.places)

    def grade_of(self, view: FormView) -> str:
        if view.grade:
            return view.grade
        return self.pack.grade_for(view.total) if view.total is not None else "—"

    def narrative_of(self, key: str) -> list[str]:
        text = self.view.form.narrative.get(key, "").strip()
        if text:
            return [line.strip() for line in text.split("\n") if line.strip()]
        return self.imported.get(key, [])

    def placeholder(self, label: str) -> None:
        self.doc.placeholder(label)
        self.placeholders.append(label)

    def figure(self, chart: Chart | None, caption: str) -> None:
        if chart is None:
            return
        self.figures += 1
        self.doc.chart(chart, f"图{self.figures}  {caption}")

    def review(self, text: str) -> None:
        """A finding of the check, said the same way as the form's comments."""
        if self.recomputed:
            self.doc.paragraph(
                f"经审核，{text}；本报告采用按评分规则计算的结果，与所附自评表一致。"
            )
        else:
            self.doc.paragraph(
                f"经审核，{text}，请核实后修改（详见自评表中标色单元格的批注和“审核说明”表）。"
            )
