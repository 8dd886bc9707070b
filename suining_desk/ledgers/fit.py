"""Fitting text into a table cell: shrink it a little, or wrap it onto more lines.

Text is never set below :data:`MIN_SIZE`. A cell of an ordinary row holds one line, or two
at that size; a longer name or note makes its row taller (:func:`grown_height`, used by
the layout before anything is drawn, so the page count is still known up front) and is
wrapped at :data:`GROWN_SIZE`. Only text that would not fit even a row as tall as a page
is cut with an ellipsis. Nothing is ever drawn outside its cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from suining_desk.ledgers.fonts import Metrics

MIN_SIZE: Final = 6.0  # points; smaller is not legible on paper
GROWN_SIZE: Final = 7.5  # points: the text of a row grown to hold it
CELL_MARGIN: Final = 2.0  # a box's height less the room its text may take
LINE_GAP: Final = 1.12  # line height as a multiple of the font size
SHRINK_BEFORE_WRAP: Final = 0.8  # a single line may shrink to 80 % before wrapping
ELLIPSIS: Final = "…"


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]
    truncated: bool = False  # cut with an ellipsis: the box is too small for the text


# Chinese line breaking (禁则): a closing mark never starts a line, an opening mark never ends
# one, and a run of ASCII letters, digits and signs (an ID number, masked or not, a telephone,
# an amount, a date) stays on one line unless it alone is wider than the line.
CLOSING: Final = frozenset("，。、；：！？）》」』”’〕】〉…·．,.;:!?)]}%")
OPENING: Final = frozenset("（《「『“‘〔【〈([{")


def _pieces(text: str) -> list[str]:
    """``text`` cut where a line may break (see :data:`CLOSING`); the pieces join back to it."""
    pieces: list[str] = []
    start, prev = 0, ""
    for i, ch in enumerate(text):
        if i and ch not in CLOSING and prev not in OPENING and not (
                " " < prev < "\x7f" and " " < ch < "\x7f"):
            pieces.append(text[start:i])
            start = i
        prev = ch
    pieces.append(text[start:])
    return pieces


def _fill(pieces: list[str], em_limit: float, metrics: Metrics) -> list[str]:
    """Greedy: as many pieces on a line as fit in ``em_limit`` ems; a piece wider than a
    whole line is broken at any character. Spaces at either end of a line are dropped."""
    char_em = metrics.char_em
    lines: list[str] = []
    line, width = "", 0.0
    for piece in pieces:
        if not line:
            piece = piece.lstrip(" ")
        w = sum(map(char_em, piece))
        if line and width + w > em_limit:
            lines.append(line)
            line, width = "", 0.0
            piece = piece.lstrip(" ")
            w = sum(map(char_em, piece))
        if w > em_limit:  # alone wider than a line: the only piece that is broken inside
            for ch in piece:
                cw = char_em(ch)
                if line and width + cw > em_limit:
                    lines.append(line)
                    line, width = "", 0.0
                line += ch
                width += cw
            continue
        line += piece
        width += w
    lines.append(line)
    return [kept for kept in (x.rstrip(" ") for x in lines) if kept] or [""]


def wrap(text: str, em_limit: float, metrics: Metrics) -> list[str]:
    """Wrapped by the line-breaking rules, each line at most ``em_limit`` ems wide."""
    return _fill(_pieces(text), em_limit, metrics)


def _balanced(text: str, em_limit: float, count: int, metrics: Metrics) -> list[str] | None:
    """Wrapped into at most ``count`` lines no wider than ``em_limit`` ems, the lines as even
    as the characters allow (a name split 9 + 9, not 16 + 2); None if it does not fit."""
    pieces = _pieces(text)
    lines = _fill(pieces, em_limit, metrics)
    if len(lines) > count:
        return None
    if len(lines) == 1:
        return lines
    target = metrics.em_width(text) / len(lines)
    while target < em_limit:
        even = _fill(pieces, target, metrics)
        if len(even) <= len(lines):
            return even
        target += 0.25
    return lines


def widest_piece(text: str, metrics: Metrics) -> float:
    """The widest run that may not be broken (a masked ID number, an account, an amount, a
    character with its closing mark), in ems: below that width a line must break inside it."""
    return max((metrics.em_width(p.strip(" ")) for p in _pieces(text)), default=0.0)


def _truncate(text: str, em_limit: float, metrics: Metrics) -> str:
    out = ""
    for ch in text:
        if metrics.em_width(out + ch + ELLIPSIS) > em_limit:
            return out + ELLIPSIS
        out += ch
    return out


def fit_text(text: str, width: float, height: float, size: float, metrics: Metrics,
             max_lines: int | None = None, whole: bool = False) -> Fitted:
    """How to set ``text`` inside a ``width`` × ``height`` box (padding already taken off):
    as many lines as the box holds at :data:`MIN_SIZE` (or ``max_lines``), never smaller.
    ``whole``: a figure (amount, ID number, date, account) that is never split while one
    line of it fits at :data:`MIN_SIZE`; it shrinks instead."""
    if max_lines is None:
        max_lines = max(1, int(height / (MIN_SIZE * LINE_GAP)))
    em = metrics.em_width(text)
    if em * size <= width or not text:
        return Fitted(size, (text,))
    single = width / em
    if (single >= size * SHRINK_BEFORE_WRAP or (whole and single >= MIN_SIZE)) and single * LINE_GAP <= height:
        return Fitted(_floor(single), (text,))
    best: Fitted | None = None
    # Never smaller than needed to keep every unbreakable run whole (a masked ID number in a
    # narrow 备注): wrapping is tried only at sizes where the widest run fits a line.
    piece = widest_piece(text, metrics)
    whole_runs = width / piece if piece else size
    for count in range(2, max_lines + 1):
        candidate = min(size, height / (count * LINE_GAP), max(whole_runs, MIN_SIZE))
        while candidate >= MIN_SIZE:
            lines = _balanced(text, width / candidate, count, metrics)
            if lines is not None:
                if best is None or candidate > best.size:
                    best = Fitted(_floor(candidate), tuple(lines))
                break
            candidate *= 0.93
    if single >= MIN_SIZE and (best is None or single >= best.size):
        return Fitted(_floor(single), (text,))
    if best is not None:
        return best
    count = max(1, min(max_lines, int(height / (MIN_SIZE * LINE_GAP))))
    lines = wrap(text, width / MIN_SIZE, metrics)
    kept = lines[:count]
    if len(lines) > count:
        kept[-1] = _truncate(kept[-1] + "".join(lines[count:]), width / MIN_SIZE, metrics)
    return Fitted(MIN_SIZE, tuple(kept), truncated=len(lines) > count)


def grown_height(text: str, width: float, box_height: float, size: float, metrics: Metrics) -> float | None:
    """None if ``text`` fits a ``width`` wide, ``box_height`` high cell at ``size`` (or
    smaller, not below :data:`MIN_SIZE`); else the height the cell needs to hold it wrapped
    at :data:`GROWN_SIZE` (padding included, like ``box_height``)."""
    if metrics.em_width(text) * MIN_SIZE <= width:  # one line at the smallest size, at worst
        return None
    if not fit_text(text, width, box_height - CELL_MARGIN, size, metrics).truncated:
        return None
    piece = widest_piece(text, metrics)
    grown = min(GROWN_SIZE, max(MIN_SIZE, width / piece)) if piece else GROWN_SIZE  # runs stay whole
    lines = len(wrap(text, width / grown, metrics))
    return math.ceil(lines * grown * LINE_GAP + CELL_MARGIN + 1.0)


def _floor(size: float) -> float:
    """Round a size down to a tenth of a point, so the text still fits once rounded."""
    return int(size * 10) / 10
