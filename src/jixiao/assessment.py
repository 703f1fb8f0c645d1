"""One assessment of a document: the rule pack and why, the scores and the findings, made
once by :func:`assess` and passed on. The CLI, the renderers and the web application take an
:class:`Assessment` and never score or audit the document again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jixiao.audit.framework import Finding, Severity, run_audit
from jixiao.model.document import Document
from jixiao.rules.infer import pack_assumed, resolve_pack
from jixiao.rules.pack import Pack
from jixiao.scoring import DocumentResult, FormResult, score_document


@dataclass(frozen=True)
class Assessment:
    """A document with its scores and findings under the pack chosen for it."""

    document: Document
    pack: Pack
    pack_reason: str
    scores: DocumentResult
    findings: list[Finding]

    @property
    def pack_assumed(self) -> bool:
        """The national fallback taken because no province was found (the rule is assumed)."""
        return pack_assumed(self.pack, self.pack_reason)

    def form_result(self, index: int) -> FormResult | None:
        """The scores of the evaluation form at ``index`` in the document, if it was scored."""
        for result in self.scores.forms:
            if isinstance(result, FormResult) and result.index == index:
                return result
        return None

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)


def assess(
    document: Document,
    pack: str | Pack = "auto",
    *,
    pack_reason: str = "",
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Assessment:
    """Choose the pack (``auto`` infers it from the document; a name or file loads it; a
    :class:`Pack` is used as given with ``pack_reason``), score the document once and run the
    selected checks on those scores."""
    if isinstance(pack, str):
        chosen, reason = resolve_pack(pack, document)
    else:
        chosen, reason = pack, pack_reason or f"使用规则包 {pack.name}"
    scores = score_document(document, chosen, pack_reason=reason)
    findings = run_audit(
        document,
        chosen,
        scores=scores,
        select=select,
        ignore=ignore,
        pack_reason=reason,
        rule_assumed=pack_assumed(chosen, reason),
    )
    return Assessment(document, chosen, reason, scores, findings)
