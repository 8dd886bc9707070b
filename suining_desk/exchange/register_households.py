"""``--update-duplicates`` for the households already on the register: the sheet's household
fields (address, phone, causes, bank, status …) are applied, as the members' fields are.

A blank cell — or a column the sheet does not have — never clears what is recorded: only a
filled cell that differs changes the household. The area (乡镇, 村, 组) is not moved by an
import, and a 清退日期 is not taken (a removal goes through its own step, and the import says
so). A change of 户状态 (or of the exit year) is kept in the status history as the window's
change would be, with the import as its reason.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from typing import Any

# Household fields an import may change, and their labels in messages.
UPDATABLE: dict[str, str] = {
    "address": "家庭住址", "phone": "联系电话", "status": "户状态", "exit_year": "脱贫年度",
    "main_cause": "主要致贫原因", "other_causes": "其他致贫原因", "dibao": "贫困户属性", "tekun": "贫困户属性",
    "bank_name": "开户银行", "bank_account": "银行卡号", "registered_on": "建档日期",
}
_COLUMN_OF = {"dibao": "attribute", "tekun": "attribute"}  # the sheet's column a field comes from


def _same(recorded: object, wanted: object) -> bool:
    if recorded is None or wanted is None:
        return recorded is wanted
    return str(recorded) == str(wanted)


def household_changes(conn: sqlite3.Connection, household_id: int, fields: Mapping[str, Any],
                      columns: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the fields the sheet changes, what is recorded now): filled cells of the sheet's own
    columns that differ from the household's recorded values."""
    names = list(UPDATABLE)
    row = conn.execute(f"SELECT {', '.join(names)} FROM household WHERE id = ?", [household_id]).fetchone()
    recorded = dict(zip(names, row, strict=True))
    changed: dict[str, Any] = {}
    for name in names:
        wanted = fields.get(name)
        if _COLUMN_OF.get(name, name) not in columns or wanted in (None, ""):
            continue  # not in the sheet, or blank there: what is recorded stays
        if name == "exit_year" and (fields.get("status") or recorded["status"]) != "exited":
            continue  # a year belongs to an exited household only
        if not _same(recorded[name], wanted):
            changed[name] = wanted
    if changed.get("status") not in (None, "exited"):
        changed["exit_year"] = None  # no longer exited: no exit year
    return changed, recorded


def labels(changed: Mapping[str, Any]) -> str:
    return "、".join(dict.fromkeys(UPDATABLE[name] for name in changed))


def apply_household_changes(conn: sqlite3.Connection, household_id: int, changed: Mapping[str, Any],
                            recorded: Mapping[str, Any], *, user: str, reason: str, day: dt.date,
                            stamp: str) -> None:
    """Write the changes inside the import's transaction; a new status also goes into the history."""
    if not changed:
        return
    assignments = ", ".join(f"{name} = ?" for name in changed)
    conn.execute(f"UPDATE household SET {assignments} WHERE id = ?", [*changed.values(), household_id])
    status = changed.get("status", recorded["status"])
    year = changed.get("exit_year", recorded["exit_year"])
    if status != recorded["status"] or (status == "exited" and not _same(year, recorded["exit_year"])):
        conn.execute("INSERT INTO status_change (household_id, old_status, new_status, year, date, reason, "
                     "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [household_id, recorded["status"], status, year if status == "exited" else None,
                      day.isoformat(), reason[:200], user, stamp])
