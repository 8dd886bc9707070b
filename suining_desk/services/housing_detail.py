"""One relocation or renovation for its detail view: data, household, checks, history, attachments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk.db.models import Area, Household, Relocation, Renovation, SettlementSite
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import (
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import Problem
from suining_desk.rules.housing import RELOCATION_STEPS, RENOVATION_STEPS, RelocationInput, RenovationInput, m2
from suining_desk.services.attachments import AttachmentView, attachments_of
from suining_desk.services.housing_common import StepLine, record_history
from suining_desk.services.housing_kinds import HOUSING
from suining_desk.services.relocation_query import (
    RelocationFilter,
    RelocationRow,
    relocation_ids,
    relocation_rows,
)
from suining_desk.services.relocations import relocation_problems
from suining_desk.services.renovation_query import (
    RenovationFilter,
    RenovationRow,
    renovation_ids,
    renovation_rows,
)
from suining_desk.services.renovations import renovation_problems


@dataclass(frozen=True)
class HouseholdLine:
    id: int
    household_no: str
    head_name: str
    head_id_number: str
    place: str  # 乡镇 村 组
    member_count: int


@dataclass(frozen=True)
class RelocationDetail:
    id: int
    status: str
    next_status: str | None
    data: RelocationInput
    household: HouseholdLine
    site: str
    moved_in_date: dt.date | None
    demolished_date: dt.date | None
    override_by: str
    problems: list[Problem]
    history: list[StepLine]
    attachments: list[AttachmentView]


@dataclass(frozen=True)
class RenovationDetail:
    id: int
    status: str
    next_status: str | None
    data: RenovationInput
    household: HouseholdLine
    start_date: dt.date | None
    completed_date: dt.date | None
    accepted_date: dt.date | None
    accepted_by: str
    acceptance_result: str
    override_by: str
    problems: list[Problem]
    history: list[StepLine]
    attachments: list[AttachmentView]


def household_line(household_id: int) -> HouseholdLine:
    h = Household.get_by_id(household_id)
    names = dict(tuples(Area.select(Area.id, Area.name).where(Area.id.in_([h.township_id, h.village_id,
                                                                           h.group_id]))))
    place = " ".join(names.get(i, "") for i in (h.township_id, h.village_id, h.group_id))
    return HouseholdLine(h.id, h.household_no, h.head_name, h.head_id_number, place, h.member_count)


def relocation_input(r: Relocation) -> RelocationInput:
    return RelocationInput(household_id=r.household_id, batch_year=r.batch_year, people=r.people, mode=r.mode,
                           site_id=r.site_id, origin=r.origin, house_area_x100=r.house_area_x100,
                           subsidy_fen=r.subsidy_fen, self_raised_fen=r.self_raised_fen, plan_date=r.plan_date,
                           notes=r.notes, override_reason=r.override_reason, household_kind=r.household_kind)


def renovation_input(r: Renovation) -> RenovationInput:
    return RenovationInput(household_id=r.household_id, year=r.year, beneficiary_type=r.beneficiary_type,
                           grade=r.grade, method=r.method, build_mode=r.build_mode, area_x100=r.area_x100,
                           standard_fen=r.standard_fen, subsidy_fen=r.subsidy_fen, notes=r.notes,
                           override_reason=r.override_reason, appraised_by=r.appraised_by,
                           appraised_on=r.appraised_on, paid_on=r.paid_on)


def relocation_detail(relocation_id: int, *, user: str, today: dt.date | None = None) -> RelocationDetail:
    r = Relocation.get_by_id(relocation_id)
    data = relocation_input(r)
    site = SettlementSite.get_or_none(SettlementSite.id == r.site_id) if r.site_id else None
    return RelocationDetail(
        r.id, r.status, RELOCATION_STEPS.get(r.status), data, household_line(r.household_id),
        f"{site.name}（{site.kind}）" if site else "", r.moved_in_date, r.demolished_date, r.override_by,
        relocation_problems(data, user=user, relocation_id=r.id, today=today),
        record_history("relocation", r.id), attachments_of("relocation", r.id),
    )


def renovation_detail(renovation_id: int, *, user: str, today: dt.date | None = None) -> RenovationDetail:
    r = Renovation.get_by_id(renovation_id)
    data = renovation_input(r)
    return RenovationDetail(
        r.id, r.status, RENOVATION_STEPS.get(r.status), data, household_line(r.household_id), r.start_date,
        r.completed_date, r.accepted_date, r.accepted_by, r.acceptance_result, r.override_by,
        renovation_problems(data, user=user, renovation_id=r.id, today=today),
        record_history("renovation", r.id), attachments_of("renovation", r.id),
    )


def household_housing(household_id: int) -> tuple[list[RelocationRow], list[RenovationRow]]:
    """The household's relocations and renovations, oldest first (for its detail view)."""
    reloc = relocation_ids(RelocationFilter(household_ids=(household_id,)))
    reno = renovation_ids(RenovationFilter(household_ids=(household_id,)))
    reloc_rows, reno_rows = relocation_rows(reloc), renovation_rows(reno)
    return [reloc_rows[i] for i in reloc], [reno_rows[i] for i in reno]


def record_fields(kind: str, record_id: int) -> list[tuple[str, str]] | None:
    """A relocation's or a renovation's stored fields as (field name, text), in their order:
    the household by its number, areas and the site by name, money in yuan, areas in m²,
    codes in words. None when there is no such record."""
    housing = HOUSING[kind]
    record = housing.model.get_or_none(housing.model.id == record_id)
    if record is None:
        return None
    names = {
        "household": lambda i: Household.get_by_id(i).household_no,
        "township": lambda i: Area.get_by_id(i).name,
        "village": lambda i: Area.get_by_id(i).name,
        "site": lambda i: SettlementSite.get_by_id(i).name,
    }
    words: dict[str, dict[str, str]] = {"mode": SETTLEMENT_MODES, "grade": RENOVATION_GRADES,
                                        "build_mode": RENOVATION_BUILD_MODES,
                                        "status": housing.statuses}
    fields = []
    for name, value in record.__data__.items():
        if value is None or value == "":
            text = ""
        elif name in names:
            text = names[name](value)
        elif name.endswith("_fen"):
            text = format_fen(value)
        elif name.endswith("_x100"):
            text = m2(value)
        elif name in words:
            text = words[name].get(value, str(value))
        else:
            text = value.isoformat() if isinstance(value, dt.date) else str(value)
        fields.append((name, text))
    return fields
