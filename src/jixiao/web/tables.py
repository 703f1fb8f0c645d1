"""Sorting, filtering and paging of unit tables (dashboard units, 报送进度) in the database:
the query string carries ``sort``, ``dir``, ``q`` and ``page``; links keep the other
parameters. Only the page's 50 rows are ever built, whatever the number of units."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest
from django.urls import reverse

from jixiao.web.models import Unit

Row = TypeVar("Row")
PAGE_SIZE = 50
# an ordering of the units for one sort key: (queryset, descending) → ordered queryset
Ordering = Callable[[QuerySet[Unit], bool], QuerySet[Unit]]


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


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """Pages of an ordered query whose length is known otherwise (from a plainer query or
    the aggregates): counting the query itself would redo what the count was spared."""

    def __init__(self, ordered: Any, count: int) -> None:
        super().__init__(ordered, PAGE_SIZE)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known


def by_columns(*columns: str) -> Ordering:
    """Order by the units' own columns (names), then their place in the hierarchy."""

    def order(units: QuerySet[Unit], descending: bool) -> QuerySet[Unit]:
        keys = [f"-{c}" if descending else c for c in columns]
        return units.order_by(*keys, "path")

    return order


def by_annotation(
    annotate: Callable[[QuerySet[Unit]], QuerySet[Unit]], name: str
) -> Ordering:
    """Order by a figure ``annotate`` computes for every unit (units without one last),
    then their place in the hierarchy."""

    def order(units: QuerySet[Unit], descending: bool) -> QuerySet[Unit]:
        key = F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        return annotate(units).order_by(key, "path")

    return order


def link_prefix(view: str) -> str:
    """The URL of ``view`` without its trailing id ("/evaluations/"), reversed once, so that
    a table links each row by appending the id instead of reversing the URL per row."""
    return reverse(view, args=[0]).removesuffix("0/")


def in_order(ids: Sequence[int], found: dict[int, Row]) -> list[Row]:
    """The rows of a page in the order of its ids (a query by ids returns them in any)."""
    return [found[pk] for pk in ids if pk in found]


def unit_table(
    request: HttpRequest,
    units: QuerySet[Unit],
    sorts: dict[str, Ordering],
    rows: Callable[[Sequence[int]], list[Row]],
    count: int | None = None,
) -> Table[Row]:
    """The page of ``units`` the request asks for: filtered by name (unit or its parent),
    ordered by ``sorts[sort]`` (by path without one), its rows built by ``rows`` from the
    ids of that page only. ``count``: the number of ``units`` when the caller knows it."""
    q = request.GET.get("q", "").strip()
    if q:
        units = units.filter(Q(name__contains=q) | Q(parent__name__contains=q))
        count = None  # the filter changed the number
    sort = request.GET.get("sort", "")
    descending = request.GET.get("dir") == "desc"
    ordered = sorts[sort](units, descending) if sort in sorts else units.order_by("path")
    known = units.count() if count is None else count
    paginator = CountedPaginator(ordered.values_list("id", flat=True), known)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = rows(list(page.object_list))
    query = request.GET.copy()
    for name in ("sort", "dir", "page"):
        query.pop(name, None)
    return Table(page, sort, descending, q, query.urlencode())
