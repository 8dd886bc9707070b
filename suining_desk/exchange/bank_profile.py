"""A bank profile (银行文件格式): how one bank wants its payment list and writes its return file.

Banks and credit unions (农商行、信用社) each have their own 一卡通 formats: an Excel sheet, a
CSV, a ``|``-delimited or fixed-width GBK text; header lines, a totals line with the count and
the sum; amounts in 元 or in 分; their own column names and status words. A profile says all of
that as data — a TOML file (read with the standard library's :mod:`tomllib`) — so a county sets
its bank's format in 设置 → 银行文件格式 without touching code. :func:`from_dict` checks every
value and says in Chinese what is wrong (``[export] kind`` 应为 …); :func:`to_dict` gives the
same table back for saving.

The two halves:

- ``[export]`` — the list sent to the bank: ``kind`` (xlsx, csv, delimited, fixed), the
  encoding and separator of a text file, lines before the data (``header_lines``), a line of
  column titles, a totals line first or last (``totals_line``, e.g. ``合计|{count}|{total}``),
  the amount in 元 with two decimals or in 分, the date format, and the columns in order
  (``[[export.columns]]``: a field, its title, for fixed-width files its width in bytes).
- ``[return]`` — the bank's return file: its kind (``xlsx`` reads any sheet or table whose header
  names the columns; csv, delimited and fixed are read line by line, strictly), which columns hold
  the account, amount, status, reason, date (by title, or by position), and which status words
  mean paid, failed or still pending.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.text_encoding import canonical

KINDS = ("xlsx", "csv", "delimited", "fixed")
KIND_LABELS = {"xlsx": "Excel 表格（.xlsx）", "csv": "CSV 文本（.csv）", "delimited": "分隔符文本（.txt）",
               "fixed": "定长文本（.txt）"}
TABLE_KINDS = ("xlsx", "csv")  # a sheet: the file's suffix may choose the other one
SUFFIXES = {"xlsx": (".xlsx",), "csv": (".csv",), "delimited": (".txt", ".dat"), "fixed": (".txt", ".dat")}
ENCODINGS = ("utf-8", "utf-8-sig", "gbk", "gb18030")
RETURN_ENCODINGS = ("auto", *ENCODINGS, "utf-16")
ENCODING_LABELS = {"auto": "自动识别", "utf-8": "UTF-8", "utf-8-sig": "UTF-8（带BOM，Excel 可直接打开）",
                   "gbk": "GBK", "gb18030": "GB18030", "utf-16": "UTF-16（带BOM）"}
AMOUNTS = ("yuan", "fen")
AMOUNT_LABELS = {"yuan": "元（两位小数，如 960.00）", "fen": "分（整数，如 96000）"}
TOTALS = ("none", "first", "last")
TOTALS_LABELS = {"none": "无合计行", "first": "合计行在最前", "last": "合计行在最后"}
LINE_ENDS = {"crlf": "\r\n", "lf": "\n"}
ALIGNS = ("left", "right")

EXPORT_FIELDS = {
    "seq": "序号", "name": "姓名", "id_number": "身份证号", "account": "账号", "amount": "金额",
    "date": "发放日期", "batch_no": "批次号", "program": "项目", "period": "期间", "area": "区域",
    "text": "固定文字", "blank": "空白",
}
RETURN_FIELDS = {
    "account": "账号", "amount": "金额", "status": "状态", "reason": "失败原因", "date": "处理日期",
    "id_number": "身份证号", "name": "姓名", "seq": "序号", "skip": "（不读）",
}
REQUIRED_RETURN = ("account", "amount", "status")
PLACEHOLDERS = {"batch_no": "批次号", "program": "项目", "period": "期间", "area": "区域", "date": "发放日期",
                "count": "笔数", "total": "合计金额", "today": "制表日期"}
MAX_WIDTH = 200


@dataclass(frozen=True)
class ExportColumn:
    field: str
    title: str = ""
    width: int = 0  # fixed: bytes in the file's encoding
    align: str = "left"
    fill: str = " "
    text: str = ""  # field "text": written on every line


@dataclass(frozen=True)
class ReturnColumn:
    field: str
    titles: tuple[str, ...] = ()  # header names that mean this column
    width: int = 0  # fixed: bytes


@dataclass(frozen=True)
class ExportFormat:
    kind: str = "xlsx"
    encoding: str = "utf-8-sig"
    separator: str = ","
    line_end: str = "crlf"
    header_lines: tuple[str, ...] = ()
    column_names: bool = True
    totals: str = "none"
    totals_line: str = ""
    amount: str = "yuan"
    date_format: str = "%Y-%m-%d"
    sheet_title: str = "代发清单"
    columns: tuple[ExportColumn, ...] = ()


@dataclass(frozen=True)
class ReturnFormat:
    kind: str = "xlsx"
    encoding: str = "auto"
    separator: str = ","
    skip_lines: int = 0
    column_names: bool = True
    totals: str = "none"
    totals_line: str = ""
    amount: str = "yuan"
    date_format: str = "%Y-%m-%d"
    paid: tuple[str, ...] = ()  # empty: the built-in reading of statuses (bank_status.classify)
    failed: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    columns: tuple[ReturnColumn, ...] = ()

    def column(self, key: str) -> ReturnColumn | None:
        return next((c for c in self.columns if c.field == key), None)


@dataclass(frozen=True)
class BankProfile:
    name: str  # the file's stem: what --profile takes
    title: str  # shown to clerks
    note: str = ""
    export: ExportFormat = field(default_factory=ExportFormat)
    returns: ReturnFormat = field(default_factory=ReturnFormat)
    shipped: bool = False  # from the program's resources (copied, never edited)

    @property
    def label(self) -> str:
        return f"{self.title}（{self.name}）" if self.title != self.name else self.name

    def export_suffixes(self) -> tuple[str, ...]:
        if self.export.kind in TABLE_KINDS:
            return SUFFIXES[self.export.kind] + tuple(s for k in TABLE_KINDS if k != self.export.kind
                                                      for s in SUFFIXES[k])
        return SUFFIXES[self.export.kind]


class _Checker:
    """Reads values out of the TOML table, collecting a Chinese problem for each wrong one."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def bad(self, key: str, expected: str) -> None:
        self.problems.append(Problem("bank_profile_bad_value", {"file": self.source, "key": key,
                                                               "expected": expected}))

    def text(self, table: Mapping[str, Any], key: str, where: str, default: str, *,
             choices: tuple[str, ...] = (), labels: Mapping[str, str] | None = None) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            self.bad(f"{where}{key}", "文字（用英文双引号括起来）")
            return default
        if choices and value not in choices:
            names = labels or {}
            self.bad(f"{where}{key}", "、".join(f"{c}（{names[c]}）" if c in names else c for c in choices) + " 之一")
            return default
        return value

    def number(self, table: Mapping[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.bad(f"{where}{key}", f"{low}到{high}之间的整数")
            return default
        return value

    def flag(self, table: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            self.bad(f"{where}{key}", "true（是）或 false（否）")
            return default
        return value

    def words(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.bad(f"{where}{key}", "文字列表，如 [\"成功\", \"00\"]")
            return ()
        return tuple(v for v in value if v.strip())

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.bad(key, f"[{key}] 表")
            return {}
        return value

    def rows(self, table: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.bad(f"{where}{key}", f"[[{where}{key}]] 表的列表")
            return []
        return value

    def template(self, text: str, key: str) -> None:
        try:
            names = [f for _, f, _, _ in Formatter().parse(text) if f is not None]
        except ValueError:
            self.bad(key, "文字，{ } 成对出现")
            return
        for name in names:
            base = name.split(":")[0].split("!")[0]
            if base not in PLACEHOLDERS:
                self.bad(key, "只含这些占位：" + "、".join(f"{{{k}}}（{v}）" for k, v in PLACEHOLDERS.items()))
                return

    def date_format(self, text: str, key: str) -> None:
        try:
            sample = dt.date(2018, 10, 9).strftime(text)
            if dt.datetime.strptime(sample, text).date() != dt.date(2018, 10, 9):
                raise ValueError(text)
        except ValueError:
            self.bad(key, "日期格式，如 %Y-%m-%d（2018-10-09）或 %Y%m%d（20181009）")


def _export(check: _Checker, data: Mapping[str, Any]) -> ExportFormat:
    t, w = check.table(data, "export"), "export."
    kind = check.text(t, "kind", w, "xlsx", choices=KINDS, labels=KIND_LABELS)
    columns = []
    for n, row in enumerate(check.rows(t, "columns", w), start=1):
        where = f"export.columns 第{n}列的 "
        column = ExportColumn(
            field=check.text(row, "field", where, "blank", choices=tuple(EXPORT_FIELDS), labels=EXPORT_FIELDS),
            title=check.text(row, "title", where, ""),
            width=check.number(row, "width", where, 0, 0 if kind != "fixed" else 1, MAX_WIDTH),
            align=check.text(row, "align", where, "left", choices=ALIGNS),
            fill=check.text(row, "fill", where, " "),
            text=check.text(row, "text", where, ""))
        if len(column.fill) != 1 or not column.fill.isascii():
            check.bad(f"{where}fill", "一个英文字符，如 \" \" 或 \"0\"")
        columns.append(column)
    if not columns:
        check.bad("export.columns", "至少一列")
    out = ExportFormat(
        kind=kind, encoding=check.text(t, "encoding", w, "utf-8-sig", choices=ENCODINGS, labels=ENCODING_LABELS),
        separator=check.text(t, "separator", w, ","), line_end=check.text(t, "line_end", w, "crlf",
                                                                          choices=tuple(LINE_ENDS)),
        header_lines=check.words(t, "header_lines", w), column_names=check.flag(t, "column_names", w, True),
        totals=check.text(t, "totals", w, "none", choices=TOTALS, labels=TOTALS_LABELS),
        totals_line=check.text(t, "totals_line", w, ""),
        amount=check.text(t, "amount", w, "yuan", choices=AMOUNTS, labels=AMOUNT_LABELS),
        date_format=check.text(t, "date_format", w, "%Y-%m-%d"),
        sheet_title=check.text(t, "sheet_title", w, "代发清单"), columns=tuple(columns))
    for n, line in enumerate(out.header_lines, start=1):
        check.template(line, f"export.header_lines 第{n}行")
    check.template(out.totals_line, "export.totals_line")
    check.date_format(out.date_format, "export.date_format")
    if kind == "delimited" and len(out.separator) != 1:
        check.bad("export.separator", "一个字符，如 \"|\"、\",\" 或 \"\\t\"（制表符）")
    if out.totals != "none" and not out.totals_line:
        check.bad("export.totals_line", "合计行的内容，如 \"合计|{count}|{total}\"")
    return out


def _returns(check: _Checker, data: Mapping[str, Any]) -> ReturnFormat:
    t, w = check.table(data, "return"), "return."
    kind = check.text(t, "kind", w, "xlsx", choices=KINDS, labels=KIND_LABELS)
    columns = []
    for n, row in enumerate(check.rows(t, "columns", w), start=1):
        where = f"return.columns 第{n}列的 "
        titles = check.words(row, "titles", where) or check.words(row, "title", where)
        columns.append(ReturnColumn(
            field=check.text(row, "field", where, "skip", choices=tuple(RETURN_FIELDS), labels=RETURN_FIELDS),
            titles=titles, width=check.number(row, "width", where, 0, 0 if kind != "fixed" else 1, MAX_WIDTH)))
    out = ReturnFormat(
        kind=kind, encoding=check.text(t, "encoding", w, "auto", choices=RETURN_ENCODINGS, labels=ENCODING_LABELS),
        separator=check.text(t, "separator", w, ","), skip_lines=check.number(t, "skip_lines", w, 0, 0, 50),
        column_names=check.flag(t, "column_names", w, True),
        totals=check.text(t, "totals", w, "none", choices=TOTALS, labels=TOTALS_LABELS),
        totals_line=check.text(t, "totals_line", w, ""),
        amount=check.text(t, "amount", w, "yuan", choices=AMOUNTS, labels=AMOUNT_LABELS),
        date_format=check.text(t, "date_format", w, "%Y-%m-%d"), paid=check.words(t, "paid", w),
        failed=check.words(t, "failed", w), pending=check.words(t, "pending", w), columns=tuple(columns))
    fields = [c.field for c in columns if c.field != "skip"]
    for key in REQUIRED_RETURN:
        if key not in fields:
            check.bad("return.columns", f"含“{RETURN_FIELDS[key]}”（field = \"{key}\"）一列")
    for key in set(fields):
        if fields.count(key) > 1:
            check.bad("return.columns", f"“{RETURN_FIELDS[key]}”只出现一次")
    if kind == "xlsx" or (kind == "csv" and out.column_names):  # columns found by their titles
        for c in columns:
            if c.field != "skip" and not c.titles:
                check.bad(f"return.columns（{RETURN_FIELDS[c.field]}）的 titles",
                          "表头上的列名，如 [\"账号\", \"卡号\"]")
    if kind == "delimited" and len(out.separator) != 1:
        check.bad("return.separator", "一个字符，如 \"|\"、\",\" 或 \"\\t\"（制表符）")
    if bool(out.paid) != bool(out.failed):
        check.bad("return.paid / return.failed", "都填写（或都不填，使用内置的判断）")
    check.template(out.totals_line, "return.totals_line")
    check.date_format(out.date_format, "return.date_format")
    if out.totals != "none" and not out.totals_line:
        check.bad("return.totals_line", "合计行的内容，如 \"合计|{count}|{total}\"")
    return out


def from_dict(name: str, data: Mapping[str, Any], *, source: str = "", shipped: bool = False) -> BankProfile:
    """The profile a TOML table describes; :class:`InvalidInput` names every wrong value."""
    check = _Checker(source or name)
    title = check.text(data, "title", "", name) or name
    profile = BankProfile(name=name, title=title.strip(), note=check.text(data, "note", "", ""),
                          export=_export(check, data), returns=_returns(check, data), shipped=shipped)
    if check.problems:
        raise InvalidInput(check.problems)
    return profile


def _drop_defaults(values: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v != defaults.get(k) or k in ("kind", "field")}


def to_dict(profile: BankProfile) -> dict[str, Any]:
    """The TOML table of ``profile`` (what :func:`from_dict` reads back the same)."""
    e, r = profile.export, profile.returns
    export = {"kind": e.kind, "encoding": e.encoding, "separator": e.separator, "line_end": e.line_end,
              "header_lines": list(e.header_lines), "column_names": e.column_names, "totals": e.totals,
              "totals_line": e.totals_line, "amount": e.amount, "date_format": e.date_format,
              "sheet_title": e.sheet_title}
    export["columns"] = [_drop_defaults({"field": c.field, "title": c.title, "width": c.width, "align": c.align,
                                         "fill": c.fill, "text": c.text},
                                        {"title": "", "width": 0, "align": "left", "fill": " ", "text": ""})
                         for c in e.columns]
    returns = {"kind": r.kind, "encoding": r.encoding, "separator": r.separator, "skip_lines": r.skip_lines,
               "column_names": r.column_names, "totals": r.totals, "totals_line": r.totals_line,
               "amount": r.amount, "date_format": r.date_format, "paid": list(r.paid), "failed": list(r.failed),
               "pending": list(r.pending)}
    returns["columns"] = [_drop_defaults({"field": c.field, "titles": list(c.titles), "width": c.width},
                                         {"titles": [], "width": 0}) for c in r.columns]
    out: dict[str, Any] = {"title": profile.title}
    if profile.note:
        out["note"] = profile.note
    out["export"] = export
    out["return"] = returns
    return out


def encoding_for_writing(name: str) -> str:
    """The codec a text file is written with: GBK stays GBK (a bank that reads GBK may refuse a
    GB18030-only character), UTF-8 with a mark is ``utf-8-sig``."""
    return "gbk" if name == "gbk" else canonical(name)
