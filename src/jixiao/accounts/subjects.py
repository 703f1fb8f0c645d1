"""Where a figure stands in its paragraph and which item it speaks of, for the clause
reader (:mod:`jixiao.accounts.clauses`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.accounts.concepts import FUNCTIONAL_KEY, Concept, Kind, classify
from jixiao.accounts.cues import SENTENCE_END, Draft, Token, display_label, functional_of
from jixiao.accounts.normalize import Normalized
from jixiao.model.accounts import Printed
from jixiao.model.common import SourceRef
from jixiao.model.document import Paragraph


@dataclass(slots=True)
class Place:
    """Locations inside one paragraph, mapped from its normalized text back to the raw one."""

    paragraph: Paragraph
    number: int
    norm: Normalized

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


@dataclass(slots=True)
class Subjects:
    """The items one paragraph's figures go to: the current subject, the item last named,
    the role last assigned, and every draft made (added to the reader's list)."""

    drafts: list[Draft]
    place: Place
    general_budget: bool  # the section speaks of the 一般公共预算财政拨款
    current: Draft | None = None
    mentioned: Draft | None = None
    last_role: str | None = None

    def add(self, draft: Draft) -> Draft:
        """A new item, now the subject."""
        self.drafts.append(draft)
        self.current = draft
        return draft

    def mention(self, label: str, at: int, *, kinds: tuple[Kind, ...]) -> Draft | None:
        """Make the item named in ``label`` the subject; ``None`` if it names none."""
        if "占" in label:  # "占基本支出的": the whole a share is taken of, not an item
            label = label[: label.index("占")]
        functional = functional_of(label)
        concept: Concept | None = None
        if functional is None:
            concept = classify(label, general_budget=self.general_budget, kinds=kinds)
            if concept is None:
                return None
        key = FUNCTIONAL_KEY if functional is not None else concept.key if concept else None
        subject = self.current
        if subject is not None and subject.key == key and subject.functional == functional:
            self.mentioned = subject
            return subject
        draft = Draft(key, display_label(label), "万元", self.place.sentence(at), functional)
        self.mentioned = self.add(draft)
        return draft

    def assign(
        self, subject: Draft, role: str, value: Decimal, token: Token, extra: dict[str, str]
    ) -> None:
        """``value`` as the subject's ``role``; a second, different value for a role the
        subject already has starts a new item of the same name."""
        where = self.place.source(token.start, token.end)
        printed = Printed(value=value, text=where.text or "", source=where)
        current = subject.values.get(role)
        if current is not None and current.value != value:
            sentence = self.place.sentence(token.start)
            subject = self.add(
                Draft(subject.key, subject.label, subject.unit, sentence, subject.functional)
            )
        if current is None or current.value != value:
            subject.values[role] = printed
            subject.words.update(extra)
        self.last_role = role
