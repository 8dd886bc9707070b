"""CSV and TXT files as sheets: in any encoding a Chinese office writes (:mod:`.text_encoding`:
UTF-8 with or without a byte-order mark, GB18030/GBK, UTF-16 — Excel's "Unicode 文本"), comma, tab,
semicolon or ``|`` between the cells, read within the limits.

A CSV is read as it comes, so its size is its unpacked size: the file may be at most
``MAX_UNPACKED_BYTES``; a line is read at most ``MAX_LINE_CHARS`` characters at a time (a
200 MB line without a line break is refused, not loaded), a cell at most ``MAX_CELL_CHARS``;
rows are counted before the import starts (line breaks first, which is quick; the rows
themselves only when there are more lines than rows allowed: cells may hold line breaks).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from suining_desk.exchange import limits
from suining_desk.exchange.text_encoding import detect_file

MAX_LINE_CHARS = 1 << 21  # one line of a CSV file (2,097,152 characters)
DELIMITERS = ",\t;|"


def csv_encoding(path: Path, declared: str | None = None) -> str:
    """The file's encoding (byte-order mark, UTF-8, ``declared``, then charset-normalizer);
    :class:`~.text_encoding.NotText` for a file that is no text at all."""
    return detect_file(path, declared)


def open_csv_text(path: Path, *, strict: bool = False) -> TextIO:
    return path.open(encoding=csv_encoding(path), newline="", errors="strict" if strict else "replace")


def csv_dialect(handle: TextIO) -> Any:
    """Comma, tab, semicolon or ``|``, as the file's first lines show (the handle is rewound).
    The standard sniffer is asked first; a separator found on more of the lines overrules it
    (above a tab-separated table, a title line without tabs leads the sniffer to a comma)."""
    sample = handle.read(4096)
    handle.seek(0)
    try:
        sniffed: Any = csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        sniffed = csv.excel
    lines = [line for line in sample.splitlines()[:40] if line.strip()]
    on_lines = {d: sum(1 for line in lines if d in line) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: on_lines[d])  # the first of equals, in the order of DELIMITERS
    if on_lines[best] > on_lines.get(sniffed.delimiter, 0):
        return type("Chosen", (csv.excel,), {"delimiter": best})
    return sniffed


def _lines(handle: TextIO) -> Iterator[str]:
    number = 0
    while line := handle.readline(MAX_LINE_CHARS):
        number += 1
        if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            raise limits.TooLarge("file_line_too_long", row=number, max=f"{MAX_LINE_CHARS:,}")
        yield line


def csv_rows(handle: TextIO) -> Iterator[tuple[int, tuple[str, ...]]]:
    """``(row number, cells)`` of every row, numbered as Excel shows them."""
    budget = limits.Budget()
    reader = csv.reader(_lines(handle), csv_dialect(handle))
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise limits.TooLarge("file_cell_too_long", row=number + 1,
                                      max=f"{limits.MAX_CELL_CHARS:,}") from exc
            raise
        number += 1
        budget.row(number, len(cells))
        if cells and max(map(len, cells)) > limits.MAX_CELL_CHARS:
            budget.text(number, max(map(len, cells)))
        yield number, tuple(cells)


def count_lines(path: Path, encoding: str = "utf-8") -> int:
    """Line breaks in the file (a block at a time), plus a last line without one. In UTF-16
    and UTF-32 a byte 0x0A is part of many characters: those files are counted as text."""
    if encoding.startswith(("utf-16", "utf-32")):
        lines, last = 0, "\n"
        with path.open(encoding=encoding, errors="replace", newline="") as text:
            while chunk := text.read(1 << 18):
                lines += chunk.count("\n")
                last = chunk[-1:]
        return lines + (last != "\n")
    lines, tail = 0, b"\n"
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            lines += block.count(b"\n")
            tail = block[-1:]
    return lines + (tail != b"\n")


def check_csv(path: Path) -> int:
    """The file is within the limits as a whole; returns its number of lines (for progress)."""
    limits.check_file_size(path, limits.MAX_UNPACKED_BYTES)
    lines = count_lines(path, csv_encoding(path))
    if lines > limits.MAX_ROWS:
        with open_csv_text(path) as handle:
            for number, _ in csv_rows(handle):
                if number > limits.MAX_ROWS:
                    break
    return lines
