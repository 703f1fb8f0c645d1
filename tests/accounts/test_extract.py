"""Extraction from synthetic sentences (never the seeds' prose): items, roles, offsets."""

from __future__ import annotations

from decimal import Decimal

from accounts_helpers import accounts_of

from jixiao.accounts.extract import extract_accounts
from jixiao.model.document import Paragraph


def test_totals_components_and_shares() -> None:
    accounts = accounts_of(
        "2030年度收入总计1,000.50万元，其中：本年收入合计900.50万元，"
        "使用非财政拨款结余0.00万元，年初结转和结余100.00万元。",
        "本年收入900.50万元，其中：财政拨款收入800.25万元，占88.87%；其他收入100.25万元，占11.13%。",
    )
    assert accounts.year == 2030
    assert accounts.amount("income.total") == Decimal("1000.50")
    assert accounts.amount("income.opening_carryover") == Decimal("100.00")
    fiscal = accounts.income.fiscal_appropriation
    assert fiscal is not None and fiscal.share is not None
    assert fiscal.share.value == Decimal("88.87")
    assert fiscal.share_base == "income.current"
    assert str(fiscal.amount.value if fiscal.amount else "") == "800.25"  # precision kept


def test_offsets_point_at_the_printed_figure() -> None:
    text = "本年支出600.00万元，其中：基本支出450.00万元，占75.00%；项目支出150.00万元，占25.00%。"
    accounts = accounts_of(text)
    project = accounts.expenditure.project
    assert project is not None and project.share is not None and project.amount is not None
    source = project.share.source
    assert source is not None and source.paragraph == 1
    assert text[source.start : source.end] == "25.00%"
    amount = project.amount.source
    assert amount is not None and text[amount.start : amount.end] == "150.00万元"
    assert project.sentence is not None and project.sentence.text == text


def test_change_and_growth_carry_their_sign_words() -> None:
    accounts = accounts_of(
        "一般公共预算财政拨款支出500.00万元。与上年相比，减少50.00万元，下降9.09%，"
        "主要原因是：人员经费增加10.00万元，项目减少。"
    )
    figure = accounts.general_budget.expenditure
    assert figure is not None and figure.change is not None and figure.growth is not None
    assert figure.change.value == Decimal("-50.00") and figure.change_word == "减少"
    assert figure.growth.value == Decimal("-9.09") and figure.growth_word == "下降"
    assert figure.reason is not None and figure.reason.startswith("人员经费增加")
    assert accounts.general_budget.personnel is None  # named in the reason, not an item


def test_subject_carries_to_budget_and_rates() -> None:
    accounts = accounts_of(
        "公务接待费支出预算为2.00万元，支出决算为1.50万元，完成预算的75.00%。",
        "与全年预算相比，“三公”经费全年预算数10.00万元，决算数8.00万元，预决算差异率-20.00%。",
    )
    reception = accounts.sangong.reception
    assert reception is not None and reception.budget is not None
    assert reception.budget.value == Decimal("2.00")
    assert reception.completion is not None and reception.completion.value == Decimal("75.00")
    total = accounts.sangong.total
    assert total is not None and total.variance_rate is not None
    assert total.budget is not None and total.budget.value == Decimal("10.00")
    assert total.budget_kind == "全年预算"


def test_functional_lines_by_level() -> None:
    accounts = accounts_of(
        "（二）一般公共预算财政拨款支出决算结构情况",
        "1.教育支出（类）120.00万元，占60.00%。",
        "1.教育支出（类）普通教育（款）小学教育（项）：支出决算数为70.00万元，比上年决算增加7.00万元，增长11.11%。",
    )
    levels = {(line.level, line.category, line.item) for line in accounts.general_budget.lines}
    assert levels == {("类", "教育支出", None), ("项", "教育支出", "小学教育")}


def test_change_against_budget_and_counts() -> None:
    accounts = accounts_of(
        "2030年度部门决算情况说明",
        "本单位机关运行经费支出30.00万元，比年初预算数增加6.00万元，增长25.00%。",
        "截至2030年12月31日，房屋1,200.5平方米，价值300.00万元。车辆2辆，价值40.00万元。",
        "实有人数20人，其中：在职人员15人，退休人员5人。",
    )
    running = accounts.office_running
    assert running is not None and running.change_base == "budget"
    assert accounts.amount("assets.building_area") == Decimal("1200.5")
    assert accounts.amount("assets.building_value") == Decimal("300.00")
    assert accounts.amount("assets.vehicles") == Decimal("2")
    assert accounts.amount("assets.vehicles_value") == Decimal("40.00")
    assert accounts.amount("staffing.in_service") == Decimal("15")


def test_staffing_needs_a_titled_explanation() -> None:
    text = "实有人数20人，其中：在职人员15人，退休人员5人。"
    assert extract_accounts([Paragraph(text=text)]).statements == []


def test_earlier_year_figures_are_previous() -> None:
    accounts = accounts_of(
        "2031年度“三公”经费支出3.00万元，其中公务接待费1.00万元。"
        "2030年度“三公”经费支出4.00万元，其中公务接待费2.00万元。"
        "较上年度“三公”经费支出减少25.00%，其中公务接待费减少50.00%，原因为上年度接待增加3.00万元。"
    )
    reception = accounts.sangong.reception
    assert reception is not None and reception.amount is not None and reception.previous is not None
    assert (reception.amount.value, reception.previous.value) == (Decimal("1.00"), Decimal("2.00"))
    assert [s.key for s in accounts.statements if s.amount and s.amount.value == 3] == [
        "sangong.total"
    ]


def test_traditional_characters_full_width_and_yuan() -> None:
    accounts = accounts_of(
        "２０３０年度收入總計１２３４５６．７８元，其中：本年收入合計１２３４５６．７８元。"
    )
    total = accounts.income.total
    assert total is not None and total.amount is not None
    assert total.amount.value == Decimal("123456.78") and total.unit == "元"


def test_general_budget_section_names_bare_fiscal_expenditure() -> None:
    accounts = accounts_of(
        "五、一般公共预算财政拨款支出决算情况说明",
        "2030年度财政拨款支出88.00万元，占本年支出合计的80.00%。",
    )
    assert accounts.amount("general_budget.expenditure") == Decimal("88.00")
    assert accounts.fiscal.expenditure is None


def test_region_stops_at_glossary() -> None:
    paragraphs = [
        Paragraph(text="第一部分 单位概况"),
        Paragraph(text="第三部分 2030年度部门决算情况说明"),
        Paragraph(text="本年收入10.00万元，其中：财政拨款收入10.00万元，占100.00%。"),
        Paragraph(text="第四部分 名词解释"),
        Paragraph(text="本年收入20.00万元。"),
    ]
    accounts = extract_accounts(paragraphs)
    assert accounts.amount("income.current") == Decimal("10.00")
    assert len([s for s in accounts.statements if s.key == "income.current"]) == 1


def test_unnamed_amounts_are_kept_without_key() -> None:
    accounts = extract_accounts([Paragraph(text="本年度追回工资12.50万元。")])
    assert [s.label for s in accounts.statements if s.key is None] == ["追回工资"]
