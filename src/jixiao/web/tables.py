"""Sorting, filtering and paging of tables built in Python (units, 报送进度): the query
string carries ``sort``, ``dir``, ``q`` and ``page``; links keep the other parameters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

Row = TypeVar("Row")
PAGE_SIZE = 50


@dataclass
class Table(Generic[Row]):
    page: Page[Row]
    sort: str
    descending: bool
    q: str
    query: str  # the other parameters, for sort and page links

    def sort_link(self, key: str) -> str:
        flip = "desc" if self.sort == key and not self.descending else "asc"
        return f"?{self.query}&sort={key}&dir={flip}".replace("?&", "?")

    @property
    def paging_query(self) -> str:
        """The query string for page links (filters and order kept)."""
        order = f"sort={self.sort}&dir={'desc' if self.descending else 'asc'}" if self.sort else ""
        return "&".join(part for part in (self.query, order) if part)


def _key(value: Any) -> tuple[int, Any]:
    return (1, value) if value is None else (0, value)


def sort_filter_page(
    request: HttpRequest,
    rows: Sequence[Row],
    sorts: dict[str, Callable[[Row], Any]],
    *,
    text: Callable[[Row], str],
) -> Table[Row]:
    q = request.GET.get("q", "").strip()
    found = [r for r in rows if q in text(r)] if q else list(rows)
    sort = request.GET.get("sort", "")
    descending = request.GET.get("dir") == "desc"
    if sort in sorts:
        pick = sorts[sort]
        present = [r for r in found if pick(r) is not None]
        missing = [r for r in found if pick(r) is None]
        found = sorted(present, key=lambda r: _key(pick(r)), reverse=descending) + missing
    query = request.GET.copy()
    for name in ("sort", "dir", "page"):
        query.pop(name, None)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return Table(page, sort, descending, q, query.urlencode())
