"""The cues of a final-accounts sentence: numbers with units and the words before them.

A *token* is a number with its unit (``4,329.46万元``, ``85.43%``, ``4辆``); its *cue* is the
text just before it. This module holds the words that tell a cue's role (change words, flat
words such as 无增减, budget names, reasons), the draft of one statement as it is read, and the
small readers of labels (the item's display name, the whole a share is of, the functional
classification). :mod:`jixiao.accounts.clauses` uses them clause by clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.accounts.concepts import (
    BY_KEY,
    FUNCTIONAL_BASE,
    FUNCTIONAL_KEY,
    Kind,
    classify,
    label_of,
)
from jixiao.accounts.normalize import Normalized
from jixiao.model.accounts import (
    AccountFigure,
    FunctionalLevel,
    Printed,
)
from jixiao.model.common import SourceRef
from jixiao.model.limits import read_decimal

TOKEN_RE = re.compile(
    r"(?<![\d.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<unit>亿元|万元|千元|元|%|平方米|㎡|辆|人次|人|批次|台\(套\)|台|套|个)"
)
UNIT_KIND: dict[str, Kind | None] = {
    "亿元": Kind.MONEY,
    "万元": Kind.MONEY,
    "千元": Kind.MONEY,
    "元": Kind.MONEY,
    "平方米": Kind.AREA,
    "㎡": Kind.AREA,
    "辆": Kind.VEHICLES,
    "人": Kind.PEOPLE,
}
DELIMITER_RE = re.compile(r"[,;:。!?]|(?<!收)、")
SENTENCE_END = "。!?"
REASON_RE = re.compile(r"主要原因|原因是|原因为|主要是因为|主要是由于|由于")
REASON_STOP_RE = re.compile(r"[,;](?:与|比|较)(?:上年|去年|年初预算|预算)")
COMPARISON_RE = re.compile(r"上年|去年|同比|预算")
_INCREASE = "增加|增长|上升|提高|增幅|超支|多支"
_DECREASE = "减少|下降|降低|减幅|降幅|节约|节省|减支"
CHANGE_WORD_RE = re.compile(f"(?P<up>{_INCREASE})|(?P<down>{_DECREASE})")
# "与上年相比无增减": a change of exactly 0 (基本持平 / 略有 are not exact, so not read).
FLAT_RE = re.compile(
    r"(?:与|比|较|同)(?P<base>[^,;:。]{0,12}?)(?:相比|比较)?[,]?"
    r"(?<!基本)(?<!大致)(?<!略有)(?P<word>无增减|无变化|没有变化|未发生变化|持平|不变)$"
)
# Budget names that are not budget figures: 一般公共预算财政拨款支出 is an actual amount.
BUDGET_NAMES_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|预算绩效|预算单位")
FILLER_RE = re.compile(
    r"\d{4}年度?|本年度?|全年|年度|其中|合计|共计|累计|总额|金额|实际|决算|执行|支出|数|为|是|共|达到|达|计|了|的|额|\(|\)"
)
HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))"
)
YEAR_RE = re.compile(r"(20\d{2})年度?")
LEADING_YEAR_RE = re.compile(r"^(?:\d+[.、])?(20\d{2})年度?")
_FUNCTIONAL_RE = re.compile(
    r"(?P<cat>[\u4e00-\u9fff]+?)(?:\(类\)|类科目)"
    r"(?:(?P<sec>[\u4e00-\u9fff]+?)\(款\))?(?:(?P<item>[\u4e00-\u9fff]+?)\(项\))?"
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # normalised offsets
    end: int
    value: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class Functional:
    level: FunctionalLevel
    category: str
    section: str | None
    item: str | None


@dataclass(slots=True)
class Draft:
    key: str | None
    label: str
    unit: str
    sentence: SourceRef
    functional: Functional | None = None
    values: dict[str, Printed] = field(default_factory=dict)
    words: dict[str, str] = field(default_factory=dict)

    def figure(self) -> AccountFigure:
        words = self.words
        return AccountFigure(
            key=self.key,
            label=self.label,
            unit=self.unit,
            amount=self.values.get("amount"),
            share=self.values.get("share"),
            share_base=share_base_key(self.key, words.get("share_base_label")),
            share_base_label=words.get("share_base_label"),
            change=self.values.get("change"),
            change_word=words.get("change_word"),
            growth=self.values.get("growth"),
            growth_word=words.get("growth_word"),
            change_base="budget" if words.get("change_base") == "budget" else "previous",
            previous=self.values.get("previous"),
            budget=self.values.get("budget"),
            budget_kind=words.get("budget_kind"),
            completion=self.values.get("completion"),
            variance_rate=self.values.get("variance_rate"),
            reason=words.get("reason"),
            sentence=self.sentence,
        )


def _decimal(text: str) -> Decimal | None:
    return read_decimal(text.replace(",", ""))  # None when not a number or out of bounds


def read_tokens(norm: Normalized) -> list[Token]:
    tokens = []
    for match in TOKEN_RE.finditer(norm.text):
        value = _decimal(match.group("num"))
        if value is None or not value.is_finite():
            continue
        if match.group("sign"):
            value = -value
        tokens.append(Token(match.start(), match.end(), value, match.group("unit")))
    return tokens


def functional_of(label: str) -> Functional | None:
    found = _FUNCTIONAL_RE.search(label)
    if found is None:
        return None
    section, item = found.group("sec"), found.group("item")
    level: FunctionalLevel = "项" if item else "款" if section else "类"
    category = re.sub(r"^(?:\d+|其中|包括|主要用于|用于)+", "", found.group("cat"))
    return Functional(level, category, section, item)


def last_change_word(text: str) -> tuple[str, int] | None:
    """The last increase/decrease word in ``text`` and its sign (+1 / -1)."""
    found = None
    for match in CHANGE_WORD_RE.finditer(text):
        found = (match.group(0), 1 if match.group("up") else -1)
    return found


_LABEL_HEAD_RE = re.compile(r"^(?:\d+[.、]|[)\]]|本部门|本单位|本年度|其中|包括|\d{4}年度?)+")
_LABEL_TAIL_RE = re.compile(
    r"(?:(?:与|比|较)(?:上年|去年|年初预算|全年预算|预算).*"
    r"|全年预算数?|年初预算数?|预算数?|支出决算数?|决算数?|决算|为|是|:)+$"
)


def display_label(label: str) -> str:
    """The item's name as printed, without the year before it or the role words after it."""
    return _LABEL_TAIL_RE.sub("", _LABEL_HEAD_RE.sub("", label)) or label


def share_base_key(key: str | None, printed: str | None) -> str | None:
    """The whole a share is of: as the text names it, else the item's usual whole."""
    usual = (
        FUNCTIONAL_BASE if key == FUNCTIONAL_KEY else BY_KEY[key].base if key in BY_KEY else None
    )
    if not printed or (usual is not None and label_of(usual).endswith(printed)):
        return usual
    named = classify(printed)
    return named.key if named is not None else usual


def share_base_of(cue: str) -> str | None:
    after = cue[cue.rfind("占") + 1 :]
    after = re.sub(r"(的)?(比重|比例)?(为)?$", "", after).removesuffix("的")
    return after or None
