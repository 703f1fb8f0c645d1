"""Accuracy of the auditor against the answer key of ``../shared/corpus/truth.yaml``.

    uv run python benchmarks/bench_accuracy.py [--formats txt,docx,xlsx] [--details]

Each corpus document is read in its three formats and audited with the inferred pack. A
finding matches a labelled item as the key's header says: in the same document, its numbers
include both the printed and the right value (within 0.011 or 0.01 % relative; a percentage
may appear as 86.18 or 0.8618); for an item whose printed value is text or blank, when the
finding names the place. Findings of severity error or warning count as found (``recall``);
``recall (errors)`` counts error-severity findings only. A false error is an error-severity
finding on a document the key marks clean. The seeds (``../shared/seeds``) are audited too,
against ``benchmarks/seed_truth.yaml`` when it exists (the errors pinned in our seed tests).

Prints recall by kind and tier, false errors on clean documents, and the documents whose
three formats disagree. Exits 0 without ``../shared`` (nothing to measure).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from jixiao.audit import run_audit
from jixiao.audit.framework import Finding, Severity
from jixiao.errors import JixiaoError
from jixiao.ingest import load_any
from jixiao.rules.infer import infer_pack, pack_assumed

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
SEED_TRUTH = Path(__file__).resolve().parent / "seed_truth.yaml"
FORMATS = ("txt", "docx", "xlsx")
NUMBER = re.compile(r"-?\d+(?:,\d{3})*(?:\.\d+)?")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
BLANK = {"", "(blank)", "（空白）"}


@dataclass
class Audited:
    findings: list[Finding] = field(default_factory=list)
    forms: int = 0
    failure: str | None = None


def numbers_of(finding: Finding) -> list[Decimal]:
    text = " ".join(t for t in (finding.claimed, finding.expected, finding.message) if t)
    found = []
    for match in NUMBER.findall(text):
        try:
            found.append(Decimal(match.replace(",", "")))
        except InvalidOperation:
            continue
    return found


def close(a: Decimal, b: Decimal) -> bool:
    if abs(a - b) <= Decimal("0.011"):
        return True
    return b != 0 and abs(a - b) / abs(b) <= Decimal("0.0001")


def has_number(numbers: list[Decimal], value: Decimal) -> bool:
    candidates = {value, value / 100, value * 100}
    return any(close(n, c) for n in numbers for c in candidates)


def as_number(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip().rstrip("%")
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def finding_text(finding: Finding) -> str:
    where = finding.location
    parts = [finding.message, finding.claimed or "", finding.expected or "",
             where.form_name or "", where.indicator_name or "", where.field or ""]
    if where.source is not None:
        parts.append(where.source.text or "")
    return " ".join(parts)


def matches(item: dict[str, Any], finding: Finding) -> bool:
    claimed, expected = as_number(item.get("claimed")), as_number(item.get("expected"))
    if claimed is not None:
        numbers = numbers_of(finding)
        return has_number(numbers, claimed) and (
            expected is None or has_number(numbers, expected))
    text = finding_text(finding)
    printed = "" if item.get("claimed") is None else str(item["claimed"]).strip()
    if printed not in BLANK and len(printed) >= 2 and printed in text:
        return True
    return any(run in text for run in CJK_RUN.findall(str(item.get("where", ""))))


def audit_file(path: Path) -> Audited:
    try:
        document = load_any(path)
    except JixiaoError as error:
        return Audited(failure=f"[{error.code}] {error.message}")
    pack, reason = infer_pack(document)
    findings = run_audit(document, pack, pack_reason=reason,
                         rule_assumed=pack_assumed(pack, reason))
    return Audited(findings, forms=len(document.forms))


def counted(findings: list[Finding], errors_only: bool) -> list[Finding]:
    wanted = {Severity.ERROR} if errors_only else {Severity.ERROR, Severity.WARNING}
    return [f for f in findings if f.severity in wanted]


def signature(findings: list[Finding]) -> Counter[tuple[str, str, str | None, str | None]]:
    return Counter((f.code, f.severity.value, f.claimed, f.expected) for f in findings
                   if f.severity is not Severity.INFO)


def measure(docs: list[dict[str, Any]], folder: Path, formats: tuple[str, ...],
            details: bool, label: str) -> None:
    hits: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # found, errors, all
    false_errors: Counter[str] = Counter()
    clean_docs = 0
    disagree: list[str] = []
    missed: list[str] = []
    false_list: list[str] = []
    failures: list[str] = []
    started, files = time.perf_counter(), 0
    for doc in docs:
        results: dict[str, Audited] = {}
        for fmt in formats:
            path = folder / f"{doc['file']}.{fmt}"
            if path.exists():
                results[fmt] = audit_file(path)
                files += 1
        clean_docs += bool(doc.get("clean")) * len(results)
        for fmt, audited in results.items():
            if audited.failure:
                failures.append(f"{doc['file']}.{fmt}: {audited.failure}")
            if doc.get("clean"):
                wrong = counted(audited.findings, errors_only=True)
                false_errors[fmt] += len(wrong)
                false_list.extend(
                    f"{doc['file']}.{fmt}: {f.code} {f.message[:70]} ({f.claimed}→{f.expected})"
                    for f in wrong)
            for item in doc.get("items") or []:
                key = (item["kind"], item["tier"])
                entry = hits[key]
                entry[2] += 1
                if any(matches(item, f) for f in counted(audited.findings, errors_only=False)):
                    entry[0] += 1
                else:
                    missed.append(f"{doc['file']}.{fmt}: {item['id']} {item['kind']} "
                                  f"{item['claimed']}→{item['expected']} ({item['where']})")
                if any(matches(item, f) for f in counted(audited.findings, errors_only=True)):
                    entry[1] += 1
        signatures = {fmt: signature(a.findings) for fmt, a in results.items()}
        if len({tuple(sorted(s.items())) for s in signatures.values()}) > 1:
            sizes = ", ".join(f"{fmt} {sum(s.values())}" for fmt, s in signatures.items())
            disagree.append(f"{doc['file']}: findings (error+warning) {sizes}")
    elapsed = time.perf_counter() - started
    print(f"\n== {label}: {len(docs)} documents × {len(formats)} formats "
          f"({files} files, {elapsed:.1f} s) ==")
    print(f"{'kind':<22}{'tier':<9}{'found':>7}{'errors':>8}{'items':>7}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (kind, tier), (found, errors, total) in sorted(hits.items()):
        print(f"{kind:<22}{tier:<9}{found:>7}{errors:>8}{total:>7}")
        for bucket in (tier, "all"):
            for i, value in enumerate((found, errors, total)):
                totals[bucket][i] += value
    for bucket in ("core", "stretch", "all"):
        found, errors, total = totals.get(bucket, [0, 0, 0])
        if total:
            print(f"recall {bucket:<8} {found}/{total} = {found / total:.1%}   "
                  f"(errors only {errors}/{total} = {errors / total:.1%})")
    per_ten = sum(false_errors.values()) / clean_docs * 10 if clean_docs else 0.0
    by_format = ", ".join(f"{fmt} {false_errors[fmt]}" for fmt in formats)
    print(f"false errors on clean documents: {sum(false_errors.values())} on {clean_docs} "
          f"clean files = {per_ten:.2f} per 10 ({by_format})")
    print(f"formats disagree on {len(disagree)} of {len(docs)} documents")
    if failures:
        print(f"unreadable files: {len(failures)}")
    if details:
        for title, lines in (("missed", missed), ("false errors", false_list),
                             ("formats disagree", disagree), ("unreadable", failures)):
            if lines:
                print(f"-- {title} --")
                for line in lines:
                    print("  " + line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--details", action="store_true", help="list misses and false errors")
    args = parser.parse_args()
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    if not (CORPUS / "truth.yaml").exists():
        print(f"skipped: {CORPUS / 'truth.yaml'} not found")
        return 0
    truth = yaml.safe_load((CORPUS / "truth.yaml").read_text("utf-8"))
    measure(truth["docs"], CORPUS, formats, args.details, "corpus")
    if SEED_TRUTH.exists() and SEEDS.exists():
        seed_docs = yaml.safe_load(SEED_TRUTH.read_text("utf-8"))["docs"]
        measure(seed_docs, SEEDS, ("txt",), args.details, "seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
