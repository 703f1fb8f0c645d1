"""Reading a final-accounts explanation clause by clause (see :mod:`jixiao.accounts.extract`).

:class:`Reader` takes the paragraphs in order and keeps the section headings; for each paragraph
a state walks the clauses between tokens: a clause without a number may name the next item
(the *subject*), a reason clause (主要原因是…) is read for the reason, and every token is
assigned a role on its subject from its cue (:mod:`jixiao.accounts.cues`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.accounts.concepts import (
    BY_KEY,
    GENERAL_BUDGET_CONTEXT,
    VALUE_LABELS,
    VALUE_OF,
    Kind,
)
from jixiao.accounts.cues import (
    BUDGET_NAMES_RE,
    COMPARISON_RE,
    DELIMITER_RE,
    FILLER_RE,
    FLAT_RE,
    HEADING_RE,
    LEADING_YEAR_RE,
    REASON_RE,
    REASON_STOP_RE,
    SENTENCE_END,
    UNIT_KIND,
    YEAR_RE,
    Draft,
    Token,
    display_label,
    last_change_word,
    read_tokens,
    share_base_of,
)
from jixiao.accounts.normalize import Normalized, clean_label, normalize
from jixiao.accounts.subjects import Place, Subjects
from jixiao.model.document import Paragraph


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


class Reader:
    """Reads paragraphs one after another, keeping the subject and section context."""

    def __init__(self, *, people: bool) -> None:
        self.drafts: list[Draft] = []
        self.sections = _Sections()
        self.pending: Draft | None = None
        self.people = people  # staffing figures: only in a titled explanation
        self.year: int | None = None  # the accounts' year: the first year the text names

    def paragraph(self, paragraph: Paragraph, number: int) -> None:
        norm = normalize(paragraph.text)
        text = norm.text
        if self.year is None and (year := YEAR_RE.search(text)) is not None:
            self.year = int(year.group(1))
        tokens = read_tokens(norm)
        if not tokens and HEADING_RE.match(text) and len(text) <= 60:
            self.sections.update(text)
            self.pending = None
            return
        state = _ParagraphState(self, paragraph, number, norm)
        state.subjects.current = self.pending
        self.pending = None
        position = 0
        for token in tokens:
            state.lead(position, token.start)
            state.token(token)
            position = token.end
        state.lead(position, len(text), final=True)
        if not tokens and state.subjects.mentioned is not None:
            self.pending = state.subjects.mentioned


class _ParagraphState:
    """One paragraph's walk: the clauses between its figures, then each figure's role."""

    def __init__(self, reader: Reader, paragraph: Paragraph, number: int, norm: Normalized) -> None:
        self.reader = reader
        self.norm = norm
        self.place = Place(paragraph, number, norm)
        general = reader.sections.general_budget(paragraph.heading)
        self.subjects = Subjects(reader.drafts, self.place, general)
        self.explaining = False
        self.sentence_year: int | None = None  # "2022年度…": figures of an earlier year
        self.cue = ""
        self.cue_start = 0

    def lead(self, start: int, end: int, *, final: bool = False) -> None:
        """Walk the clauses between two tokens: reasons, sentence ends, item names."""
        text = self.norm.text
        pieces = _pieces(text, start, end)
        complete = pieces if final else pieces[:-1]
        for piece_start, piece_end, delimiter in complete:
            self.clause(piece_start, piece_end)
            if delimiter in SENTENCE_END:
                self.explaining = False
                self.sentence_year = None
                self.subjects.last_role = None
        if not final:
            self.cue_start, cue_end, _ = pieces[-1]
            self.cue = clean_label(text[self.cue_start : cue_end])
            self.clause_reason(self.cue_start, cue_end)

    def clause_reason(self, start: int, end: int) -> None:
        text = self.norm.text
        found = REASON_RE.search(text, start, end)
        if found is None:
            return
        self.explaining = True
        subject = self.subjects.current
        if subject is not None and "reason" not in subject.words:
            reason = self.place.source(*_reason_span(text, found.end())).text
            if reason:
                subject.words["reason"] = reason

    def clause(self, start: int, end: int) -> None:
        """A complete clause without a number: it may name the next figures' item."""
        self.clause_reason(start, end)
        if self.explaining:
            return
        if self.flat(start, end):
            return
        label = clean_label(self.norm.text[start:end])
        self.note_year(label)
        self.subjects.mention(label, start, kinds=(Kind.MONEY,))

    def flat(self, start: int, end: int) -> bool:
        """ "与预算相比无增减" after the subject's amount: its change, stated as 0."""
        subject = self.subjects.current
        if subject is None or subject.values.get("amount") is None:
            return False
        found = _flat_change(self.norm.text, start, end)
        if found is not None:
            self.subjects.assign(subject, "change", Decimal(0), *found)
        return found is not None

    def note_year(self, label: str) -> None:
        found = LEADING_YEAR_RE.match(label)
        if found is not None:
            self.sentence_year = int(found.group(1))

    def token(self, token: Token) -> None:
        if token.unit == "%":
            self.percent(token, self.cue)
        elif (kind := UNIT_KIND.get(token.unit)) is not None:
            self.quantity(token, self.cue, kind)

    def accept(self, cue: str, role: str) -> bool:
        """Inside a reason only "与上年相比减少A万元，减少B%" still speaks of the subject."""
        if not self.explaining:
            return True
        if role == "change":
            return COMPARISON_RE.search(cue) is not None
        return role == "growth" and self.subjects.last_role == "change"

    def percent(self, token: Token, cue: str) -> None:
        word = last_change_word(cue)
        role = _percent_role(cue, word)
        if role is None or not self.accept(cue, role):
            return
        if role == "growth" and word is not None and not self.explaining:
            self.subjects.mention(cue[: cue.rfind(word[0])], self.cue_start, kinds=(Kind.MONEY,))
        subject = self.subjects.current
        if subject is None:
            return
        value = token.value * word[1] if role == "growth" and word is not None else token.value
        self.subjects.assign(subject, role, value, token, _percent_words(role, cue, word))

    def quantity(self, token: Token, cue: str, kind: Kind) -> None:
        if kind is Kind.PEOPLE and not self.reader.people:
            return
        if not self.explaining:
            self.note_year(cue)
        word = last_change_word(cue)
        plain = BUDGET_NAMES_RE.sub("", cue)
        role = _quantity_role(cue, plain, word)
        year = self.reader.year
        if role == "amount" and year and self.sentence_year and self.sentence_year < year:
            role = "previous"  # "2022年度“三公经费”支出20.50万元" in a 2023 explanation
        if not self.accept(cue, role):
            return
        subject = self._quantity_subject(token, cue, kind, role, word)
        if subject is None:
            return
        if role == "value":
            value_key = VALUE_OF.get(subject.key or "")
            if value_key is None or kind is not Kind.MONEY:
                return
            value_item = Draft(value_key, VALUE_LABELS[value_key], token.unit, subject.sentence)
            self.subjects.drafts.append(value_item)  # a figure of its own, not the subject
            subject, role = value_item, "amount"
        subject_kind = BY_KEY[subject.key].kind if subject.key in BY_KEY else Kind.MONEY
        if subject_kind is not kind:
            return
        value = token.value * word[1] if role == "change" and word is not None else token.value
        if role == "amount":
            subject.unit = token.unit
        self.subjects.assign(subject, role, value, token, _quantity_words(role, plain, word))

    def _quantity_subject(
        self, token: Token, cue: str, kind: Kind, role: str, word: tuple[str, int] | None
    ) -> Draft | None:
        """The item a quantity speaks of: the one its cue names, else the current subject;
        an unnamed amount that is not the subject's is a statement of its own."""
        named = None
        if not self.explaining:
            name = cue[: cue.rfind(word[0])] if word is not None else cue
            named = self.subjects.mention(name, self.cue_start, kinds=(kind,))
        subject = named or self.subjects.current
        if role != "amount" or named is not None:
            return subject
        if kind is not Kind.MONEY:
            return None
        held = subject.values.get("amount") if subject is not None else None
        if (
            subject is None
            or FILLER_RE.sub("", cue)
            or (held is not None and held.value != token.value)
        ):
            sentence = self.place.sentence(self.cue_start)
            return self.subjects.add(Draft(None, display_label(cue), token.unit, sentence))
        return subject


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The clauses of ``text[start:end]`` as (start, end, the delimiter after)."""
    pieces = []
    position = start
    for match in DELIMITER_RE.finditer(text, start, end):
        pieces.append((position, match.start(), match.group(0)))
        position = match.end()
    pieces.append((position, end, ""))
    return pieces


def _flat_change(text: str, start: int, end: int) -> tuple[Token, dict[str, str]] | None:
    """ "与上年相比无增减", "与预算持平": a change of 0 against the base it names."""
    found = FLAT_RE.search(text, start, end)
    if found is None:
        return None
    base = found.group("base")
    if not re.search(r"上年|去年|同期|预算|^\d{4}年度?$", base):
        return None
    on_budget = "预算" in base and not BUDGET_NAMES_RE.search(base)
    token = Token(found.start("word"), found.end("word"), Decimal(0), "")
    return token, {
        "change_word": found.group("word"),
        "change_base": "budget" if on_budget else "previous",
    }


def _reason_span(text: str, after: int) -> tuple[int, int]:
    """The reason after "主要原因是": up to the sentence end or the next clause that is not."""
    stop = len(text)
    for c in SENTENCE_END:
        at = text.find(c, after)
        if at >= 0:
            stop = min(stop, at)
    halt = REASON_STOP_RE.search(text, after, stop)
    start = after
    while start < stop and text[start] in ":是为,":
        start += 1
    return start, halt.start() if halt else stop


def _percent_role(cue: str, word: tuple[str, int] | None) -> str | None:
    if re.search(r"差异率|偏差率|差异", cue):
        return "variance_rate"
    if "占" in cue:
        return "share"
    if re.search(r"完成|执行率|执行进度|为.*预算的", cue):
        return "completion"
    return "growth" if word is not None else None


def _percent_words(role: str, cue: str, word: tuple[str, int] | None) -> dict[str, str]:
    """What a percentage's cue says beyond its value: the growth word, a share's whole."""
    if role == "growth" and word is not None:
        return {"growth_word": word[0]}
    base = share_base_of(cue) if role == "share" else None
    return {"share_base_label": base} if base else {}


def _quantity_role(cue: str, plain: str, word: tuple[str, int] | None) -> str:
    if word is not None:
        return "change"
    if "预算" in plain and "决算" not in plain:
        return "budget"
    if re.search(r"上年|去年|上期", cue) and "结转" not in cue:
        return "previous"
    return "value" if "价值" in cue else "amount"


def _quantity_words(role: str, plain: str, word: tuple[str, int] | None) -> dict[str, str]:
    """What a quantity's cue says beyond its value: the change word and base, the budget."""
    if role == "change" and word is not None:
        return {"change_word": word[0], "change_base": "budget" if "预算" in plain else "previous"}
    if role == "budget":
        budget = "年初预算" if "年初" in plain else "全年预算" if "全年" in plain else "预算"
        return {"budget_kind": budget}
    return {}
