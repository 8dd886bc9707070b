"""The payment list a posted batch sends to the bank, written as its bank profile says.

An .xlsx (openpyxl) or a text file — CSV, a delimited .txt, a fixed-width .txt — in the
profile's encoding, with its header lines, its line of column titles, its totals line, its
columns in order, amounts in 元 or 分. The file is written whole beside the target and renamed
over it, never over a file of another kind. Names, ID numbers and accounts stay text: in the
.xlsx never a formula, in a CSV one starting with = + - @ gets a leading ``'``
(:mod:`.safe_cells`). What cannot be written as the profile says — a name too long for its
fixed width, a character GBK has no code for, a separator inside a value — is refused with
the line and column, and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.bank_profile import (
    EXPORT_FIELDS,
    LINE_ENDS,
    TABLE_KINDS,
    BankProfile,
    ExportColumn,
    ExportFormat,
    encoding_for_writing,
)
from suining_desk.exchange.bank_text import amount_text, fit, render
from suining_desk.exchange.safe_cells import csv_text, guard
from suining_desk.exchange.xlsx_out import save_replacing
from suining_desk.storage.output_files import check_output
from suining_desk.storage.tempfiles import exclusive_beside

ListRow = tuple[int, str, str, str, int]  # 序号, name, ID number, account, fen
TEXT_COLUMNS = ("name", "id_number", "account", "text", "batch_no", "program", "period", "area")


@dataclass(frozen=True)
class ListContext:
    """What a list's header and totals lines may name."""

    batch_no: str
    program: str = ""
    period: str = ""
    area: str = ""
    paid_date: dt.date | None = None
    today: dt.date | None = None


def written_kind(profile: BankProfile, path: Path) -> str:
    """The kind of file written to ``path``: the profile's, or for a sheet profile the other
    sheet kind when the file's name asks for it (.csv for an xlsx profile)."""
    suffix = path.suffix.lower()
    allowed = profile.export_suffixes()
    if suffix not in allowed:
        raise InvalidInput([Problem("bank_bad_format", {"suffix": path.suffix or "（无）",
                                                        "allowed": "、".join(allowed)})])
    if profile.export.kind in TABLE_KINDS:
        return "csv" if suffix == ".csv" else "xlsx"
    return profile.export.kind


def check_target(profile: BankProfile, path: Path) -> str:
    """Before anything is exported: a suffix the profile writes, no other kind of file replaced."""
    kind = written_kind(profile, path)
    check_output(path, "xlsx" if kind == "xlsx" else "csv")
    return kind


def _values(fmt: ExportFormat, context: ListContext, count: int, total: int) -> dict[str, object]:
    day = context.paid_date.strftime(fmt.date_format) if context.paid_date else ""
    today = (context.today or dt.date.today()).strftime(fmt.date_format)
    return {"batch_no": context.batch_no, "program": context.program, "period": context.period,
            "area": context.area, "date": day, "today": today, "count": count, "total": amount_text(total, fmt.amount)}


def _cell(column: ExportColumn, row: ListRow, fmt: ExportFormat, values: dict[str, object]) -> str:
    seq, name, number, account, fen = row
    own = {"seq": str(seq), "name": name, "id_number": number, "account": account,
           "amount": amount_text(fen, fmt.amount), "text": column.text, "blank": ""}
    return own[column.field] if column.field in own else str(values.get(column.field, ""))


def _refuse(line: int, column: int, col: ExportColumn, reason: str) -> InvalidInput:
    label = col.title or EXPORT_FIELDS.get(col.field, col.field)
    return InvalidInput([Problem("bank_list_unwritable", {"row": line, "column": column, "label": label,
                                                          "reason": reason})])


def text_lines(profile: BankProfile, kind: str, context: ListContext, rows: list[ListRow]) -> list[str]:
    """The lines of a text list (CSV, delimited or fixed-width), without line ends."""
    fmt = profile.export
    values = _values(fmt, context, len(rows), sum(r[4] for r in rows))
    encoding = encoding_for_writing(fmt.encoding).removesuffix("-sig")
    separator = "," if kind == "csv" else fmt.separator
    lines = [render(t, values) for t in fmt.header_lines]
    if fmt.totals == "first":
        lines.append(render(fmt.totals_line, values))
    first_data = len(lines) + (1 if fmt.column_names else 0) + 1

    def joined(cells: list[str], line: int) -> str:
        if kind == "csv":
            out = io.StringIO()
            csv.writer(out, lineterminator="").writerow(cells)
            return out.getvalue()
        if kind == "fixed":
            parts = []
            for n, (col, cell) in enumerate(zip(fmt.columns, cells, strict=True), start=1):
                fitted = fit(cell, col.width, encoding, col.align, col.fill)
                if fitted is None:
                    raise _refuse(line, n, col, f"“{cell}”超过格式规定的{col.width}个字节")
                parts.append(fitted)
            return "".join(parts)
        for n, (col, cell) in enumerate(zip(fmt.columns, cells, strict=True), start=1):
            if separator in cell:
                raise _refuse(line, n, col, f"“{cell}”含有分隔符“{separator}”")
        return separator.join(cells)

    if fmt.column_names:
        lines.append(joined([c.title for c in fmt.columns], len(lines) + 1))
    for n, row in enumerate(rows):
        cells = [_cell(c, row, fmt, values) for c in fmt.columns]
        if kind == "csv":
            cells = [str(csv_text(v)) if c.field in TEXT_COLUMNS else v for c, v in zip(fmt.columns, cells,
                                                                                          strict=True)]
        lines.append(joined(cells, first_data + n))
    if fmt.totals == "last":
        lines.append(render(fmt.totals_line, values))
    for number, line in enumerate(lines, start=1):  # every character has a code in the file's encoding
        try:
            line.encode(encoding)
        except UnicodeEncodeError as exc:
            raise InvalidInput([Problem("bank_list_encoding", {"row": number, "char": line[exc.start:exc.end],
                                                               "encoding": fmt.encoding.upper()})]) from exc
    return lines


def write_list(path: Path, profile: BankProfile, context: ListContext, rows: list[ListRow]) -> None:
    """Write the list to ``path`` (its kind from :func:`check_target`), whole or not at all."""
    kind = written_kind(profile, path)
    if kind == "xlsx":
        _write_xlsx(path, profile, context, rows)
        return
    fmt = profile.export
    text = LINE_ENDS[fmt.line_end].join(text_lines(profile, kind, context, rows)) + LINE_ENDS[fmt.line_end]
    partial: Path | None = None
    try:
        partial, handle = exclusive_beside(path)  # a random name, never through a planted link
        with handle:
            handle.write(text.encode(encoding_for_writing(fmt.encoding)))
        os.replace(partial, path)
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise InvalidInput([Problem("export_cannot_write", {"path": str(path), "reason": os_reason(exc)})]) from exc


def _write_xlsx(path: Path, profile: BankProfile, context: ListContext, rows: list[ListRow]) -> None:
    """The list as a workbook: a header or totals line is split into cells at the profile's
    separator; amounts are numbers (元 with two decimals, or whole 分)."""
    from openpyxl import Workbook

    fmt = profile.export
    values = _values(fmt, context, len(rows), sum(r[4] for r in rows))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = fmt.sheet_title[:31] or "代发清单"

    def line(template: str) -> None:
        parts = render(template, values).split(fmt.separator) if fmt.separator else [render(template, values)]
        sheet.append(parts)
        for cell in sheet[sheet.max_row]:
            guard(cell)

    for template in fmt.header_lines:
        line(template)
    if fmt.totals == "first":
        line(fmt.totals_line)
    if fmt.column_names:
        sheet.append([c.title for c in fmt.columns])
    for row in rows:
        cells: list[object] = []
        for col in fmt.columns:
            if col.field == "amount":
                cells.append(Decimal(row[4]) / 100 if fmt.amount == "yuan" else row[4])
            elif col.field == "seq":
                cells.append(row[0])
            else:
                cells.append(_cell(col, row, fmt, values))
        sheet.append(cells)
        number = sheet.max_row
        for index, col in enumerate(fmt.columns, start=1):
            cell = sheet.cell(row=number, column=index)
            if col.field in TEXT_COLUMNS:  # text: never a formula, never a rounded number
                guard(cell)
                if col.field in ("id_number", "account"):
                    cell.number_format = "@"
            elif col.field == "amount" and fmt.amount == "yuan":
                cell.number_format = "0.00"
    if fmt.totals == "last":
        line(fmt.totals_line)
    from openpyxl.utils import get_column_letter

    for index, col in enumerate(fmt.columns, start=1):
        width = {"seq": 8, "name": 12, "id_number": 22, "account": 26, "amount": 14}.get(col.field, 14)
        sheet.column_dimensions[get_column_letter(index)].width = width
    book.properties.title = context.batch_no
    save_replacing(book, path)
