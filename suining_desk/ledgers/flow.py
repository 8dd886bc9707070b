"""Laying out a sectioned ledger: titled tables and pictures flowing down the pages.

Like the one-table ledgers, everything is placed before anything is drawn, so 共 Y 页 is
known up front. Blocks have fixed heights: a section title, a header row, rows (taller for a
cell too long for one, see :func:`suining_desk.ledgers.layout.tall_rows`), a 合计 row and
the amount in capitals, rows of pictures, the signatures. A title never stands alone
at the foot of a page (it keeps its header and first row), 合计 stays with the last row, and
a table or picture run that goes on over a page break repeats its title (续) and header.
A money table that goes over a page break has 本页小计 under its rows on each page it spans.

Each page also says which of :meth:`LedgerContent.printed_rows` it shows (a range, since
the blocks are placed in order), for the page hashes verify compares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from suining_desk.ledgers import layout as L
from suining_desk.ledgers.fonts import Metrics
from suining_desk.ledgers.model import PageSetup, Section, Signatures, Total

SECTION_GAP: Final = 8.0
TITLE_HEIGHT: Final = 20.0
HEADER_HEIGHT: Final = 20.0
PICTURE_GAP: Final = 12.0
CAPTION_HEIGHT: Final = 26.0
PICTURE_RATIO: Final = 0.72  # a picture's box: this much as high as wide
PICTURE_MIN_WIDTH: Final = 230.0  # three pictures a row on landscape A4, two on portrait


class BlockKind(StrEnum):
    TITLE = "title"
    HEADER = "header"
    ROW = "row"
    EMPTY = "empty"  # the section has nothing to show: 无
    SUBTOTAL = "subtotal"  # 本页小计 of a money table that spans pages: rows index … index + count - 1
    SUM = "sum"  # 合计
    CAPITALS = "capitals"  # 合计金额（大写）
    PICTURES = "pictures"
    SIGNATURES = "signatures"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    section: int
    top: float  # from the top of the page's content area, downwards
    height: float
    index: int = 0  # the row, or the first picture
    count: int = 0  # pictures in a row of pictures
    continued: bool = False  # a title repeated after a page break


@dataclass(frozen=True)
class FlowPage:
    blocks: tuple[Block, ...]
    items: range  # of the ledger's printed rows


@dataclass(frozen=True)
class FlowGeometry:
    content_top: float  # y of the content area's top edge on the page
    room: float  # its height
    left: float
    right: float
    per_row: int  # pictures side by side
    picture_width: float
    picture_height: float  # the image box, without the caption
    signature_height: float = L.SIGNATURE_HEIGHT


def flow_geometry(setup: PageSetup, *, notes: int = 0, signature_rows: int = 1) -> FlowGeometry:
    geo = L.geometry(setup, (), public=False, notes=notes)
    floor = L.MARGIN_BOTTOM + L.FOOTER_HEIGHT
    room = geo.table_top - floor
    width = geo.right - geo.left
    per_row = max(1, int((width + PICTURE_GAP) // (PICTURE_MIN_WIDTH + PICTURE_GAP)))
    picture_width = (width - (per_row - 1) * PICTURE_GAP) / per_row
    # A row of pictures and a continued title always fit on an empty page.
    picture_height = min(picture_width * PICTURE_RATIO, room - TITLE_HEIGHT - CAPTION_HEIGHT - SECTION_GAP)
    return FlowGeometry(geo.table_top, room, geo.left, geo.right, per_row, picture_width, picture_height,
                        L.signature_height(signature_rows))


def _has_money(section: Section) -> bool:
    return bool(section.rows) and any(c.total is Total.FEN for c in section.columns)


def _tail_height(section: Section) -> float:
    """合计 and, for money, the capitals line under a table's last row."""
    totals = [c.total for c in section.columns if c.total is not Total.NONE]
    if not totals or not section.rows:
        return 0.0
    return L.ROW_HEIGHT + (L.CAPITALS_HEIGHT if Total.FEN in totals else 0.0)


class _Flow:
    def __init__(self, geo: FlowGeometry) -> None:
        self.geo = geo
        self.metrics = Metrics()
        self.pages: list[FlowPage] = []
        self.blocks: list[Block] = []
        self.used = 0.0
        self.item = 0
        self.first_item = 0

    def room(self) -> float:
        return self.geo.room - self.used

    def break_page(self) -> None:
        self.pages.append(FlowPage(tuple(self.blocks), range(self.first_item, self.item)))
        self.blocks, self.used, self.first_item = [], 0.0, self.item

    def place(self, kind: BlockKind, section: int, height: float, *, index: int = 0, count: int = 0,
              continued: bool = False) -> None:
        self.blocks.append(Block(kind, section, self.used, height, index, count, continued))
        self.used += height

    def gap(self) -> None:
        if self.blocks:
            self.used += SECTION_GAP

    def section(self, number: int, section: Section) -> None:
        geo, rows = self.geo, section.rows
        header = HEADER_HEIGHT if section.header and rows else 0.0
        tail = _tail_height(section)
        picture_row = geo.picture_height + CAPTION_HEIGHT
        # Room kept under every row of a money table for its page's 本页小计.
        subtotal = L.ROW_HEIGHT if _has_money(section) else 0.0
        limit = geo.room - TITLE_HEIGHT - header - tail - subtotal - SECTION_GAP  # a row fits an empty page
        edges = L.fitted_edges(section.columns, rows, geo.left, geo.right, self.metrics)
        tall = L.tall_rows(rows, edges, self.metrics, limit) if rows else {}
        if rows:  # the title keeps its header and first row (and 合计, if that row is the last)
            first = tall.get(0, L.ROW_HEIGHT) + (tail if len(rows) == 1 else subtotal)
        else:
            first = picture_row if section.pictures else L.ROW_HEIGHT
        if self.blocks and self.room() < SECTION_GAP + TITLE_HEIGHT + header + first:
            self.break_page()
        self.gap()
        self.place(BlockKind.TITLE, number, TITLE_HEIGHT)
        if header:
            self.place(BlockKind.HEADER, number, header)
        if not rows and not section.pictures:
            self.place(BlockKind.EMPTY, number, L.ROW_HEIGHT)
        page_start, spanned = 0, False  # the first row on this page; whether a break came between rows
        for i in range(len(rows)):
            row_h = tall.get(i, L.ROW_HEIGHT)
            last = i == len(rows) - 1
            need = row_h + (tail + (subtotal if spanned else 0.0) if last else subtotal)
            if self.room() < need:
                if subtotal:
                    self.place(BlockKind.SUBTOTAL, number, subtotal, index=page_start, count=i - page_start)
                self.break_page()
                page_start, spanned = i, True
                self.place(BlockKind.TITLE, number, TITLE_HEIGHT, continued=True)
                if header:
                    self.place(BlockKind.HEADER, number, header)
            self.place(BlockKind.ROW, number, row_h, index=i)
            self.item += 1
        if spanned and subtotal:
            self.place(BlockKind.SUBTOTAL, number, subtotal, index=page_start, count=len(rows) - page_start)
        if tail:
            self.place(BlockKind.SUM, number, L.ROW_HEIGHT)
            if tail > L.ROW_HEIGHT:
                self.place(BlockKind.CAPITALS, number, L.CAPITALS_HEIGHT)
        for start in range(0, len(section.pictures), geo.per_row):
            if self.room() < (SECTION_GAP if start == 0 and rows else 0.0) + picture_row:
                self.break_page()
                self.place(BlockKind.TITLE, number, TITLE_HEIGHT, continued=True)
            elif start == 0 and rows:
                self.gap()
            count = min(geo.per_row, len(section.pictures) - start)
            self.place(BlockKind.PICTURES, number, picture_row, index=start, count=count)
            self.item += count

    def signatures(self) -> None:
        height = self.geo.signature_height
        if self.room() < SECTION_GAP + height:
            self.break_page()
        self.gap()
        self.place(BlockKind.SIGNATURES, -1, height)
        self.break_page()


def flow(sections: Sequence[Section], geo: FlowGeometry) -> list[FlowPage]:
    """The pages of a sectioned ledger, each with its blocks and the printed rows it shows."""
    state = _Flow(geo)
    for number, section in enumerate(sections):
        state.section(number, section)
    state.signatures()
    return state.pages


def flow_ranges(sections: Sequence[Section], setup: PageSetup, *, notes: int = 0,
                signatures: Signatures | None = None) -> list[range]:
    rows = (signatures or Signatures()).rows
    return [page.items for page in flow(sections, flow_geometry(setup, notes=notes, signature_rows=rows))]
