"""The arithmetic of final accounts, shared by the JX6xx checks and the explanation writer.

Percentages follow rules.md R5.3: 占比 = 分项 / 合计, 增长率 = (本年 − 上年) / 上年, 完成预算 =
决算 / 预算, 预决算差异率 = (决算 − 预算) / 预算, all × 100. A printed percentage is right when
the truth rounds half-up to it at its printed precision; the factor-of-100 slip (the ratio
0.79 printed as "0.79%" where 79% is meant) is recognised. Sums of printed figures are
compared with a tolerance of half a unit of the printed precision per figure involved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel

from jixiao.accounts.concepts import FUNCTIONAL_KEY, label_of
from jixiao.accounts.extract import extract_accounts
from jixiao.decimals import Agreement, Derived, Interval, judge_derived, round_half_up
from jixiao.model.accounts import AccountFigure, FinalAccounts, FunctionalLine, Printed
from jixiao.model.document import Document, Paragraph

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole × 100``; ``None`` when the whole is zero."""
    return None if whole == 0 else part / whole * HUNDRED


def growth(current: Decimal, previous: Decimal) -> Decimal | None:
    return None if previous == 0 else (current - previous) / previous * HUNDRED


def variance(actual: Decimal, budget: Decimal) -> Decimal | None:
    return None if budget == 0 else (actual - budget) / budget * HUNDRED


def percent_text(value: Decimal) -> str:
    """Half-up at two places, as generated text prints it: ``85.43%``."""
    return f"{round_half_up(value, 2)}%"


class Verdict(StrEnum):
    EXACT = "exact"
    TRUNCATED = "truncated"
    SLIP = "slip"  # the ratio printed as a percentage (×100 forgotten)
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class PercentJudgement:
    verdict: Verdict
    truth: Decimal
    expected: Decimal  # the truth at the printed precision (at least two places)
    allowed: Interval  # what the printed inputs allow
    places: int

    def note(self) -> str:
        if self.verdict is Verdict.TRUNCATED:
            return "（系截尾而非四舍五入）"
        if self.verdict is Verdict.SLIP:
            return (
                f"；原文疑似把比值 {round_half_up(self.truth / HUNDRED, 4)} 直接写成百分数"
                f"（漏乘100），应为 {self.expected}%"
            )
        return ""

    @property
    def tolerance(self) -> str:
        return Derived(Agreement.EXACT, self.allowed, self.expected, self.places).tolerance


def judge_percent(
    printed: Decimal, truth: Decimal, allowed: Interval | None = None
) -> PercentJudgement:
    """Compare a printed percentage with the truth (magnitudes; signs are words).

    ``allowed`` is the interval the printed inputs allow (see :mod:`jixiao.decimals`); without
    it the truth is taken as exact."""
    printed, truth = abs(printed), abs(truth)
    span = abs(allowed) if allowed is not None else Interval.exact(truth)
    judged = judge_derived(printed, span, truth)
    places = judged.places

    def result(verdict: Verdict) -> PercentJudgement:
        return PercentJudgement(verdict, truth, judged.expected, span, places)

    if judged.agreement is Agreement.EXACT:
        return result(Verdict.EXACT)
    if truth >= 1 and judge_derived(printed, span.scale(Decimal("0.01")), truth / HUNDRED
                                    ).agreement is not Agreement.WRONG:
        return result(Verdict.SLIP)
    if judged.agreement is Agreement.TRUNCATED:
        return result(Verdict.TRUNCATED)
    return result(Verdict.WRONG)


# --- which figures add up to which ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    total: str
    parts: tuple[str, ...]
    required: tuple[str, ...] = ()  # parts that must be printed for the identity to be checked


IDENTITIES: tuple[Group, ...] = (
    Group(
        "income.total",
        ("income.current", "income.non_fiscal_surplus_used", "income.opening_carryover"),
        ("income.current", "income.opening_carryover"),
    ),
    Group(
        "expenditure.total",
        (
            "expenditure.current",
            "expenditure.surplus_distribution",
            "expenditure.closing_carryover",
        ),
        ("expenditure.current", "expenditure.closing_carryover"),
    ),
    Group(
        "fiscal.income_total",
        ("fiscal.opening_carryover", "income.fiscal_appropriation"),
        ("fiscal.opening_carryover", "income.fiscal_appropriation"),
    ),
    Group(
        "fiscal.expenditure_total",
        ("fiscal.expenditure", "fiscal.closing_carryover"),
        ("fiscal.expenditure", "fiscal.closing_carryover"),
    ),
)
EQUALITIES: tuple[tuple[str, str], ...] = (
    ("income.total", "expenditure.total"),
    ("fiscal.income_total", "fiscal.expenditure_total"),
    ("overall", "income.total"),
    ("overall", "expenditure.total"),
    ("fiscal.overall", "fiscal.income_total"),
    ("fiscal.overall", "fiscal.expenditure_total"),
)
COMPONENTS: tuple[Group, ...] = (
    Group(
        "income.current",
        (
            "income.fiscal_appropriation",
            "income.superior_subsidy",
            "income.operations",
            "income.business",
            "income.affiliated_remittance",
            "income.other",
            "income.government_fund",  # the last two only in tables (statements)
            "income.special_account",
        ),
    ),
    Group(
        "expenditure.current",
        (
            "expenditure.basic",
            "expenditure.project",
            "expenditure.remittance_to_superior",
            "expenditure.business",
            "expenditure.affiliated_subsidy",
        ),
    ),
    Group("general_budget.basic", ("general_budget.personnel", "general_budget.operating")),
    Group("expenditure.basic", ("expenditure.personnel", "expenditure.operating")),  # tables
    Group("procurement.total", ("procurement.goods", "procurement.works", "procurement.services")),
    Group(
        "staffing.actual",
        ("staffing.in_service", "staffing.retired_cadres", "staffing.retired"),
    ),
)
SANGONG_ITEMS = ("sangong.outbound", "sangong.vehicles", "sangong.reception")
VEHICLE_ITEMS = ("sangong.vehicle_purchase", "sangong.vehicle_operation")


def printed_parts(
    accounts: FinalAccounts, keys: Iterable[str], attribute: str = "amount"
) -> dict[str, Printed]:
    """The printed ``attribute`` (amount, budget, change …) of each key that has one."""
    found: dict[str, Printed] = {}
    for key in keys:
        figure = accounts.get(key) or table_figure(accounts, key)
        value = getattr(figure, attribute, None) if figure is not None else None
        if isinstance(value, Printed):
            found[key] = value
    return found


def table_figure(accounts: FinalAccounts, key: str) -> AccountFigure | None:
    """A figure that only tables print (``expenditure.personnel`` …), kept as a statement."""
    return next((f for f in accounts.statements if f.key == key and from_table(f)), None)


def from_table(figure: AccountFigure) -> bool:
    """Read from a table: its amount, or (a blank 决算数 cell) its budget or 上年数, is a cell."""
    printed = figure.amount or figure.budget or figure.previous
    return printed is not None and printed.source is not None and (
        printed.source.table is not None
    )


# --- statements and amounts ------------------------------------------------------------

_FALLBACK: dict[str, tuple[str, ...]] = {
    "overall": ("income.total", "expenditure.total"),
    "fiscal.overall": ("fiscal.income_total", "fiscal.expenditure_total"),
}


# A bare 财政拨款支出 outside a 一般公共预算 section is read as fiscal.expenditure; as the
# whole of the functional classification it stands for the general-budget figure.
_WHOLE_FALLBACK: dict[str, str] = {"general_budget.expenditure": "fiscal.expenditure"}


def whole(accounts: FinalAccounts, key: str) -> AccountFigure | None:
    """The figure a share or a sum is taken against (with its stand-in when missing)."""
    figure = accounts.get(key)
    if (figure is None or figure.amount is None) and key in _WHOLE_FALLBACK:
        figure = accounts.get(_WHOLE_FALLBACK[key])
    return figure if figure is not None and figure.amount is not None else None


def current_amount(accounts: FinalAccounts, figure: AccountFigure) -> Printed | None:
    """The statement's own amount, else the item's amount stated elsewhere."""
    if figure.amount is not None:
        return figure.amount
    if figure.key is None or figure.key == FUNCTIONAL_KEY:
        return None
    for key in (figure.key, *_FALLBACK.get(figure.key, ())):
        other = accounts.get(key)
        if other is not None and other.amount is not None:
            return other.amount
    return None


def statements(accounts: FinalAccounts) -> list[AccountFigure]:
    """Every statement: as extracted, or the typed figures of a hand-made file."""
    if accounts.statements:
        return accounts.statements
    return list(typed_figures(accounts))


def typed_figures(accounts: FinalAccounts) -> Iterator[AccountFigure]:
    for section in type(accounts).model_fields:
        value = getattr(accounts, section)
        if isinstance(value, AccountFigure):
            yield value
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                item = getattr(value, name)
                if isinstance(item, AccountFigure):
                    yield item
                elif isinstance(item, list):
                    yield from (line.figure for line in item if isinstance(line, FunctionalLine))


def figure_name(figure: AccountFigure) -> str:
    """The item's name for messages: standard name, with the printed label if it differs."""
    if figure.key is None or figure.key == FUNCTIONAL_KEY:
        return figure.label
    standard = label_of(figure.key)
    return standard if figure.label in standard else f"{standard}（原文“{figure.label}”）"


def category_key(name: str) -> str:
    """Functional categories match with or without the trailing 支出."""
    return name.removesuffix("支出")


def final_accounts_in(document: Document) -> list[tuple[int | None, FinalAccounts]]:
    """The document's final-accounts forms with their index; if it has none, the accounts
    read from its paragraphs (index ``None``) when they state any figure."""
    forms: list[tuple[int | None, FinalAccounts]] = [
        (i, f) for i, f in enumerate(document.forms) if isinstance(f, FinalAccounts)
    ]
    if any(not is_table_form(f) for _, f in forms) or not document.paragraphs:
        return forms
    accounts = _extracted(document.paragraphs)
    return forms + ([(None, accounts)] if any(f.key for f in accounts.statements) else [])


@dataclass(frozen=True, slots=True)
class TableBase:
    """The base a sentence compares with (预算数 or 上年数) as a table cell prints it."""

    printed: Printed
    certain: bool  # one table, one value for the item: the match is unambiguous


def table_base(
    forms: Iterable[tuple[int | None, FinalAccounts]], figure: AccountFigure
) -> TableBase | None:
    """The item's budget (or last year's figure) printed in a table of the same document,
    matched by the item's concept key; ``None`` when no table prints it."""
    if figure.key is None or figure.key == FUNCTIONAL_KEY:
        return None
    attribute = "budget" if figure.change_base == "budget" else "previous"
    found: list[Printed] = []
    for _, accounts in forms:
        for other in accounts.statements:
            value = getattr(other, attribute) if other.key == figure.key else None
            if isinstance(value, Printed) and value.source is not None and (
                value.source.table is not None
            ):
                found.append(value)
    if not found:
        return None
    return TableBase(found[0], certain=len({p.value for p in found}) == 1)


def clause_before(document: Document, printed: Printed) -> str:
    """The printed words of the clause before a figure read from a paragraph (its cue):
    ``完成年初预算的`` before ``91%``; empty for a figure not read from a paragraph."""
    at = printed.source
    if at is None or at.paragraph is None or at.start is None or at.table is not None:
        return ""
    for index, paragraph in enumerate(document.paragraphs):
        number = paragraph.source.paragraph if paragraph.source is not None else None
        if (number if number is not None else index + 1) == at.paragraph:
            head = paragraph.text[: at.start]
            cut = max(head.rfind(c) for c in ",，;；。:：!！?？")
            return head[cut + 1 :].strip()
    return ""


_READ: dict[tuple[tuple[str, str | None, int | None, str | None], ...], FinalAccounts] = {}


def _extracted(paragraphs: list[Paragraph]) -> FinalAccounts:
    """The accounts read from paragraphs, read once for all the checks of an audit (the
    checks only read them; the last few readings are kept)."""
    key = tuple(
        (p.text, p.source.file if p.source else None,
         p.source.paragraph if p.source else None, p.heading)
        for p in paragraphs
    )
    found = _READ.get(key)
    if found is None:
        if len(_READ) >= 4:
            _READ.pop(next(iter(_READ)))
        found = _READ[key] = extract_accounts(paragraphs)
    return found


def is_table_form(accounts: FinalAccounts) -> bool:
    """A form read from a final-accounts table: every figure points at a table cell.
    Such forms do not stand in for the prose, which is still read."""
    return bool(accounts.statements) and all(from_table(f) for f in accounts.statements)


# --- which prose figures the final-accounts checks judge --------------------------------

Position = tuple[int, int]  # (paragraph number, offset of the figure in the paragraph)


def _judged_roles(accounts: FinalAccounts, figure: AccountFigure) -> tuple[str, ...]:
    """The roles of a statement that the JX6xx checks judge (they have what they rest on)."""
    roles: list[str] = []
    current = current_amount(accounts, figure)
    if figure.amount is not None and figure.share_base and whole(accounts, figure.share_base):
        roles.append("share")
    compared = figure.change is not None or figure.growth is not None
    if current is not None:
        roles += ["change", "growth"] + (["previous"] if compared else [])
        if figure.budget is not None:
            roles += ["completion", "variance_rate"]
            if compared or figure.completion is not None or figure.variance_rate is not None:
                roles.append("budget")
    if figure.key is not None:
        roles.append("sum_part")  # a keyed amount: the sums of JX601/JX602 take it
        if compared or figure.budget is not None:
            roles.append("amount")
    return tuple(roles)


def judged_positions(document: Document) -> dict[Position, set[str]]:
    """Where the final-accounts reader read a figure of the document's paragraphs that the
    JX6xx checks judge: position → the roles in which they judge it. The prose checks leave
    these figures to them, so that each figure is read by one reader and judged once."""
    found: dict[Position, set[str]] = {}
    for index, accounts in final_accounts_in(document):
        if index is not None:
            continue
        for figure in accounts.statements:
            for role in _judged_roles(accounts, figure):
                printed = getattr(figure, "amount" if role == "sum_part" else role)
                source = printed.source if isinstance(printed, Printed) else None
                if source is not None and source.paragraph is not None and source.start is not None:
                    found.setdefault((source.paragraph, source.start), set()).add(role)
    return found
