"""Sign-in with throttling of repeated failures."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse

from jixiao.web import throttle


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
