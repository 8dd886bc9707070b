"""CSV files as sheets: UTF-8 or GBK, comma, tab or semicolon, read within the limits.

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

MAX_LINE_CHARS = 1 << 21  # one line of a CSV file (2,097,152 characters)


def csv_encoding(path: Path) -> str:
    with path.open("rb") as fh:
        sample = fh.read(1 << 16)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            sample.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8-sig" and exc.start > len(sample) - 4:  # cut inside a character
                return encoding
            continue
        return encoding
    return "gb18030"


def open_csv_text(path: Path) -> TextIO:
    return path.open(encoding=csv_encoding(path), newline="", errors="replace")


def csv_dialect(handle: TextIO) -> Any:
    """Comma, tab or semicolon, as the file's first lines show (the handle is rewound)."""
    sample = handle.read(4096)
    handle.seek(0)
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        return csv.excel


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


def count_lines(path: Path) -> int:
    """Line breaks in the file (a block at a time), plus a last line without one."""
    lines, last = 0, b"\n"
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def check_csv(path: Path) -> int:
    """The file is within the limits as a whole; returns its number of lines (for progress)."""
    limits.check_file_size(path, limits.MAX_UNPACKED_BYTES)
    lines = count_lines(path)
    if lines > limits.MAX_ROWS:
        with open_csv_text(path) as handle:
            for number, _ in csv_rows(handle):
                if number > limits.MAX_ROWS:
                    break
    return lines
