"""Download views (permission-checked like every page)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from jixiao.errors import JixiaoError
from jixiao.web import exports, scoping


@login_required
def evaluation_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    evaluation = scoping.get_evaluation(request.user, pk)
    if fmt not in exports.FORMATS:
        raise Http404("不支持的格式")
    try:
        data, filename = exports.evaluation_file(evaluation, fmt)
    except JixiaoError as error:
        return HttpResponse(error.render(), status=422, content_type="text/plain; charset=utf-8")
    return exports.attachment(data, filename, exports.FORMATS[fmt])


@login_required
def summary_export(request: HttpRequest) -> HttpResponse:
    queryset = scoping.evaluations_for(request.user)
    year = int(text) if (text := request.GET.get("year", "")).isdigit() else None
    if year is not None:
        queryset = queryset.filter(year=year)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    data = exports.summary_workbook(
        queryset, scoping.units_for(request.user), year, scoping.subtree_roots(request.user)
    )
    return exports.attachment(data, f"绩效评价汇总-{stamp}.xlsx", exports.XLSX)
