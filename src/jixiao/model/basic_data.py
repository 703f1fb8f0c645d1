"""Basic-data tables (基础数据表): staffing and cost-control figures by period."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from jixiao.model.common import NumericModel, SourceRef, StrictModel


class BasicDataRow(NumericModel):
    """One row, e.g. ``三公经费`` with values per column (``2022年决算数`` …)."""

    item: str
    values: dict[str, Decimal | None] = Field(default_factory=dict)
    sources: dict[str, SourceRef] = Field(default_factory=dict)


class BasicDataTable(StrictModel):
    """部门整体支出绩效评价基础数据表."""

    type: Literal["basic_data"] = "basic_data"
    name: str = "部门整体支出绩效评价基础数据表"
    unit: str | None = None
    year: int | None = None
    authorized_staff: int | None = Field(default=None, ge=0, description="编制数")
    actual_staff: int | None = Field(default=None, ge=0, description="实际在职人数")
    claimed_staff_control_rate: str | None = Field(default=None, description="控制率（原文）")
    rows: list[BasicDataRow] = Field(default_factory=list)
    sources: dict[str, SourceRef] = Field(default_factory=dict)
