"""The prose figure reader and analysers on sentences from the seeds."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from seedtext import paragraphs

from jixiao.audit.prose import Kind, Passage, conflicting_counts, figures
from jixiao.audit.prose_components import component_issues
from jixiao.audit.prose_rates import budget_issues, growth_issues, share_issues


def test_figures_units_and_labels() -> None:
    text = "全年实现农村劳动力外出务工13万人次以上，支出决算为171.38万元，占99%，依据第23条。"
    found = figures(text)
    assert [(f.kind, f.value, f.unit) for f in found] == [
        (Kind.COUNT, Decimal(130000), "人次"),
        (Kind.MONEY, Decimal("171.38"), "万元"),
        (Kind.PERCENT, Decimal(99), "%"),
    ]
    assert found[1].label == "支出决算"


def test_share_ratio_slip_and_truncation() -> None:
    text = ("2023年度财政拨款支出216.53万元，主要用于以下方面：一般公共服务（类）支出171.38万元，"
            "占0.79%；卫生健康（类）支出6.34万元，占2%。")
    issues = list(share_issues([Passage(text)]))
    assert [(i.claimed, i.expected, i.certain) for i in issues] == [
        ("0.79%", "79.15%", True), ("2%", "2.93%", False)]  # a truncation is a warning
    assert "漏乘 100" in issues[0].message


def test_share_base_from_the_paragraph_opening_the_list() -> None:
    items = [Passage("2023年度财政拨款基本支出173.86万元，其中："),
             Passage("人员经费142.02万元，占基本支出的81%。"),
             Passage("公用经费31.84万元，占基本支出的19%。")]
    assert [(i.expected, i.certain) for i in share_issues(items)] == [
        ("81.69%", False), ("18.31%", True)]


def one(text: str) -> Passage:
    return Passage(text)


def test_growth_budget_and_components() -> None:
    growth = list(growth_issues([one("支出216.53万元，与上年相比，减少36.28万元，减少0.14%。")]))
    assert growth[0].expected == "14.35%"
    text = "年初预算为237.06万元，支出决算为171.38万元，完成年初预算的91%。"
    assert next(budget_issues([one(text)])).expected == "72.29%"
    text = "公务接待费支出预算为0万元，支出决算为0.48万元，完成预算的17%。"
    assert "预算数为 0" in next(budget_issues([one(text)])).message
    text = "2023年末实有人员编制46人。其中：行政编制15人，事业编制31人（含参公管理事业编制5人）。"
    assert list(component_issues([one(text)])) == []  # the remark in brackets is not a part
    text = "共申请工伤案件220件，其中受理218件，不予受理2件，认定工伤209件。"
    assert list(component_issues([one(text)])) == []  # 218 + 2 = 220: the rest is other news


def test_conflicting_counts() -> None:
    text = ("抓好人才回归工作，从县外调入事业单位人员32人。做好招聘。"
            "抓好人才回归工作，从县外调入事业单位人员23人。")
    (first, _, second, _), = conflicting_counts([[Passage(text)]])
    assert (first.text, second.text) == ("32人", "23人")


def test_seed_paragraph_reader(shared: Path) -> None:
    found = paragraphs(next((shared / "seeds").glob("001_*.txt")))
    assert any("收入合计217.91万元" in p.text for p in found)
    assert not any(p.text.startswith("\t") for p in found)
