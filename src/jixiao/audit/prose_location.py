"""Locations of prose findings: the paragraph or form field, with character offsets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from jixiao.accounts.analysis import Position, judged_positions
from jixiao.audit.framework import AuditContext, Check, Finding, Location, Severity
from jixiao.audit.prose import Passage, ProseIssue, passages
from jixiao.model.common import SourceRef
from jixiao.model.document import Document


def document_passages(context: AuditContext) -> list[Passage]:
    """The document's passages, read once per audit for every prose check."""
    return context.shared("passages", lambda: passages(context.document))


def passage_location(document: Document, passage: Passage, start: int, end: int) -> Location:
    """Point at ``passage.text[start:end]``: a paragraph (numbered from 1) or a form field."""
    base = passage.source or SourceRef()
    if passage.paragraph is not None:
        source = base.model_copy(
            update={
                "paragraph": base.paragraph or passage.paragraph + 1,
                "start": start,
                "end": end,
                "text": passage.shown(start, end),
            }
        )
        return Location(field=f"paragraphs.{passage.paragraph}", source=source)
    form = document.forms[passage.form] if passage.form is not None else None
    source = base.model_copy(update={"start": start, "end": end, "text": passage.shown(start, end)})
    return Location(
        form=passage.form,
        form_name=getattr(form, "name", None),
        field=passage.field,
        source=source,
    )


class ProseIssueCheck(Check):
    """A check that reports what one prose reader (``issues``) finds, each at its sentence.

    Subclasses give their code, title and docs and name their reader in ``issues``.
    """

    family = "prose"
    severity = Severity.ERROR
    # Roles of the figures that the final-accounts reader reads and the JX6xx checks judge
    # ("share", "growth", "amount" …): an issue resting only on such figures is theirs.
    judged_by_accounts: tuple[str, ...] = ()

    def issues(self, items: list[Passage]) -> Iterable[ProseIssue]:
        raise NotImplementedError

    def run(self, context: AuditContext) -> Iterator[Finding]:
        judged = (
            context.shared("judged", lambda: judged_positions(context.document))
            if self.judged_by_accounts
            else {}
        )
        for issue in self.issues(document_passages(context)):
            if judged and self._judged_elsewhere(issue, judged):
                continue
            yield self.finding(
                issue.message,
                location=passage_location(context.document, issue.passage, issue.start, issue.end),
                claimed=issue.claimed,
                expected=issue.expected,
                severity=(
                    Severity.INFO
                    if not issue.severe
                    else self.severity
                    if issue.certain
                    else Severity.WARNING
                ),
                tolerance=issue.tolerance,
            )

    def _judged_elsewhere(self, issue: ProseIssue, judged: dict[Position, set[str]]) -> bool:
        passage = issue.passage
        if passage.paragraph is None or not issue.positions:
            return False
        number = (passage.source.paragraph if passage.source else None) or passage.paragraph + 1
        roles = set(self.judged_by_accounts)
        return all(judged.get((number, at), set()) & roles for at in issue.positions)
