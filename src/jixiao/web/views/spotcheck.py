"""The 抽查 page and its sample list as an Excel file (for department reviewers, the bureau's
evaluators and administrators, over the units they may see)."""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from openpyxl import Workbook

from jixiao.web import exports, scoping, spotcheck

MAX_SAMPLE = 2000


@dataclass
class Check:
    year: int | None
    size: int
    seed: int
    rows: list[spotcheck.Row]
    high: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    picked: list[tuple[spotcheck.Row, str]]


def _number(request: HttpRequest, name: str, default: int, top: int) -> int:
    text = request.GET.get(name, "").strip()
    return max(0, min(int(text), top)) if text.isdigit() else default


def _check(request: HttpRequest) -> Check:
    actor = scoping.actor_for(request.user)
    if actor is None or not actor.can_spotcheck:
        raise PermissionDenied("只有主管部门审核人、财政/评价人员和管理员可以抽查")
    queryset = scoping.evaluations_for(request.user)
    year = int(text) if (text := request.GET.get("year", "")).isdigit() else None
    if year is not None:
        queryset = queryset.filter(year=year)
    rows = spotcheck.rows_of(queryset)
    high = spotcheck.high_scores_with_deviations(rows)
    pairs = spotcheck.copied_narratives(rows)
    spotcheck.mark(rows, high, pairs)
    size = _number(request, "size", max(1, min(50, len(rows) // 10 or len(rows))), MAX_SAMPLE)
    seed = _number(request, "seed", secrets.randbelow(1_000_000), 10**9)
    return Check(year, size, seed, rows, high, pairs, spotcheck.sample(rows, size, seed))


@login_required
def spotcheck_page(request: HttpRequest) -> HttpResponse:
    return render(request, "jixiao/spotcheck.html", {"check": _check(request),
                                                      "year": request.GET.get("year", "")})


@login_required
def spotcheck_export(request: HttpRequest) -> HttpResponse:
    check = _check(request)
    workbook = Workbook()
    workbook.remove(workbook.active)
    exports.write_sheet(
        workbook, "抽查清单",
        ["序号", "抽取方式", "风险分", "风险说明", "主管部门", "单位", "评价表", "年度",
         "应得总分", "原文总分", "错误", "警告", "说明了偏差的指标"],
        (
            [n, method, row.risk, "；".join(row.reasons), row.parent, row.unit, row.name,
             row.year, row.total, row.claimed, row.errors, row.warnings, row.notes]
            for n, (row, method) in enumerate(check.picked, start=1)
        ),
    )
    exports.write_sheet(
        workbook, "高分且说明了偏差的单位",
        ["主管部门", "单位", "已报送", "最低应得分", "说明了偏差的表", "说明了偏差的指标"],
        ([u["parent"], u["unit"], u["forms"], u["lowest"], u["explaining"], u["notes"]]
         for u in check.high),
    )
    exports.write_sheet(
        workbook, "文字雷同",
        ["单位", "评价表", "雷同单位", "雷同评价表", "相同比例(%)"],
        ([p["first"].unit, p["first"].name, p["second"].unit, p["second"].name, p["share"]]
         for p in check.pairs),
    )
    exports.write_sheet(
        workbook, "抽取参数", ["项目", "值"],
        [["年度", check.year or "全部"], ["已报送评价表", len(check.rows)],
         ["抽取份数", len(check.picked)], ["随机种子（相同种子得到相同清单）", check.seed],
         ["抽取时间", timezone.localtime().strftime("%Y-%m-%d %H:%M")]],
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return exports.attachment(buffer.getvalue(), f"抽查清单-{stamp}.xlsx", exports.XLSX)
