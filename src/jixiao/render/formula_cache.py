"""Cached values for formula cells, written into the saved xlsx.

openpyxl stores a formula with an empty value (``<f>SUM(H9:H30)</f><v></v>``): Excel
recalculates on opening, but previews, WPS' protected view, pandas and many web viewers
show an empty cell. Every formula jixiao writes is a sum of cells whose values it knows,
so the value is computed beforehand and put into ``<v>`` here, in the sheet XML; the
workbook is also flagged to recalculate fully on load, so an edited score updates the total.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _sheet_part(index: int) -> str:
    return f"xl/worksheets/sheet{index + 1}.xml"


def fill_cached_values(path: Path, caches: list[dict[str, Decimal]]) -> None:
    """Write each formula's value into ``<v>``; ``caches[i]`` belongs to the i-th sheet."""
    parts = {_sheet_part(i): cache for i, cache in enumerate(caches) if cache}
    if not parts:
        return
    temporary = path.with_name(f".{path.name}.part")
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            cache = parts.get(info.filename)
            if cache is not None:
                data = _with_values(data.decode("utf-8"), cache).encode("utf-8")
            target.writestr(info, data)
    temporary.replace(path)


def _with_values(xml: str, cache: dict[str, Decimal]) -> str:
    def replace(match: re.Match[str]) -> str:
        coordinate, attributes, formula = match.groups()
        value = cache.get(coordinate)
        if value is None:
            return match.group(0)
        return f'<c r="{coordinate}"{attributes}><f>{formula}</f><v>{format(value, "f")}</v></c>'

    return _FORMULA_CELL.sub(replace, xml)
