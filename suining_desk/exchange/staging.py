"""The first pass of every import: read the sheet once, check each row on its own and
stage it in a TEMP table of this connection (on disk, so memory stays bounded whatever
the file's size). Nothing in the database proper is read or locked meanwhile, so other
clerks keep working while a county's file is read.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from suining_desk.db.models import database
from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.problems import Problem, Severity
from suining_desk.exchange.cells import Cell
from suining_desk.exchange.reader import SheetRows
from suining_desk.exchange.report import ImportResult, RowProblem

ProgressFn = Callable[[str, float], None]  # what is being done, overall fraction done
CHUNK = 5_000
READ_SHARE = 0.8  # of the progress bar: reading the file dominates


class ImportCancelled(Cancelled):  # noqa: N818 - the name callers know
    """The cancel event was set; the import's transaction is rolled back."""

    def __init__(self) -> None:
        super().__init__("已取消导入，数据库未改动")


@dataclass(frozen=True)
class ImportOptions:
    skip_invalid: bool = False  # import the valid households, report the rest
    update_duplicates: bool = False  # people already on the register: update instead of skip
    create_areas: bool = False  # make areas missing from the tree
    dry_run: bool = False  # check only, write nothing
    user: str = ""
    today: dt.date | None = None
    sheet: str | None = None

    def day(self) -> dt.date:
        return self.today or dt.date.today()


@dataclass
class Steps:
    progress: ProgressFn | None
    cancel: threading.Event | None

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise ImportCancelled

    def report(self, stage: str, fraction: float) -> None:
        self.check()
        if self.progress is not None:
            self.progress(stage, min(max(fraction, 0.0), 1.0))


@dataclass
class Staged:
    table: str
    columns: tuple[str, ...]
    rows: int = 0
    issues: list[RowProblem] = field(default_factory=list)


RowFn = Callable[[int, Sequence[Cell]], tuple[tuple[object, ...] | None, list[tuple[str, Problem]]]]


def new_result(kind: str, path: Path, source: SheetRows, options: ImportOptions) -> ImportResult:
    return ImportResult(kind=kind, path=path, sheet=source.sheet, header_row=source.header.row,
                        columns=dict(source.header.labels), unknown_columns=source.header.unknown,
                        dry_run=options.dry_run, skip_invalid=options.skip_invalid)


def unknown_column_notes(source: SheetRows) -> list[RowProblem]:
    notes = []
    if source.header.unknown:
        notes.append(RowProblem(source.header.row, "", Problem(
            "import_unknown_columns", {"columns": "、".join(source.header.unknown)}, Severity.WARNING)))
    for text, used in source.header.duplicates:
        code = "import_column_twice" if text == used else "import_column_same"
        notes.append(RowProblem(source.header.row, text, Problem(code, {"column": text, "used": used},
                                                                  Severity.WARNING)))
    return notes


def stage(source: SheetRows, table: str, columns: tuple[str, ...], parse: RowFn, steps: Steps) -> Staged:
    """Read every row below the header through ``parse`` into ``temp.<table>``.

    ``parse`` returns the staged tuple (or None for a row to leave out) and the row's
    problems as ``(layout key, problem)``; keys are turned into the file's own headers.
    """
    conn: sqlite3.Connection = database.connection()
    conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    conn.execute(f"CREATE TEMP TABLE {table} ({', '.join(columns)})")
    insert = f"INSERT INTO temp.{table} VALUES ({', '.join('?' * len(columns))})"
    labels = source.header.labels
    staged = Staged(table, columns)
    total = source.total_rows or 0
    chunk: list[tuple[object, ...]] = []
    last = source.header.row

    def flush() -> None:
        with database.atomic():  # touches only the TEMP table: no lock on the database
            conn.executemany(insert, chunk)
        staged.rows += len(chunk)
        chunk.clear()
        steps.report("读取表格", READ_SHARE * (last / total if total else 0.0))

    for number, cells in source.rows:
        last = number
        row, found = parse(number, cells)
        for key, problem in found:
            staged.issues.append(RowProblem(number, labels.get(key, ""), problem))
        if row is not None:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                flush()
        elif number % CHUNK == 0:
            steps.check()
    if chunk:
        flush()
    steps.report("读取表格", READ_SHARE)
    return staged


def drop(table: str) -> None:
    """Remove the staging table (it would go with the connection anyway)."""
    try:
        database.connection().execute(f"DROP TABLE IF EXISTS temp.{table}")
    except sqlite3.OperationalError:  # still in use by a cursor: leave it to the connection
        pass


def twice_in_file(table: str, column: str, where: str = "") -> dict[int, int]:
    """Rows whose ``column`` value appeared on an earlier row: row → that first row."""
    conn: sqlite3.Connection = database.connection()
    condition = f"{column} IS NOT NULL AND {column} != ''" + (f" AND {where}" if where else "")
    rows = conn.execute(
        f"SELECT {column}, row FROM temp.{table} WHERE {condition} AND {column} IN "
        f"(SELECT {column} FROM temp.{table} WHERE {condition} GROUP BY {column} HAVING COUNT(*) > 1) "
        f"ORDER BY {column}, row").fetchall()
    first: dict[object, int] = {}
    found: dict[int, int] = {}
    for value, row in rows:
        if value in first:
            found[int(row)] = first[value]
        else:
            first[value] = int(row)
    return found
