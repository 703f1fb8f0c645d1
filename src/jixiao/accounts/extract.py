"""Extract the figures of a final-accounts explanation (部门决算情况说明) from its paragraphs.

The reader works clause by clause. Every number with a unit (``4,329.46万元``, ``85.43%``,
``4辆``) is a token; the text just before it (its *cue*) says what it is: an item's amount
(``本年收入``), a share (``占``), a change (``比上年减少``), a growth rate (``下降``), a budget
(``年初预算数为``), a completion rate (``完成年初预算的``), a budget-vs-actual difference rate
(``预决算差异率``). Items are recognised by keywords (:mod:`jixiao.accounts.concepts`); an item
named once stays the subject of the following clauses of its paragraph, so ``与上年相比，增加
891.89万元，增长33.81%`` belongs to the item named before it. Explanations of reasons
(``主要原因是：…``) are read for the reason, not for items. Nothing here raises on odd text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.accounts.concepts import (
    BY_KEY,
    FUNCTIONAL_BASE,
    FUNCTIONAL_KEY,
    GENERAL_BUDGET_CONTEXT,
    VALUE_LABELS,
    VALUE_OF,
    Concept,
    Kind,
    classify,
    label_of,
)
from jixiao.accounts.normalize import Normalized, clean_label, normalize
from jixiao.model.accounts import (
    AccountFigure,
    FinalAccounts,
    FunctionalLevel,
    FunctionalLine,
    Printed,
)
from jixiao.model.common import SourceRef
from jixiao.model.document import Paragraph
from jixiao.model.limits import read_decimal

_TOKEN_RE = re.compile(
    r"(?<![\d.])(?P<sign>-)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<unit>亿元|万元|千元|元|%|平方米|㎡|辆|人次|人|批次|台\(套\)|台|套|个)"
)
_UNIT_KIND: dict[str, Kind | None] = {
    "亿元": Kind.MONEY,
    "万元": Kind.MONEY,
    "千元": Kind.MONEY,
    "元": Kind.MONEY,
    "平方米": Kind.AREA,
    "㎡": Kind.AREA,
    "辆": Kind.VEHICLES,
    "人": Kind.PEOPLE,
}
_DELIMITER_RE = re.compile(r"[,;:。!?]|(?<!收)、")
_SENTENCE_END = "。!?"
_REASON_RE = re.compile(r"主要原因|原因是|原因为|主要是因为|主要是由于|由于")
_REASON_STOP_RE = re.compile(r"[,;](?:与|比|较)(?:上年|去年|年初预算|预算)")
_COMPARISON_RE = re.compile(r"上年|去年|同比|预算")
_INCREASE = "增加|增长|上升|提高|增幅|超支|多支"
_DECREASE = "减少|下降|降低|减幅|降幅|节约|节省|减支"
_CHANGE_WORD_RE = re.compile(f"(?P<up>{_INCREASE})|(?P<down>{_DECREASE})")
# "与上年相比无增减": a change of exactly 0 (基本持平 / 略有 are not exact, so not read).
_FLAT_RE = re.compile(
    r"(?:与|比|较|同)(?P<base>[^,;:。]{0,12}?)(?:相比|比较)?[,]?"
    r"(?<!基本)(?<!大致)(?<!略有)(?P<word>无增减|无变化|没有变化|未发生变化|持平|不变)$"
)
# Budget names that are not budget figures: 一般公共预算财政拨款支出 is an actual amount.
_BUDGET_NAMES_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|预算绩效|预算单位")
_FILLER_RE = re.compile(
    r"\d{4}年度?|本年度?|全年|年度|其中|合计|共计|累计|总额|金额|实际|决算|执行|支出|数|为|是|共|达到|达|计|了|的|额|\(|\)"
)
_HEADING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))"
)
_START_RE = re.compile(r"决算.{0,8}说明|收入支出决算总体情况")
_END_RE = re.compile(r"^(?:第[一二三四五六七八九十]+部分|附件|.{0,12}名词解释.{0,4}$)")
_PRELUDE_RE = re.compile(r"实有人数|实有人员")
_YEAR_RE = re.compile(r"(20\d{2})年度?")
_LEADING_YEAR_RE = re.compile(r"^(?:\d+[.、])?(20\d{2})年度?")
_FUNCTIONAL_RE = re.compile(
    r"(?P<cat>[\u4e00-\u9fff]+?)(?:\(类\)|类科目)"
    r"(?:(?P<sec>[\u4e00-\u9fff]+?)\(款\))?(?:(?P<item>[\u4e00-\u9fff]+?)\(项\))?"
)


@dataclass(frozen=True, slots=True)
class _Token:
    start: int  # normalised offsets
    end: int
    value: Decimal
    unit: str


@dataclass(frozen=True, slots=True)
class _Functional:
    level: FunctionalLevel
    category: str
    section: str | None
    item: str | None


@dataclass(slots=True)
class _Draft:
    key: str | None
    label: str
    unit: str
    sentence: SourceRef
    functional: _Functional | None = None
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
            share_base=_share_base_key(self.key, words.get("share_base_label")),
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


def _tokens(norm: Normalized) -> list[_Token]:
    tokens = []
    for match in _TOKEN_RE.finditer(norm.text):
        value = _decimal(match.group("num"))
        if value is None or not value.is_finite():
            continue
        if match.group("sign"):
            value = -value
        tokens.append(_Token(match.start(), match.end(), value, match.group("unit")))
    return tokens


def _functional(label: str) -> _Functional | None:
    found = _FUNCTIONAL_RE.search(label)
    if found is None:
        return None
    section, item = found.group("sec"), found.group("item")
    level: FunctionalLevel = "项" if item else "款" if section else "类"
    category = re.sub(r"^(?:\d+|其中|包括|主要用于|用于)+", "", found.group("cat"))
    return _Functional(level, category, section, item)


def _last_change_word(text: str) -> tuple[str, int] | None:
    """The last increase/decrease word in ``text`` and its sign (+1 / -1)."""
    found = None
    for match in _CHANGE_WORD_RE.finditer(text):
        found = (match.group(0), 1 if match.group("up") else -1)
    return found


_LABEL_HEAD_RE = re.compile(r"^(?:\d+[.、]|[)\]]|本部门|本单位|本年度|其中|包括|\d{4}年度?)+")
_LABEL_TAIL_RE = re.compile(
    r"(?:(?:与|比|较)(?:上年|去年|年初预算|全年预算|预算).*"
    r"|全年预算数?|年初预算数?|预算数?|支出决算数?|决算数?|决算|为|是|:)+$"
)


def _display(label: str) -> str:
    """The item's name as printed, without the year before it or the role words after it."""
    return _LABEL_TAIL_RE.sub("", _LABEL_HEAD_RE.sub("", label)) or label


def _share_base_key(key: str | None, printed: str | None) -> str | None:
    """The whole a share is of: as the text names it, else the item's usual whole."""
    usual = (
        FUNCTIONAL_BASE if key == FUNCTIONAL_KEY else BY_KEY[key].base if key in BY_KEY else None
    )
    if not printed or (usual is not None and label_of(usual).endswith(printed)):
        return usual
    named = classify(printed)
    return named.key if named is not None else usual


def _share_base(cue: str) -> str | None:
    after = cue[cue.rfind("占") + 1 :]
    after = re.sub(r"(的)?(比重|比例)?(为)?$", "", after).removesuffix("的")
    return after or None


@dataclass(slots=True)
class _Sections:
    """Headings seen so far (level 1 ``一、`` and level 2 ``（一）``)."""

    level1: str = ""
    level2: str = ""

    def update(self, text: str) -> None:
        if text.startswith("("):
            self.level2 = text
        else:
            self.level1, self.level2 = text, ""

    def general_budget(self, extra: str | None) -> bool:
        context = f"{self.level1} {self.level2} {extra or ''}"
        return GENERAL_BUDGET_CONTEXT.search(context) is not None


class _Reader:
    """Reads paragraphs one after another, keeping the subject and section context."""

    def __init__(self, *, people: bool) -> None:
        self.drafts: list[_Draft] = []
        self.sections = _Sections()
        self.pending: _Draft | None = None
        self.people = people  # staffing figures: only in a titled explanation
        self.year: int | None = None  # the accounts' year: the first year the text names

    def paragraph(self, paragraph: Paragraph, number: int) -> None:
        norm = normalize(paragraph.text)
        text = norm.text
        if self.year is None and (year := _YEAR_RE.search(text)) is not None:
            self.year = int(year.group(1))
        tokens = _tokens(norm)
        if not tokens and _HEADING_RE.match(text) and len(text) <= 60:
            self.sections.update(text)
            self.pending = None
            return
        state = _ParagraphState(self, paragraph, number, norm)
        state.subject = self.pending
        self.pending = None
        position = 0
        for token in tokens:
            state.lead(position, token.start)
            state.token(token)
            position = token.end
        state.lead(position, len(text), final=True)
        if not tokens and state.mentioned is not None:
            self.pending = state.mentioned


class _ParagraphState:
    def __init__(
        self, reader: _Reader, paragraph: Paragraph, number: int, norm: Normalized
    ) -> None:
        self.reader = reader
        self.paragraph = paragraph
        self.number = number
        self.norm = norm
        self.subject: _Draft | None = None
        self.mentioned: _Draft | None = None
        self.explaining = False
        self.sentence_year: int | None = None  # "2022年度…": figures of an earlier year
        self.last_role: str | None = None
        self.cue = ""
        self.cue_start = 0

    # --- locations -------------------------------------------------------------------
    def source(self, start: int, end: int) -> SourceRef:
        raw_start, raw_end = self.norm.span(start, end)
        base = self.paragraph.source
        return SourceRef(
            file=base.file if base is not None else None,
            paragraph=self.number,
            start=raw_start,
            end=raw_end,
            text=self.paragraph.text[raw_start:raw_end],
            page=base.page if base is not None else None,
        )

    def sentence(self, at: int) -> SourceRef:
        text = self.norm.text
        start = max((text.rfind(c, 0, at) for c in _SENTENCE_END), default=-1) + 1
        ends = [i for c in _SENTENCE_END if (i := text.find(c, at)) >= 0]
        end = min(ends) + 1 if ends else len(text)
        return self.source(start, end)

    # --- lead text between tokens ----------------------------------------------------
    def lead(self, start: int, end: int, *, final: bool = False) -> None:
        """Walk the clauses between two tokens: reasons, sentence ends, item names."""
        text = self.norm.text
        pieces: list[tuple[int, int, str]] = []  # (start, end, delimiter after)
        position = start
        for match in _DELIMITER_RE.finditer(text, start, end):
            pieces.append((position, match.start(), match.group(0)))
            position = match.end()
        pieces.append((position, end, ""))
        complete = pieces if final else pieces[:-1]
        for piece_start, piece_end, delimiter in complete:
            self.clause(piece_start, piece_end)
            if delimiter in _SENTENCE_END:
                self.explaining = False
                self.sentence_year = None
                self.last_role = None
        if not final:
            self.cue_start, cue_end, _ = pieces[-1]
            self.cue = clean_label(text[self.cue_start : cue_end])
            self.clause_reason(self.cue_start, cue_end)

    def clause_reason(self, start: int, end: int) -> None:
        text = self.norm.text
        found = _REASON_RE.search(text, start, end)
        if found is None:
            return
        self.explaining = True
        if self.subject is not None and "reason" not in self.subject.words:
            stop = len(text)
            for c in _SENTENCE_END:
                at = text.find(c, found.end())
                if at >= 0:
                    stop = min(stop, at)
            halt = _REASON_STOP_RE.search(text, found.end(), stop)
            reason_start = found.end()
            while reason_start < stop and text[reason_start] in ":是为,":
                reason_start += 1
            reason = self.source(reason_start, halt.start() if halt else stop).text
            if reason:
                self.subject.words["reason"] = reason

    def clause(self, start: int, end: int) -> None:
        """A complete clause without a number: it may name the next figures' item."""
        self.clause_reason(start, end)
        if self.explaining:
            return
        if self.flat(start, end):
            return
        label = clean_label(self.norm.text[start:end])
        self.note_year(label)
        self.mention(label, start, kinds=(Kind.MONEY,))

    def flat(self, start: int, end: int) -> bool:
        """"与预算相比无增减" after the subject's amount: its change, stated as 0."""
        found = _FLAT_RE.search(self.norm.text, start, end)
        if found is None or self.subject is None or self.subject.values.get("amount") is None:
            return False
        base = found.group("base")
        if not re.search(r"上年|去年|同期|预算|^\d{4}年度?$", base):
            return False
        on_budget = "预算" in base and not _BUDGET_NAMES_RE.search(base)
        word = found.group("word")
        token = _Token(found.start("word"), found.end("word"), Decimal(0), "")
        extra = {"change_word": word, "change_base": "budget" if on_budget else "previous"}
        self.assign(self.subject, "change", Decimal(0), token, extra)
        return True

    def note_year(self, label: str) -> None:
        found = _LEADING_YEAR_RE.match(label)
        if found is not None:
            self.sentence_year = int(found.group(1))

    def mention(self, label: str, at: int, *, kinds: tuple[Kind, ...]) -> _Draft | None:
        """Make the item named in ``label`` the subject; ``None`` if it names none."""
        if "占" in label:  # "占基本支出的": the whole a share is taken of, not an item
            label = label[: label.index("占")]
        functional = _functional(label)
        concept: Concept | None = None
        if functional is None:
            context = self.paragraph.heading
            concept = classify(
                label, general_budget=self.reader.sections.general_budget(context), kinds=kinds
            )
            if concept is None:
                return None
        key = FUNCTIONAL_KEY if functional is not None else concept.key if concept else None
        subject = self.subject
        if subject is not None and subject.key == key and subject.functional == functional:
            self.mentioned = subject
            return subject
        draft = _Draft(key, _display(label), "万元", self.sentence(at), functional)
        self.reader.drafts.append(draft)
        self.subject = self.mentioned = draft
        return draft

    # --- tokens ----------------------------------------------------------------------
    def token(self, token: _Token) -> None:
        cue = self.cue
        if token.unit == "%":
            self.percent(token, cue)
        else:
            kind = _UNIT_KIND.get(token.unit)
            if kind is not None:
                self.quantity(token, cue, kind)

    def accept(self, cue: str, role: str) -> bool:
        """Inside a reason only "与上年相比减少A万元，减少B%" still speaks of the subject."""
        if not self.explaining:
            return True
        if role == "change":
            return _COMPARISON_RE.search(cue) is not None
        return role == "growth" and self.last_role == "change"

    def percent(self, token: _Token, cue: str) -> None:
        word = _last_change_word(cue)
        if re.search(r"差异率|偏差率|差异", cue):
            role = "variance_rate"
        elif "占" in cue:
            role = "share"
        elif re.search(r"完成|执行率|执行进度|为.*预算的", cue):
            role = "completion"
        elif word is not None:
            role = "growth"
        else:
            return
        if not self.accept(cue, role):
            return
        if role == "growth" and word is not None and not self.explaining:
            self.mention(cue[: cue.rfind(word[0])], self.cue_start, kinds=(Kind.MONEY,))
        subject = self.subject
        if subject is None:
            return
        value = token.value
        extra: dict[str, str] = {}
        if role == "growth" and word is not None:
            value = value * word[1]
            extra["growth_word"] = word[0]
        if role == "share":
            base = _share_base(cue)
            if base:
                extra["share_base_label"] = base
        self.assign(subject, role, value, token, extra)

    def quantity(self, token: _Token, cue: str, kind: Kind) -> None:
        if kind is Kind.PEOPLE and not self.reader.people:
            return
        if not self.explaining:
            self.note_year(cue)
        word = _last_change_word(cue)
        plain = _BUDGET_NAMES_RE.sub("", cue)
        role = "amount"
        if word is not None:
            role = "change"
        elif "预算" in plain and "决算" not in plain:
            role = "budget"
        elif re.search(r"上年|去年|上期", cue) and "结转" not in cue:
            role = "previous"
        elif "价值" in cue:
            role = "value"
        year = self.reader.year
        if role == "amount" and year and self.sentence_year and self.sentence_year < year:
            role = "previous"  # "2022年度“三公经费”支出20.50万元" in a 2023 explanation
        if not self.accept(cue, role):
            return
        named = None
        if not self.explaining:
            name = cue[: cue.rfind(word[0])] if word is not None else cue
            named = self.mention(name, self.cue_start, kinds=(kind,))
        subject = named or self.subject
        if role == "amount" and named is None:
            if kind is not Kind.MONEY:
                return
            held = subject.values.get("amount") if subject is not None else None
            if (
                subject is None
                or _FILLER_RE.sub("", cue)
                or (held is not None and held.value != token.value)
            ):  # an unnamed amount that is not the subject's: a statement of its own
                subject = _Draft(None, _display(cue), token.unit, self.sentence(self.cue_start))
                self.reader.drafts.append(subject)
                self.subject = subject
        if subject is None:
            return
        if role == "value":
            value_key = VALUE_OF.get(subject.key or "")
            if value_key is None or kind is not Kind.MONEY:
                return
            subject = _Draft(value_key, VALUE_LABELS[value_key], token.unit, subject.sentence)
            self.reader.drafts.append(subject)
            role = "amount"
        subject_kind = BY_KEY[subject.key].kind if subject.key in BY_KEY else Kind.MONEY
        if subject_kind is not kind:
            return
        extra: dict[str, str] = {}
        value = token.value
        if role == "change" and word is not None:
            value = value * word[1]
            extra["change_word"] = word[0]
            extra["change_base"] = "budget" if "预算" in plain else "previous"
        if role == "budget":
            extra["budget_kind"] = (
                "年初预算" if "年初" in plain else "全年预算" if "全年" in plain else "预算"
            )
        if role == "amount":
            subject.unit = token.unit
        self.assign(subject, role, value, token, extra)

    def assign(
        self, subject: _Draft, role: str, value: Decimal, token: _Token, extra: dict[str, str]
    ) -> None:
        where = self.source(token.start, token.end)
        printed = Printed(value=value, text=where.text or "", source=where)
        current = subject.values.get(role)
        if current is not None and current.value != value:
            subject = _Draft(
                subject.key,
                subject.label,
                subject.unit,
                self.sentence(token.start),
                subject.functional,
            )
            self.reader.drafts.append(subject)
            self.subject = subject
        if current is None or current.value != value:
            subject.values[role] = printed
            subject.words.update(extra)
        self.last_role = role


def _title(paragraphs: list[Paragraph]) -> int | None:
    """Where the explanation's title (…决算情况说明) is, if it has one."""
    return next(
        (i for i, p in enumerate(paragraphs) if _START_RE.search(normalize(p.text).text)), None
    )


def _region(paragraphs: list[Paragraph], start: int | None) -> Iterator[tuple[int, Paragraph]]:
    """The paragraphs of the explanation: from its title to the glossary or annexes.

    Without a recognisable title the whole text is read; staffing lines (实有人数) before
    the title are read too, as units often state them in the 概况.
    """
    if start is None:
        yield from enumerate(paragraphs)
        return
    texts = [normalize(p.text).text for p in paragraphs]
    for i in range(start):
        if _PRELUDE_RE.search(texts[i]):
            yield i, paragraphs[i]
    for i in range(start, len(paragraphs)):
        if i > start and _END_RE.search(texts[i]) and not _START_RE.search(texts[i]):
            return
        yield i, paragraphs[i]


def _merge(figures: Iterable[AccountFigure]) -> AccountFigure:
    """One figure per item: the first statement, completed by later ones that agree."""
    items = list(figures)
    merged = items[0]
    amount = merged.amount.value if merged.amount is not None else None
    for other in items[1:]:
        other_amount = other.amount.value if other.amount is not None else None
        if amount is not None and other_amount is not None and other_amount != amount:
            continue
        update = {
            name: getattr(other, name)
            for name in AccountFigure.model_fields
            if getattr(merged, name) is None and getattr(other, name) is not None
        }
        if update:
            merged = merged.model_copy(update=update)
            if amount is None and merged.amount is not None:
                amount = merged.amount.value
    return merged


def _functional_lines(drafts: list[_Draft]) -> list[FunctionalLine]:
    groups: dict[_Functional, list[AccountFigure]] = {}
    for draft in drafts:
        if draft.functional is not None:
            groups.setdefault(draft.functional, []).append(draft.figure())
    return [
        FunctionalLine(
            level=f.level,
            category=f.category,
            section=f.section,
            item=f.item,
            figure=_merge(figures),
        )
        for f, figures in groups.items()
    ]


def _set(accounts: FinalAccounts, key: str, figure: AccountFigure) -> None:
    *path, name = key.split(".")
    node: object = accounts
    for part in path:
        node = getattr(node, part)
    setattr(node, name, figure)


def extract_accounts(paragraphs: list[Paragraph]) -> FinalAccounts:
    """Read the figures of a 决算情况说明 from paragraphs (a Document's, in order)."""
    start = _title(paragraphs)
    reader = _Reader(people=start is not None)
    for index, paragraph in _region(paragraphs, start):
        number = paragraph.source.paragraph if paragraph.source is not None else None
        reader.paragraph(paragraph, number if number is not None else index + 1)
    drafts = [d for d in reader.drafts if d.values]
    statements = [d.figure() for d in drafts]
    accounts = FinalAccounts(year=reader.year, statements=statements)
    by_key: dict[str, list[AccountFigure]] = {}
    for draft, figure in zip(drafts, statements, strict=True):
        if draft.key is not None and draft.functional is None:
            by_key.setdefault(draft.key, []).append(figure)
    for key, figures in by_key.items():
        _set(accounts, key, _merge(figures))
    accounts.general_budget.lines = _functional_lines(drafts)
    return accounts
