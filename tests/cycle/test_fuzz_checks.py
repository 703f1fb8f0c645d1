"""The cycle checks never fail on odd figures: random declarations and monitoring forms
(zero or missing budgets, month 12, odd targets) give findings or none, never an exception."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.assessment import assess
from jixiao.model import (
    DeclaredFunding,
    DeclaredIndicator,
    Document,
    MonitoredFunding,
    MonitoredIndicator,
    PerformanceMonitoring,
    TargetDeclaration,
)

TEXTS = st.sampled_from([None, "", "0", "0处", "≥0人", "≥120公里", "30公里", "150公里", "≤5%",
                         "=100%", "≥105%", "90人", "明显改善", "及时", "未开工", "2025年11月底前",
                         "不涉及", "无", "100"])  # fmt: skip
AMOUNTS = st.one_of(st.none(), st.decimals(min_value=0, max_value=10**6, places=2,
                                           allow_nan=False))  # fmt: skip
LEVEL2 = st.sampled_from([None, "数量指标", "时效指标", "质量指标", "满意度指标"])
NAMES = st.sampled_from(["养护里程", "验收合格率", "服务对象满意度", "不涉及", "完工时间", ""])

monitored = st.builds(
    MonitoredIndicator, level1=st.just("产出指标"), level2=LEVEL2, name=NAMES, target=TEXTS,
    to_date=TEXTS, forecast=TEXTS, likelihood=st.sampled_from([None, "确定能", "有可能",
                                                               "完全不可能"]),
    needs_rectification=st.sampled_from([None, True, False]), measures=TEXTS,
)  # fmt: skip
declared = st.builds(
    DeclaredIndicator, period=st.sampled_from(["annual", "long_term"]),
    level1=st.just("产出指标"), level2=LEVEL2, name=NAMES, target=TEXTS,
    weight=st.one_of(st.none(), st.decimals(min_value=-5, max_value=50, places=1,
                                            allow_nan=False)),
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 12), AMOUNTS, AMOUNTS, st.sampled_from([None, "30%", "abc", "0.00%"]),
       st.lists(monitored, max_size=4), st.lists(AMOUNTS, max_size=3),
       st.lists(declared, max_size=4))  # fmt: skip
def test_random_forms_never_fail(month: int, budget: Decimal | None, spent: Decimal | None,
                                 rate: str | None, rows: list[MonitoredIndicator],
                                 parts: list[Decimal | None],
                                 targets: list[DeclaredIndicator]) -> None:
    monitoring = PerformanceMonitoring(
        name="项目", month=month, indicator_rows=rows,
        funding=[MonitoredFunding(source="年度资金总额", is_total=True, initial_budget=budget,
                                  executed=spent, claimed_rate=rate)])  # fmt: skip
    declaration = TargetDeclaration(
        name="项目", indicator_rows=targets,
        funding=[DeclaredFunding(source="资金总额", is_total=True, amount=budget),
                 *(DeclaredFunding(source=f"来源{n}", amount=a) for n, a in enumerate(parts))])
    findings = assess(Document(forms=[monitoring, declaration])).findings
    for finding in findings:
        assert finding.message and finding.code.startswith("JX")
