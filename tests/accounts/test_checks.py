"""Each JX6xx check on a failing and a passing synthetic example (the docs' examples)."""

from __future__ import annotations

from accounts_helpers import codes, document

from jixiao.cli.commands.accounts import check_accounts
from jixiao.model.accounts import AccountFigure, FinalAccounts, IncomeAccounts, Printed
from jixiao.model.document import Document


def test_jx601_identities() -> None:
    bad = "2030年度收入总计500.00万元，其中：本年收入合计450.00万元，年初结转和结余30.00万元。"
    good = "2030年度收入总计480.00万元，其中：本年收入合计450.00万元，年初结转和结余30.00万元。"
    assert codes(bad, severity="error") == ["JX601"]
    assert codes(good) == []
    unequal = (
        good,
        "2030年度支出总计470.00万元，其中：本年支出合计440.00万元，年末结转和结余30.00万元。",
    )
    assert codes(*unequal, severity="error") == ["JX601"]


def test_jx601_fiscal_total_beyond_carryover() -> None:
    texts = (
        "2030年度收、支总计60.00万元。",
        "2030年度收入合计60.00万元，其中：财政拨款收入50.00万元，占83.33%；上级补助收入10.00万元，占16.67%。",
        "2030年度财政拨款收、支总计60.00万元。",
    )
    assert codes(*texts, severity="error") == ["JX601"]


def test_jx602_components() -> None:
    bad = "本年支出300.00万元，其中：基本支出200.00万元；项目支出90.00万元。"
    good = "本年支出300.00万元，其中：基本支出200.00万元；项目支出100.00万元。"
    assert codes(bad) == ["JX602"]
    assert codes(good) == []


def test_jx602_rounding_tail_is_info() -> None:
    tail = (
        "2030年度一般公共预算财政拨款基本支出100.01万元，"
        "其中：人员经费80.00万元，公用经费20.00万元。"
    )
    assert codes(tail, severity="info") == ["JX602"]
    assert codes(tail, severity="error") == []


def test_jx602_category_against_items() -> None:
    texts = (
        "（二）一般公共预算财政拨款支出决算结构情况",
        "1.教育支出（类）120.00万元。",
        "2.科学技术支出（类）30.00万元。",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "1.教育支出（类）普通教育（款）小学教育（项）：支出决算数为70.00万元。",
        "2.教育支出（类）普通教育（款）初中教育（项）：支出决算数为40.00万元。",
    )
    findings = [f for f in check_accounts(document(*texts)) if f.code == "JX602"]
    assert [(f.claimed, f.expected) for f in findings] == [("120.00", "110.00")]


def test_jx603_shares_and_factor_100_slip() -> None:
    slip = "本年支出200.00万元，其中：基本支出150.00万元，占0.75%；项目支出50.00万元，占0.25%。"
    messages = [f.message for f in check_accounts(document(slip)) if f.code == "JX603"]
    assert len(messages) == 3  # two shares and their sum
    assert "漏乘100" in messages[0]
    good = "本年支出200.00万元，其中：基本支出150.00万元，占75.00%；项目支出50.00万元，占25.00%。"
    assert codes(good) == []
    truncated = "本年支出300.00万元，其中：基本支出200.00万元，占66%；项目支出100.00万元，占34%。"
    assert codes(truncated, severity="warning") == ["JX603"]  # truncation: a warning


def test_jx604_growth_and_sign_words() -> None:
    wrong = "“三公”经费支出10.00万元，比上年减少2.00万元，下降2.00%。"
    assert codes(wrong) == ["JX604"]
    right = "“三公”经费支出10.00万元，比上年减少2.00万元，下降16.67%。"
    assert codes(right) == []
    contradiction = "“三公”经费支出10.00万元，比上年减少2.00万元，增长16.67%。"
    assert "JX604" in codes(contradiction, severity="error")


def test_jx604_change_against_stated_previous() -> None:
    text = "本部门机关运行经费支出12.00万元，上年决算数为10.00万元，比上年增加3.00万元。"
    assert codes(text) == ["JX604"]


def test_jx605_budget_rates() -> None:
    impossible = "公务接待费支出预算为0万元，支出决算为1.20万元，完成预算的15%。"
    assert codes(impossible) == ["JX605"]
    stem = (
        "一般公共预算财政拨款支出200.00万元。"
        "与年初预算相比，年初预算数160.00万元，决算数200.00万元，"
    )
    assert codes(stem + "预决算差异率20.00%。") == ["JX605"]
    assert codes(stem + "预决算差异率25.00%。") == []


def test_jx606_sangong_items() -> None:
    bad = (
        "2030年度财政拨款“三公”经费支出9.00万元。其中：因公出国（境）费支出0.00万元；"
        "公务用车购置及运行维护费支出6.00万元；公务接待费支出2.00万元。"
    )
    assert codes(bad) == ["JX606"]
    vehicles = (
        "公务用车购置及运行维护费7.00万元，其中：公务用车购置费0.00万元，"
        "公务用车运行维护费6.00万元。"
    )
    assert codes(vehicles) == ["JX606"]


def test_jx607_conflicting_statements() -> None:
    texts = (
        "本年收入80.00万元，其中：财政拨款收入70.00万元；其他收入10.00万元。",
        "2030年度财政拨款收入总计70.00万元，其中：年初财政拨款结转和结余0.00万元，本年财政拨款收入75.00万元。",
    )
    assert "JX607" in codes(*texts)


def test_jx608_office_running_costs() -> None:
    texts = (
        "2030年度一般公共预算财政拨款基本支出100.00万元，其中：人员经费70.00万元，公用经费30.00万元。",
        "本部门机关运行经费支出35.00万元。",
    )
    assert codes(*texts, severity="warning") == ["JX608"]


def test_checks_read_final_accounts_forms() -> None:
    def figure(key: str, value: str) -> AccountFigure:
        return AccountFigure(key=key, label=key, amount=Printed(value=value, text=value))

    accounts = FinalAccounts(
        income=IncomeAccounts(
            total=figure("income.total", "10.00"),
            current=figure("income.current", "9.00"),
            opening_carryover=figure("income.opening_carryover", "2.00"),
        )
    )
    findings = check_accounts(Document(forms=[accounts]))
    assert [(f.code, f.location.form) for f in findings] == [("JX601", 0)]
