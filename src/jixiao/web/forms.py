"""Django forms of the pages (sign-in, new evaluation, import, review, evidence)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from jixiao.web.models import Unit

NEW_TYPES = [
    ("project_self_evaluation", "项目支出绩效自评表"),
    ("department_self_evaluation", "部门（单位）整体支出绩效自评表"),
    ("scored_evaluation", "绩效评价评分表"),
]
# A task may also ask for the forms of the cycle's earlier steps (filled by importing them).
TASK_TYPES = [
    *NEW_TYPES,
    ("target_declaration", "项目支出绩效目标申报表"),
    ("department_target_declaration", "部门（单位）整体支出绩效目标表"),
    ("performance_monitoring", "绩效运行监控表"),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UnitChoiceForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label="单位", empty_label=None)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = units


class NewEvaluationForm(UnitChoiceForm):
    form_type = forms.ChoiceField(choices=NEW_TYPES, label="表格类型")
    name = forms.CharField(max_length=300, label="项目或单位名称")
    year = forms.IntegerField(min_value=2000, max_value=2100, label="年度")
    province = forms.CharField(max_length=20, required=False, label="省份（用于选择评分规则）")


class ImportForm(UnitChoiceForm):
    uploads = MultipleFileField(label="文件（docx/xlsx/txt/html/yaml/json 或 zip 压缩包）")


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("submit", "提交"),
            ("withdraw", "撤回"),
            ("return", "退回"),
            ("approve", "通过"),
            ("reopen", "重新打开"),
        ],
        label="操作",
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), required=False, label="意见"
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        comment = (data.get("comment") or "").strip()
        if data.get("action") == "return" and not comment:
            raise forms.ValidationError("退回时请填写意见")
        if data.get("action") == "reopen" and not comment:
            raise forms.ValidationError("重新打开已通过的表须说明理由")
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(label="佐证资料（pdf/jpg/png/docx/xlsx/txt/zip）")


CHAIN_CHOICES = [("unit", "单位审核"), ("department", "主管部门审核"), ("finance", "财政审核")]


class TaskForm(forms.Form):
    """A 自评任务 issued to every unit under the chosen departments (or all units)."""

    name = forms.CharField(max_length=200, label="任务名称")
    year = forms.IntegerField(min_value=2000, max_value=2100, label="年度")
    form_type = forms.ChoiceField(
        choices=[("", "不限"), *TASK_TYPES], required=False, label="表格类型"
    )
    deadline = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    departments = forms.ModelMultipleChoiceField(
        queryset=Unit.objects.none(), required=False, label="主管部门（不选则下达到全部单位）"
    )
    chain = forms.MultipleChoiceField(
        choices=CHAIN_CHOICES, initial=[c for c, _ in CHAIN_CHOICES], label="审核流程",
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, label="说明")

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["departments"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = units.filter(kind=Unit.Kind.DEPARTMENT, is_active=True)

    def clean_chain(self) -> list[str]:
        chosen = set(self.cleaned_data.get("chain") or [])
        return [code for code, _ in CHAIN_CHOICES if code in chosen]
