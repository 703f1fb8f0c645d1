"""Table cells of a page image, from its drawn ruling lines (OpenCV morphology).

Long horizontal and vertical strokes are kept (an opening with a long thin kernel removes
text), joined into a line mask; each connected piece of the mask big enough to be a table
is one table, and the regions the lines enclose inside it are its cells. A merged cell is
simply a larger region, as in a ruled PDF.
"""

from __future__ import annotations

from typing import Any

Rect = tuple[float, float, float, float]  # x0, top, x1, bottom in pixels

MIN_TABLE_PX = 40  # a table is at least this wide and high
MIN_CELL_PX = 6


def _line_mask(gray: Any) -> Any:
    import cv2

    ink = cv2.adaptiveThreshold(
        255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2
    )
    height, width = gray.shape
    horizontal = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, width // 40), 1))
    )
    vertical = cv2.morphologyEx(
        ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(20, height // 60)))
    )
    mask = cv2.bitwise_or(horizontal, vertical)
    return cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))


def table_cells(image: Any) -> list[list[Rect]]:
    """For each ruled table of ``image`` (RGB array), the rectangles of its cells."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    mask = _line_mask(gray)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    tables: list[list[Rect]] = []
    for label in range(1, count):
        x, y, w, h, _area = (int(v) for v in stats[label])
        if w < MIN_TABLE_PX or h < MIN_TABLE_PX:
            continue
        lines = (labels[y : y + h, x : x + w] == label).astype(np.uint8)
        inside = (1 - lines).astype(np.uint8)
        n, _, cell_stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
        cells: list[Rect] = []
        for k in range(1, n):
            cx, cy, cw, ch, _ = (int(v) for v in cell_stats[k])
            touches_edge = cx == 0 or cy == 0 or cx + cw >= w or cy + ch >= h
            if touches_edge or cw < MIN_CELL_PX or ch < MIN_CELL_PX:
                continue
            # The cell reaches to the middle of its ruling lines (the mask was dilated by 1).
            cells.append((x + cx - 1.5, y + cy - 1.5, x + cx + cw + 1.5, y + cy + ch + 1.5))
        if len(cells) >= 2:
            tables.append(cells)
    return tables
