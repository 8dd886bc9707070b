"""Importing records of a household (relocations, renovations, enrolments, one-off
payments): one row, one record, saved through the record's own service so every rule of
the window applies, all inside one transaction (each row a savepoint).

These files are small next to the register (a county has 3,765 relocations), so the
rows are read first, then written while the write lock is held only for the writing.
All or nothing unless ``skip_invalid``; a row whose record is already there is skipped
(reported), so the same file can be imported twice.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suining_desk import audit
from suining_desk.db.models import Household, Person, database
from suining_desk.domain.problems import InvalidInput, Problem, Severity
from suining_desk.exchange.cells import (
    Cell,
    clean_text,
    code_text,
    is_blank,
    read_amount,
    read_area_x100,
    read_date,
    read_int,
    squeeze,
)
from suining_desk.exchange.columns import Layout, normalize_header
from suining_desk.exchange.reader import no_data_rows, open_rows
from suining_desk.exchange.register_import import file_digest
from suining_desk.exchange.report import ImportResult, RowProblem
from suining_desk.exchange.safe_cells import NOTE_KEYS, formula_problem
from suining_desk.exchange.staging import (
    READ_SHARE,
    ImportOptions,
    ProgressFn,
    Steps,
    new_result,
    unknown_column_notes,
)
from suining_desk.exchange.totals import SKIPPED_ROW_CODES, footer_kind, has_total_word
from suining_desk.services.access import require


class Row:
    """One row's cells by layout key, with readers that note each cell's problems."""

    def __init__(self, number: int, values: dict[str, Cell], labels: dict[str, str], today: dt.date) -> None:
        self.number, self.values, self.labels, self.today = number, values, labels, today
        self.issues: list[tuple[str, Problem]] = []

    def report(self, key: str, problems: Sequence[Problem]) -> None:
        self.issues.extend((key, p) for p in problems)

    def error(self, key: str, code: str, **params: object) -> None:
        self.issues.append((key, Problem(code, dict(params))))

    def text(self, key: str, limit: int = 200) -> str:
        """A text cell; too long, or written as a formula (``=HYPERLINK(…)``), is refused."""
        value = clean_text(self.values.get(key))
        if len(value) > limit:
            self.error(key, "too_long", label=self.labels[key], max=limit)
        elif formula := formula_problem(value, self.labels[key], note=key in NOTE_KEYS):
            if all(k != key for k, _ in self.issues):
                self.issues.append((key, formula))
        return value

    def required(self, key: str, value: object) -> bool:
        if value is None or value == "":
            if not any(k == key for k, _ in self.issues):  # a cell already refused (「0.001」) is not also empty
                self.error(key, "required", label=self.labels[key])
            return False
        return True

    def code(self, key: str) -> str:
        value, problems = code_text(self.values.get(key), self.labels[key])
        self.report(key, problems)
        return value

    def date(self, key: str) -> dt.date | None:
        value, problems = read_date(self.values.get(key), self.labels[key])
        self.report(key, problems)
        return value

    def integer(self, key: str) -> int | None:
        value, problems = read_int(self.values.get(key), self.labels[key], suffixes="年人户")
        self.report(key, problems)
        return value

    def amount(self, key: str) -> int | None:
        value, problems = read_amount(self.values.get(key), self.labels[key])
        self.report(key, problems)
        return value

    def area(self, key: str) -> int | None:
        value, problems = read_area_x100(self.values.get(key), self.labels[key])
        self.report(key, problems)
        return value

    def choice(self, key: str, spellings: dict[str, str], default: str | None = None) -> str | None:
        text = squeeze(clean_text(self.values.get(key)))
        if not text:
            return default
        found = spellings.get(normalize_header(text))
        if found is None:
            self.error(key, "bad_choice", label=self.labels[key], value=text)
        return found

    def household(self, key: str = "household_no", id_key: str | None = "id_number") -> Household | None:
        """The household by its number, else by the ID number of one of its members."""
        number = self.code(key) if key in self.values else ""
        if number:
            found = Household.get_or_none(Household.household_no == number)
            if found is None:
                self.error(key, "import_household_missing", value=number)
            return found
        if id_key and id_key in self.values:
            person = self.person(id_key)
            return person.household if person is not None else None
        self.error(key, "required", label=self.labels[key])
        return None

    def person(self, key: str) -> Person | None:
        from suining_desk.domain.idnumber import check_id_number

        text = self.code(key)
        if not text:
            return None
        info, problems = check_id_number(text, today=self.today)
        if info is None:
            self.report(key, [p for p in problems if p.is_error])
            return None
        found = Person.get_or_none(Person.id_number == info.number)
        if found is None:
            self.error(key, "import_person_missing", value=info.number)
        return found


@dataclass(frozen=True)
class RecordSpec:
    kind: str
    layout: Layout
    action: str  # the audit entry of the import
    build: Callable[[Row], Any | None]  # the record's input from the row (None: not usable)
    existing: Callable[[Any], str | None]  # a label of the same record already there
    save: Callable[[Any, str, dt.date], list[Problem] | None]  # writes it (raises InvalidInput); reminders
    key: Callable[[Any], object]  # what makes two rows the same record
    fields: dict[str, str] = field(default_factory=dict)  # service problem field → layout key


NAME_KEYS = ("head_name", "person_name", "person_id")  # cells where a 合计 is typed, besides the key columns
ID_KEYS = ("id_number", "person_id")


def _kind_of_row(layout: Layout, cells: Sequence[Cell], values: dict[str, Cell]) -> str:
    if not values and all(is_blank(v) for v in cells):
        return "blank"
    footer = footer_kind((values.get(k) for k in (*layout.key_fields, *NAME_KEYS)), (values.get(k) for k in ID_KEYS))
    if footer is not None:
        return footer
    if any(not is_blank(values.get(k)) for k in layout.key_fields):
        return "data"
    texts = [squeeze(clean_text(v)) for v in cells if not is_blank(v)]
    if not texts:
        return "blank"
    return "total" if has_total_word(texts[:4]) else "other"


class _Discard(Exception):  # noqa: N818
    pass


def import_records(spec: RecordSpec, path: Path | str, options: ImportOptions, *,
                   progress: ProgressFn | None = None, cancel: threading.Event | None = None) -> ImportResult:
    path = Path(path)
    require(options.user, role="clerk")
    steps = Steps(progress, cancel)
    today = options.day()
    source = open_rows(path, spec.layout, sheet=options.sheet)
    result = new_result(spec.kind, path, source, options)
    labels = {c.key: source.header.labels.get(c.key, c.label) for c in spec.layout.columns}
    present = sorted(source.header.positions.items(), key=lambda item: item[1])
    problems = unknown_column_notes(source)
    pending: list[tuple[int, Any]] = []
    total = source.total_rows or 0

    def add(row: int, key: str, problem: Problem) -> None:
        problems.append(RowProblem(row, source.header.labels.get(key, ""), problem))

    with source:
        for number, cells in source.rows:
            values = {k: cells[i] for k, i in present if i < len(cells) and cells[i] is not None}
            kind = _kind_of_row(spec.layout, cells, values)
            if kind in SKIPPED_ROW_CODES:
                add(number, "", Problem(SKIPPED_ROW_CODES[kind], {}, Severity.WARNING))
            if kind != "data":
                continue
            row = Row(number, values, labels, today)
            record = spec.build(row)
            for key, problem in row.issues:
                add(number, key, problem)
            pending.append((number, None if any(p.is_error for _, p in row.issues) else record))
            if number % 500 == 0:
                steps.report("读取表格", READ_SHARE * (number / total if total else 0.0))
    if not pending:
        raise no_data_rows(source)
    result.rows_read = len(pending)
    seen: dict[object, int] = {}
    for number, record in pending:
        if record is not None:
            same = spec.key(record)
            if same in seen:
                add(number, "", Problem("import_record_twice", {"row": seen[same]}))
            seen.setdefault(same, number)
    refused = {p.row for p in problems if p.is_error}
    try:
        with database.atomic("IMMEDIATE"):
            for done, (number, record) in enumerate(pending, start=1):
                if done % 100 == 0:
                    steps.report("检查并写入", READ_SHARE + (1 - READ_SHARE) * done / len(pending))
                if record is None or number in refused:
                    continue
                if (other := spec.existing(record)) is not None:
                    add(number, "", Problem("import_record_exists", {"other": other}, Severity.WARNING))
                    result.duplicates_skipped += 1
                    continue
                try:
                    with database.atomic():  # a savepoint: a refused row leaves nothing behind
                        notes = spec.save(record, options.user, today)
                    for p in notes or ():  # the rules' reminders (提醒), as the window shows them
                        add(number, spec.fields.get(p.field or "", ""), p)
                except InvalidInput as exc:
                    for p in exc.problems:
                        add(number, spec.fields.get(p.field or "", ""), p)
                    if any(p.is_error for p in exc.problems):
                        refused.add(number)
                        continue
                result.records_added += 1
            result.rows_rejected = len(refused)
            result.problems = problems
            if options.dry_run or (refused and not options.skip_invalid):
                raise _Discard
            if result.records_added:
                audit.append(spec.action, username=options.user, after={
                    "file": path.name, "sha256": file_digest(path), "sheet": result.sheet,
                    "added": result.records_added, "skipped": result.duplicates_skipped,
                    "rows_rejected": result.rows_rejected})
            result.written = True
    except _Discard:
        pass
    steps.report("检查并写入", 1.0)
    return result
