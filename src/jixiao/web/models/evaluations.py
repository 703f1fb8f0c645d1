"""Tasks, evaluations and everything kept about them: findings, history, evidence,
saved versions."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from jixiao.web.models.org import Unit


class Status(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已通过"


DEFAULT_CHAIN = ["unit", "department", "finance"]


def default_chain() -> list[str]:
    return list(DEFAULT_CHAIN)


class Task(models.Model):
    """A self-evaluation task (自评任务) issued by the bureau (or a department) to units, with
    a deadline and the review chain its forms go through."""

    name = models.CharField("任务名称", max_length=200)
    year = models.IntegerField("年度")
    form_type = models.CharField("表格类型", max_length=40, blank=True, default="")
    deadline = models.DateField("截止日期")
    issuer = models.ForeignKey(
        Unit, verbose_name="下达单位", on_delete=models.PROTECT, related_name="issued_tasks"
    )
    units = models.ManyToManyField(Unit, verbose_name="填报单位", related_name="tasks")
    chain = models.JSONField("审核流程", default=default_chain)
    note = models.TextField("说明", blank=True, default="")
    is_active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[Task]]

    class Meta:
        verbose_name = "自评任务"
        verbose_name_plural = "自评任务"
        ordering: ClassVar[list[str]] = ["-year", "deadline", "id"]

    def __str__(self) -> str:
        return self.name


class Evaluation(models.Model):
    unit = models.ForeignKey(
        Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="evaluations"
    )
    year = models.IntegerField("年度", null=True, blank=True)
    form_type = models.CharField("表格类型", max_length=40)
    name = models.CharField("名称", max_length=300)
    pack = models.CharField("规则包", max_length=100, default="auto")
    document = models.JSONField("规范文件")
    result = models.JSONField("评分结果", default=dict)
    # The document's records for the cross-document checks (jixiao.audit.relate), kept at
    # each save; null on forms saved before they were kept (then read from the document).
    cycle_records = models.JSONField("跨表比对摘要", null=True, blank=True, default=None)
    pack_used = models.CharField("实际规则包", max_length=100, blank=True, default="")
    pack_reason = models.CharField("规则包说明", max_length=300, blank=True, default="")
    computed_total = models.DecimalField(
        "应得总分", max_digits=9, decimal_places=2, null=True, blank=True
    )
    claimed_total = models.DecimalField(
        "原文总分", max_digits=12, decimal_places=4, null=True, blank=True
    )
    grade = models.CharField("等次", max_length=20, blank=True, default="")
    execution_rate = models.DecimalField(
        "执行率(%)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    indicator_count = models.IntegerField("指标数", default=0)
    total_weight = models.DecimalField(
        "分值合计", max_digits=12, decimal_places=4, null=True, blank=True
    )
    all_full_marks = models.BooleanField("指标全部满分", default=False)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    error_count = models.IntegerField("错误数", default=0)
    warning_count = models.IntegerField("警告数", default=0)
    info_count = models.IntegerField("提示数", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    version = models.IntegerField("版本", default=1)
    task = models.ForeignKey(
        Task, verbose_name="自评任务", null=True, blank=True, on_delete=models.PROTECT,
        related_name="evaluations",
    )
    chain = models.JSONField("审核流程", default=default_chain)
    stage = models.IntegerField("审核环节", default=0)
    approvers = models.JSONField("本轮已审核人", default=list)
    waiting = models.CharField("待审环节", max_length=20, blank=True, default="", db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField("启用", default=True, db_index=True)
    deviation_notes = models.IntegerField("说明了偏差的指标数", default=0)
    narrative_sig = models.JSONField("文字指纹", default=list)  # see jixiao.web.spotcheck

    objects: ClassVar[models.Manager[Evaluation]]

    class Meta:
        verbose_name = "评价表"
        verbose_name_plural = "评价表"
        ordering: ClassVar[list[str]] = ["-updated_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["unit", "year"]),
            # the list, newest first: a page at any depth from the index alone
            models.Index(
                fields=["-updated_at", "-id"], include=["unit"], condition=Q(is_active=True),
                name="active_recent",
            ),
            # 报送进度: a task's forms counted by unit and status from the index alone
            models.Index(
                fields=["task", "unit", "status"], condition=Q(is_active=True),
                name="active_task_unit",
            ),
            # 待办: the forms waiting at a level, oldest first, and who may not review them
            models.Index(
                fields=["status", "waiting", "updated_at"],
                include=["submitted_by", "edited_by", "unit"], condition=Q(is_active=True),
                name="active_waiting",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FindingRecord(models.Model):
    """One audit finding of the evaluation's current document."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="findings")
    code = models.CharField("代码", max_length=10, db_index=True)
    severity = models.CharField("严重程度", max_length=10)
    title = models.CharField("规则", max_length=200)
    message = models.TextField("说明")
    location = models.CharField("位置", max_length=500, blank=True, default="")
    form_index = models.IntegerField(null=True, blank=True)
    indicator_index = models.IntegerField(null=True, blank=True)
    claimed = models.CharField("原文值", max_length=200, blank=True, default="")
    expected = models.CharField("应为", max_length=200, blank=True, default="")

    objects: ClassVar[models.Manager[FindingRecord]]

    class Meta:
        verbose_name = "审核问题"
        verbose_name_plural = "审核问题"
        ordering: ClassVar[list[str]] = ["id"]


class Event(models.Model):
    """The history of an evaluation: who did what, when, with which comment and changes."""

    class Action(models.TextChoices):
        CREATE = "create", "创建"
        IMPORT = "import", "导入"
        EDIT = "edit", "修改"
        SUBMIT = "submit", "提交"
        RETURN = "return", "退回"
        APPROVE = "approve", "通过"
        EVIDENCE = "evidence", "上传佐证"
        WITHDRAW = "withdraw", "撤回"
        REOPEN = "reopen", "重新打开"
        RESTORE = "restore", "恢复版本"
        DEACTIVATE = "deactivate", "停用"

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="events")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField("操作", max_length=20, choices=Action.choices)
    from_status = models.CharField(max_length=20, blank=True, default="")
    to_status = models.CharField(max_length=20, blank=True, default="")
    comment = models.TextField("意见", blank=True, default="")
    changes = models.JSONField("改动", default=list)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    user_name = models.CharField("操作人", max_length=150, blank=True, default="")
    level = models.CharField("审核环节", max_length=20, blank=True, default="")
    version = models.IntegerField("版本", default=0)

    objects: ClassVar[models.Manager[Event]]

    class Meta:
        verbose_name = "操作记录"
        verbose_name_plural = "操作记录"
        ordering: ClassVar[list[str]] = ["-created_at", "-id"]


class Evidence(models.Model):
    """An evidence file (佐证资料) attached to an evaluation; served only through a view that
    checks permissions, never as a public media URL."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to="evidence/%Y/%m/")
    original_name = models.CharField("文件名", max_length=255)
    size = models.IntegerField("大小")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[models.Manager[Evidence]]

    class Meta:
        verbose_name = "佐证资料"
        verbose_name_plural = "佐证资料"
        ordering: ClassVar[list[str]] = ["uploaded_at", "id"]


class Version(models.Model):
    """Every saved document of an evaluation, restorable (nothing is overwritten)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.PROTECT, related_name="versions")
    number = models.IntegerField("版本")
    document = models.JSONField("规范文件")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user_name = models.CharField("保存人", max_length=150, blank=True, default="")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    objects: ClassVar[models.Manager[Version]]

    class Meta:
        verbose_name = "历史版本"
        verbose_name_plural = "历史版本"
        ordering: ClassVar[list[str]] = ["-number"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["evaluation", "number"], name="one_version_number"),
        ]
