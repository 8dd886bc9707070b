"""The bank's return file read as its bank profile says: what it says of each line.

Two ways of reading, by the profile's return ``kind``:

- ``xlsx`` — a sheet (.xlsx, .xls, a web page saved as .xls, a CSV or a delimited .txt): the
  header is found in the first rows by the profile's column titles, blank rows and the bank's
  合计 or signature lines are passed over (the program's standard way, unchanged);
- ``csv``, ``delimited``, ``fixed`` — a text file read line by line exactly as the profile says:
  the lines to skip, a totals line first or last (its count and sum must be those of the
  lines), a line of column titles, the separator or the byte widths of each column.

Either way a line that does not fit the profile — too few or too many fields, an amount not
written in 元 or 分 as the profile says, a date not in its format, a status word the profile
does not list — refuses the whole file (:class:`~.services.bank_sheets.BankFileUnusable`),
with the line and column named: nothing of a file read wrongly is recorded. A status the
profile calls pending (处理中), or one the standard reading cannot call paid or failed, is
reported for its line and not recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import Problem
from suining_desk.exchange import limits
from suining_desk.exchange.bank_profile import RETURN_FIELDS, BankProfile, ReturnFormat
from suining_desk.exchange.bank_sheets import HEADER_ROWS, READ, BankFileUnusable, file_suffix, return_rows
from suining_desk.exchange.bank_text import captured, parse_amount, parse_date, pattern, slice_fields
from suining_desk.exchange.columns import normalize_header
from suining_desk.exchange.csv_sheet import MAX_LINE_CHARS, check_csv, csv_encoding
from suining_desk.exchange.safe_cells import formula_problem
from suining_desk.exchange.text_encoding import NotText, canonical
from suining_desk.exchange.totals import footer_kind
from suining_desk.services.bank_status import PAID, classify, normalized

TEXT_SUFFIXES = (".txt", ".dat", ".csv")


@dataclass
class ReturnLine:
    row: int
    account: str
    amount_fen: int
    id_number: str
    result: str
    note: str
    date: dt.date | None = None  # the bank's date of this line, when the file has one


class _Mismatch(Exception):  # noqa: N818 - a refusal
    def __init__(self, row: int, column: str, label: str, reason: str) -> None:
        super().__init__(reason)
        self.row, self.column, self.label, self.reason = row, column, label, reason


def _status(fmt: ReturnFormat, text: str) -> str | None:
    """paid / failed / None (pending or unclear: reported, not recorded); raises ValueError for a
    word the profile's lists do not have."""
    if not fmt.paid:
        return classify(text)
    value = normalized(text)
    for result, words in ((PAID, fmt.paid), ("failed", fmt.failed)):
        if value in {normalized(w) for w in words}:
            return result
    if value in {normalized(w) for w in fmt.pending} or not value:
        return None
    raise ValueError(text)


def _line(fmt: ReturnFormat, number: int, cells: dict[str, str], where: dict[str, str],
          problems: list[Problem]) -> tuple[ReturnLine | None, int]:
    """One data line's fields checked, and its amount; :class:`_Mismatch` names what does not fit."""
    def wrong(key: str, reason: str) -> _Mismatch:
        return _Mismatch(number, where.get(key, ""), RETURN_FIELDS[key], reason)

    account = cells["account"].replace(" ", "")
    if not account:
        raise wrong("account", "账号为空")
    amount = parse_amount(cells["amount"], fmt.amount)
    if amount is None:
        unit = "分（整数）" if fmt.amount == "fen" else "元"
        raise wrong("amount", f"“{cells['amount']}”不是以{unit}表示的金额")
    try:
        result = _status(fmt, cells["status"])
    except ValueError:
        raise wrong("status", f"“{cells['status']}”不是格式中列出的成功、失败或处理中的说法") from None
    day = None
    if cells.get("date"):
        day = parse_date(cells["date"], fmt.date_format)
        if day is None:
            raise wrong("date", f"“{cells['date']}”不是格式规定的日期写法（{fmt.date_format}）")
    if result is None:
        problems.append(Problem("bank_bad_result", {"row": number, "value": cells["status"]}))
        return None, amount
    if formula := formula_problem(cells.get("reason", ""), "失败原因", note=True):  # never stored
        problems.append(Problem("bank_note_formula", {"row": number, **formula.params}))
        return None, amount
    return ReturnLine(number, account, amount, cells.get("id_number", "").upper(), result,
                      cells.get("reason", ""), day), amount


def _refusal(path: Path, profile: BankProfile, exc: _Mismatch) -> BankFileUnusable:
    column = f"{exc.column}（{exc.label}）" if exc.column else f"（{exc.label}）" if exc.label else ""
    return BankFileUnusable([Problem("bank_profile_mismatch", {
        "path": str(path), "profile": profile.title, "row": exc.row, "column": column, "reason": exc.reason})])


def read_return(path: Path, profile: BankProfile) -> tuple[list[ReturnLine], list[Problem]]:
    """The lines of a return file and the lines reported but not recorded (pending, unclear
    status); :class:`BankFileUnusable` when the file cannot be used or does not fit the profile."""
    path = Path(path)
    try:
        if profile.returns.kind == "xlsx":
            return _read_sheet(path, profile.returns)
        return _read_text(path, profile.returns)
    except _Mismatch as exc:
        raise _refusal(path, profile, exc) from None


# --- a sheet: header found by titles -------------------------------------------------------


def _positions(fmt: ReturnFormat, row: list[str]) -> dict[str, int]:
    """Where each column is in a header row: the first of its titles (in the profile's order)
    that the row has."""
    names = [normalize_header(c) for c in row]
    found: dict[str, int] = {}
    for column in fmt.columns:
        if column.field == "skip":
            continue
        for title in column.titles:
            wanted = normalize_header(title)
            if wanted in names:
                found[column.field] = names.index(wanted)
                break
    return found


def _sheet_header(rows: list[tuple[int, list[str]]], fmt: ReturnFormat) -> tuple[int, dict[str, int]]:
    for index, (_, row) in enumerate(rows):
        found = _positions(fmt, row)
        if "account" in found and "amount" in found:
            if "status" not in found:
                raise BankFileUnusable([Problem("bank_missing_columns", {"columns": "状态（处理结果）"})])
            return index, found
    raise BankFileUnusable([Problem("bank_missing_columns", {"columns": "账号、金额、状态"})])


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _read_sheet(path: Path, fmt: ReturnFormat) -> tuple[list[ReturnLine], list[Problem]]:
    rows = return_rows(path)
    head = list(islice(rows, HEADER_ROWS))
    start, cols = _sheet_header(head, fmt)
    where = {k: f"第{_letters(i)}列" for k, i in cols.items()}
    lines: list[ReturnLine] = []
    problems: list[Problem] = []
    for number, row in chain(head[start + 1:], rows):
        cells = {k: (row[i].strip() if i < len(row) else "") for k, i in cols.items()}
        if not any(cells.values()):
            continue
        keys = (row[0] if row else "", cells["account"], cells.get("name", ""), cells.get("id_number", ""))
        if footer_kind(keys, (cells.get("id_number"),)) is not None:
            continue  # the bank's 合计 line (its amount is the sum of the others) or a signature line
        found, _ = _line(fmt, number, cells, where, problems)
        if found is not None:
            lines.append(found)
    return lines, problems


# --- a text file, line by line ---------------------------------------------------------------


def _text_lines(path: Path, fmt: ReturnFormat) -> tuple[list[tuple[int, str]], str]:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        file_suffix(path, TEXT_SUFFIXES)
    try:
        check_csv(path)
        encoding = csv_encoding(path, None if fmt.encoding == "auto" else fmt.encoding)
        out = []
        with path.open(encoding=encoding, newline="") as handle:
            budget = limits.Budget()
            for number, line in enumerate(iter(lambda: handle.readline(MAX_LINE_CHARS), ""), start=1):
                if len(line) >= MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
                    raise limits.TooLarge("file_line_too_long", row=number, max=f"{MAX_LINE_CHARS:,}")
                budget.row(number, 1)
                out.append((number, line.rstrip("\r\n")))
    except limits.TooLarge as exc:
        raise BankFileUnusable([exc.problem(path)]) from exc
    except FileNotFoundError as exc:
        raise BankFileUnusable([Problem("bank_unreadable", {"path": str(path), "reason": os_reason(exc)})]) from exc
    except OSError as exc:
        raise BankFileUnusable([Problem("bank_unreadable", {"path": str(path), "reason": os_reason(exc)})]) from exc
    except (UnicodeError, NotText) as exc:
        raise BankFileUnusable([Problem("bank_bad_encoding", {"path": str(path)})]) from exc
    return out, encoding


def _split(fmt: ReturnFormat, number: int, line: str, encoding: str) -> list[str]:
    if fmt.kind == "fixed":
        sliced = slice_fields(line, [c.width for c in fmt.columns], encoding)
        if isinstance(sliced, int):
            column = fmt.columns[sliced - 1]
            raise _Mismatch(number, f"第{sliced}列", RETURN_FIELDS[column.field], "列宽把一个汉字切成了两半")
        fields, size = sliced
        total = sum(c.width for c in fmt.columns)
        if size > total:
            raise _Mismatch(number, "", "", f"这一行有{size}个字节，格式规定每行{total}个字节")
        return [f.strip() for f in fields]
    if fmt.kind == "csv":
        import csv

        return next(csv.reader([line]), [])
    return [f.strip() for f in line.split(fmt.separator)]


def _totals(fmt: ReturnFormat, number: int, line: str, rows: int, sum_fen: int) -> None:
    found = pattern(fmt.totals_line).match(line)
    if found is None:
        raise _Mismatch(number, "", "合计行", f"“{line.strip()}”不是格式规定的合计行（{fmt.totals_line}）")
    count, total = captured(found, "count"), captured(found, "total")
    if count is not None and (not count.isdigit() or int(count) != rows):
        raise _Mismatch(number, "", "合计行", f"合计笔数{count}与明细行数{rows}不符")
    if total is not None and parse_amount(total, fmt.amount) != sum_fen:
        raise _Mismatch(number, "", "合计行", f"合计金额{total}与明细金额之和不符")


def _read_text(path: Path, fmt: ReturnFormat) -> tuple[list[ReturnLine], list[Problem]]:
    raw, encoding = _text_lines(path, fmt)
    slicing = canonical(encoding).removesuffix("-sig")
    if slicing.startswith(("utf-16", "utf-32")):
        slicing = "gb18030" if canonical(fmt.encoding) in ("auto", "gb18030") else canonical(fmt.encoding)
    body = [(n, text) for n, text in raw[fmt.skip_lines:]]
    while body and not body[-1][1].strip():
        body.pop()
    totals_at: tuple[int, str] | None = None
    if fmt.totals == "first" and body:
        totals_at, body = body[0], body[1:]
    elif fmt.totals == "last" and body:
        totals_at, body = body[-1], body[:-1]
    positions = {c.field: i for i, c in enumerate(fmt.columns) if c.field != "skip"}
    width = len(fmt.columns)
    if fmt.column_names:
        if not body:
            raise BankFileUnusable([Problem("bank_missing_columns", {"columns": "账号、金额、状态"})])
        number, names_line = body[0]
        body = body[1:]
        if fmt.kind != "fixed" and any(c.titles for c in fmt.columns):  # a fixed-width title line is passed over
            names = _split(fmt, number, names_line, slicing)
            positions = _positions(fmt, names)
            missing = [RETURN_FIELDS[k] for k in ("account", "amount", "status") if k not in positions]
            if missing:
                raise _Mismatch(number, "", "表头", f"找不到“{'、'.join(missing)}”列")
            width = len(names)
    lines: list[ReturnLine] = []
    problems: list[Problem] = []
    rows = sum_fen = 0
    for number, text in body:
        if not text.strip():
            continue
        fields = _split(fmt, number, text, slicing)
        if fmt.kind != "fixed" and len(fields) != width:
            raise _Mismatch(number, "", "", f"这一行有{len(fields)}列，格式规定{width}列")
        rows += 1
        cells = {k: fields[i].strip() if i < len(fields) else "" for k, i in positions.items()}
        where = {k: f"第{i + 1}列" for k, i in positions.items()}
        found, amount = _line(fmt, number, cells, where, problems)
        sum_fen += amount
        if found is not None:
            lines.append(found)
    if totals_at is not None:
        _totals(fmt, totals_at[0], totals_at[1], rows, sum_fen)
    return lines, problems


def return_suffixes(profile: BankProfile) -> tuple[str, ...]:
    return READ if profile.returns.kind == "xlsx" else TEXT_SUFFIXES
