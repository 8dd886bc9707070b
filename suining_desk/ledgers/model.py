"""What a printed ledger is made of: plain values, no database, no drawing.

A ledger kind turns database rows into a :class:`LedgerContent`; the service adds the
signatories, the paper and the verification stamp to make a :class:`LedgerDocument`,
which :mod:`suining_desk.ledgers.page` draws.

Most ledgers are one big table (``columns`` and ``rows``). A ledger may instead be a run of
:class:`Section` s — small titled tables and pictures, such as the household file (一户一档)
— drawn by :mod:`suining_desk.ledgers.sectionpage`; its ``columns`` and ``rows`` stay empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Total(StrEnum):
    """Whether a column is summed in 本页小计 and 合计, and how the sum is written."""

    NONE = "none"
    FEN = "fen"  # money in fen, written in yuan; the ledger's 合计 in capitals
    COUNT = "count"
    AREA = "area"  # square metres × 100, written in ㎡ (搬迁 floor area)


class Tally(NamedTuple):
    """Whom a row paid, for the households and people counted in 本页小计 and 合计: the
    household, and a key per person (``p12`` a named person; ``h7.1``… the people of a line
    paid for the whole household, so a household paid twelve months counts its people once)."""

    household: int
    people: tuple[str, ...] = ()


def tally_words(rows: Iterable[Row], people: bool) -> str:
    """'共3户7人' (or '共3户') of the rows that carry a tally; '' when none does."""
    households: set[int] = set()
    persons: set[str] = set()
    for row in rows:
        if row.tally is not None:
            households.add(row.tally.household)
            persons.update(row.tally.people)
    return f"共{len(households)}户" + (f"{len(persons)}人" if people else "")


@dataclass(frozen=True)
class Column:
    """A table column. ``whole``: its cells are figures (amounts, ID numbers, dates, codes,
    accounts) that are never split over two lines: the column gets the width they need
    before the text columns share what is left, and a figure shrinks rather than wraps.
    A summed column is always whole."""

    title: str
    weight: float  # share of the table width
    align: Align = Align.CENTER
    total: Total = Total.NONE
    whole: bool = False

    @property
    def keeps_whole(self) -> bool:
        return self.whole or self.total is not Total.NONE


@dataclass(frozen=True)
class Row:
    """One printed row: its cells as text, and the values of its summed columns."""

    cells: tuple[str, ...]
    numbers: tuple[int, ...] = ()  # one per column whose total is not NONE, in order
    tally: Tally | None = None  # counted in 共X户Y人 (None: a reversal, or a line reversed here)


@dataclass(frozen=True)
class Picture:
    """A photo printed in a section, with its caption."""

    data: bytes  # JPEG, already reduced for print (embedded as it is)
    width: int  # pixels
    height: int
    caption: str
    digest: str  # SHA-256 of the stored original: what verify compares

    def as_row(self) -> Row:
        return Row((self.caption, self.digest))


@dataclass(frozen=True)
class Section:
    """One titled part of a sectioned ledger: a small table, then its pictures.

    A column whose total is not NONE is summed in a 合计 row under the table; a money
    column adds the amount in capitals. ``header=False`` draws the rows as a form
    (label, value, label, value …) without a header row.
    """

    title: str  # 二、家庭成员
    columns: tuple[Column, ...] = ()
    rows: Sequence[Row] = ()
    pictures: Sequence[Picture] = ()
    header: bool = True
    empty: str = "无"  # printed in place of the table when there are no rows

    def items(self) -> list[Row]:
        """What this section prints, one row each: table rows, then picture captions."""
        return [*self.rows, *(p.as_row() for p in self.pictures)]

    def totals(self, rows: range | None = None) -> tuple[int, ...]:
        """The summed columns over all rows, or over ``rows`` (a page's share: 本页小计)."""
        width = len(total_columns(self.columns))
        chosen = self.rows if rows is None else [self.rows[i] for i in rows]
        return tuple(sum(r.numbers[k] for r in chosen) for k in range(width))

    def total_fen(self) -> int | None:
        at = fen_total_index(self.columns)
        return None if at is None else self.totals()[at]


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
    sections: tuple[Section, ...] = ()  # a sectioned ledger; then columns and rows are empty
    # Form 2 on: lines under the heading (资金来源, 资金下达 …), how 本页小计 and 合计 count
    # (TallyMode), the newest date of the records shown (the 填报日期 may not be earlier), and
    # the signature lines the data itself asks for (一户一档: 户主签字 …).
    notes: tuple[str, ...] = ()
    tally: str = "none"
    newest: dt.date | None = None
    data_signers: tuple[str, ...] = ()

    def printed_rows(self) -> Sequence[Row]:
        """Every row a reader sees, in order: the table's rows, or each section's items."""
        if not self.sections:
            return self.rows
        return [row for section in self.sections for row in section.items()]


@dataclass(frozen=True)
class PageSetup:
    paper: str = "A4"  # A4 or A3
    portrait: bool = False


class TallyMode(StrEnum):
    NONE = "none"
    HOUSEHOLDS = "households"  # 共X户
    PEOPLE = "people"  # 共X户Y人


@dataclass(frozen=True)
class Signatures:
    """The closing lines: (label, name) each — a blank line where the name is '' — then 填报日期."""

    lines: tuple[tuple[str, str], ...] = (("制表人", ""), ("审核人", ""), ("负责人", ""))
    date: dt.date = dt.date(2000, 1, 1)  # 填报日期

    @property
    def rows(self) -> int:
        """Lines of names the closing block takes (four entries a line, 填报日期 included)."""
        return max(1, -(-(len(self.lines) + 1) // SIGNATURES_PER_LINE))


SIGNATURES_PER_LINE = 4


@dataclass(frozen=True)
class Notice:
    """The 公示 variant: the notice period and where objections go."""

    start: dt.date
    end: dt.date
    contact: str  # the office that hears objections
    days: int = 0  # the period as chosen, and how it counts (form 2; 0: form 1's words)
    unit: str = ""  # 自然日 / 工作日
    phone: str = ""  # 监督电话
    report_phone: str = ""  # 举报电话
    address: str = ""  # 地点、方式


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
