"""抽查 (spot checks) for the bureau: where self-evaluations deserve a second look.

- Units whose reported forms all score 99 or more while the forms themselves explain
  deviations (偏差原因): a form that explains why targets were missed rarely earns full marks.
- Narratives copied across units: each form's prose (section texts, deviation notes,
  paragraphs) is reduced on save to a MinHash signature of its character 4-grams
  (:func:`signature`, stored in ``Evaluation.narrative_sig``); signatures that agree in one
  of :data:`BANDS` bands are compared, and pairs in different units whose texts share at
  least :data:`SIMILAR` of their 4-grams (recomputed exactly from the texts) are listed.
- A sample list: the riskiest forms first (errors, warnings, full marks everywhere, the case
  above, copied prose, claimed total ≠ recomputed), the rest drawn at random, with the seed
  shown so the same list can be drawn again.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
from django.db.models import QuerySet

from jixiao.web.models import Evaluation, Status

SHINGLE = 4
MIN_CHARS = 80  # shorter prose (such as "无") is never compared
SIG_SIZE = 32
BANDS = 8
SIMILAR = 0.8
HIGH_SCORE = Decimal(99)
MAX_PAIRS = 200
COUNTED = (Status.SUBMITTED, Status.APPROVED)
_NOTHING = re.compile(r"^(无|没有|暂无|不适用)?(偏差|差异)?[。.]?$|^[/\\—\-－、.。\s]*$")
_NOT_TEXT = re.compile(r"[\W_]+")


def _seeds(kind: str) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """Fixed hash parameters (the same in every process and on every machine)."""
    words = [
        int.from_bytes(hashlib.blake2b(f"jixiao-{kind}-{n}".encode(), digest_size=8).digest())
        | (1 if kind == "a" else 0)
        for n in range(SIG_SIZE)
    ]
    return np.array(words, dtype=np.uint64)


_A, _B = _seeds("a"), _seeds("b")


def explained(note: str | None) -> bool:
    """A deviation note that explains something (not "无", "/" or blank)."""
    return bool(note) and not _NOTHING.match((note or "").strip())


def deviation_notes(data: dict[str, Any]) -> int:
    """How many indicators of the document (canonical data) explain a deviation."""
    return sum(
        1
        for form in data.get("forms", [])
        for indicator in form.get("indicators", []) or []
        if isinstance(indicator, dict) and explained(indicator.get("deviation_note"))
    )


def narrative_text(data: dict[str, Any]) -> str:
    """The document's prose, letters and digits only (spacing and punctuation differ in
    copies)."""
    parts: list[str] = []
    for form in data.get("forms", []):
        parts.extend(str(text) for text in (form.get("narrative") or {}).values())
        parts.extend(
            str(i.get("deviation_note"))
            for i in form.get("indicators", []) or []
            if isinstance(i, dict) and explained(i.get("deviation_note"))
        )
    parts.extend(str(p.get("text", "")) for p in data.get("paragraphs", []) or [])
    return _NOT_TEXT.sub("", "".join(parts))


def shingles(text: str) -> set[str]:
    return {text[n : n + SHINGLE] for n in range(len(text) - SHINGLE + 1)}


def signature(text: str) -> list[int]:
    """MinHash of the text's 4-grams (multiply-shift hashing of 64-bit blake2b digests);
    empty for short texts."""
    if len(text) < MIN_CHARS:
        return []
    digests = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest())
         for s in shingles(text)],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        mixed = (digests[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return [int(v) for v in mixed.min(axis=1)]


def similarity(a: str, b: str) -> float:
    """Exact share of 4-grams the two texts have in common (Jaccard)."""
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second) if first and second else 0.0


@dataclass
class Row:
    pk: int
    unit_id: int
    unit: str
    parent: str
    name: str
    year: int | None
    total: Decimal | None
    claimed: Decimal | None
    errors: int
    warnings: int
    full_marks: bool
    notes: int
    sig: list[int]
    reasons: list[str] = field(default_factory=list)

    @property
    def risk(self) -> int:
        return sum(WEIGHTS[r] for r in self.reasons)


WEIGHTS = {"审核错误": 3, "文字与他单位雷同": 3, "高分且说明了偏差": 2, "指标全部满分": 2,
           "原文总分与应得分不符": 1, "审核警告": 1}


def rows_of(queryset: QuerySet[Evaluation]) -> list[Row]:
    """The reported (submitted or approved) forms of a scope."""
    columns = ("id", "unit_id", "unit__name", "unit__parent__name", "name", "year",
               "computed_total", "claimed_total", "error_count", "warning_count",
               "all_full_marks", "deviation_notes", "narrative_sig")
    reported = queryset.filter(status__in=COUNTED, is_active=True)
    return [
        Row(pk, unit_id, unit, parent or "", name, year, total, claimed, errors, warnings,
            full, notes, sig)
        for (pk, unit_id, unit, parent, name, year, total, claimed, errors, warnings, full,
             notes, sig) in reported.values_list(*columns).order_by("id")
    ]


def high_scores_with_deviations(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Units whose reported forms all score ≥ 99 while some explain deviations."""
    by_unit: dict[int, list[Row]] = {}
    for row in rows:
        by_unit.setdefault(row.unit_id, []).append(row)
    found = []
    for forms in by_unit.values():
        totals = [r.total for r in forms]
        notes = sum(r.notes for r in forms)
        if notes and all(t is not None and t >= HIGH_SCORE for t in totals):
            lowest = min(t for t in totals if t is not None)
            found.append({"unit_id": forms[0].unit_id, "unit": forms[0].unit,
                          "parent": forms[0].parent, "forms": len(forms), "lowest": lowest,
                          "notes": notes,
                          "explaining": sum(1 for r in forms if r.notes)})
    return sorted(found, key=lambda u: (-u["notes"], u["unit"]))


def copied_narratives(rows: list[Row]) -> list[dict[str, Any]]:
    """Pairs of forms of different units whose prose is nearly the same."""
    per_band = SIG_SIZE // BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    by_pk = {r.pk: r for r in rows if len(r.sig) == SIG_SIZE}
    for row in by_pk.values():
        for band in range(BANDS):
            key = (band, tuple(row.sig[band * per_band : (band + 1) * per_band]))
            buckets.setdefault(key, []).append(row.pk)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        for n, first in enumerate(members):
            for second in members[n + 1 :]:
                if by_pk[first].unit_id != by_pk[second].unit_id:
                    candidates.add((first, second))
    estimated = sorted(
        ((sum(x == y for x, y in zip(by_pk[a].sig, by_pk[b].sig, strict=True)) / SIG_SIZE, a, b)
         for a, b in candidates),
        reverse=True,
    )
    likely = [(a, b) for estimate, a, b in estimated if estimate >= SIMILAR - 0.15][:MAX_PAIRS]
    wanted = {pk for pair in likely for pk in pair}
    texts = {
        pk: narrative_text(document)
        for pk, document in Evaluation.objects.filter(pk__in=wanted).values_list("id", "document")
    }
    pairs = []
    for a, b in likely:
        share = similarity(texts.get(a, ""), texts.get(b, ""))
        if share >= SIMILAR:
            pairs.append({"first": by_pk[a], "second": by_pk[b], "share": round(share * 100)})
    return sorted(pairs, key=lambda p: (-p["share"], p["first"].pk))


def mark(rows: list[Row], high: list[dict[str, Any]], pairs: list[dict[str, Any]]) -> None:
    """Write each row's risk reasons."""
    high_units = {u["unit_id"] for u in high}
    copied = {p[k].pk for p in pairs for k in ("first", "second")}
    for row in rows:
        row.reasons = [
            reason
            for reason, applies in (
                ("审核错误", row.errors > 0),
                ("文字与他单位雷同", row.pk in copied),
                ("高分且说明了偏差", row.unit_id in high_units and row.notes > 0),
                ("指标全部满分", row.full_marks),
                ("原文总分与应得分不符", row.claimed is not None and row.total is not None
                 and abs(row.claimed - row.total) >= Decimal("0.01")),
                ("审核警告", row.warnings > 0),
            )
            if applies
        ]


def sample(rows: list[Row], size: int, seed: int, risk_share: float = 0.5) -> list[
    tuple[Row, str]
]:
    """``size`` forms: the riskiest first (ties broken by the seeded draw), up to
    ``risk_share`` of the list, then a uniform random draw from the rest."""
    draw = random.Random(seed)
    order = rows[:]
    draw.shuffle(order)
    risky = sorted((r for r in order if r.risk), key=lambda r: -r.risk)
    by_risk = risky[: round(size * risk_share)]
    taken = {r.pk for r in by_risk}
    rest = [r for r in order if r.pk not in taken]
    by_chance = rest[: max(0, size - len(by_risk))]
    return [(r, "按风险") for r in by_risk] + [(r, "随机") for r in by_chance]
