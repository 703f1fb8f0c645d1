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
    FUNCTIONAL_KEY,
    GENERAL_BUDGET_CONTEXT,
    VALUE_LABELS,
    VALUE_OF,
    Concept,
    Kind,
    classify,
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
    functional_of,
    last_change_word,
    read_tokens,
    share_base_of,
)
from jixiao.accounts.normalize import Normalized, clean_label, normalize
from jixiao.model.accounts import (
    Printed,
)
from jixiao.model.common import SourceRef
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
        self, reader: Reader, paragraph: Paragraph, number: int, norm: Normalized
    ) -> None:
        self.reader = reader
        self.paragraph = paragraph
        self.number = number
        self.norm = norm
        self.subject: Draft | None = None
        self.mentioned: Draft | None = None
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
        start = max((text.rfind(c, 0, at) for c in SENTENCE_END), default=-1) + 1
        ends = [i for c in SENTENCE_END if (i := text.find(c, at)) >= 0]
        end = min(ends) + 1 if ends else len(text)
        return self.source(start, end)

    # --- lead text between tokens ----------------------------------------------------
    def lead(self, start: int, end: int, *, final: bool = False) -> None:
        """Walk the clauses between two tokens: reasons, sentence ends, item names."""
        text = self.norm.text
        pieces: list[tuple[int, int, str]] = []  # (start, end, delimiter after)
        position = start
        for match in DELIMITER_RE.finditer(text, start, end):
            pieces.append((position, match.start(), match.group(0)))
            position = match.end()
        pieces.append((position, end, ""))
        complete = pieces if final else pieces[:-1]
        for piece_start, piece_end, delimiter in complete:
            self.clause(piece_start, piece_end)
            if delimiter in SENTENCE_END:
                self.explaining = False
                self.sentence_year = None
                self.last_role = None
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
        if self.subject is not None and "reason" not in self.subject.words:
            stop = len(text)
            for c in SENTENCE_END:
                at = text.find(c, found.end())
                if at >= 0:
                    stop = min(stop, at)
            halt = REASON_STOP_RE.search(text, found.end(), stop)
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
        found = FLAT_RE.search(self.norm.text, start, end)
        if found is None or self.subject is None or self.subject.values.get("amount") is None:
            return False
        base = found.group("base")
        if not re.search(r"上年|去年|同期|预算|^\d{4}年度?$", base):
            return False
        on_budget = "预算" in base and not BUDGET_NAMES_RE.search(base)
        word = found.group("word")
        token = Token(found.start("word"), found.end("word"), Decimal(0), "")
        extra = {"change_word": word, "change_base": "budget" if on_budget else "previous"}
        self.assign(self.subject, "change", Decimal(0), token, extra)
        return True

    def note_year(self, label: str) -> None:
        found = LEADING_YEAR_RE.match(label)
        if found is not None:
            self.sentence_year = int(found.group(1))

    def mention(self, label: str, at: int, *, kinds: tuple[Kind, ...]) -> Draft | None:
        """Make the item named in ``label`` the subject; ``None`` if it names none."""
        if "占" in label:  # "占基本支出的": the whole a share is taken of, not an item
            label = label[: label.index("占")]
        functional = functional_of(label)
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
        draft = Draft(key, display_label(label), "万元", self.sentence(at), functional)
        self.reader.drafts.append(draft)
        self.subject = self.mentioned = draft
        return draft

    # --- tokens ----------------------------------------------------------------------
    def token(self, token: Token) -> None:
        cue = self.cue
        if token.unit == "%":
            self.percent(token, cue)
        else:
            kind = UNIT_KIND.get(token.unit)
            if kind is not None:
                self.quantity(token, cue, kind)

    def accept(self, cue: str, role: str) -> bool:
        """Inside a reason only "与上年相比减少A万元，减少B%" still speaks of the subject."""
        if not self.explaining:
            return True
        if role == "change":
            return COMPARISON_RE.search(cue) is not None
        return role == "growth" and self.last_role == "change"

    def percent(self, token: Token, cue: str) -> None:
        word = last_change_word(cue)
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
            base = share_base_of(cue)
            if base:
                extra["share_base_label"] = base
        self.assign(subject, role, value, token, extra)

    def quantity(self, token: Token, cue: str, kind: Kind) -> None:
        if kind is Kind.PEOPLE and not self.reader.people:
            return
        if not self.explaining:
            self.note_year(cue)
        word = last_change_word(cue)
        plain = BUDGET_NAMES_RE.sub("", cue)
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
                or FILLER_RE.sub("", cue)
                or (held is not None and held.value != token.value)
            ):  # an unnamed amount that is not the subject's: a statement of its own
                subject = Draft(None, display_label(cue), token.unit, self.sentence(self.cue_start))
                self.reader.drafts.append(subject)
                self.subject = subject
        if subject is None:
            return
        if role == "value":
            value_key = VALUE_OF.get(subject.key or "")
            if value_key is None or kind is not Kind.MONEY:
                return
            subject = Draft(value_key, VALUE_LABELS[value_key], token.unit, subject.sentence)
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
        self, subject: Draft, role: str, value: Decimal, token: Token, extra: dict[str, str]
    ) -> None:
        where = self.source(token.start, token.end)
        printed = Printed(value=value, text=where.text or "", source=where)
        current = subject.values.get(role)
        if current is not None and current.value != value:
            subject = Draft(
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
