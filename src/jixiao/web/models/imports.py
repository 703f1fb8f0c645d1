"""Uploads being recognized, and what was found in each file."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from jixiao.web.models.evaluations import Evaluation
from jixiao.web.models.org import Unit


class ImportBatch(models.Model):
    """An upload of one or many files, recognized and audited (in the background when large)
    and shown as a preview before the user accepts it."""

    class State(models.TextChoices):
        PENDING = "pending", "排队中"
        RUNNING = "running", "识别中"
        DONE = "done", "待确认"
        ACCEPTED = "accepted", "已导入"
        FAILED = "failed", "失败"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="导入到单位", on_delete=models.PROTECT)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    total = models.IntegerField(default=0)
    processed = models.IntegerField(default=0)
    files = models.JSONField(default=list)  # [{"stored": "0001.docx", "name": "原文件名.docx"}]
    message = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[ImportBatch]]

    class Meta:
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]


class ImportItem(models.Model):
    """One evaluation recognized in an uploaded file (or the error that file gave)."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="items")
    filename = models.CharField(max_length=255)
    document = models.JSONField(null=True)
    form_type = models.CharField(max_length=40, blank=True, default="")
    name = models.CharField(max_length=300, blank=True, default="")
    indicator_count = models.IntegerField(default=0)
    computed_total = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    error_count = models.IntegerField(default=0)
    warning_count = models.IntegerField(default=0)
    findings = models.JSONField(default=list)
    error = models.TextField(blank=True, default="")
    evaluation = models.ForeignKey(Evaluation, null=True, on_delete=models.SET_NULL)

    objects: ClassVar[models.Manager[ImportItem]]

    class Meta:
        ordering: ClassVar[list[str]] = ["id"]
