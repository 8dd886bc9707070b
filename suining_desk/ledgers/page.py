"""The one page template every ledger is printed with (reportlab, raw canvas).

Each page: title, 填报单位 / period / 单位：元, a QR code, the header row, the rows in a thin
grid, 本页小计, 第 X 页 共 Y 页 and the verification code. The last page adds 合计, the
amount in capitals, the objections block of a 公示 and the signatures with room for the
seal. What is the same on every page (title, header, QR, code) is drawn once as a form.

Same document in, same bytes out: the canvas is invariant and names only the embedded font.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO, Final

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from suining_desk.domain.money import fen_to_capitals, fen_to_yuan_str
from suining_desk.ledgers import layout as L
from suining_desk.ledgers.fit import CELL_MARGIN, LINE_GAP, fit_text
from suining_desk.ledgers.fonts import Metrics, register_font
from suining_desk.ledgers.model import (
    SIGNATURES_PER_LINE,
    Align,
    Column,
    LedgerContent,
    LedgerDocument,
    Notice,
    PageSetup,
    Row,
    Signatures,
    TallyMode,
    Total,
    fen_total_index,
    tally_words,
    total_columns,
)
from suining_desk.ledgers.pdfmeta import attach_payload, seal
from suining_desk.ledgers.textwriter import TextWriter

FRAME: Final = "ledgerFrame"
GRID_WIDTH: Final = 0.45
BORDER_WIDTH: Final = 0.9
HEADER_GRAY: Final = 0.9
BASELINE_DROP: Final = 0.35  # from a line's centre to its baseline, in ems
PLACEMENT_CACHE: Final = 20_000  # cells whose layout is kept (repeated village names, dates …)

# (dx from the cell's left edge, dy from the row's top, text, size)
Placement = tuple[float, float, str, float]


_SETTINGS_LOCK = threading.Lock()


@contextlib.contextmanager
def binary_streams() -> Iterator[None]:
    """Page streams compressed without an ASCII85 layer (smaller, faster).

    reportlab reads this from a module-wide setting, so it is set and restored under a
    lock: two ledgers drawn at once take turns rather than see each other's setting.
    """
    with _SETTINGS_LOCK:
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            yield
        finally:
            rl_config.useA85 = saved


VERIFY_HINT: Final = "可在绥宁扶贫台账的“文件 → 核验台账”中核验本表是否与数据库一致"
BLANK: Final = "＿＿＿＿＿＿"


def format_number(value: int, total: Total) -> str:
    if total is Total.FEN:
        return fen_to_yuan_str(value)
    return L.area_text(value) if total is Total.AREA else str(value)


def sum_label(word: str, content: LedgerContent, rows: Sequence[Row]) -> str:
    """'本页小计' / '合计', with the households (and people) its rows paid when the kind counts them."""
    if content.tally == TallyMode.NONE:
        return word
    return f"{word}（{tally_words(rows, people=content.tally == TallyMode.PEOPLE)}）"


def notice_words(notice: Notice) -> tuple[str, str]:
    """The objections block of a 公示: the period and whom to tell; the telephones."""
    period = f"公示期：{date_cn(notice.start)}至{date_cn(notice.end)}"
    if notice.days:
        period += f"（{notice.days}个{notice.unit}）"
    first = f"{period}。公示期内如对公示内容有异议，请向{notice.contact}实名反映。特此公示。"
    if not notice.days:  # form 1: the lines were left blank to fill by hand
        return first, "监督电话：＿＿＿＿＿＿＿＿＿＿　　意见反馈（地点、方式）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿"
    parts = [f"监督电话：{notice.phone or BLANK * 2}"]
    if notice.report_phone:
        parts.append(f"举报电话：{notice.report_phone}")
    parts.append(f"意见反馈（地点、方式）：{notice.address or BLANK * 3}")
    return first, "　　".join(parts)


def date_cn(value: object) -> str:
    """2018年12月1日"""
    year, month, day = (getattr(value, a) for a in ("year", "month", "day"))
    return f"{year}年{month}月{day}日"


class Painter:
    def __init__(self, doc: LedgerDocument, canvas: Canvas, geo: L.Geometry, pages: Sequence[range],
                 tall: Mapping[int, float] | None = None, metrics: Metrics | None = None):
        self.doc, self.c, self.geo, self.pages = doc, canvas, geo, pages
        self.tall = tall or {}  # row index → height, for rows taller than L.ROW_HEIGHT
        self.w = TextWriter(canvas, metrics)
        self.columns = doc.content.columns
        self.totals = total_columns(self.columns)
        self.span_end = self.totals[0] if self.totals else len(self.columns)
        self.whole = tuple(c.keeps_whole for c in self.columns)
        self._placements: dict[tuple[int, str, float], list[Placement]] = {}

    # --- text in boxes -----------------------------------------------------------------

    def _place(self, index: int, text: str, height: float, size: float, align: Align,
               left: float, right: float, whole: bool) -> list[Placement]:
        key = (index, text, height)
        cached = self._placements.get(key)
        if cached is not None:
            return cached
        inner = right - left - 2 * L.CELL_PADDING
        whole = whole or (index >= 0 and self.whole[index])
        fitted = fit_text(text, inner, height - CELL_MARGIN, size, self.w.metrics, whole=whole)
        s, n = fitted.size, len(fitted.lines)
        line_h = s * LINE_GAP
        out: list[Placement] = []
        for k, line in enumerate(fitted.lines):
            centre = height / 2 + ((n - 1) / 2 - k) * line_h
            dy = -height + centre - s * BASELINE_DROP
            width = self.w.metrics.width(line, s)
            if align is Align.LEFT:
                dx = L.CELL_PADDING
            elif align is Align.RIGHT:
                dx = right - left - L.CELL_PADDING - width
            else:
                dx = (right - left - width) / 2
            out.append((dx, dy, line, s))
        if index >= 0:
            if len(self._placements) >= PLACEMENT_CACHE:
                self._placements.clear()
            self._placements[key] = out
        return out

    def cell(self, index: int, text: str, top: float, height: float, size: float, align: Align,
             left: float | None = None, right: float | None = None, *, whole: bool = False) -> None:
        """``text`` in the cell of column ``index`` (a table row's; its column says whether
        the text is a figure), or with ``index`` -1 in the box ``left``–``right`` (``whole``:
        a figure, never split)."""
        xs = self.geo.col_x
        x0 = xs[index] if left is None else left
        x1 = xs[index + 1] if right is None else right
        for dx, dy, line, s in self._place(index, text, height, size, align, x0, x1, whole):
            self.w.text(x0 + dx, top + dy, line, s)

    def _grid(self, path: list[str], width: float) -> None:
        if path:
            self.c.addLiteral(f"q {width:.2f} w 0 G\n" + "\n".join(path) + "\nS Q")

    @staticmethod
    def _hline(x0: float, x1: float, y: float) -> str:
        return f"{x0:.2f} {y:.2f} m {x1:.2f} {y:.2f} l"

    @staticmethod
    def _vline(x: float, y0: float, y1: float) -> str:
        return f"{x:.2f} {y0:.2f} m {x:.2f} {y1:.2f} l"

    # --- the part every page shares --------------------------------------------------

    def frame(self) -> None:
        c, g, content = self.c, self.geo, self.doc.content
        c.beginForm(FRAME)
        title_room = g.right - g.left - 2 * (L.QR_SIZE + 8)
        title = fit_text(content.title, title_room, L.TITLE_SIZE * 1.3, L.TITLE_SIZE, self.w.metrics, 1)
        text = c.beginText()
        text.setTextRenderMode(2)  # fill and stroke: a heavier title without a bold font
        text.setFont(register_font(), title.size)
        tw = self.w.metrics.width(title.lines[0], title.size)
        text.setTextOrigin((g.left + g.right - tw) / 2, g.title_baseline)
        text.textOut(title.lines[0])
        c.saveState()
        c.setLineWidth(0.35)
        c.drawText(text)
        c.restoreState()
        self._subtitle()
        self._notes()
        self._qr(g.right - L.QR_SIZE, g.height - L.MARGIN_TOP - L.QR_SIZE)
        if self.columns:  # a sectioned ledger draws its tables' headers itself
            c.saveState()
            c.setFillGray(HEADER_GRAY)
            c.rect(g.left, g.rows_top, g.right - g.left, L.HEADER_HEIGHT, stroke=0, fill=1)
            c.restoreState()
            for i, column in enumerate(self.columns):  # titles wrap: not the column's figures
                self.cell(-1, column.title, g.table_top, L.HEADER_HEIGHT, L.HEADER_SIZE, Align.CENTER,
                          g.col_x[i], g.col_x[i + 1])
        code = self.doc.stamp.code
        self.w.text(g.left, g.footer_baseline, f"校验码 {code}", 8.0)
        self.w.right(g.right, g.footer_baseline, VERIFY_HINT, 7.0)
        self.w.flush()
        if self.columns:
            path = [self._hline(g.left, g.right, g.rows_top)]
            path += [self._vline(x, g.rows_top, g.table_top) for x in g.col_x[1:-1]]
            self._grid(path, GRID_WIDTH)
        c.endForm()

    def _subtitle(self) -> None:
        g, content, notice = self.geo, self.doc.content, self.doc.notice
        y, size = g.subtitle_baseline, L.SUBTITLE_SIZE
        usable_right = g.right - L.QR_SIZE - 8
        third = (usable_right - g.left) / 3
        middle = content.period_label
        if notice is not None:
            middle += f"　公示期：{date_cn(notice.start)}至{date_cn(notice.end)}"
        parts = ((f"填报单位：{content.unit}", Align.LEFT, g.left, g.left + third * 0.9),
                 (middle, Align.CENTER, g.left + third * 0.9, usable_right - third * 0.4),
                 ("单位：元", Align.RIGHT, usable_right - third * 0.4, usable_right))
        for text, align, x0, x1 in parts:
            self.cell(-1, text, y + size * 1.2, size * 2.4, size, align, x0, x1)

    def _notes(self) -> None:
        """The lines under the heading (资金来源、资金下达 …), across the page below the QR code."""
        g = self.geo
        top = g.height - L.MARGIN_TOP - L.QR_SIZE - 3.0
        for note in self.doc.content.notes:
            self.cell(-1, note, top, L.NOTE_HEIGHT, L.NOTE_SIZE, Align.LEFT, g.left - L.CELL_PADDING, g.right)
            top -= L.NOTE_HEIGHT

    def _qr(self, x: float, y: float) -> None:
        """The QR code as filled squares (reportlab's encoder; its widget would name Helvetica)."""
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(self.doc.stamp.qr_text)
        qr.make()
        count = qr.getModuleCount()
        box = L.QR_SIZE / (count + 2)  # one module of quiet zone each side
        ops = []
        for r, modules in enumerate(qr.modules):
            c = 0
            for dark, run in itertools.groupby(bool(m) for m in modules):
                length = len(list(run))
                if dark:
                    ops.append(f"{x + (c + 1) * box:.3f} {y + L.QR_SIZE - (r + 2) * box:.3f} "
                               f"{length * box:.3f} {box:.3f} re")
                c += length
        self.c.addLiteral("q 0 g\n" + "\n".join(ops) + "\nf Q")

    # --- one page ----------------------------------------------------------------------

    def footer(self, number: int) -> None:
        g = self.geo
        self.w.center((g.left + g.right) / 2, g.footer_baseline, f"第 {number} 页 共 {len(self.pages)} 页", 8.5)

    def page(self, number: int, span: range) -> None:
        c, g = self.c, self.geo
        c.doForm(FRAME)
        rows = self.doc.content.rows[span.start:span.stop]
        top = g.rows_top
        h = L.ROW_HEIGHT
        tall = self.tall
        rules = []  # the rule under every row
        for index, row in zip(span, rows, strict=True):
            row_h = tall.get(index, h) if tall else h
            for i, text in enumerate(row.cells):
                if text:
                    self.cell(i, text, top, row_h, L.TEXT_SIZE, self.columns[i].align)
            top -= row_h
            rules.append(top)
        sums = [sum(r.numbers[k] for r in rows) for k in range(len(self.totals))]
        self._sum_row(sum_label("本页小计", self.doc.content, rows), sums, top)
        bottom = top - h
        last = number == len(self.pages)
        if last:
            bottom = self._closing(bottom)
        sum_rows = 2 if last else 1
        rules += [top - h * (k + 1) for k in range(sum_rows)]
        path = [self._hline(g.left, g.right, y) for y in rules]
        inner = range(1, len(self.columns))
        path += [self._vline(g.col_x[i], top, g.rows_top) for i in inner]
        path += [self._vline(g.col_x[i], top - h * sum_rows, top) for i in inner if i >= self.span_end]
        self._grid(path, GRID_WIDTH)
        self._grid([f"{g.left:.2f} {bottom:.2f} {g.right - g.left:.2f} {g.table_top - bottom:.2f} re"],
                   BORDER_WIDTH)
        self.footer(number)
        self.w.flush()
        c.showPage()

    def _sum_row(self, label: str, sums: Sequence[int], top: float) -> None:
        g, h = self.geo, L.ROW_HEIGHT
        self.cell(-1, label, top, h, L.TEXT_SIZE + 0.5, Align.CENTER, g.col_x[0], g.col_x[self.span_end])
        for k, index in enumerate(self.totals):
            text = format_number(sums[k], self.columns[index].total)
            self.cell(-1, text, top, h, L.TEXT_SIZE, self.columns[index].align,
                      g.col_x[index], g.col_x[index + 1], whole=True)

    def _closing(self, top: float) -> float:
        """合计, capitals, objections (公示), signatures below ``top``; the table's bottom."""
        g, content = self.geo, self.doc.content
        totals = [0] * len(self.totals)
        for row in content.rows:
            for k, value in enumerate(row.numbers):
                totals[k] += value
        self._sum_row(sum_label("合计", content, content.rows), totals, top)
        top -= L.ROW_HEIGHT
        fen_at = fen_total_index(self.columns)
        if fen_at is not None:
            fen = totals[fen_at]
            self.cell(-1, f"合计金额（大写）：{fen_to_capitals(fen)}", top, L.CAPITALS_HEIGHT,
                      L.TEXT_SIZE + 1, Align.LEFT, g.left + 4, g.right - 150)
            self.cell(-1, f"（小写）￥{fen_to_yuan_str(fen)}", top, L.CAPITALS_HEIGHT,
                      L.TEXT_SIZE + 1, Align.RIGHT, g.right - 150, g.right - 4)
        bottom = top - L.CAPITALS_HEIGHT
        y = bottom - 15
        notice = self.doc.notice
        if notice is not None:
            first, second = notice_words(notice)
            self.cell(-1, first, y + 11, 15, 9.5, Align.LEFT, g.left, g.right)
            self.cell(-1, second, y - 6, 15, 9.5, Align.LEFT, g.left, g.right)
            y -= L.NOTICE_HEIGHT
        self._signatures(y)
        return bottom

    def _signatures(self, y: float) -> None:
        """The signature lines, four to a line, 填报日期 last; then the seal line."""
        g, s = self.geo, self.doc.signatures
        per = SIGNATURES_PER_LINE
        slot = (g.right - g.left) / per
        entries = [f"{label}：{name or BLANK}" for label, name in s.lines] + [f"填报日期：{date_cn(s.date)}"]
        for k, text in enumerate(entries):
            x0 = g.left + slot * (k % per)
            self.cell(-1, text, y + 11 - L.SIGNATURE_LINE * (k // per), 15, 10.0, Align.LEFT, x0, x0 + slot)
        unit = self.doc.content.unit
        seal_y = y - 12 - L.SIGNATURE_LINE * (s.rows - 1)
        self.cell(-1, f"填报单位（盖章）：{unit}", seal_y, 15, 10.0, Align.LEFT, g.left + slot * 2, g.right)


def new_canvas(doc: LedgerDocument, out: BinaryIO, geo: L.Geometry) -> Canvas:
    """A canvas for ``doc``: invariant, the embedded font from the start, the stamp stored."""
    content = doc.content
    c = Canvas(out, pagesize=(geo.width, geo.height), invariant=1, pageCompression=1,
               initialFontName=register_font(), initialFontSize=L.TEXT_SIZE)
    c.setTitle(content.title)
    c.setAuthor(content.unit)
    c.setSubject(f"{content.title}　校验码 {doc.stamp.code}")
    c.setKeywords(doc.stamp.keywords)
    c.setCreator("suining-desk")
    attach_payload(c, doc.stamp.payload)
    return c


def save_sealed(canvas: Canvas, buffer: io.BytesIO, out: BinaryIO) -> None:
    """Finish the canvas drawn into ``buffer`` and write the file, its drawn digest filled in."""
    canvas.save()
    out.write(seal(buffer.getvalue()))


@dataclass(frozen=True)
class TableLayout:
    """Where a one-table ledger's rows go: the column edges (fitted to the figures), the
    tall rows' heights and each page's rows."""

    col_x: tuple[float, ...]
    tall: Mapping[int, float]
    pages: list[range]


def table_layout(columns: Sequence[Column], setup: PageSetup, public: bool, rows: Sequence[Row],
                 metrics: Metrics | None = None, *, notes: int = 0, signatures: Signatures | None = None
                 ) -> TableLayout:
    """The rows' layout, as :func:`render` will draw it."""
    metrics = metrics or Metrics()
    geo = L.geometry(setup, columns, public, notes=notes, signature_rows=(signatures or Signatures()).rows)
    col_x = L.column_edges(columns, geo.left, geo.right, L.figure_widths(columns, rows, metrics), metrics,
                           L.run_widths(columns, rows, metrics))
    tall = L.tall_rows(rows, col_x, metrics, L.row_limit(geo))
    return TableLayout(col_x, tall, L.paginate_heights(len(rows), tall, geo.rows_per_page, geo.rows_last_page))


def render(doc: LedgerDocument, out: BinaryIO, *, on_page: Callable[[int, int], None] | None = None,
           layout: TableLayout | None = None) -> int:
    """Draw ``doc`` as a PDF into ``out``; returns the number of pages.

    ``on_page(number, count)`` is called before each page is drawn (progress, cancelling);
    ``layout``: :func:`table_layout` of the document, if already known.
    """
    content = doc.content
    metrics = Metrics()
    if layout is None:
        layout = table_layout(content.columns, doc.setup, doc.notice is not None, content.rows, metrics,
                              notes=len(content.notes), signatures=doc.signatures)
    geo = L.geometry(doc.setup, content.columns, doc.notice is not None, layout.col_x, notes=len(content.notes),
                     signature_rows=doc.signatures.rows)
    pages = layout.pages
    buffer = io.BytesIO()
    with binary_streams():
        c = new_canvas(doc, buffer, geo)
        painter = Painter(doc, c, geo, pages, layout.tall, metrics)
        painter.frame()
        for number, span in enumerate(pages, start=1):
            if on_page is not None:
                on_page(number, len(pages))
            painter.page(number, span)
        save_sealed(c, buffer, out)
    return len(pages)
