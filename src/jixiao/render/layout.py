"""Form layouts as data: a province's self-evaluation form is a YAML file.

A layout names, per form type, the title, the information rows, the funding block, the
goal block and the indicator columns (header text, model field, width, number format,
whether equal values merge vertically). Blocks that span the sheet give a ``span`` per
column so that every block lines up with the indicator grid; this is checked on load.
``extends`` inherits the form types a layout does not restate; a form type marked
``inherit: true`` takes from the parent every key it does not restate.

Built-in layouts live in ``jixiao/render/layouts/``; ``--layout PATH`` loads any file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from jixiao.errors import JixiaoError
from jixiao.model.common import StrictModel
from jixiao.model.io import validated
from jixiao.rules.pack import Pack

PACKAGE = "jixiao.render"
FOLDER = "layouts"
DEFAULT_LAYOUT = "national"

FormType = Literal["project_self_evaluation", "department_self_evaluation", "scored_evaluation"]
IndicatorField = Literal[
    "code",
    "level1",
    "level1_weighted",
    "level2",
    "name",
    "weight",
    "target",
    "actual",
    "completion",
    "score",
    "rule",
    "rule_title",
    "target_basis",
    "previous_actual",
    "evidence",
    "deviation_note",
    "explanation",
    "points",
    "notes",
]
FundingField = Literal[
    "source",
    "initial_budget",
    "adjusted_budget",
    "executed",
    "execution_weight",
    "execution_rate",
    "execution_score",
]
InfoField = Literal["name", "unit", "department", "year"]
Align = Literal["left", "center", "right"]


class Column(StrictModel):
    """One indicator column."""

    header: str
    field: IndicatorField
    width: float = Field(default=10, gt=0, le=255, description="列宽（字符）")
    number_format: str = Field(default="General", description="数字格式，如 0.00")
    merge: bool = Field(default=False, description="相邻行取值相同时纵向合并")
    align: Align = "center"


class FundingColumn(StrictModel):
    header: str
    field: FundingField
    span: int = Field(default=1, ge=1, description="占用的表格列数")
    number_format: str = "General"


class BreakdownColumn(StrictModel):
    """One column of a funding breakdown, e.g. 按收入性质分： with 一般公共预算：…"""

    label: str
    items: list[str] = Field(description="各行的名称；表中有同名资金来源时填入其全年执行数")


class Funding(StrictModel):
    label: str = Field(description="资金块左侧的标题，如 项目资金（万元）")
    label_span: int = Field(default=1, ge=1)
    columns: list[FundingColumn]
    breakdown: list[BreakdownColumn] = Field(
        default_factory=list,
        description="资金块下方并排的分类行（湖南：按收入性质分/按支出性质分）",
    )


class InfoItem(StrictModel):
    label: str
    field: InfoField


class Goals(StrictModel):
    label: str = "年度总体目标"
    label_span: int = Field(default=1, ge=1)
    expected: str = "预期目标"
    actual: str = "实际完成情况"


class FormLayout(StrictModel):
    title: str = Field(description="表名，如 项目支出绩效自评表；{name} 代入表格名称")
    subtitle: str | None = Field(default="（{year}年度）", description="副标题；{year} 代入年度")
    info: list[list[InfoItem]] = Field(default_factory=list, description="表头信息行")
    info_label_span: int = Field(default=2, ge=1)
    funding: Funding | None = None
    goals: Goals | None = None
    side_label: str | None = Field(default=None, description="指标表左侧纵向合并的标题")
    side_width: float = Field(default=6, gt=0, le=255)
    columns: list[Column]
    total_label: str = "总分"
    signature: list[str] = Field(
        default_factory=list, description="表下方的填报行，如 填表人：、填报日期：、联系电话："
    )
    note: str | None = Field(default=None, description="表下方的说明文字")

    @property
    def width(self) -> int:
        """Number of sheet columns."""
        return len(self.columns) + (1 if self.side_label else 0)

    @model_validator(mode="after")
    def _aligned(self) -> FormLayout:
        width = self.width
        fields = [c.field for c in self.columns]
        if "score" not in fields:
            raise ValueError("指标列中缺少得分列（field: score）")
        if self.funding is not None:
            used = self.funding.label_span + sum(c.span for c in self.funding.columns)
            if used != width:
                raise ValueError(f"资金块共占 {used} 列，应与指标表的 {width} 列一致")
        if self.goals is not None and width - self.goals.label_span < 2:
            raise ValueError("年度总体目标块至少需要 2 列放预期目标和实际完成情况")
        for row in self.info:
            if not row or len(row) * (self.info_label_span + 1) > width:
                raise ValueError("表头信息行为空或放不下（每项需要标题列和取值列）")
        return self


class Fonts(StrictModel):
    title: str = "宋体"
    body: str = "宋体"
    title_size: float = 16
    body_size: float = 10


class Layout(StrictModel):
    name: str
    title: str
    description: str = ""
    extends: str | None = None
    fonts: Fonts = Field(default_factory=Fonts)
    forms: dict[FormType, FormLayout]

    def for_form(self, form_type: str) -> FormLayout | None:
        for name, layout in self.forms.items():
            if name == form_type:
                return layout
        return None


def builtin_layout_names() -> list[str]:
    folder = resources.files(PACKAGE).joinpath(FOLDER)
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def _read(ref: str) -> tuple[dict[str, object], str]:
    path = Path(ref)
    if ref.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise JixiaoError("E511", "版式文件不存在", file=ref)
        text, origin = path.read_text("utf-8"), ref
    elif ref in builtin_layout_names():
        origin = f"{ref}.yaml"
        text = resources.files(PACKAGE).joinpath(FOLDER, origin).read_text("utf-8")
    else:
        known = "、".join(builtin_layout_names())
        raise JixiaoError("E511", f"未知的版式 {ref!r}（内置：{known}；也可给出 YAML 文件路径）")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise JixiaoError("E512", "版式 YAML 格式错误", file=origin) from None
    if not isinstance(data, dict):
        raise JixiaoError("E512", "版式文件应为一个映射（键: 值）", file=origin)
    return data, origin


def _raw(ref: str, seen: tuple[str, ...]) -> tuple[dict[str, object], str]:
    if ref in seen:
        raise JixiaoError("E512", f"版式继承出现循环：{' → '.join((*seen, ref))}")
    data, origin = _read(ref)
    parent = data.get("extends")
    if parent:
        parent_data, _ = _raw(str(parent), (*seen, ref))
        forms = parent_data.get("forms")
        own = data.get("forms")
        merged_forms = {
            **(forms if isinstance(forms, dict) else {}),
            **(own if isinstance(own, dict) else {}),
        }
        for name, form in merged_forms.items():
            # ``inherit: true``: restate only some keys of the parent's form layout
            if isinstance(form, dict) and form.get("inherit") and isinstance(forms, dict):
                base = forms.get(name)
                rest = {k: v for k, v in form.items() if k != "inherit"}
                merged_forms[name] = {**(base if isinstance(base, dict) else {}), **rest}
        data = {**parent_data, **data, "forms": merged_forms}
    return data, origin


@cache
def load_layout(ref: str) -> Layout:
    """A built-in layout by name (``xinjiang``) or a layout file by path."""
    data, origin = _raw(ref, ())
    return validated(Layout, data, code="E512", file=origin)


def resolve_layout(ref: str, pack: Pack) -> Layout:
    """``auto``: the layout named like the pack (or its parent), else the national one."""
    if ref != "auto":
        return load_layout(ref)
    names = builtin_layout_names()
    for candidate in (pack.name, pack.extends):
        if candidate and candidate in names:
            return load_layout(candidate)
    return load_layout(DEFAULT_LAYOUT)
