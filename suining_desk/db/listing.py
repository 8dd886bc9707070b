"""A list page's query (households, enrolments, relocations, renovations): the ids a filter
selects, in display order, then the rows of the part on screen.

The table keeps only the ordered ids (100,000 ints at county scale, read through the raw
cursor: no model rows) and asks for the rows it shows, so the first rows and the last come
equally fast. A module describes its list once — sort keys per column, one condition per
filter field that is set, the joins a sort needs, how a page of rows is read — and keeps its
own Column, Filter and Row types and function names.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from suining_desk.db.models import database

C = TypeVar("C")  # the list's Column enum
F = TypeVar("F")  # its Filter
R = TypeVar("R")  # its Row


def _as_is(query: Any, _sort: Any) -> Any:
    return query


@dataclass(frozen=True)
class Listing(Generic[C, F, R]):
    model: Any
    sort_keys: Mapping[C, tuple[Any, ...]]
    conditions: Callable[[F], Iterable[Any]]
    read_rows: Callable[[list[int]], dict[int, R]]  # a page's rows by id, joined for names
    joins: Callable[[Any, C | None], Any] = _as_is  # what a sort (or every query) needs joined
    tie_break: bool = True  # the id last; off where every sort already ends in a unique key

    def select(self, f: F, *fields: Any, sort: C | None = None) -> Any:
        query = self.joins(self.model.select(*fields), sort)
        for condition in self.conditions(f):
            query = query.where(condition)
        return query

    def ids(self, f: F, sort: C, descending: bool = False) -> array[int]:
        """Every id the filter selects, in display order (ties by id, ascending)."""
        keys = [k.desc() if descending else k for k in self.sort_keys[sort]]
        if self.tie_break:
            keys.append(self.model.id)
        sql, params = self.select(f, self.model.id, sort=sort).order_by(*keys).sql()
        return array("q", (row[0] for row in database.execute_sql(sql, params)))

    def rows(self, ids: Sequence[int]) -> dict[int, R]:
        """The rows of some ids, by id (the caller keeps the order)."""
        return self.read_rows(list(ids)) if ids else {}
