"""Storage: units, people and their roles, evaluations with their findings and history.

An evaluation is stored as the canonical document (``document``: the data of ``dump_json``)
plus columns copied out of it and out of its scores for listing and dashboards; they are
recomputed whenever the document is saved (:func:`jixiao.web.services.save_document`).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class Unit(models.Model):
    """A unit in the hierarchy 财政局 → 主管部门 → 预算单位.

    ``path`` lists the ids from the root (``/1/5/23/``) so a subtree is one prefix query.
    """

    class Kind(models.TextChoices):
        BUREAU = "bureau", "财政局"
        DEPARTMENT = "department", "主管部门"
        UNIT = "unit", "预算单位"

    name = models.CharField("名称", max_length=200)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.UNIT)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    is_active = models.BooleanField("启用", default=True)

    objects: ClassVar[models.Manager[Unit]]

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering: ClassVar[list[str]] = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        super().save(*args, **kwargs)  # type: ignore[arg-type]
        parent_path = self.parent.path if self.parent is not None else "/"
        path = f"{parent_path}{self.pk}/"
        if path != self.path:
            old, self.path = self.path, path
            Unit.objects.filter(pk=self.pk).update(path=path)
            if old:  # moved: carry the subtree along
                moved = list(Unit.objects.filter(path__startswith=old).exclude(pk=self.pk))
                for unit in moved:
                    unit.path = path + unit.path[len(old) :]
                Unit.objects.bulk_update(moved, ["path"])


class Role(models.TextChoices):
    FILLER = "filler", "填报人"
    UNIT_REVIEWER = "unit_reviewer", "单位审核人"
    DEPT_REVIEWER = "dept_reviewer", "主管部门审核人"
    FINANCE = "finance", "财政/评价人员"
    ADMIN = "admin", "管理员"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jixiao_profile"
    )
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT)
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.FILLER)

    objects: ClassVar[models.Manager[Profile]]

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()}（{self.unit}）"


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

    objects: ClassVar[models.Manager[Evaluation]]

    class Meta:
        verbose_name = "评价表"
        verbose_name_plural = "评价表"
        ordering: ClassVar[list[str]] = ["-updated_at", "-id"]
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["unit", "year"]),
            models.Index(fields=["-updated_at", "-id"]),
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


class ApiToken(models.Model):
    """A token for API clients (``Authorization: Bearer …``); only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("用途", max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    is_active = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[models.Manager[ApiToken]]

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"


class UnitStats(models.Model):
    """Dashboard figures of one unit and year, rewritten (under a row lock) in the same
    transaction as every change to one of its evaluations; drafts are counted but never
    enter averages or distributions."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="stats")
    year = models.IntegerField(default=0)  # 0: year unknown
    total = models.IntegerField(default=0)
    statuses = models.JSONField(default=dict)  # status → count
    scored = models.IntegerField(default=0)  # submitted or approved, with a total in range
    score_sum = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    lowest = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    out_of_range = models.IntegerField(default=0)  # totals above full marks, left out
    errors = models.IntegerField(default=0)
    full_marks = models.IntegerField(default=0)
    score_bins = models.JSONField(default=dict)
    execution_bins = models.JSONField(default=dict)
    grades = models.JSONField(default=dict)
    codes = models.JSONField(default=dict)  # code → [findings, evaluations]

    objects: ClassVar[models.Manager[UnitStats]]

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_stats_row"),
        ]
