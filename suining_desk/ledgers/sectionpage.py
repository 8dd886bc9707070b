"""Drawing a sectioned ledger (一户一档): the common page template around titled tables and pictures.

The title, 填报单位, QR code, verification code and 第 X 页 共 Y 页 are those of every
ledger (:mod:`suining_desk.ledgers.page`); between them the blocks laid out by
:mod:`suining_desk.ledgers.flow` are drawn. Pictures are embedded as the JPEG they
already are, so the same ledger gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import BinaryIO, Final

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from suining_desk.domain.money import fen_to_capitals, fen_to_yuan_str
from suining_desk.ledgers import layout as L
from suining_desk.ledgers.flow import (
    CAPTION_HEIGHT,
    PICTURE_GAP,
    Block,
    BlockKind,
    FlowGeometry,
    FlowPage,
    flow,
    flow_geometry,
)
from suining_desk.ledgers.model import Align, LedgerDocument, Section, total_columns
from suining_desk.ledgers.page import (
    BORDER_WIDTH,
    FRAME,
    GRID_WIDTH,
    HEADER_GRAY,
    Painter,
    binary_streams,
    format_number,
    new_canvas,
    save_sealed,
)

NUMERALS: Final = "一二三四五六七八九十"
SECTION_TITLE_SIZE: Final = 11.0
CAPTION_SIZE: Final = 8.0
FRAME_GRAY: Final = 0.6
# Blocks that end the table above them (a header begins a new one).
TABLE_STARTS: Final = frozenset({BlockKind.TITLE, BlockKind.HEADER, BlockKind.PICTURES, BlockKind.SIGNATURES})


def numbered(number: int, title: str) -> str:
    """'家庭成员', 1 → '二、家庭成员' (up to 二十)."""
    n = number + 1
    word = NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11] if n < 20 else "二十"
    return f"{word}、{title}"


class _SectionPainter(Painter):
    def __init__(self, doc: LedgerDocument, canvas: Canvas, geo: L.Geometry, flow_geo: FlowGeometry,
                 pages: Sequence[FlowPage]):
        super().__init__(doc, canvas, geo, [page.items for page in pages])
        self.fg = flow_geo
        self.sections = doc.content.sections
        self.edges = [L.fitted_edges(s.columns, s.rows, flow_geo.left, flow_geo.right, self.w.metrics)
                      for s in self.sections]
        self.path: list[str] = []  # grid lines of the page
        self.segment: tuple[float, float] | None = None  # top and bottom of the table being drawn

    def flow_page(self, number: int, page: FlowPage) -> None:
        self.c.doForm(FRAME)
        for block in page.blocks:
            top = self.fg.content_top - block.top
            if block.kind in TABLE_STARTS:
                self._close_table()
            self._block(block, top)
        self._close_table()
        self._grid(self.path, GRID_WIDTH)
        self.path = []
        self.footer(number)
        self.w.flush()
        self.c.showPage()

    # --- blocks ---------------------------------------------------------------------

    def _block(self, b: Block, top: float) -> None:
        kind = b.kind
        if kind is BlockKind.SIGNATURES:
            self._signatures(top - 26)
            return
        section, xs = self.sections[b.section], self.edges[b.section]
        left, right = self.fg.left, self.fg.right
        if kind is BlockKind.TITLE:
            title = numbered(b.section, section.title) + ("（续）" if b.continued else "")
            self.cell(-1, title, top, b.height, SECTION_TITLE_SIZE, Align.LEFT, left - L.CELL_PADDING, right)
            return
        if kind is BlockKind.PICTURES:
            self._pictures(section, b, top)
            return
        self._table_line(top, b.height)
        if kind is BlockKind.HEADER:
            self._fill(left, top - b.height, right - left, b.height)
            for i, column in enumerate(section.columns):
                self.cell(-1, column.title, top, b.height, L.HEADER_SIZE, Align.CENTER, xs[i], xs[i + 1])
            self._verticals(xs[1:-1], top, b.height)
        elif kind is BlockKind.ROW:
            row = section.rows[b.index]
            for i, text in enumerate(row.cells):
                if not section.header and i % 2 == 0:  # a form: the labels shaded
                    self._fill(xs[i], top - b.height, xs[i + 1] - xs[i], b.height)
                if text:
                    column = section.columns[i]
                    self.cell(-1, text, top, b.height, L.TEXT_SIZE, column.align, xs[i], xs[i + 1],
                              whole=column.keeps_whole)
            self._verticals(xs[1:-1], top, b.height)
        elif kind is BlockKind.EMPTY:
            self.cell(-1, section.empty, top, b.height, L.TEXT_SIZE, Align.CENTER, left, right)
        elif kind is BlockKind.SUBTOTAL:
            self._sum(section, xs, top, b.height, range(b.index, b.index + b.count))
        elif kind is BlockKind.SUM:
            self._sum(section, xs, top, b.height)
        elif kind is BlockKind.CAPITALS:
            fen = section.total_fen() or 0
            self.cell(-1, f"合计金额（大写）：{fen_to_capitals(fen)}", top, b.height, L.TEXT_SIZE + 1,
                      Align.LEFT, left + 4, right - 150)
            self.cell(-1, f"（小写）￥{fen_to_yuan_str(fen)}", top, b.height, L.TEXT_SIZE + 1,
                      Align.RIGHT, right - 150, right - 4)

    def _sum(self, section: Section, xs: Sequence[float], top: float, height: float,
             rows: range | None = None) -> None:
        """合计 of the table, or 本页小计 of ``rows`` (those on this page)."""
        summed = total_columns(section.columns)
        span_end = summed[0]
        label = "合计" if rows is None else "本页小计"
        self.cell(-1, label, top, height, L.TEXT_SIZE + 0.5, Align.CENTER, xs[0], xs[span_end])
        for index, value in zip(summed, section.totals(rows), strict=True):
            column = section.columns[index]
            self.cell(-1, format_number(value, column.total), top, height, L.TEXT_SIZE, column.align,
                      xs[index], xs[index + 1], whole=True)
        self._verticals([x for i, x in enumerate(xs[1:-1], start=1) if i >= span_end], top, height)

    def _pictures(self, section: Section, b: Block, top: float) -> None:
        fg = self.fg
        box_h = b.height - CAPTION_HEIGHT
        for k in range(b.count):
            picture = section.pictures[b.index + k]
            x0 = fg.left + k * (fg.picture_width + PICTURE_GAP)
            scale = min(fg.picture_width / picture.width, box_h / picture.height)
            w, h = picture.width * scale, picture.height * scale
            x, y = x0 + (fg.picture_width - w) / 2, top - box_h + (box_h - h) / 2
            self.c.drawImage(ImageReader(io.BytesIO(picture.data)), x, y, w, h)
            self.c.saveState()
            self.c.setStrokeGray(FRAME_GRAY)
            self.c.setLineWidth(GRID_WIDTH)
            self.c.rect(x, y, w, h, stroke=1, fill=0)
            self.c.restoreState()
            self.cell(-1, picture.caption, top - box_h - 1, CAPTION_HEIGHT - 1, CAPTION_SIZE, Align.CENTER,
                      x0, x0 + fg.picture_width)

    # --- grid ----------------------------------------------------------------------------

    def _fill(self, x: float, y: float, w: float, h: float) -> None:
        self.c.saveState()
        self.c.setFillGray(HEADER_GRAY)
        self.c.rect(x, y, w, h, stroke=0, fill=1)
        self.c.restoreState()

    def _table_line(self, top: float, height: float) -> None:
        """A line of a table: its rule below; the table's outline follows it down."""
        self.path.append(self._hline(self.fg.left, self.fg.right, top - height))
        start = self.segment[0] if self.segment is not None else top
        self.segment = (start, top - height)

    def _verticals(self, xs: Sequence[float], top: float, height: float) -> None:
        self.path += [self._vline(x, top - height, top) for x in xs]

    def _close_table(self) -> None:
        if self.segment is None:
            return
        top, bottom = self.segment
        fg = self.fg
        self._grid([f"{fg.left:.2f} {bottom:.2f} {fg.right - fg.left:.2f} {top - bottom:.2f} re"], BORDER_WIDTH)
        self.segment = None


def render_sections(doc: LedgerDocument, out: BinaryIO, *,
                    on_page: Callable[[int, int], None] | None = None) -> int:
    """Draw a sectioned ``doc`` as a PDF into ``out``; returns the number of pages."""
    content = doc.content
    notes, rows = len(content.notes), doc.signatures.rows
    geo = L.geometry(doc.setup, (), doc.notice is not None, notes=notes, signature_rows=rows)
    flow_geo = flow_geometry(doc.setup, notes=notes, signature_rows=rows)
    pages = flow(content.sections, flow_geo)
    buffer = io.BytesIO()
    with binary_streams():
        c = new_canvas(doc, buffer, geo)
        painter = _SectionPainter(doc, c, geo, flow_geo, pages)
        painter.frame()
        for number, page in enumerate(pages, start=1):
            if on_page is not None:
                on_page(number, len(pages))
            painter.flow_page(number, page)
        save_sealed(c, buffer, out)
    return len(pages)

