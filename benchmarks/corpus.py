"""Synthetic evaluations for benchmarks: realistic shapes, deterministic from a seed."""

from __future__ import annotations

import random
from decimal import Decimal

from jixiao.model import Document, FundingLine, Indicator, ProjectSelfEvaluation

LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "社会效益指标"),
    ("满意度指标", "服务对象满意度指标"),
]
RULES = ["按照完成比例赋分", "按评判等级赋分", "满意度赋分", "直接赋分", None]


def _indicator(rng: random.Random, n: int, weight: int) -> Indicator:
    level1, level2 = LEVELS[n % len(LEVELS)]
    target = rng.choice([100, 150, 5200, 13, 95, 60])
    unit = rng.choice(["人", "件", "次", "%", "万元"])
    comparator = "<=" if level2 == "成本指标" else ">="
    actual = Decimal(target) * Decimal(rng.randint(90, 115)) / 100
    kind = rng.random()
    if kind < 0.1:
        target_text, actual_text = "效果明显", rng.choice(["达到预期指标", "部分达成"])
    elif kind < 0.2:
        target_text, actual_text = "2024年12月10日前", "=2024年12月9日"
    else:
        target_text, actual_text = f"{comparator}{target}{unit}", f"={actual:.2f}{unit}"
    return Indicator(
        level1=level1,
        level2=level2,
        name=f"指标{n}",
        weight=Decimal(weight),
        target=target_text,
        actual=actual_text,
        claimed_score=Decimal(weight),
        rule=rng.choice(RULES),
    )


def generate_documents(count: int, indicators: int = 20, seed: int = 0) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    weights = [5] * 16 + [3, 3, 2, 2]  # 90 points over 20 indicators
    for number in range(count):
        budget = Decimal(rng.randint(10, 5000))
        executed = budget * Decimal(rng.randint(80, 100)) / 100
        form = ProjectSelfEvaluation(
            name=f"项目{number}",
            execution_weight=Decimal(10),
            claimed_execution_score=Decimal(10),
            funding=[
                FundingLine(
                    source="年度资金总额",
                    is_total=True,
                    initial_budget=budget,
                    adjusted_budget=budget,
                    executed=executed.quantize(Decimal("0.01")),
                )
            ],
            indicators=[_indicator(rng, n, weights[n % len(weights)]) for n in range(indicators)],
            claimed_total=Decimal(100),
        )
        documents.append(
            Document(province=rng.choice(["新疆", "湖南", "云南", None]), forms=[form])
        )
    return documents
