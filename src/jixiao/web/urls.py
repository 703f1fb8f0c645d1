"""URL map: pages, the JSON API (``/api/``, docs at ``/api/docs``) and the admin."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from jixiao.web.api import api
from jixiao.web.views import (
    dashboard,
    evaluations,
    exports,
    findings,
    imports,
    spotcheck,
    tasks,
)
from jixiao.web.views.accounts import (
    PasswordChange,
    ThrottledAdminLoginView,
    ThrottledLoginView,
    account,
)

admin.site.site_header = "预算绩效评价 管理后台"
admin.site.site_title = "jixiao 管理后台"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="evaluation_list"), name="home"),
    path("login/", ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", account, name="account"),
    path("account/password/", PasswordChange.as_view(), name="password_change"),
    path("evaluations/", evaluations.evaluation_list, name="evaluation_list"),
    path("evaluations/new/", evaluations.evaluation_new, name="evaluation_new"),
    path("evaluations/<int:pk>/", evaluations.evaluation_edit, name="evaluation_edit"),
    path("evaluations/<int:pk>/live/", evaluations.evaluation_live, name="evaluation_live"),
    path("evaluations/<int:pk>/review/", evaluations.evaluation_review, name="evaluation_review"),
    path(
        "evaluations/<int:pk>/restore/", evaluations.evaluation_restore, name="evaluation_restore"
    ),
    path(
        "evaluations/<int:pk>/findings/",
        evaluations.evaluation_findings,
        name="evaluation_findings",
    ),
    path("evaluations/<int:pk>/evidence/", evaluations.evidence_upload, name="evidence_upload"),
    path(
        "evaluations/<int:pk>/evidence/<int:evidence_id>/",
        evaluations.evidence_download,
        name="evidence_download",
    ),
    path(
        "evaluations/<int:pk>/export/<str:fmt>/",
        exports.evaluation_export,
        name="evaluation_export",
    ),
    path("export/summary.xlsx", exports.summary_export, name="summary_export"),
    path("import/", imports.import_upload, name="import_upload"),
    path("import/<int:pk>/", imports.import_preview, name="import_preview"),
    path("import/<int:pk>/progress/", imports.import_progress, name="import_progress"),
    path("import/<int:pk>/accept/", imports.import_accept, name="import_accept"),
    path("findings/", findings.findings, name="findings"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("tasks/", tasks.task_list, name="task_list"),
    path("tasks/<int:pk>/", tasks.task_progress, name="task_progress"),
    path("todo/", tasks.todo, name="todo"),
    path("todo/bulk/", tasks.todo_bulk, name="todo_bulk"),
    path("spotcheck/", spotcheck.spotcheck_page, name="spotcheck"),
    path("spotcheck/sample.xlsx", spotcheck.spotcheck_export, name="spotcheck_export"),
    path("dashboard/units/<int:unit_id>/", dashboard.dashboard_unit, name="dashboard_unit"),
    path("api/", api.urls),
    path("admin/login/", ThrottledAdminLoginView.as_view(), name="admin_login"),
    path("admin/", admin.site.urls),
]
