"""Posted payments as a list over area + program + period, at county scale.

The count and the sum come from ``payment_total`` (kept by the database's triggers in
the same statement as the payments, migration 4), so the footer over a million rows is
one small read; a group or a search falls back to summing the payments themselves.
Rows are read a page at a time, in SQL order.
"""

from __future__ import annotations

import datetime as dt
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import database
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.periods import calendar_key, start_sql


class PaymentColumn(IntEnum):
    ID = 0
    PAID_DATE = 1
    PROGRAM = 2
    PERIOD = 3
    VILLAGE = 4
    HOUSEHOLD_NO = 5
    PAYEE = 6
    ID_NUMBER = 7
    PEOPLE = 8
    STANDARD = 9
    AMOUNT = 10
    ACCOUNT = 11
    BATCH = 12
    KIND = 13
    REASON = 14


@dataclass(frozen=True)
class PaymentFilter:
    area_id: int | None = None
    program_id: int | None = None
    period: str | None = None  # an exact label
    year: int | None = None  # periods of a year (ignored when ``period`` is set)
    household_ids: tuple[int, ...] | None = None
    months: tuple[str, str] | None = None  # first and last month label: a quarter or term of a monthly program


@dataclass(frozen=True)
class Totals:
    payments: int
    total_fen: int


@dataclass(frozen=True)
class PaymentRow:
    id: int
    paid_date: dt.date | None
    program: str
    period: str
    village: str
    household_id: int
    household_no: str
    payee_name: str
    payee_id_number: str
    people: int
    standard_fen: int
    amount_fen: int
    bank_account: str
    batch_id: int | None
    batch_no: str
    reverses_id: int | None
    reissue_of_id: int | None
    reason: str
    person_name: str
    program_id: int = 0

    @property
    def kind(self) -> str:
        if self.reverses_id is not None:
            return "冲销"
        if self.reissue_of_id is not None:
            return "重新发放"
        return "发放"


_SORT = {
    PaymentColumn.ID: "p.id",
    PaymentColumn.PAID_DATE: "p.paid_date",
    PaymentColumn.PROGRAM: "p.program_id, p.period",  # the default: each index's own order
    PaymentColumn.PERIOD: f"{start_sql('p.period')}, p.period",
    PaymentColumn.VILLAGE: "p.village_id",
    PaymentColumn.HOUSEHOLD_NO: "p.household_id",
    PaymentColumn.PAYEE: "p.payee_name",
    PaymentColumn.ID_NUMBER: "p.payee_id_number",
    PaymentColumn.PEOPLE: "p.people",
    PaymentColumn.STANDARD: "p.standard_fen",
    PaymentColumn.AMOUNT: "p.amount_fen",
    PaymentColumn.ACCOUNT: "p.bank_account",
    PaymentColumn.BATCH: "p.batch_id",
    PaymentColumn.KIND: "(p.reverses_id IS NOT NULL), (p.reissue_of_id IS NOT NULL)",  # 发放, 重新发放, 冲销
    PaymentColumn.REASON: "p.reason",
}


def _conditions(f: PaymentFilter, alias: str, *, summary: bool = False) -> tuple[list[str], list[Any]]:
    where: list[str] = [] if summary else [f"{alias}.posted = 1"]
    params: list[Any] = []
    scope, area_params = area_scope(f.area_id).sql(alias, groups="household")
    if scope:
        where.append(scope)
        params += area_params
    if f.program_id is not None:
        where.append(f"{alias}.program_id = ?")
        params.append(f.program_id)
    if f.period:
        where.append(f"{alias}.period = ?")
        params.append(f.period)
    elif f.months is not None:  # month labels only: 2018-Q1, 2018-T1 and 2018 sort outside 2018-01…2018-03
        where.append(f"{alias}.period >= ? AND {alias}.period <= ?")
        params += list(f.months)
    elif f.year is not None:
        where.append(f"{alias}.period >= ? AND {alias}.period < ?")
        params += [str(f.year), str(f.year + 1)]
    if f.household_ids is not None:
        where.append(f"{alias}.household_id IN ({','.join('?' * len(f.household_ids)) or 'NULL'})")
        params += list(f.household_ids)
    return where, params


def _summary_ok(f: PaymentFilter) -> bool:
    return f.household_ids is None and area_scope(f.area_id).level != AreaLevel.GROUP


def payment_totals(f: PaymentFilter) -> Totals:
    """How many posted payments the filter selects, and their sum (reversals net out)."""
    if _summary_ok(f):
        where, params = _conditions(f, "t", summary=True)
        sql = "SELECT COALESCE(SUM(t.payments), 0), COALESCE(SUM(t.total_fen), 0) FROM payment_total t"
    else:
        where, params = _conditions(f, "p")
        sql = "SELECT COUNT(*), COALESCE(SUM(p.amount_fen), 0) FROM payment p"
    if where:
        sql += " WHERE " + " AND ".join(where)
    count, total = database.execute_sql(sql, params).fetchone()
    return Totals(int(count), int(total))


def summed_in_sql(f: PaymentFilter) -> Totals:
    """The same totals summed over the payments themselves (what ``payment_total`` must equal)."""
    where, params = _conditions(f, "p")
    count, total = database.execute_sql(
        "SELECT COUNT(*), COALESCE(SUM(p.amount_fen), 0) FROM payment p WHERE " + " AND ".join(where),
        params).fetchone()
    return Totals(int(count), int(total))


_ROWS = """
SELECT p.id, p.paid_date, pr.name, p.period, v.name, p.household_id, h.household_no, p.payee_name,
       p.payee_id_number, p.people, p.standard_fen, p.amount_fen, p.bank_account, p.batch_id, b.batch_no,
       p.reverses_id, p.reissue_of_id, p.reason, pe.name, p.program_id
FROM payment p
JOIN program pr ON pr.id = p.program_id
JOIN area v ON v.id = p.village_id
JOIN household h ON h.id = p.household_id
LEFT JOIN payment_batch b ON b.id = p.batch_id
LEFT JOIN person pe ON pe.id = p.person_id
"""


def _row(r: tuple[Any, ...]) -> PaymentRow:
    paid = dt.date.fromisoformat(str(r[1])) if r[1] else None
    return PaymentRow(r[0], paid, r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
                      r[14] or "", r[15], r[16], r[17], r[18] or "", r[19])


INDEXED_SORTS = frozenset({PaymentColumn.ID, PaymentColumn.PROGRAM})
"""Orders an index gives: pages are read straight from it, however many rows there are.
Any other order is sorted once into an id list (:func:`payment_ids`) and paged from that."""


def _order(sort: PaymentColumn, descending: bool) -> str:
    direction = " DESC" if descending else ""
    if sort == PaymentColumn.ID:
        return "p.id" + direction
    keys = ", ".join(f"{k}{direction}" for k in _SORT[sort].split(", "))
    return f"{keys}, p.id{direction}"


def payment_page(f: PaymentFilter, sort: PaymentColumn = PaymentColumn.PROGRAM, descending: bool = False, *,
                 offset: int = 0, limit: int = 200, after: PaymentRow | None = None) -> list[PaymentRow]:
    """One page of the list in display order.

    Sorted by program (and period: the order of the (program, period), (township, program,
    period) and (village, program, period) indexes, so no filter needs a sort) or by id,
    ``after`` — the last row of the page before — continues from it without counting past
    every row before it.
    """
    where, params = _conditions(f, "p")
    if after is not None and sort in INDEXED_SORTS:
        op = "<" if descending else ">"
        if sort == PaymentColumn.ID:
            where.append(f"p.id {op} ?")
            params.append(after.id)
        else:
            where.append(f"(p.program_id, p.period, p.id) {op} (?, ?, ?)")
            params += [after.program_id, after.period, after.id]
        offset = 0
    sql = f"{_ROWS} WHERE {' AND '.join(where)} ORDER BY {_order(sort, descending)} LIMIT ? OFFSET ?"
    return [_row(r) for r in database.execute_sql(sql, [*params, limit, offset])]


def payment_ids(f: PaymentFilter, sort: PaymentColumn, descending: bool = False, *,
                cancel: threading.Event | None = None) -> array[int]:
    """Every id of the list in display order: one sort for the whole list (about a second
    for a million payments) instead of one for every page read with OFFSET."""
    where, params = _conditions(f, "p")
    sql = f"SELECT p.id FROM payment p WHERE {' AND '.join(where)} ORDER BY {_order(sort, descending)}"
    connection = database.connection()
    watch = cancel is not None and hasattr(connection, "set_progress_handler")
    if watch:
        assert cancel is not None
        connection.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 20_000)
    try:
        return array("q", (row[0] for row in database.execute_sql(sql, params)))
    except Exception:
        if cancel is not None and cancel.is_set():
            raise Cancelled() from None  # SQLite stopped the query: "interrupted"
        raise
    finally:
        if watch:
            connection.set_progress_handler(None, 0)


def payment_rows(ids: Sequence[int]) -> list[PaymentRow]:
    """The rows of ``ids`` (one page), in that order."""
    found: dict[int, PaymentRow] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        sql = f"{_ROWS} WHERE p.id IN ({','.join('?' * len(chunk))})"
        found.update((r.id, r) for r in map(_row, database.execute_sql(sql, chunk)))
    return [found[i] for i in ids if i in found]


def payment_row(payment_id: int) -> PaymentRow | None:
    found = database.execute_sql(_ROWS + " WHERE p.id = ?", [payment_id]).fetchone()
    return _row(found) if found else None


def periods_with_payments(program_id: int | None = None, year: int | None = None) -> list[str]:
    sql = "SELECT DISTINCT period FROM payment_total"
    params: list[Any] = []
    where: list[str] = []
    if program_id is not None:
        where.append("program_id = ?")
        params.append(program_id)
    if year is not None:
        where.append("period >= ? AND period < ?")
        params += [str(year), str(year + 1)]
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sorted((str(r[0]) for r in database.execute_sql(sql, params)), key=calendar_key)


def household_payments(household_id: int, limit: int = 500) -> list[PaymentRow]:
    """A household's posted payments, newest first (its detail tab)."""
    sql = f"{_ROWS} WHERE p.household_id = ? AND p.posted = 1 ORDER BY p.paid_date DESC, p.id DESC LIMIT ?"
    return [_row(r) for r in database.execute_sql(sql, [household_id, limit])]
