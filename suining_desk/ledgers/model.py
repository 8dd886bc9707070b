"""What a printed ledger is made of: plain values, no database, no drawing.

A ledger kind turns database rows into a :class:`LedgerContent`; the service adds the
signatories, the paper and the verification stamp to make a :class:`LedgerDocument`,
which :mod:`suining_desk.ledgers.page` draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Total(StrEnum):
    """Whether a column is summed in 本页小计 and 合计, and how the sum is written."""

    NONE = "none"
    FEN = "fen"  # money in fen, written in yuan; the ledger's 合计 in capitals
    COUNT = "count"


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width
    align: Align = Align.CENTER
    total: Total = Total.NONE


@dataclass(frozen=True)
class Row:
    """One printed row: its cells as text, and the values of its summed columns."""

    cells: tuple[str, ...]
    numbers: tuple[int, ...] = ()  # one per column whose total is not NONE, in order


@dataclass(frozen=True)
class LedgerContent:
    """What a ledger kind builds from the database."""

    title: str  # 绥宁县长铺镇2018年11月低保资金发放台账
    unit: str  # 填报单位
    period_label: str  # 归属期间：2018年11月
    columns: tuple[Column, ...]
    rows: Sequence[Row]
    source_table: str  # the records the ledger is made from, e.g. 'payment'
    source_ids: Sequence[int]  # their ids, sorted
    audit_refs: Mapping[str, Sequence[int]] = field(default_factory=dict)  # table → ids shown


@dataclass(frozen=True)
class PageSetup:
    paper: str = "A4"  # A4 or A3
    portrait: bool = False


@dataclass(frozen=True)
class Signatures:
    preparer: str = ""  # 制表人
    reviewer: str = ""  # 审核人
    head: str = ""  # 负责人
    date: dt.date = dt.date(2000, 1, 1)  # 填报日期


@dataclass(frozen=True)
class Notice:
    """The 公示 variant: the notice period and where objections go."""

    start: dt.date
    end: dt.date
    contact: str  # the office that hears objections


@dataclass(frozen=True)
class Stamp:
    """The verification printed on every page and stored in the file."""

    code: str  # ABCD-EFGH-JKLM
    qr_text: str
    payload: str  # ASCII, stored in the PDF catalog for `suining-desk verify`
    keywords: str  # the spec as JSON, shown as the document's keywords


@dataclass(frozen=True)
class LedgerDocument:
    content: LedgerContent
    setup: PageSetup
    signatures: Signatures
    stamp: Stamp
    notice: Notice | None = None


def total_columns(columns: Sequence[Column]) -> list[int]:
    """Indexes of the summed columns, in order (``Row.numbers`` follows this order)."""
    return [i for i, c in enumerate(columns) if c.total is not Total.NONE]


def fen_total_index(columns: Sequence[Column]) -> int | None:
    """Position in ``Row.numbers`` of the money column, if the ledger has one."""
    for position, index in enumerate(total_columns(columns)):
        if columns[index].total is Total.FEN:
            return position
    return None
