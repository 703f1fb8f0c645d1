"""The bureau's view across units: distributions, findings by code, per-unit drill-down."""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from jixiao.web import scoping, services
from jixiao.web.charts import bar_chart
from jixiao.web.dashboard import Overview, overview
from jixiao.web.models import Evaluation, Status, UnitStats
from jixiao.web.tables import sort_filter_page
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


def _years(request: HttpRequest) -> list[int]:
    rows = UnitStats.objects.filter(unit__in=scoping.units_for(request.user).values("id"))
    years = rows.exclude(year=0).values_list("year", flat=True).distinct().order_by()
    return sorted(set(years), reverse=True)


UNIT_SORTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    key: itemgetter(key)
    for key in ("unit__parent__name", "unit__name", "count", "counted", "average", "lowest",
                "errors", "approved")
}


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    data = overview(scoping.units_for(request.user), _year(request))
    table = sort_filter_page(
        request, data.units, UNIT_SORTS, text=lambda u: u["unit__name"] + u["unit__parent__name"]
    )
    return render(
        request,
        "jixiao/dashboard.html",
        {
            "data": data,
            "table": table,
            "years": _years(request),
            "year": request.GET.get("year", ""),
            # the drill-down link without reversing the URL once per unit (500 rows)
            "unit_base": reverse("dashboard_unit", args=[0]).removesuffix("0/"),
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
