"""The declaration and monitoring forms are part of the document format."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.errors import JixiaoError
from jixiao.model import PerformanceMonitoring, TargetDeclaration
from jixiao.model.io import dump_yaml, parse_document_text

TEXT = """
format_version: 1
forms:
- type: target_declaration
  name: 农村饮水安全巩固提升
  attribute: 延续
  funding:
  - {source: 资金总额, is_total: true, amount: 300.00}
  - {source: 财政拨款, amount: 280.00}
  - {source: 其他资金, amount: 20.00}
  annual_goal: 完成30处供水工程维修
  indicator_rows:
  - {level1: 产出指标, level2: 数量指标, name: 维修供水工程, target: ">=30处"}
- type: performance_monitoring
  name: 农村饮水安全巩固提升
  month: 7
  funding:
  - {source: 年度资金总额, is_total: true, initial_budget: 300, executed: 120,
     claimed_rate: 40%, forecast: 300}
  indicator_rows:
  - level1: 产出指标
    name: 维修供水工程
    target: ">=30处"
    to_date: 12处
    likelihood: 有可能
    needs_rectification: true
"""


def test_declaration_and_monitoring_round_trip() -> None:
    document = parse_document_text(TEXT, file="cycle.yaml")
    declaration, monitoring = document.forms
    assert isinstance(declaration, TargetDeclaration)
    assert isinstance(monitoring, PerformanceMonitoring)
    assert declaration.total_funding is not None
    assert declaration.total_funding.amount == Decimal("300.00")
    assert declaration.indicator_rows[0].target_quantity.value == Decimal(30)
    assert monitoring.month == 7 and monitoring.indicator_rows[0].likelihood == "有可能"
    again = parse_document_text(dump_yaml(document), file="again.yaml")
    assert again == document


@pytest.mark.parametrize(
    ("field", "value"), [("month", "13"), ("likelihood", "也许能")]
)
def test_bad_values_are_refused_in_chinese(field: str, value: str) -> None:
    text = TEXT.replace("month: 7", f"month: {value}" if field == "month" else "month: 7")
    text = text.replace("likelihood: 有可能", f"likelihood: {value}" if field == "likelihood"
                        else "likelihood: 有可能")
    with pytest.raises(JixiaoError) as caught:
        parse_document_text(text, file="bad.yaml")
    assert caught.value.code
