"""Page geometry and pagination, fixed before anything is drawn.

Every row has the same height, so the rows a page holds follow from the paper alone and
the page count (``共 Y 页``) is known up front. The last page keeps room for 合计, the
amount in capitals, the signatures and (on a 公示) the objections block.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from reportlab.lib.pagesizes import A3, A4

from suining_desk.ledgers.model import Column, PageSetup

PAPERS: Final = {"A4": A4, "A3": A3}

MARGIN_X: Final = 34.0
MARGIN_TOP: Final = 26.0
MARGIN_BOTTOM: Final = 20.0
QR_SIZE: Final = 54.0
TITLE_SIZE: Final = 17.0
SUBTITLE_SIZE: Final = 9.5
HEADER_SIZE: Final = 9.0
TEXT_SIZE: Final = 8.5
HEADER_HEIGHT: Final = 26.0
ROW_HEIGHT: Final = 17.0
CAPITALS_HEIGHT: Final = 20.0
FOOTER_HEIGHT: Final = 18.0
SIGNATURE_HEIGHT: Final = 64.0  # names line and room for the seal
NOTICE_HEIGHT: Final = 34.0  # two lines: objections and the supervision telephone
CELL_PADDING: Final = 2.0


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    left: float
    right: float
    title_baseline: float
    subtitle_baseline: float
    table_top: float  # top of the header row
    rows_top: float  # top of the first data row
    footer_baseline: float
    col_x: tuple[float, ...]  # left edge of every column, then the right edge of the table
    rows_per_page: int
    rows_last_page: int  # the last page also holds the closing block


def page_size(setup: PageSetup) -> tuple[float, float]:
    w, h = PAPERS[setup.paper]
    short, long = min(w, h), max(w, h)
    return (short, long) if setup.portrait else (long, short)


def closing_height(public: bool) -> float:
    """Room below the last page's 本页小计 row: 合计, capitals, signatures, objections."""
    return ROW_HEIGHT + CAPITALS_HEIGHT + SIGNATURE_HEIGHT + (NOTICE_HEIGHT if public else 0.0)


def geometry(setup: PageSetup, columns: Sequence[Column], public: bool) -> Geometry:
    width, height = page_size(setup)
    left, right = MARGIN_X, width - MARGIN_X
    top = height - MARGIN_TOP
    table_top = top - QR_SIZE - 6.0
    rows_top = table_top - HEADER_HEIGHT
    floor = MARGIN_BOTTOM + FOOTER_HEIGHT
    room = rows_top - ROW_HEIGHT - floor  # a 本页小计 row on every page
    per_page = int(room // ROW_HEIGHT)
    per_last = int((room - closing_height(public)) // ROW_HEIGHT)
    if per_page < 1 or per_last < 1:
        raise ValueError(f"paper too small for a ledger: {setup}")
    return Geometry(
        width=width, height=height, left=left, right=right,
        title_baseline=top - TITLE_SIZE, subtitle_baseline=top - QR_SIZE + 4.0,
        table_top=table_top, rows_top=rows_top,
        footer_baseline=MARGIN_BOTTOM + 5.0, col_x=column_edges(columns, left, right),
        rows_per_page=per_page, rows_last_page=per_last,
    )


def column_edges(columns: Sequence[Column], left: float, right: float) -> tuple[float, ...]:
    """The left edge of every column, then ``right``; widths in proportion to the weights."""
    total_weight = sum(c.weight for c in columns)
    xs = [left]
    for column in columns:
        xs.append(xs[-1] + (right - left) * column.weight / total_weight)
    xs[-1] = right
    return tuple(xs)


def paginate(count: int, per_page: int, per_last: int) -> list[range]:
    """Row ranges, one per page: full pages, then a last page of at most ``per_last`` rows
    (at least one row, so 合计 never stands alone; an empty ledger is one empty page)."""
    if count <= per_last:
        return [range(0, count)]
    full = math.ceil((count - per_last) / per_page)
    sizes = [per_page] * full
    last = count - full * per_page
    if last < 1:  # the full pages took everything: hand the last page a row
        sizes[-1] -= 1 - last
        last = 1
    sizes.append(last)
    pages, start = [], 0
    for size in sizes:
        pages.append(range(start, start + size))
        start += size
    return pages
