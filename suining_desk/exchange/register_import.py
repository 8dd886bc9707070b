"""Importing the household register from a spreadsheet (one row per person).

Two passes. The first reads the file once and stages each row, checked on its own
(:mod:`suining_desk.exchange.staging`). The second, inside one IMMEDIATE transaction,
puts each household together from its rows (ordered by 户编号), checks what needs the
whole household or the register (one head, same area on every row, ID numbers twice in
the file or already registered, areas), and writes the valid households in bulk.

All or nothing by default: if any row is refused the transaction is rolled back and
nothing is written; with ``skip_invalid`` the valid households are kept. A person whose
ID number is already registered is skipped (reported), or with ``update_duplicates``
updated, each change kept as a member change whose reason names the file — and so is the
household's own data (:mod:`.register_households`; a blank cell never clears a value). A killed
process or a cancel leaves the database as it was: the one transaction never commits.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import threading
from contextlib import nullcontext
from itertools import groupby
from pathlib import Path
from typing import Any

from suining_desk import audit
from suining_desk.db import capture as audit_capture
from suining_desk.db.models import Area, database
from suining_desk.domain.problems import Problem, Severity
from suining_desk.exchange.areas import AreaResolver, Resolved
from suining_desk.exchange.reader import no_data_rows, open_rows
from suining_desk.exchange.register_households import apply_household_changes, household_changes, labels
from suining_desk.exchange.register_layout import REGISTER
from suining_desk.exchange.register_rows import HOUSEHOLD_FIELDS, STAGED, RowParser, check_household_fields
from suining_desk.exchange.register_write import REGISTER_LABELS, UPDATABLE, Writer, person_values
from suining_desk.exchange.report import ImportResult, RowProblem
from suining_desk.exchange.staging import (
    READ_SHARE,
    ImportOptions,
    ProgressFn,
    Steps,
    drop,
    new_result,
    stage,
    twice_in_file,
    unknown_column_notes,
)
from suining_desk.exchange.totals import SKIPPED_ROW_CODES
from suining_desk.services.access import Account, require

TABLE = "import_register"
BULK_ROWS = 20_000  # more rows than this: logged as a digest of the tables, not row by row
BULK_TABLES = ("area", "household", "person", "member_change")
HEAD = "户主"
_AT = {name: i for i, name in enumerate(STAGED)}
_HOUSEHOLD_LABELS = {"township": "乡镇", "village": "行政村", "grp": "村民小组", "address": "家庭住址",
                     "status": "户状态", "dibao": "贫困户属性", "tekun": "贫困户属性", "main_cause": "主要致贫原因",
                     "other_causes": "其他致贫原因", "exit_year": "脱贫年度", "phone": "联系电话",
                     "bank_name": "开户银行", "bank_account": "银行卡号", "registered_on": "建档日期",
                     "household_removed_on": "清退日期", "household_removal_reason": "清退原因"}
_STAGED_KEYS = {"grp": "group", "dibao": "attribute", "tekun": "attribute"}


class _Discard(Exception):  # noqa: N818
    """Leave the transaction without committing (a check only, or rows were refused)."""


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_register(path: Path | str, options: ImportOptions, *, progress: ProgressFn | None = None,
                    cancel: threading.Event | None = None) -> ImportResult:
    """Import (or with ``dry_run`` only check) the register in ``path``.

    Raises :class:`~suining_desk.exchange.reader.FileUnreadable` for a file that cannot be
    used at all (a header with no data rows below it too),
    :class:`~suining_desk.services.access.AccessDenied` for a user who may not enter
    data, :class:`~suining_desk.exchange.staging.ImportCancelled` when ``cancel`` is set.
    """
    path = Path(path)
    account = require(options.user, role="clerk")
    steps = Steps(progress, cancel)
    source = open_rows(path, REGISTER, sheet=options.sheet)
    result = new_result("households", path, source, options)
    parser = RowParser(source.header, today=options.day())

    def parse(number: int, cells: Any) -> tuple[tuple[object, ...] | None, list[tuple[str, Problem]]]:
        values = parser.values(cells)
        kind = parser.kind_of_row(cells, values)
        if kind == "blank":
            return None, []
        if kind != "data":
            return None, [("", Problem(SKIPPED_ROW_CODES[kind], {}, Severity.WARNING))]
        row, issues = parser.parse(number, values)
        return row, [(i.column, i.problem) for i in issues]

    try:
        with source:
            staged = stage(source, TABLE, STAGED, parse, steps)
        if not staged.rows:
            raise no_data_rows(source)
        result.rows_read = staged.rows
        result.problems = unknown_column_notes(source) + staged.issues
        conn: sqlite3.Connection = database.connection()
        conn.execute(f"CREATE INDEX temp.{TABLE}_order ON {TABLE} (household_no, row)")
        _Pass(result, options, account, steps, path).run(conn)
    finally:
        drop(TABLE)
    return result


class _Pass:
    """The second pass: households put together, checked against the register, written."""

    def __init__(self, result: ImportResult, options: ImportOptions, account: Account | None, steps: Steps,
                 path: Path) -> None:
        self.result, self.options, self.account, self.steps, self.path = result, options, account, steps, path
        self.reason = f"导入：{path.name}"
        self.refused_rows: set[int] = {p.row for p in result.problems if p.is_error}

    def problem(self, row: int, key: str, code: str, params: dict[str, Any],
                severity: Severity = Severity.ERROR) -> None:
        label = self.result.columns.get(_STAGED_KEYS.get(key, key), "")
        self.result.problems.append(RowProblem(row, label, Problem(code, params, severity)))
        if severity is Severity.ERROR:
            self.refused_rows.add(row)

    def run(self, conn: sqlite3.Connection) -> None:
        dry = self.options.dry_run
        self.ids_twice = twice_in_file(TABLE, "id_number", "birth_date IS NOT NULL")
        self.numbers_twice = twice_in_file(TABLE, "person_no")
        # A county-sized file: no per-row capture; the entry logs a digest of the tables.
        self.bulk = not dry and self.result.rows_read > BULK_ROWS
        try:
            with audit_capture.paused(database.obj) if self.bulk else nullcontext(), \
                    database.atomic("DEFERRED" if dry else "IMMEDIATE"):
                self._lookups(conn)
                self.areas = AreaResolver(create=self.options.create_areas, dry=dry)
                self.writer = None if dry else Writer(conn, self.options.user, self.reason, self.options.day())
                self._households(conn)
                if self.writer is not None and (self.options.skip_invalid or not self._refused()):
                    self.writer.finish()
                self.result.areas_created = tuple(self.areas.created)
                if dry or (self._refused() and not self.options.skip_invalid):
                    raise _Discard
                r = self.result
                if r.households_added or r.people_added or r.people_updated or r.households_updated \
                        or r.areas_created:
                    self._audit()
                self.result.written = True
        except _Discard:
            pass

    def _refused(self) -> bool:
        return self.result.rows_rejected > 0

    def _lookups(self, conn: sqlite3.Connection) -> None:
        self.registered = {int(r[0]): r[1:] for r in conn.execute(
            f"SELECT s.row, p.id, p.household_id, h.household_no, p.name, "
            f"p.relation = '户主' AND p.death_date IS NULL AND p.removed_on IS NULL, "
            f"{', '.join('p.' + c for c in UPDATABLE)} "
            f"FROM temp.{TABLE} s JOIN person p ON p.id_number = s.id_number "
            f"JOIN household h ON h.id = p.household_id WHERE s.birth_date IS NOT NULL")}
        self.households = {str(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in conn.execute(
            f"SELECT h.household_no, h.id, h.township_id, (SELECT COUNT(*) FROM person p WHERE "
            f"p.household_id = h.id AND p.relation = '户主' AND p.death_date IS NULL AND p.removed_on IS NULL) "
            f"FROM household h WHERE h.household_no IN (SELECT household_no FROM temp.{TABLE})")}
        self.numbers_taken = {int(r[0]): (r[1], r[2]) for r in conn.execute(
            f"SELECT s.row, p.name, h.household_no FROM temp.{TABLE} s JOIN person p ON p.person_no = s.person_no "
            f"JOIN household h ON h.id = p.household_id WHERE p.id_number IS NOT s.id_number")}

    def _households(self, conn: sqlite3.Connection) -> None:
        total = max(self.result.rows_read, 1)
        done = 0
        cursor = conn.execute(f"SELECT * FROM temp.{TABLE} ORDER BY household_no, row")
        try:
            for household_no, group in groupby(cursor, key=lambda r: r[1]):
                rows = list(group)
                self._household(str(household_no), rows)
                done += len(rows)
                if done % 500 < len(rows):
                    self.steps.report("检查并写入", READ_SHARE + (1 - READ_SHARE) * done / total)
        finally:
            cursor.close()  # an open cursor would keep the staging table locked

    # --- one household ---
    def _household(self, household_no: str, rows: list[tuple[Any, ...]]) -> None:
        numbers = [int(r[0]) for r in rows]
        for r in rows:
            row = int(r[0])
            if row in self.ids_twice:
                self.problem(row, "id_number", "import_id_twice", {"value": r[_AT["id_number"]],
                                                                   "row": self.ids_twice[row]})
            if row in self.numbers_twice:
                self.problem(row, "person_no", "import_person_no_twice", {"value": r[_AT["person_no"]],
                                                                         "row": self.numbers_twice[row]})
        fields, source_row = self._merge(household_no, rows)
        existing = self.households.get(household_no) if household_no else None
        place = self._place(fields, source_row, existing)
        plan = self._people(household_no, rows, existing)
        if household_no:
            self._check_heads(household_no, rows, plan, existing, fields, source_row)
        changed = self._existing_household(existing[0], fields, source_row) if existing is not None else None
        if not household_no or any(n in self.refused_rows for n in numbers):
            self._refuse(household_no, numbers)
            return
        if (plan["new"] or plan["update"] or changed) and self.writer is not None and \
                not (self._refused() and not self.options.skip_invalid):
            self._write(household_no, fields, place, plan, existing, changed)
        self._count(plan, existing)
        self.result.households_updated += bool(changed)

    def _existing_household(self, household_id: int, fields: dict[str, Any],
                            row: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """A household already registered: a 清退日期 is not taken (it would stop payments unseen:
        said so), and with --update-duplicates the household fields the sheet fills differently
        are what will change (:mod:`.register_households`)."""
        removed = database.execute_sql("SELECT removed_on FROM household WHERE id = ?", [household_id]).fetchone()[0]
        if fields.get("household_removed_on") and removed is None:
            self.problem(row, "household_removed_on", "import_removal_not_applied",
                         {"date": fields["household_removed_on"]}, Severity.WARNING)
        if not self.options.update_duplicates:
            return None
        changed, recorded = household_changes(database.connection(), household_id, fields, self.result.columns)
        if not changed:
            return None
        self.problem(row, "status" if "status" in changed else "", "import_household_updated",
                     {"fields": labels(changed)}, Severity.WARNING)
        return changed, recorded

    def _merge(self, household_no: str, rows: list[tuple[Any, ...]]) -> tuple[dict[str, Any], int]:
        """The household's fields: the head's row first, then the first row that has each."""
        ordered = sorted(rows, key=lambda r: (r[_AT["relation"]] != HEAD, r[0]))
        source_row = int(ordered[0][0])
        fields: dict[str, Any] = {}
        origin: dict[str, int] = {}
        for r in ordered:
            for name in HOUSEHOLD_FIELDS:
                value = r[_AT[name]]
                if value is None:
                    continue
                if name not in fields:
                    fields[name], origin[name] = value, int(r[0])
                elif value != fields[name] and name not in ("township", "village", "grp"):
                    self.problem(int(r[0]), name, "import_household_field_conflict", {
                        "label": _HOUSEHOLD_LABELS[name], "value": value, "other": fields[name],
                        "row": origin[name]}, Severity.WARNING)
        place = (fields.get("township"), fields.get("village"), fields.get("grp"))
        for r in ordered:
            mine = (r[_AT["township"]], r[_AT["village"]], r[_AT["grp"]])
            if any(v is not None and v != p for v, p in zip(mine, place, strict=True)):
                self.problem(int(r[0]), "village", "import_household_area_conflict",
                             {"household_no": household_no, "row": source_row})
        fields["status"] = fields.get("status") or "poor"
        for key, problem in check_household_fields(household_no, fields, today=self.options.day()):
            self.problem(origin.get(key, source_row), key, problem.code, problem.params, problem.severity)
        return fields, source_row

    def _place(self, fields: dict[str, Any], row: int, existing: tuple[int, int, int] | None) -> Resolved | None:
        if existing is not None:
            self._check_scope(row, existing[1])
            return None
        if not fields.get("village") or not fields.get("grp"):
            for key, label in (("village", "行政村"), ("grp", "村民小组")):
                if not fields.get(key):
                    self.problem(row, key, "required", {"label": label})
            return None
        found = self.areas.resolve(fields.get("township"), fields["village"], fields["grp"])
        if isinstance(found, Problem):
            self.problem(row, "township" if found.code != "import_area_missing" else "village",
                         found.code, found.params)
            return None
        for name in found.created:
            self.problem(row, "village", "import_area_created", {"area": name}, Severity.WARNING)
        self._check_scope(row, found.township_id)
        return found

    def _check_scope(self, row: int, township_id: int) -> None:
        if self.account is not None and not self.account.covers(township_id) and township_id > 0:
            area = Area.get_or_none(Area.id == township_id)
            self.problem(row, "township", "access_scope", {
                "user": self.account.username, "township": self.account.township_name,
                "other": area.name if area else str(township_id)})

    def _people(self, household_no: str, rows: list[tuple[Any, ...]],
                existing: tuple[int, int, int] | None) -> dict[str, list[Any]]:
        """Which rows are new people, which update registered ones, which are skipped."""
        plan: dict[str, list[Any]] = {"new": [], "update": [], "skip": []}
        for r in rows:
            row = int(r[0])
            found = self.registered.get(row)
            if row in self.numbers_taken and found is None:
                name, other = self.numbers_taken[row]
                self.problem(row, "person_no", "import_person_no_taken",
                             {"value": r[_AT["person_no"]], "name": name, "household_no": other})
            if found is None:
                plan["new"].append(r)
                continue
            params = {"name": found[3], "value": r[_AT["id_number"]], "household_no": found[2]}
            same_household = existing is not None and found[1] == existing[0]
            if not self.options.update_duplicates:
                self.problem(row, "id_number", "import_duplicate_skipped", params, Severity.WARNING)
                plan["skip"].append((r, found))
            elif not same_household:
                self.problem(row, "id_number", "import_registered_elsewhere", {**params, "file_no": household_no})
            else:
                changed = self._changes(r, found)
                if changed:
                    labels = "、".join(REGISTER_LABELS.get(c, c) for c in changed)
                    self.problem(row, "id_number", "import_duplicate_updated", {**params, "fields": labels},
                                 Severity.WARNING)
                    plan["update"].append((r, found, changed))
                else:
                    self.problem(row, "id_number", "import_duplicate_unchanged", params, Severity.WARNING)
                    plan["skip"].append((r, found))
        return plan

    def _changes(self, r: tuple[Any, ...], found: tuple[Any, ...]) -> dict[str, Any]:
        """What the row changes: filled cells that differ. A blank cell — or a column the sheet
        does not have — never clears what is recorded: a death or departure is not undone, and
        a 残疾情况 not erased, by a list that leaves them out."""
        wanted = person_values(r)
        current = dict(zip(UPDATABLE, found[5:], strict=True))
        return {c: wanted[c] for c in UPDATABLE if wanted[c] not in (None, "") and wanted[c] != current[c]}

    def _check_heads(self, household_no: str, rows: list[tuple[Any, ...]], plan: dict[str, list[Any]],
                     existing: tuple[int, int, int] | None, fields: dict[str, Any], source_row: int) -> None:
        written = plan["new"] + [u[0] for u in plan["update"]]
        heads = sum(1 for r in written if r[_AT["relation"]] == HEAD and not r[_AT["exit_kind"]])
        if existing is not None:
            heads += existing[2] - sum(1 for u in plan["update"] if u[1][4])
        elif not written:
            if plan["skip"]:
                self.problem(source_row, "household_no", "import_household_all_registered",
                             {"household_no": household_no}, Severity.WARNING)
            return
        active = sum(1 for r in written if not r[_AT["exit_kind"]])
        anyone = existing is not None or active > 0
        if (heads != 1 and anyone) or (not anyone and not any(r[_AT["relation"]] == HEAD for r in written)):
            self.problem(source_row, "relation", "import_heads", {"household_no": household_no, "count": heads})

    def _refuse(self, household_no: str, numbers: list[int]) -> None:
        self.result.rows_rejected += len(numbers)
        if household_no:
            self.result.households_rejected += 1
        if self.options.skip_invalid:
            for n in numbers:
                if n not in self.refused_rows:
                    self.problem(n, "", "import_household_refused", {"household_no": household_no},
                                 Severity.WARNING)

    def _count(self, plan: dict[str, list[Any]], existing: tuple[int, int, int] | None) -> None:
        self.result.people_added += len(plan["new"])
        self.result.people_updated += len(plan["update"])
        self.result.duplicates_skipped += len(plan["skip"])
        if existing is None and plan["new"]:
            self.result.households_added += 1

    def _write(self, household_no: str, fields: dict[str, Any], place: Resolved | None,
               plan: dict[str, list[Any]], existing: tuple[int, int, int] | None,
               household_change: tuple[dict[str, Any], dict[str, Any]] | None = None) -> None:
        writer = self.writer
        assert writer is not None
        registered = fields.get("registered_on")
        if existing is None:
            assert place is not None
            household_id = writer.new_household_id()
            active = [r for r in plan["new"] if not r[_AT["exit_kind"]]]
            head = next((r for r in active if r[_AT["relation"]] == HEAD), None)
            writer.add_household({
                "id": household_id, "household_no": household_no, "township_id": place.township_id,
                "village_id": place.village_id, "group_id": place.group_id, "address": fields.get("address") or "",
                "phone": fields.get("phone") or "", "status": fields["status"],
                "exit_year": fields.get("exit_year") if fields["status"] == "exited" else None,
                "main_cause": fields.get("main_cause") or "", "other_causes": fields.get("other_causes") or "",
                "dibao": fields.get("dibao") or 0, "tekun": fields.get("tekun") or 0,
                "bank_name": fields.get("bank_name") or "", "bank_account": fields.get("bank_account") or "",
                "registered_on": registered, "removed_on": fields.get("household_removed_on"),
                "removal_reason": fields.get("household_removal_reason") or "",
                "head_name": head[_AT["name"]] if head else "",
                "head_id_number": head[_AT["id_number"]] if head else "",
                "member_count": len(active)})
        else:
            household_id = existing[0]
            writer.touched.add(household_id)
            if household_change is not None:
                apply_household_changes(writer.conn, household_id, *household_change, user=writer.user,
                                        reason=self.reason, day=writer.today, stamp=writer.stamp)
        on = None if existing is not None else (_date(registered))
        for r in plan["new"]:
            values = person_values(r)
            values.update(id=writer.new_person_id(), household_id=household_id, exit_kind=r[_AT["exit_kind"]])
            writer.add_person(values, on=on)
        for r, found, changed in plan["update"]:
            kind = "edited"
            if changed.get("death_date"):
                kind = "died"
            elif changed.get("removed_on"):
                kind = r[_AT["exit_kind"]] or "removed"
            writer.update_person(int(found[0]), household_id, changed, kind)

    def _audit(self) -> None:
        r = self.result
        audit.append("register_imported", username=self.options.user, after={
            "file": self.path.name, "sha256": file_digest(self.path), "sheet": r.sheet,
            "households_added": r.households_added, "people_added": r.people_added,
            "people_updated": r.people_updated, "households_updated": r.households_updated,
            "duplicates_skipped": r.duplicates_skipped,
            "rows_rejected": r.rows_rejected, "areas_created": list(r.areas_created)},
            whole_tables=BULK_TABLES if self.bulk else ())


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
