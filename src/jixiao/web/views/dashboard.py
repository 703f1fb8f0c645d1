"""The bureau's view across units: distributions, findings by code, per-unit drill-down."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web import scoping, services
from jixiao.web.charts import bar_chart
from jixiao.web.dashboard import (
    Overview,
    full_mark_units,
    listed_units,
    overview,
    page_rows,
    scope_rows,
    with_figures,
)
from jixiao.web.models import Evaluation, Status
from jixiao.web.tables import Ordering, by_annotation, by_columns, link_prefix, unit_table
from jixiao.web.views.evaluations import LIST_COLUMNS


def _year(request: HttpRequest) -> int | None:
    year = request.GET.get("year", "")
    return int(year) if year.isdigit() else None


def _scoped(request: HttpRequest) -> QuerySet[Evaluation]:
    queryset = scoping.evaluations_for(request.user)
    if (year := _year(request)) is not None:
        queryset = queryset.filter(year=year)
    return queryset


def _charts(data: Overview) -> dict[str, object]:
    codes = data.codes
    return {
        "score_chart": bar_chart(
            [label for label, _ in data.score_bins],
            [n for _, n in data.score_bins],
            title="应得总分分布（份）",
        ),
        "execution_chart": bar_chart(
            [label for label, _ in data.execution_bins],
            [n for _, n in data.execution_bins],
            title="预算执行率分布（份）",
        ),
        "codes_chart": bar_chart(
            [f"{c['code']} {c['title'][:8]}" for c in codes],
            [c["n"] for c in codes],
            title="审核问题按代码（条）",
            horizontal=True,
        ),
    }


def _years(request: HttpRequest, roots: list[int] | None) -> list[int]:
    rows = scope_rows(scoping.units_for(request.user), roots)
    years = rows.exclude(year=0).values_list("year", flat=True).distinct().order_by()
    return sorted(set(years), reverse=True)


FULL_MARK_SHOWN = 30  # names listed; the heading gives the count


def _unit_sorts(year: int | None) -> dict[str, Ordering]:
    sorts = {"unit__parent__name": by_columns("parent__name"), "unit__name": by_columns("name")}
    for key in ("count", "counted", "average", "lowest", "errors", "approved"):
        sorts[key] = by_annotation(lambda units: with_figures(units, year), key)
    return sorts


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    year, units = _year(request), scoping.units_for(request.user)
    roots = scoping.subtree_roots(request.user)
    data = overview(units, year, roots=roots)
    listed = listed_units(units, year)
    table = unit_table(request, listed, _unit_sorts(year), lambda ids: page_rows(ids, year))
    full = full_mark_units(units, year)
    shown = list(full.order_by("path").values_list("id", flat=True)[:FULL_MARK_SHOWN])
    return render(
        request,
        "jixiao/dashboard.html",
        {
            "data": data,
            "table": table,
            "full_marks": page_rows(shown, year),
            # fewer than a page shown is all of them: no second query to count them
            "full_mark_count": len(shown) if len(shown) < FULL_MARK_SHOWN else full.count(),
            "years": _years(request, roots),
            "year": request.GET.get("year", ""),
            # the drill-down link without reversing the URL once per unit (500 rows)
            "unit_base": link_prefix("dashboard_unit"),
        }
        | _charts(data),
    )


@login_required
def dashboard_unit(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = scoping.units_for(request.user).filter(pk=unit_id).first()
    if unit is None:
        raise Http404("单位不存在或无权查看")
    queryset = _scoped(request).filter(unit_id=unit.pk)
    data = overview(scoping.units_for(request.user).filter(pk=unit.pk), _year(request))
    rows = queryset.values(*LIST_COLUMNS).order_by("computed_total", "id")
    return render(
        request,
        "jixiao/dashboard_unit.html",
        {
            "unit": unit,
            "data": data,
            "rows": rows,
            "year": request.GET.get("year", ""),
            "type_labels": services.FORM_TYPE_LABELS,
            "status_labels": dict(Status.choices),
        }
        | _charts(data),
    )
