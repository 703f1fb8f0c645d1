"""The budget cycle on the web: a declaration or monitoring form shown as the form it is, and
the documents of one project across the cycle (申报 → 监控 → 自评 → next year's 申报) on
the page of each, related as ``jixiao audit`` relates files, with the JX83x findings between
them.

Only the unit's own forms are candidates (a project belongs to its unit), narrowed by year and
name before any document is parsed, so the page stays quick in a unit with many forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from jixiao.audit.framework import Finding
from jixiao.audit.project_check import report_projects
from jixiao.audit.relate import (
    PROJECT_TYPES,
    Record,
    project_key,
    records_from_data,
    records_of,
    relate,
)
from jixiao.model import Document
from jixiao.render.cycle_grid import cycle_grids, spans
from jixiao.web.models import Evaluation
from jixiao.web.services import load

CANDIDATE_NAMES = 0.6  # a looser bar than relate's: relate decides, this only narrows


def grid_rows(document: Document) -> list[dict[str, Any]] | None:
    """The main cycle form as table rows of cells (text, rowspan, colspan, header, number)
    for a read-only page; None when the document holds no cycle form."""
    grids = cycle_grids(document)
    if not grids:
        return None
    grid = grids[0]
    rows: list[dict[str, Any]] = [{"cells": []} for _ in grid.rows]
    for r, c, height, width, value in spans(grid):
        number = isinstance(value, Decimal)
        rows[r]["cells"].append({
            "text": f"{value:,f}" if number else value, "rowspan": height, "colspan": width,
            "header": r in grid.headers, "number": number,
            "left": r in grid.wide and c > 0 and not number,
        })  # fmt: skip
    return [{"title": grid.title, "subtitle": grid.subtitle, "width": grid.width}, *rows]


@dataclass
class Member:
    evaluation: Evaluation
    label: str  # 2025年绩效目标申报表 …


@dataclass
class ProjectCycle:
    """The project an evaluation belongs to across the cycle: how its forms were related,
    each form, and what the cross-document checks found between them."""

    how: str
    near: bool
    members: list[Member]
    findings: list[tuple[Finding, Evaluation]] = field(default_factory=list)


def _candidates(evaluation: Evaluation) -> list[Evaluation]:
    """The unit's project forms of the year before, the year and the year after whose names
    are near enough to be worth relating (names only: no document is parsed here)."""
    key = project_key(evaluation.name)
    others = Evaluation.objects.filter(
        unit_id=evaluation.unit_id, is_active=True, form_type__in=PROJECT_TYPES
    )
    if evaluation.year is not None:
        others = others.filter(year__in=(evaluation.year - 1, evaluation.year, evaluation.year + 1))
    found = [
        pk for pk, name in others.values_list("pk", "name")
        if pk == evaluation.pk or SequenceMatcher(None, key, project_key(name)).ratio()
        >= CANDIDATE_NAMES
    ]
    # only what the section shows and relates: a form's document and results are large
    shown = ("id", "unit_id", "name", "status", "form_type", "year", "cycle_records")
    chosen = Evaluation.objects.filter(pk__in=found).only(*shown)
    return list(chosen.order_by("year", "form_type", "id"))


def _records(candidate: Evaluation, file: str) -> list[Record]:
    """The candidate's records as kept at its last save, named by ``file``; read from its
    document for a form saved before they were kept."""
    if candidate.cycle_records is not None:
        kept = records_from_data(candidate.cycle_records)
    else:
        document = load(Evaluation.objects.only("document").get(pk=candidate.pk))
        kept = records_of(document)
    return [replace(record, file=file) for record in kept]


def project_cycle(evaluation: Evaluation) -> ProjectCycle | None:
    """The other forms of this evaluation's project in its unit, and the JX83x findings on
    pairs of them (:func:`jixiao.audit.project_check.report_projects`, as ``jixiao audit``
    reports files); None when the form relates to no other."""
    if evaluation.form_type not in PROJECT_TYPES:
        return None
    candidates = _candidates(evaluation)
    if len(candidates) < 2:
        return None
    by_file: dict[str, Evaluation] = {}
    records: list[Record] = []
    for candidate in candidates:
        file = f"编号{candidate.pk}"  # how the findings name the other form
        by_file[file] = candidate
        records += _records(candidate, file)
    mine = f"编号{evaluation.pk}"
    project = next((p for p in relate(records) if mine in p.files), None)
    if project is None:
        return None
    order = {"declaration": 0, "monitoring": 1, "self_evaluation": 2}
    ranked = sorted(project.records, key=lambda r: (r.year or 0, order[r.kind]))
    members = [Member(by_file[r.file or ""], r.label) for r in ranked]
    [report] = report_projects([project])
    findings = [(f, by_file[f.document or ""]) for f in report.findings]
    return ProjectCycle(report.how, report.near, members, findings)
