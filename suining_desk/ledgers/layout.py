"""Page geometry and pagination, fixed before anything is drawn.

Rows have one height, so the rows a page holds follow from the paper alone and the page
count (``共 Y 页``) is known up front. A row with a cell too long for that height (a long
note) is taller (:func:`tall_rows`, found before drawing too); a ledger that has such rows
is paginated by height (:func:`paginate_heights`), one without keeps the plain count. The
last page keeps room for 合计, the amount in capitals, the signatures and (on a 公示) the
objections block.
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Final

from reportlab.lib.pagesizes import A3, A4

from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers.fit import MIN_SIZE, grown_height, widest_piece, wrap
from suining_desk.ledgers.fonts import Metrics
from suining_desk.ledgers.model import Column, PageSetup, Row, Total, total_columns

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
SIGNATURE_LINE: Final = 22.0  # each further line of names
NOTE_HEIGHT: Final = 13.0  # a line under the heading (资金来源 …)
NOTE_SIZE: Final = 8.5
NOTICE_HEIGHT: Final = 34.0  # two lines: objections and the supervision telephone
CELL_PADDING: Final = 2.0
FIGURE_SLACK: Final = 1.0  # points a figure column keeps beyond its widest figure
HEADER_WRAP_SIZE: Final = 7.5  # a narrow figure column's title still fits in two lines at this size
TEXT_FLOOR: Final = 0.7  # the text columns keep at least this share of their proportional width
FIGURE_SIZES: Final = (8.0, 7.5, 7.0, 6.5, MIN_SIZE)  # figures shrink in these steps when the paper is narrow
MEASURED: Final = 64  # the longest figures of a column measured exactly (the rest are shorter)


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


def signature_height(rows: int = 1) -> float:
    """The signatures: ``rows`` lines of names, and room for the seal."""
    return SIGNATURE_HEIGHT + SIGNATURE_LINE * (max(rows, 1) - 1)


def closing_height(public: bool, signature_rows: int = 1) -> float:
    """Room below the last page's 本页小计 row: 合计, capitals, signatures, objections."""
    return ROW_HEIGHT + CAPITALS_HEIGHT + signature_height(signature_rows) + (NOTICE_HEIGHT if public else 0.0)


def geometry(setup: PageSetup, columns: Sequence[Column], public: bool,
             col_x: tuple[float, ...] | None = None, *, notes: int = 0, signature_rows: int = 1) -> Geometry:
    """The page's geometry; ``col_x``: the column edges if already fitted to the rows
    (:func:`column_edges` with figures), else the columns share the width by weight;
    ``notes``: lines under the heading; ``signature_rows``: lines of signatures."""
    width, height = page_size(setup)
    left, right = MARGIN_X, width - MARGIN_X
    top = height - MARGIN_TOP
    table_top = top - QR_SIZE - 6.0 - NOTE_HEIGHT * notes
    rows_top = table_top - HEADER_HEIGHT
    floor = MARGIN_BOTTOM + FOOTER_HEIGHT
    room = rows_top - ROW_HEIGHT - floor  # a 本页小计 row on every page
    per_page = int(room // ROW_HEIGHT)
    per_last = int((room - closing_height(public, signature_rows)) // ROW_HEIGHT)
    if per_page < 1 or per_last < 1:
        raise ValueError(f"paper too small for a ledger: {setup}")
    return Geometry(
        width=width, height=height, left=left, right=right,
        title_baseline=top - TITLE_SIZE, subtitle_baseline=top - QR_SIZE + 4.0,
        table_top=table_top, rows_top=rows_top,
        footer_baseline=MARGIN_BOTTOM + 5.0, col_x=col_x or column_edges(columns, left, right),
        rows_per_page=per_page, rows_last_page=per_last,
    )


def figure_widths(columns: Sequence[Column], rows: Sequence[Row], metrics: Metrics) -> dict[int, float]:
    """Column index → the width in ems of the widest figure a whole column prints, for
    every :attr:`~Column.keeps_whole` column: its cells and, for a summed column, the widest
    本页小计 or 合计 it can print (no page sums to more than its positive rows, or less than its
    negative ones). Measured once per ledger: the longest cells by length, exactly."""
    out: dict[int, float] = {}
    cells = list(map(attrgetter("cells"), rows))
    summed = {index: k for k, index in enumerate(total_columns(columns))}
    for i, column in enumerate(columns):
        if not column.keeps_whole:
            continue
        texts = set(map(itemgetter(i), cells)) if i < min(map(len, cells), default=0) else set()
        if i in summed:
            numbers = list(map(itemgetter(summed[i]), map(attrgetter("numbers"), rows)))
            write = fen_to_yuan_str if column.total is Total.FEN else area_text if column.total is Total.AREA else str
            texts.add(write(sum(n for n in numbers if n > 0)))
            texts.add(write(sum(n for n in numbers if n < 0)))
        longest = heapq.nlargest(MEASURED, texts, key=len)
        out[i] = max((sum(map(metrics.char_em, t)) for t in longest), default=0.0)
    return out


def area_text(x100: int) -> str:
    """m² × 100 → '96', '80.5', '0' (a summed floor area)."""
    whole, part = divmod(abs(x100), 100)
    text = f"{whole}.{part:02d}".rstrip("0").rstrip(".")
    return f"-{text}" if x100 < 0 else text


def _title_width(title: str, metrics: Metrics) -> float:
    """The narrowest a column can be for its title to fit two lines at :data:`HEADER_WRAP_SIZE`."""
    em = metrics.em_width(title) / 2
    while len(wrap(title, em, metrics)) > 2:
        em += 0.25
    return em * HEADER_WRAP_SIZE + 2 * CELL_PADDING


_RUN = re.compile(r"[!-~]{8,}")  # a run of ASCII a line must not break: a (masked) ID, an account, a phone


def run_widths(columns: Sequence[Column], rows: Sequence[Row], metrics: Metrics) -> dict[int, float]:
    """Text column index → the widest unbreakable run its cells print, in ems (a masked ID
    number in a 公示's 备注), for the columns that have one of eight characters or more."""
    out: dict[int, float] = {}
    cells = list(map(attrgetter("cells"), rows))
    width = min(map(len, cells), default=0)
    for i, column in enumerate(columns):
        if column.keeps_whole or i >= width:
            continue
        texts = {t for t in map(itemgetter(i), cells) if _RUN.search(t)}
        if texts:
            out[i] = max(widest_piece(t, metrics) for t in heapq.nlargest(MEASURED * 8, texts, key=len))
    return out


def _keep_runs_whole(widths: list[float], columns: Sequence[Column], runs: dict[int, float]) -> list[float]:
    """Widen text columns to hold their widest run at :data:`MIN_SIZE`, taking the room from the
    other text columns (never below what they need themselves)."""
    need = {i: em * MIN_SIZE + 2 * CELL_PADDING + FIGURE_SLACK for i, em in runs.items()}
    short = {i: n - widths[i] for i, n in need.items() if n > widths[i]}
    if not short:
        return widths
    donors = [i for i, c in enumerate(columns) if not c.keeps_whole and i not in short]
    spare = {i: max(0.0, widths[i] - need.get(i, 2 * CELL_PADDING + MIN_SIZE * 2)) for i in donors}
    given = min(sum(short.values()), sum(spare.values()))
    if given <= 0:
        return widths
    out = list(widths)
    for i, missing in short.items():
        out[i] += given * missing / sum(short.values())
    for i in donors:
        out[i] -= given * spare[i] / sum(spare.values()) if sum(spare.values()) else 0.0
    return out


def column_edges(columns: Sequence[Column], left: float, right: float,
                 figures: dict[int, float] | None = None, metrics: Metrics | None = None,
                 runs: dict[int, float] | None = None) -> tuple[float, ...]:
    """The left edge of every column, then ``right``.

    The columns share the width by weight. When a figure (``figures``: from
    :func:`figure_widths`) would not fit its share on one line at :data:`TEXT_SIZE`, the
    figure columns get the width they need first and the text columns (names, places, notes)
    share what is left, down to :data:`TEXT_FLOOR` of their share; if the paper is still too
    narrow the figures are set smaller (:data:`FIGURE_SIZES`), and below :data:`MIN_SIZE`
    the widest give way (they wrap, which nothing else makes them do)."""
    room = right - left
    total_weight = sum(c.weight for c in columns)
    widths = [room * c.weight / total_weight for c in columns]
    if figures:
        widths = _fit_figures(columns, widths, figures, metrics or Metrics())
    if runs:
        widths = _keep_runs_whole(widths, columns, runs)
    xs = [left]
    for width in widths:
        xs.append(xs[-1] + width)
    xs[-1] = right
    return tuple(xs)


def fitted_edges(columns: Sequence[Column], rows: Sequence[Row], left: float, right: float,
                 metrics: Metrics) -> tuple[float, ...]:
    """:func:`column_edges` fitted to the figures of ``rows`` (no columns: none)."""
    if not columns:
        return ()
    return column_edges(columns, left, right, figure_widths(columns, rows, metrics), metrics,
                        run_widths(columns, rows, metrics))


def _fit_figures(columns: Sequence[Column], shares: list[float], figures: dict[int, float],
                 metrics: Metrics) -> list[float]:
    titles = {i: _title_width(columns[i].title, metrics) for i in figures}

    def need(i: int, size: float) -> float:
        return max(figures[i] * size + 2 * CELL_PADDING + FIGURE_SLACK, titles[i])

    if all(need(i, TEXT_SIZE) <= shares[i] for i in figures):
        return shares  # everything fits as the weights have it (landscape, ordinary figures)
    room = sum(shares)
    text = [i for i in range(len(columns)) if i not in figures]
    floor = TEXT_FLOOR * sum(shares[i] for i in text)
    steps = [(TEXT_SIZE, True), (TEXT_SIZE, False), *((size, False) for size in FIGURE_SIZES)]
    for size, keep_share in steps:  # first the figure columns keep any share they do not need
        fixed = {i: max(need(i, size), shares[i] if keep_share else 0.0) for i in figures}
        if room - sum(fixed.values()) >= floor:
            break
    else:  # too narrow even at the smallest size: the figures share what the text leaves
        scale = (room - floor) / sum(fixed.values())
        fixed = {i: w * scale for i, w in fixed.items()}
    rest = room - sum(fixed.values())
    text_weight = sum(columns[i].weight for i in text)
    if not text_weight:  # figures only: they share the rest by width
        spread = room / sum(fixed.values())
        return [fixed[i] * spread for i in range(len(columns))]
    return [fixed[i] if i in fixed else rest * columns[i].weight / text_weight for i in range(len(columns))]


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


def tall_rows(rows: Sequence[Row], col_x: Sequence[float], metrics: Metrics, limit: float) -> dict[int, float]:
    """Row index → height, for the rows that need more than :data:`ROW_HEIGHT` (most
    ledgers: none). ``limit``: the tallest a row may be (what the last page holds); text
    longer than that is cut.

    A cell short enough to fit one line at the smallest size is told by its length alone
    (times the widest character its column uses), a column at a time, so 50,000 ordinary
    rows cost a few passes at C speed; only the cells left are measured."""
    tall: dict[int, float] = {}
    cells = list(map(attrgetter("cells"), rows))
    for i in range(min(len(col_x) - 1, min(map(len, cells), default=0))):
        column = list(map(itemgetter(i), cells))
        width = col_x[i + 1] - col_x[i] - 2 * CELL_PADDING
        longest = max(map(len, column), default=0)
        if longest <= int(width / (MIN_SIZE * metrics.max_em)):
            continue
        if all(map(str.isascii, column)) and longest <= int(width / (MIN_SIZE * metrics.max_ascii_em)):
            continue  # numbers, dates, accounts
        widest = max(map(metrics.char_em, set().union(*column)))
        chars = int(width / (MIN_SIZE * widest))
        if longest <= chars:
            continue
        known: dict[str, float | None] = {}  # notes and names repeat
        for index, text in enumerate(column):
            if len(text) <= chars:
                continue
            if text in known:
                grown = known[text]
            else:
                grown = grown_height(text, width, ROW_HEIGHT, TEXT_SIZE, metrics)
                if len(known) < 20_000:
                    known[text] = grown
            if grown is not None and grown > tall.get(index, ROW_HEIGHT):
                tall[index] = min(grown, limit)
    return tall


def row_limit(geo: Geometry) -> float:
    """The tallest a row may be: what the last page holds beside the closing block."""
    return geo.rows_last_page * ROW_HEIGHT


def paginate_heights(count: int, tall: dict[int, float], per_page: int, per_last: int) -> list[range]:
    """Like :func:`paginate`, with some rows taller than :data:`ROW_HEIGHT`: pages filled
    up to ``per_page`` ordinary rows' height, the last one up to ``per_last``'s."""
    if not tall:
        return paginate(count, per_page, per_last)
    room, last_room = per_page * ROW_HEIGHT, per_last * ROW_HEIGHT
    starts, used = [0], 0.0
    for index in range(count):
        h = tall.get(index, ROW_HEIGHT)
        if used + h > room + 0.01 and index > starts[-1]:
            starts.append(index)
            used = 0.0
        used += h
    # The last page also holds the closing block. If its rows leave no room for it, the page
    # keeps them but one, which goes on a last page of its own (as :func:`paginate` does), so
    # 合计 never stands alone.
    first = starts[-1]
    if sum(tall.get(i, ROW_HEIGHT) for i in range(first, count)) > last_room + 0.01 and count - 1 > first:
        starts.append(count - 1)
    ends = [*starts[1:], count]
    return [range(a, b) for a, b in zip(starts, ends, strict=True)]
