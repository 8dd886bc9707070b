"""Writing the imported register in bulk: raw ``executemany`` inside the import's one
transaction, ids assigned here (so members point at their household without a query per
row), name search keys for every person, and a member-change row for each person added
or updated, with the import as the reason.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from suining_desk.db.bulk import insert_sql
from suining_desk.domain.search_keys import keys_for_name
from suining_desk.exchange.register_rows import STAGED

HOUSEHOLD_COLUMNS = (
    "id", "household_no", "township_id", "village_id", "group_id", "address", "phone", "status",
    "exit_year", "main_cause", "other_causes", "dibao", "tekun", "bank_name", "bank_account",
    "registered_on", "removed_on", "removal_reason", "head_name", "head_id_number", "member_count",
)
PERSON_COLUMNS = (
    "id", "person_no", "household_id", "name", "id_number", "id_reversed", "sex", "birth_date", "relation",
    "ethnicity", "education", "schooling", "health", "disability", "labour", "work_status", "phone",
    "death_date", "removed_on", "removal_reason",
)
# What --update-duplicates may change of a person already on the register.
UPDATABLE = ("name", "relation", "ethnicity", "education", "schooling", "health", "disability", "labour",
             "work_status", "phone", "person_no", "death_date", "removed_on", "removal_reason")
CHANGE_COLUMNS = ("household_id", "person_id", "kind", "date", "reason", "recorded_by", "recorded_at")
FLUSH_ROWS = 10_000
KEY_CACHE = 20_000  # names whose search keys are kept
AT = {name: i for i, name in enumerate(STAGED)}


@dataclass
class Writer:
    conn: sqlite3.Connection
    user: str
    reason: str
    today: dt.date
    households: list[tuple[object, ...]] = field(default_factory=list)
    people: list[tuple[object, ...]] = field(default_factory=list)
    keys: list[tuple[int, str]] = field(default_factory=list)
    changes: list[tuple[object, ...]] = field(default_factory=list)
    touched: set[int] = field(default_factory=set)  # existing households to sum up again
    _key_cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.next_household = self._next_id("household")
        self.next_person = self._next_id("person")
        self.stamp = dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")

    def _next_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0])

    def new_household_id(self) -> int:
        self.next_household += 1
        return self.next_household - 1

    def new_person_id(self) -> int:
        self.next_person += 1
        return self.next_person - 1

    def add_household(self, values: dict[str, object]) -> None:
        self.households.append(tuple(values[c] for c in HOUSEHOLD_COLUMNS))

    def add_person(self, values: dict[str, object], *, on: dt.date | None) -> None:
        person_id = int(values["id"])  # type: ignore[call-overload]
        household_id = int(values["household_id"])  # type: ignore[call-overload]
        self.people.append(tuple(values[c] for c in PERSON_COLUMNS))
        self._index(person_id, str(values["name"]))
        self.changes.append((household_id, person_id, "registered", (on or self.today).isoformat(),
                             self.reason, self.user, self.stamp))
        gone = values["death_date"] or values["removed_on"]
        if gone:
            kind = "died" if values["death_date"] else str(values.get("exit_kind") or "removed")
            self.changes.append((household_id, person_id, kind, gone, values["removal_reason"] or self.reason,
                                 self.user, self.stamp))
        self._maybe_flush()

    def update_person(self, person_id: int, household_id: int, changed: dict[str, object], kind: str) -> None:
        """Apply the changed fields now (rare: duplicates with --update-duplicates)."""
        self.flush()
        assignments = ", ".join(f"{c} = ?" for c in changed)
        self.conn.execute(f"UPDATE person SET {assignments} WHERE id = ?", [*changed.values(), person_id])
        if "name" in changed:
            self.conn.execute("DELETE FROM name_key WHERE person_id = ?", (person_id,))
            self._index(person_id, str(changed["name"]))
        when = changed.get("death_date") or changed.get("removed_on") or self.today.isoformat()
        self.changes.append((household_id, person_id, kind, when, self.reason, self.user, self.stamp))
        self.touched.add(household_id)

    def _index(self, person_id: int, name: str) -> None:
        keys = self._key_cache.get(name)
        if keys is None:
            if len(self._key_cache) >= KEY_CACHE:
                self._key_cache.clear()  # memory stays bounded; common names come back soon
            keys = self._key_cache[name] = tuple(sorted(keys_for_name(name)))
        self.keys.extend((person_id, k) for k in keys)

    def _maybe_flush(self) -> None:
        if len(self.people) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        for table, columns, rows in (
            ("household", HOUSEHOLD_COLUMNS, self.households),
            ("person", PERSON_COLUMNS, self.people),
            ("name_key", ("person_id", "key"), self.keys),
            ("member_change", CHANGE_COLUMNS, self.changes),
        ):
            if rows:
                self.conn.executemany(insert_sql(table, columns), rows)
                rows.clear()

    def finish(self) -> None:
        """Write what is left and sum up the existing households that got members."""
        self.flush()
        if not self.touched:
            return
        active = "p.household_id = household.id AND p.death_date IS NULL AND p.removed_on IS NULL"
        head = f"SELECT {{}} FROM person p WHERE {active} AND p.relation = '户主' ORDER BY p.id LIMIT 1"
        ids = sorted(self.touched)
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            self.conn.execute(
                f"UPDATE household SET member_count = (SELECT COUNT(*) FROM person p WHERE {active}), "
                f"head_name = COALESCE(({head.format('p.name')}), ''), "
                f"head_id_number = COALESCE(({head.format('p.id_number')}), '') "
                f"WHERE id IN ({','.join('?' * len(part))})", part)


REGISTER_LABELS = {"name": "姓名", "relation": "与户主关系", "ethnicity": "民族", "education": "文化程度",
                   "schooling": "在校生状况", "health": "健康状况", "disability": "残疾情况", "labour": "劳动技能",
                   "work_status": "务工状况", "phone": "成员电话", "person_no": "人编号", "death_date": "死亡日期",
                   "removed_on": "减员日期", "removal_reason": "减员原因"}


def person_values(r: tuple[Any, ...]) -> dict[str, Any]:
    """A staged row as the person table's columns (without ids)."""
    number = r[AT["id_number"]]
    died = r[AT["exit_kind"]] == "died"
    gone = r[AT["exit_date"]]
    return {
        "person_no": r[AT["person_no"]], "name": r[AT["name"]], "id_number": number,
        "id_reversed": number[::-1] if number else None, "sex": r[AT["sex"]], "birth_date": r[AT["birth_date"]],
        "relation": r[AT["relation"]], "ethnicity": r[AT["ethnicity"]], "education": r[AT["education"]],
        "schooling": r[AT["schooling"]], "health": r[AT["health"]], "disability": r[AT["disability"]],
        "labour": r[AT["labour"]], "work_status": r[AT["work_status"]], "phone": r[AT["person_phone"]],
        "death_date": gone if died else None, "removed_on": None if died else gone,
        "removal_reason": r[AT["exit_reason"]] if gone else "",
    }
