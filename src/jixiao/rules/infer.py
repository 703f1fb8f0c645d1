"""Infer which rule pack a document follows from its own words (``--pack auto``).

Each pack lists its places (province, prefectures, counties). The document's stated
province counts most; then unit, department and form names; then the narrative. The pack
with the most evidence wins; without any, ``national``.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from jixiao.model.document import Document
from jixiao.rules.pack import Pack, builtin_pack_names, load_pack

FALLBACK = "national"
# Packs that describe a document type rather than a province are never inferred.
NOT_INFERRED = {"hunan-reference"}
STATED_WEIGHT, NAME_WEIGHT, PROSE_WEIGHT = 100, 10, 1
PROSE_CHARACTERS = 20_000


def _names(document: Document) -> list[str]:
    names = [document.unit or "", document.title or ""]
    for form in document.forms:
        for attribute in ("name", "unit", "department"):
            value = getattr(form, attribute, None)
            if isinstance(value, str):
                names.append(value)
    return names


@cache
def _inferable_packs() -> list[Pack]:
    return [load_pack(name) for name in builtin_pack_names() if name not in NOT_INFERRED]


def infer_pack(document: Document) -> tuple[Pack, str]:
    """The pack to use and a Chinese sentence saying why."""
    packs = _inferable_packs()
    scores: Counter[str] = Counter()
    evidence: dict[str, str] = {}
    stated = [document.province or ""] + [
        getattr(f, "province", None) or "" for f in document.forms
    ]
    names = _names(document)
    prose = "".join(p.text for p in document.paragraphs)[:PROSE_CHARACTERS]
    for pack in packs:
        for place in pack.places:
            for texts, weight, where in (
                (stated, STATED_WEIGHT, "文件声明的省份"),
                (names, NAME_WEIGHT, "单位或项目名称"),
                ([prose], PROSE_WEIGHT, "正文"),
            ):
                hits = sum(text.count(place) for text in texts if text)
                if hits:
                    scores[pack.name] += hits * weight
                    evidence.setdefault(pack.name, f"{where}中出现“{place}”")
    if not scores:
        return load_pack(FALLBACK), "未在文件中找到省份或地名线索，使用全国通用规则包 national"
    best, _ = scores.most_common(1)[0]
    return load_pack(best), f"{evidence[best]}，推断为规则包 {best}"


def resolve_pack(ref: str, document: Document) -> tuple[Pack, str]:
    """``auto`` infers; anything else is a pack name or file."""
    if ref == "auto":
        return infer_pack(document)
    return load_pack(ref), f"使用指定的规则包 {ref}"
