"""Every export by name, with the filters the command line (and the window) can give."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from suining_desk.db.models import Area
from suining_desk.domain.enums import RELOCATION_STATUS, RENOVATION_STATUS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.aid_export import export_enrolments, export_findings, export_payments
from suining_desk.exchange.columns import normalize_header
from suining_desk.exchange.housing_export import export_relocations, export_renovations
from suining_desk.exchange.register_export import export_register
from suining_desk.exchange.register_layout import STATUS_SPELLINGS
from suining_desk.services.access import AccessDenied, township_of
from suining_desk.services.enrolment_query import EnrolmentFilter
from suining_desk.services.household_query import HouseholdFilter
from suining_desk.services.payment_query import PaymentFilter
from suining_desk.services.programs import lookup_program
from suining_desk.services.relocation_query import RelocationFilter
from suining_desk.services.renovation_query import RenovationFilter
from suining_desk.services.search import search_people

SEARCH_LIMIT = 1_000_000


class Written(Protocol):
    @property
    def path(self) -> Path: ...

    @property
    def rows(self) -> int: ...


@dataclass(frozen=True)
class ExportArgs:
    area: str | None = None
    status: str | None = None
    cause: str | None = None
    program: str | None = None
    exit_year: int | None = None
    year: int | None = None
    search: str | None = None
    include_removed: bool = False
    # Who exports, for their township: the area defaults to it and may not leave it
    # (None: a county-wide user — or the window, which shows what the user browses).
    user: str | None = None
    township_id: int | None = None


@dataclass(frozen=True)
class ExportSpec:
    label: str
    run: Callable[[Path, ExportArgs], Written]


def find_area_id(text: str | None) -> int | None:
    """An area by code, by name, or by a path of names (``长铺镇/青石村``)."""
    if not text or not text.strip():
        return None
    value = text.strip()
    found = Area.get_or_none(Area.code == value)
    if found is not None:
        return int(found.id)
    parent: int | None = None
    for part in [p for p in value.replace("／", "/").split("/") if p.strip()]:
        query = Area.select().where(Area.name == part.strip())
        if parent is not None:
            query = query.where(Area.parent == parent)
        matches = list(query.order_by(Area.level))
        if len(matches) != 1:
            raise InvalidInput([Problem("export_bad_area", {"value": text, "count": len(matches)})])
        parent = int(matches[0].id)
    return parent


def area_id_of(a: ExportArgs) -> int | None:
    """The area asked for, kept to the exporting user's township (see :class:`ExportArgs`)."""
    area_id = find_area_id(a.area)
    if a.township_id is None:
        return area_id
    if area_id is None:
        return a.township_id
    if township_of(area_id) != a.township_id:
        mine = Area.get_by_id(a.township_id).name
        raise AccessDenied([Problem("export_scope", {"user": a.user or "", "township": mine,
                                                     "other": Area.get_by_id(area_id).name})])
    return area_id


def find_program_id(text: str | None) -> int | None:
    if not text or not text.strip():
        return None
    found = lookup_program(text)
    if found is None:
        raise InvalidInput([Problem("import_unknown_program", {"value": text})])
    return int(found.id)


def household_filter(a: ExportArgs) -> HouseholdFilter:
    status = None
    if a.status:
        status = STATUS_SPELLINGS.get(normalize_header(a.status), a.status)
        if status not in ("poor", "exited", "monitored", "ordinary"):
            raise InvalidInput([Problem("bad_choice", {"label": "户状态", "value": a.status})])
    ids = None
    if a.search:
        ids = tuple(dict.fromkeys(h.household_id for h in search_people(a.search, limit=SEARCH_LIMIT)))
    return HouseholdFilter(area_id=area_id_of(a), status=status, cause=a.cause or None,
                           program_id=find_program_id(a.program), exit_year=a.exit_year,
                           include_removed=a.include_removed, ids_in=ids)


def _households(out: Path, a: ExportArgs) -> Written:
    return export_register(out, household_filter(a))


def _people(out: Path, a: ExportArgs) -> Written:
    people = None
    if a.search:
        people = {h.person_id for h in search_people(a.search, limit=SEARCH_LIMIT)}
    return export_register(out, household_filter(a), people_only=True, person_ids=people)


def _household_ids(a: ExportArgs) -> tuple[int, ...] | None:
    if not a.search:
        return None
    return tuple(dict.fromkeys(h.household_id for h in search_people(a.search, limit=SEARCH_LIMIT)))


def _relocations(out: Path, a: ExportArgs) -> Written:
    status = _status(a.status, RELOCATION_STATUS)
    return export_relocations(out, RelocationFilter(area_id=area_id_of(a), batch_year=a.year, status=status,
                                                    household_ids=_household_ids(a)))


def _renovations(out: Path, a: ExportArgs) -> Written:
    status = _status(a.status, RENOVATION_STATUS)
    return export_renovations(out, RenovationFilter(area_id=area_id_of(a), year=a.year, status=status,
                                                    household_ids=_household_ids(a)))


def _enrolments(out: Path, a: ExportArgs) -> Written:
    return export_enrolments(out, EnrolmentFilter(area_id=area_id_of(a), program_id=find_program_id(a.program),
                                                  household_ids=_household_ids(a)))


def _payments(out: Path, a: ExportArgs) -> Written:
    return export_payments(out, PaymentFilter(area_id=area_id_of(a), program_id=find_program_id(a.program),
                                              year=a.year, household_ids=_household_ids(a)))


def _findings(out: Path, a: ExportArgs) -> Written:
    from suining_desk.services.checks import run_checks
    from suining_desk.services.checks.scope import in_township

    return export_findings(out, in_township(run_checks(), a.township_id))


def _status(text: str | None, labels: dict[str, str]) -> str | None:
    if not text:
        return None
    found = next((k for k, v in labels.items() if text in (k, v)), None)
    if found is None:
        raise InvalidInput([Problem("bad_choice", {"label": "状态", "value": text})])
    return found


EXPORTS: dict[str, ExportSpec] = {
    "households": ExportSpec("建档立卡户花名册", _households),
    "people": ExportSpec("在户人员名单", _people),
    "relocations": ExportSpec("易地扶贫搬迁台账", _relocations),
    "renovations": ExportSpec("危房改造台账", _renovations),
    "enrolments": ExportSpec("享受名单", _enrolments),
    "payments": ExportSpec("资金发放明细", _payments),
    "findings": ExportSpec("核查结果", _findings),
}
