"""Shared model pieces: source locations and the strict base model."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, model_validator

from jixiao.model.limits import NUMBER_DIGITS, NUMBER_EXPONENT, number_in_bounds

LOW_CONFIDENCE = 0.9  # an OCR reading below this is uncertain ("识别不确定")


class StrictModel(BaseModel):
    """Base for every model class: unknown fields are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class NumericModel(StrictModel):
    """A model with printed figures: every Decimal field (and Decimal value of a dict field)
    is bounded in digits and magnitude (jixiao.model.limits) before any arithmetic, whatever
    the route it came by (YAML text, a recognizer, the web form). Only classes that hold
    figures pay for the check."""

    _decimal_fields: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._decimal_fields = tuple(
            name for name, info in cls.model_fields.items() if "Decimal" in str(info.annotation)
        )

    @model_validator(mode="after")
    def _numbers_in_bounds(self) -> Self:
        values = self.__dict__
        for name in self._decimal_fields:
            value = values[name]
            numbers = value.values() if isinstance(value, dict) else (value,)
            for number in numbers:
                if isinstance(number, Decimal) and not number_in_bounds(number):
                    raise ValueError(
                        f"数字超出可处理范围（最多 {NUMBER_DIGITS.value} 位有效数字，"
                        f"绝对值小于 10 的 {NUMBER_EXPONENT.value + 1} 次方）"
                    )
        return self


class SourceRef(StrictModel):
    """Where a value was read: a table cell or a stretch of a paragraph.

    Tables and paragraphs are numbered from 1 in document order; rows and columns
    from 1 inside their table. ``cell`` is the spreadsheet address when known (``"C7"``).
    ``start``/``end`` are character offsets inside the paragraph; ``page`` is set for PDFs
    and scans.
    """

    file: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    cell: str | None = None
    sheet: str | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    page: int | None = None  # page of a PDF or scanned image, from 1
    confidence: float | None = None  # OCR confidence 0..1 of the cell; None: read from text

    @property
    def uncertain(self) -> bool:
        """Read by OCR with a confidence below LOW_CONFIDENCE."""
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    def describe(self) -> str:
        """Chinese location text for messages, e.g. ``表3 第5行 第7列``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.table is not None:
            parts.append(f"表{self.table}")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.col is not None:
            parts.append(f"第{self.col}列")
        if self.cell:
            parts.append(f"单元格{self.cell}")
        if self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
            if self.start is not None and self.end is not None:
                parts.append(f"字符{self.start}-{self.end}")
        return " ".join(parts) if parts else "（位置未知）"
