"""The files exchanged with the bank: the list written for it and its return file, read back.

The list (序号, 姓名, 身份证号, 账号, 金额) is .xlsx or .csv (UTF-8 with a byte-order mark,
which Excel opens correctly), written whole or not at all, never over a file of another
kind, and with every name, ID number and account as text: in the .xlsx a string is never a
formula, in the CSV one starting with = + - @ is prefixed with ``'`` (:mod:`..exchange.safe_cells`).
The return file (.xlsx, .xls — also a web page saved as .xls — or .csv) is read row by row
within the import limits (:mod:`..exchange.limits`); a file that cannot be used at all
raises :class:`BankFileUnusable`.
"""

from __future__ import annotations

import csv
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path

from suining_desk.exchange import limits, xlsx_guard
from suining_desk.exchange.csv_sheet import check_csv, csv_encoding, csv_rows
from suining_desk.exchange.html_table import html_tables, looks_like_html
from suining_desk.exchange.safe_cells import csv_text, formula_problem, guard
from suining_desk.exchange.totals import footer_kind
from suining_desk.exchange.xls import XlsUnreadable, open_xls
from suining_desk.exchange.xlsx_out import save_replacing
from suining_desk.money import check_amount, fen_to_yuan_str
from suining_desk.os_errors import os_reason
from suining_desk.output_files import check_output
from suining_desk.problems import InvalidInput, Problem
from suining_desk.services.bank_status import classify

HEADERS = ("序号", "姓名", "身份证号", "账号", "金额")
WRITTEN = (".xlsx", ".csv")
READ = (".xlsx", ".xls", ".csv")  # banks still send many return files as old .xls
HEADER_ROWS = 10  # the header is looked for in the first rows
_COLUMNS = {  # what banks call each column of a return file
    "account": ("账号", "卡号", "银行账号", "银行卡号", "一卡通账号", "收款账号"),
    "amount": ("金额", "发放金额", "交易金额", "金额(元)", "金额（元）"),
    "result": ("状态", "结果", "处理结果", "发放结果", "交易状态", "处理状态"),
    "note": ("备注", "失败原因", "原因", "说明", "附言"),
    "id_number": ("身份证号", "身份证号码", "证件号码"),
    "name": ("姓名", "户名", "收款人"),
}

ListRow = tuple[int, str, str, str, int]  # 序号, name, ID number, account, fen


class BankFileUnusable(InvalidInput):
    """The file as a whole cannot be used (unreadable, not a spreadsheet, no header)."""


def file_suffix(path: Path, allowed: tuple[str, ...] = WRITTEN) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise BankFileUnusable([Problem("bank_bad_format", {"suffix": path.suffix or "（无）",
                                                        "allowed": "、".join(allowed)})])
    return suffix


def check_list_target(path: Path) -> None:
    """Before anything is exported: a known suffix, and no other kind of file replaced."""
    suffix = file_suffix(path)
    check_output(path, suffix.lstrip("."))


def write_bank_list(path: Path, title: str, rows: list[ListRow]) -> None:
    """The list, saved beside the target and renamed over it once complete."""
    if path.suffix.lower() == ".csv":
        partial = path.with_name(f".{path.name}.partial")
        try:
            with partial.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADERS)
                writer.writerows((n, csv_text(name), csv_text(number), csv_text(account), fen_to_yuan_str(fen))
                                 for n, name, number, account, fen in rows)
            os.replace(partial, path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise InvalidInput([Problem("export_cannot_write", {"path": str(path), "reason": os_reason(exc)})]
                               ) from exc
        return
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "代发清单"
    sheet.append(list(HEADERS))
    for n, name, number, account, fen in rows:
        sheet.append([n, name, number, account, Decimal(fen) / 100])
        for col in (2, 3, 4):  # names, ID numbers and accounts are text: never a formula, never a rounded number
            cell = guard(sheet.cell(row=n + 1, column=col))
            if col > 2:
                cell.number_format = "@"
        sheet.cell(row=n + 1, column=5).number_format = "0.00"
    for letter, width in zip("ABCDE", (8, 12, 22, 26, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    book.properties.title = title
    save_replacing(book, path)


# --- the return file ----------------------------------------------------------------


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _texts(rows: Iterator[tuple[int, tuple[object, ...]]]) -> Iterator[tuple[int, list[str]]]:
    return ((number, [_cell_text(v) for v in cells]) for number, cells in rows)


def _numbered(rows: Iterator[tuple[object, ...]] | list[list[str]]) -> Iterator[tuple[int, tuple[object, ...]]]:
    return ((number, tuple(cells)) for number, cells in enumerate(rows, start=1))


def _csv(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    check_csv(path)
    with path.open("rb") as fh:
        if b"\x00" in fh.read(1 << 16):  # a UTF-16 file, or a spreadsheet renamed .csv
            raise UnicodeError("NUL")
    with path.open(encoding=csv_encoding(path), newline="") as handle:
        yield from csv_rows(handle)


def _xls(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    """An old .xls (its first sheet), or a bank's web page saved as .xls (its largest table)."""
    try:
        book = open_xls(path)
    except XlsUnreadable:
        with path.open("rb") as fh:
            if not looks_like_html(fh.read(1 << 16)):
                raise
        yield from _numbered(max(html_tables(path), key=len, default=[]))
        return
    with book:
        yield from _numbered(book.sheets[0].rows())


def _xlsx(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    from suining_desk.exchange.fast_xlsx import fast_rows  # openpyxl: only when a workbook is read

    book = xlsx_guard.open_book(path)
    try:
        yield from fast_rows(book.worksheets[0])
    finally:
        book.close()


def return_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The first sheet's rows as text, numbered as Excel shows them, within the limits."""
    suffix = file_suffix(path, READ)
    try:
        path.stat()  # a missing file is said as such, not as "not a spreadsheet"
        if suffix == ".csv":
            yield from _texts(_csv(path))
        elif suffix == ".xls" and not zipfile.is_zipfile(path):
            yield from _texts(_xls(path))
        else:
            yield from _texts(_xlsx(path))
    except InvalidInput:
        raise
    except limits.TooLarge as exc:
        raise BankFileUnusable([exc.problem(path)]) from exc
    except MemoryError as exc:
        raise BankFileUnusable([Problem("file_out_of_memory", {"path": str(path)})]) from exc
    except OSError as exc:
        raise BankFileUnusable([Problem("bank_unreadable", {"path": str(path), "reason": os_reason(exc)})]) from exc
    except (UnicodeError, csv.Error) as exc:
        raise BankFileUnusable([Problem("bank_bad_encoding", {"path": str(path)})]) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged, truncated or renamed file fails in many ways inside a reader
        raise BankFileUnusable([Problem("bank_not_spreadsheet", {"path": str(path)})]) from exc


def _header(rows: list[tuple[int, list[str]]]) -> tuple[int, dict[str, int]]:
    """The header row (the first one naming an account and an amount) and its columns."""
    for index, (_, row) in enumerate(rows):
        names = [c.strip() for c in row]
        found = {key: names.index(w) for key, words in _COLUMNS.items() for w in words if w in names}
        if "account" in found and "amount" in found:
            if "result" not in found:
                raise BankFileUnusable([Problem("bank_missing_columns", {"columns": "状态（处理结果）"})])
            return index, found
    raise BankFileUnusable([Problem("bank_missing_columns", {"columns": "账号、金额、状态"})])


@dataclass
class ReturnLine:
    row: int
    account: str
    amount_fen: int
    id_number: str
    result: str
    note: str


def read_return_file(path: Path) -> tuple[list[ReturnLine], list[Problem]]:
    rows = return_rows(Path(path))
    head = list(islice(rows, HEADER_ROWS))
    start, cols = _header(head)
    lines, problems = [], []
    for number, row in chain(head[start + 1:], rows):
        cell = {k: (row[i].strip() if i < len(row) else "") for k, i in cols.items()}
        if not any(cell.values()):
            continue
        keys = (row[0] if row else "", cell["account"], cell.get("name", ""), cell.get("id_number", ""))
        if footer_kind(keys, (cell.get("id_number"),)) is not None:
            continue  # the bank's 合计 line (its amount is the sum of the others) or a signature line
        amount, amount_problems = check_amount(cell["amount"])
        result = classify(cell["result"])
        if amount is None or amount_problems:
            problems.append(Problem("bank_bad_amount", {"row": number, "value": cell["amount"]}))
        elif result is None:
            problems.append(Problem("bank_bad_result", {"row": number, "value": cell["result"]}))
        elif formula := formula_problem(cell.get("note", ""), "失败原因", note=True):  # never stored
            problems.append(Problem("bank_note_formula", {"row": number, **formula.params}))
        else:
            lines.append(ReturnLine(number, cell["account"].replace(" ", ""), amount,
                                    cell.get("id_number", "").upper(), result, cell.get("note", "")))
    return lines, problems
