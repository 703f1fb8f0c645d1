"""Sign-in (pages and admin) with throttling of repeated failures; password change; the
user's API tokens."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView, PasswordChangeView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from jixiao.web import throttle, tokens
from jixiao.web.scoping import signed_in


class ThrottledLoginView(LoginView):
    template_name = "jixiao/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.locked(username, request):
            context = self.get_context_data(
                form=AuthenticationForm(request), locked=throttle.LOCKED_MESSAGE
            )
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.failed(self.request.POST.get("username", ""), self.request)
        return super().form_invalid(form)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        throttle.succeeded(self.request.POST.get("username", ""), self.request)
        return super().form_valid(form)


class ThrottledAdminLoginView(ThrottledLoginView):
    """The admin's sign-in page with the same throttling (``/admin/login/``)."""

    template_name = "jixiao/admin_login.html"
    authentication_form = AdminAuthenticationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | admin.site.each_context(self.request)


class PasswordChange(PasswordChangeView):
    template_name = "jixiao/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form: Any) -> HttpResponse:
        messages.success(self.request, "密码已修改。")
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    """The user's own page: password change link and API tokens (made, listed, revoked)."""
    user = signed_in(request)
    new_token = None
    if request.method == "POST":
        if revoke := request.POST.get("revoke", ""):
            user.api_tokens.filter(pk=int(revoke) if revoke.isdigit() else 0).update(
                is_active=False
            )
            messages.success(request, "令牌已停用。")
            return redirect("account")
        new_token = tokens.create(user, request.POST.get("name", "").strip())
    return render(
        request,
        "jixiao/account.html",
        {"tokens": user.api_tokens.order_by("-created_at"), "new_token": new_token},
    )
