"""What the parts of an evaluation form sheet share: the writer, the view, the cells to total."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.render.layout import FormLayout
from jixiao.render.numbers import printed, score
from jixiao.render.sheet import SheetWriter
from jixiao.render.view import FormView


def chunks(total: int, parts: int) -> list[int]:
    size, extra = divmod(total, parts)
    return [size + (1 if n >= parts - extra else 0) for n in range(parts)]


@dataclass
class FormRows:
    """Where the parts of the form landed (for page breaks and the review sheet)."""

    header: int = 0
    groups: list[tuple[int, int]] = field(default_factory=list)  # level-1 (first, last) rows
    end: int = 0


class FormSheetBase:
    def __init__(
        self, writer: SheetWriter, view: FormView, layout: FormLayout, *, recomputed: bool
    ) -> None:
        self.w = writer
        self.view = view
        self.layout = layout
        self.recomputed = recomputed
        self.score_cells: list[str] = []
        self.weight_cells: list[str] = []
        self.rows = FormRows()
        self.total_cell: str | None = None

    def _mark_pair(
        self, coordinate: str, item: str, filed: Decimal | None, computed: Decimal, reason: str
    ) -> None:
        filed_text = "未填写" if filed is None else f"{printed(filed)}分"
        self.w.mark(coordinate, item, filed_text, f"{score(computed)}分", reason)
