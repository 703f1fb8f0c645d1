"""Audit findings across every evaluation the user may see, by code and in full."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web import scoping, services
from jixiao.web.models import FindingRecord

PAGE_SIZE = 100


@login_required
def findings(request: HttpRequest) -> HttpResponse:
    visible = FindingRecord.objects.filter(
        evaluation__in=scoping.evaluations_for(request.user).values("id")
    )
    by_code = visible.values("code", "title", "severity").annotate(n=Count("id")).order_by("code")
    rows = visible.select_related("evaluation", "evaluation__unit").order_by("code", "id")
    if code := request.GET.get("code", "").strip().upper():
        rows = rows.filter(code=code)
    if (severity := request.GET.get("severity", "")) in services.SEVERITY_LABELS:
        rows = rows.filter(severity=severity)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jixiao/findings.html",
        {
            "by_code": by_code,
            "page": page,
            "code": code,
            "severity": severity,
            "query": query.urlencode(),
            "severity_labels": services.SEVERITY_LABELS,
        },
    )
