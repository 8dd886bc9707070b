"""Relocations and renovations to xlsx, in the layout they are imported from (so the
export of one database imports into another that has the same households)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from peewee import JOIN

from suining_desk.db.models import Area, Household, Relocation, Renovation, SettlementSite, database
from suining_desk.domain.enums import (
    RELOCATION_HOUSEHOLD_KINDS,
    RELOCATION_STATUS,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.housing_records import RELOCATIONS, RENOVATIONS
from suining_desk.exchange.staging import ProgressFn, Steps
from suining_desk.exchange.xlsx_out import write_table
from suining_desk.services.relocation_query import RelocationFilter, relocation_ids
from suining_desk.services.renovation_query import RenovationFilter, renovation_ids

CHUNK = 500
Township = Area.alias("t")
Village = Area.alias("v")


@dataclass(frozen=True)
class RecordsWritten:
    path: Path
    rows: int


def _yuan(fen: int) -> str | None:
    return fen_to_yuan_str(fen) if fen else None


def _m2(x100: int) -> str | None:
    if not x100:
        return None
    whole, part = divmod(x100, 100)
    return f"{whole}.{part:02d}".rstrip("0").rstrip(".")


def _relocation_rows(ids: Sequence[int], steps: Steps) -> Iterator[list[object]]:
    keys = [c.key for c in RELOCATIONS.columns]
    for start in range(0, len(ids), CHUNK):
        steps.report("导出", start / max(len(ids), 1))
        part = list(ids[start:start + CHUNK])
        query = (Relocation.select(Relocation, Household, Township, Village, SettlementSite)
                 .join(Household, on=(Relocation.household == Household.id))
                 .switch(Relocation).join(Township, on=(Relocation.township == Township.id))
                 .switch(Relocation).join(Village, on=(Relocation.village == Village.id))
                 .switch(Relocation).join(SettlementSite, JOIN.LEFT_OUTER,
                                          on=(Relocation.site == SettlementSite.id))
                 .where(Relocation.id.in_(part)))
        found = {r.id: r for r in query}
        for rid in part:
            r = found[rid]
            site = r.site.name if r.site_id and r.site is not None else None
            values = {
                "household_no": r.household.household_no, "township": r.township.name, "village": r.village.name,
                "head_name": r.household.head_name, "id_number": r.household.head_id_number,
                "batch_year": r.batch_year, "people": r.people, "mode": SETTLEMENT_MODES.get(r.mode, r.mode),
                "site": site, "origin": r.origin or None, "house_area": _m2(r.house_area_x100),
                "subsidy": _yuan(r.subsidy_fen), "self_raised": _yuan(r.self_raised_fen), "plan_date": r.plan_date,
                "status": RELOCATION_STATUS.get(r.status, r.status), "moved_in_date": r.moved_in_date,
                "demolished_date": r.demolished_date, "notes": r.notes or None,
                "household_kind": RELOCATION_HOUSEHOLD_KINDS.get(r.household_kind) or None,
            }
            yield [values[k] for k in keys]


def _renovation_rows(ids: Sequence[int], steps: Steps) -> Iterator[list[object]]:
    keys = [c.key for c in RENOVATIONS.columns]
    for start in range(0, len(ids), CHUNK):
        steps.report("导出", start / max(len(ids), 1))
        part = list(ids[start:start + CHUNK])
        query = (Renovation.select(Renovation, Household, Township, Village)
                 .join(Household, on=(Renovation.household == Household.id))
                 .switch(Renovation).join(Township, on=(Renovation.township == Township.id))
                 .switch(Renovation).join(Village, on=(Renovation.village == Village.id))
                 .where(Renovation.id.in_(part)))
        found = {r.id: r for r in query}
        for rid in part:
            r = found[rid]
            values = {
                "household_no": r.household.household_no, "township": r.township.name, "village": r.village.name,
                "head_name": r.household.head_name, "id_number": r.household.head_id_number, "year": r.year,
                "beneficiary_type": r.beneficiary_type, "grade": RENOVATION_GRADES.get(r.grade, r.grade),
                "method": r.method, "build_mode": RENOVATION_BUILD_MODES.get(r.build_mode, r.build_mode),
                "area": _m2(r.area_x100), "standard": _yuan(r.standard_fen), "subsidy": _yuan(r.subsidy_fen),
                "status": RENOVATION_STATUS.get(r.status, r.status), "start_date": r.start_date,
                "completed_date": r.completed_date, "accepted_date": r.accepted_date,
                "accepted_by": r.accepted_by or None, "result": r.acceptance_result or None, "notes": r.notes or None,
                "appraised_by": r.appraised_by or None, "appraised_on": r.appraised_on, "paid_on": r.paid_on,
            }
            yield [values[k] for k in keys]


def export_relocations(out: Path | str, f: RelocationFilter | None = None, *, progress: ProgressFn | None = None,
                       cancel: threading.Event | None = None) -> RecordsWritten:
    ids = list(relocation_ids(f or RelocationFilter()))
    if not ids:
        raise InvalidInput([Problem("export_empty")])
    steps = Steps(progress, cancel)
    with database.atomic():
        count = write_table(out, RELOCATIONS.sheet_title, RELOCATIONS.columns, _relocation_rows(ids, steps))
    return RecordsWritten(Path(out), count)


def export_renovations(out: Path | str, f: RenovationFilter | None = None, *, progress: ProgressFn | None = None,
                       cancel: threading.Event | None = None) -> RecordsWritten:
    ids = list(renovation_ids(f or RenovationFilter()))
    if not ids:
        raise InvalidInput([Problem("export_empty")])
    steps = Steps(progress, cancel)
    with database.atomic():
        count = write_table(out, RENOVATIONS.sheet_title, RENOVATIONS.columns, _renovation_rows(ids, steps))
    return RecordsWritten(Path(out), count)
