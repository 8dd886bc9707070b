"""Configurable caps and standards, each value in force from a date on.

A setting is a row per (key, effective_from); the value on a day is the one with the
latest ``effective_from`` not after that day, or the spec's default before any row.
Rows are never deleted: a new value is a new row (a same-day correction replaces it,
and both versions stay in the audit log).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum

from suining_desk import audit
from suining_desk.db.models import Setting, database
from suining_desk.domain.problems import InvalidInput, Problem

DEFAULT_FROM = dt.date(2000, 1, 1)


class Unit(StrEnum):
    AREA_X100 = "area_x100"  # m², stored as hundredths
    FEN = "fen"  # money, stored as fen


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    unit: Unit
    default: int
    help: str = ""


RELOCATION_AREA_CAP = "relocation_area_per_person_x100"
RELOCATION_SELF_RAISED_CAP = "relocation_self_raised_cap_fen"
RELOCATION_SUBSIDY_PER_PERSON = "relocation_subsidy_per_person_fen"
RENOVATION_STANDARD_D = "renovation_standard_d_fen"
RENOVATION_STANDARD_C = "renovation_standard_c_fen"

SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec(RELOCATION_AREA_CAP, "搬迁安置房人均面积上限", Unit.AREA_X100, 2500,
                    "安置房面积超过 上限×搬迁人口 的记录不能保存"),
        SettingSpec(RELOCATION_SELF_RAISED_CAP, "搬迁户自筹资金上限（每户）", Unit.FEN, 1_000_000,
                    "超过上限的记录可以保存，但会标出提醒核查"),
        SettingSpec(RELOCATION_SUBSIDY_PER_PERSON, "搬迁建房补助标准（每人）", Unit.FEN, 2_000_000,
                    "新建搬迁记录时按 标准×搬迁人口 预填补助金额；超过的会标出"),
        SettingSpec(RENOVATION_STANDARD_D, "D级危房改造补助标准（每户）", Unit.FEN, 3_500_000,
                    "新建D级危改记录时预填补助标准"),
        SettingSpec(RENOVATION_STANDARD_C, "C级危房改造补助标准（每户）", Unit.FEN, 1_000_000,
                    "新建C级危改记录时预填补助标准"),
    )
}


@dataclass(frozen=True)
class SettingEntry:
    key: str
    value: int
    effective_from: dt.date
    recorded_by: str
    recorded_at: dt.datetime | None


def _decode(raw: str, default: int) -> int:
    try:
        value = json.loads(raw)
    except ValueError:
        return default
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


def setting_value(key: str, on: dt.date | None = None) -> int:
    """The value in force on a day (today when not given)."""
    spec = SPECS[key]
    day = on or dt.date.today()
    row = (Setting.select(Setting.value).where((Setting.key == key) & (Setting.effective_from <= day))
           .order_by(Setting.effective_from.desc()).first())
    return spec.default if row is None else _decode(row.value, spec.default)


class Timeline:
    """A setting's values over time, read once: for checking many records in a row."""

    def __init__(self, key: str) -> None:
        spec = SPECS[key]
        rows = Setting.select(Setting.effective_from, Setting.value).where(Setting.key == key).order_by(
            Setting.effective_from)
        self._days = [DEFAULT_FROM] + [r.effective_from for r in rows]
        self._values = [spec.default] + [_decode(r.value, spec.default) for r in rows]

    def on(self, day: dt.date) -> int:
        index = bisect.bisect_right(self._days, day) - 1
        return self._values[max(index, 0)]


def setting_history(key: str) -> list[SettingEntry]:
    """Every value of a setting, oldest first; the default first when no row starts at the beginning."""
    spec = SPECS[key]
    rows = [SettingEntry(key, _decode(r.value, spec.default), r.effective_from, r.recorded_by, r.recorded_at)
            for r in Setting.select().where(Setting.key == key).order_by(Setting.effective_from)]
    if not rows or rows[0].effective_from > DEFAULT_FROM:
        rows.insert(0, SettingEntry(key, spec.default, DEFAULT_FROM, "（默认值）", None))
    return rows


def check_setting(key: str, value: int | None, effective_from: dt.date | None) -> list[Problem]:
    problems: list[Problem] = []
    spec = SPECS.get(key)
    if spec is None:
        return [Problem("bad_choice", {"label": "设置项", "value": key}, field="key")]
    if value is None:
        problems.append(Problem("required", {"label": spec.label}, field="value"))
    elif value <= 0:
        problems.append(Problem("setting_not_positive", {"label": spec.label}, field="value"))
    if effective_from is None:
        problems.append(Problem("required", {"label": "生效日期"}, field="effective_from"))
    return problems


def set_setting(key: str, value: int, *, effective_from: dt.date, user: str) -> None:
    """A new value from a date on; a value already starting that day is corrected instead."""
    problems = check_setting(key, value, effective_from)
    if problems:
        raise InvalidInput(problems)
    with database.atomic("IMMEDIATE"):
        old = Setting.get_or_none((Setting.key == key) & (Setting.effective_from == effective_from))
        before = None if old is None else {"value": old.value, "effective_from": old.effective_from,
                                           "recorded_by": old.recorded_by}
        if old is None:
            row = Setting.create(key=key, value=json.dumps(value), effective_from=effective_from,
                                 recorded_by=user)
        else:
            Setting.update(value=json.dumps(value), recorded_by=user,
                           recorded_at=dt.datetime.now().replace(microsecond=0)).where(
                Setting.id == old.id).execute()
            row = old
        audit.append("setting_changed", username=user, table_name="setting", record_id=row.id,
                     before=before, after={"key": key, "value": value, "effective_from": effective_from})
