"""资金下达: money allotted to a program for a year by a level of government, by a document.

An allocation names the program, the year it is for, the level that allotted it (中央, 省,
市, 县), the amount, the document (文号) and its date. Payment ledgers print the program's
funding source and the year's allocations in their header; the summary ledger sets what
was allotted against what was paid. Allocations are an admin's job, like the programs and
their standards. They are never edited or deleted: a wrong one is voided with a reason
(the database refuses anything else, migration 6), and every step is in the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.db.models import Allocation, Program, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import FUND_LEVELS
from suining_desk.domain.periods import check_year
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.actors import ADMIN, require_in_area

MAX_DOC = 60
MAX_REASON = 200
# How a clerk may write a level: the code, its label, and the short and long words.
_LEVEL_WORDS = {
    **{code: code for code in FUND_LEVELS},
    **{label: code for code, label in FUND_LEVELS.items()},
    "中央级": "central", "省": "province", "市": "city", "县": "county",
}


@dataclass(frozen=True)
class AllocationInput:
    program_id: int
    year: int
    level: str  # a FUND_LEVELS code
    amount_fen: int
    doc_no: str
    issued_on: dt.date | None = None


@dataclass(frozen=True)
class AllocationView:
    id: int
    program_id: int
    year: int
    level: str
    amount_fen: int
    doc_no: str
    issued_on: dt.date | None
    created_by: str
    voided: bool
    void_reason: str

    @property
    def level_label(self) -> str:
        return FUND_LEVELS.get(self.level, self.level)

    def words(self) -> str:
        """As a ledger's header names it: ``湘财社〔2018〕12号（省级）``."""
        return f"{self.doc_no}（{self.level_label}）"


def level_code(text: str) -> str | None:
    """A level as typed (``中央``, ``省级``, ``province`` …) → its code; None if unknown."""
    return _LEVEL_WORDS.get(text.strip().lower() if text.strip().isascii() else text.strip())


def allocation_problems(a: AllocationInput, *, today: dt.date | None = None) -> list[Problem]:
    """Everything :func:`add_allocation` would refuse (reads only)."""
    problems: list[Problem] = []
    if a.level not in FUND_LEVELS:
        problems.append(Problem("bad_choice", {"label": "资金级别", "value": a.level}, field="level"))
    if a.amount_fen <= 0:
        problems.append(Problem("allocation_not_positive", {}, field="amount"))
    doc = a.doc_no.strip()
    if not doc:
        problems.append(Problem("required", {"label": "文号"}, field="doc_no"))
    elif len(doc) > MAX_DOC:
        problems.append(Problem("too_long", {"label": "文号", "max": MAX_DOC}, field="doc_no"))
    if a.issued_on is not None and a.issued_on > (today or dt.date.today()):
        problems.append(Problem("date_in_future", {"value": a.issued_on.isoformat()}, field="issued_on"))
    if a.issued_on is not None and a.issued_on.year > a.year + 1:
        problems.append(Problem("allocation_late", {"year": a.year, "date": a.issued_on.isoformat()},
                                field="issued_on"))
    if doc and Allocation.select().where(
            (Allocation.program == a.program_id) & (Allocation.year == a.year) & (Allocation.level == a.level)
            & (Allocation.doc_no == doc) & Allocation.voided_at.is_null()).exists():
        problems.append(Problem("allocation_twice", {"doc": doc, "year": a.year}, field="doc_no"))
    return problems


def add_allocation(a: AllocationInput, *, user: str, today: dt.date | None = None) -> int:
    """Record an allocation (an admin); returns its id."""
    check_year(str(a.year))
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        if Program.get_or_none(Program.id == a.program_id) is None:
            raise InvalidInput([Problem("program_unknown", {"value": a.program_id, "choices": ""}, field="program")])
        problems = allocation_problems(a, today=today)
        if problems:
            raise InvalidInput(problems)
        row = Allocation.create(program=a.program_id, year=a.year, level=a.level, amount_fen=a.amount_fen,
                                doc_no=a.doc_no.strip(), issued_on=a.issued_on, created_by=user)
        audit.append("allocation_added", username=user, table_name="allocation", record_id=row.id,
                     after={"program_id": a.program_id, "year": a.year, "level": a.level,
                            "amount_fen": a.amount_fen, "doc_no": a.doc_no.strip(), "issued_on": a.issued_on})
    return int(row.id)


def void_allocation(allocation_id: int, reason: str, *, user: str) -> None:
    """Void an allocation recorded in error (an admin, with a reason); it stays listed as voided."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput([Problem("required", {"label": "作废原因"}, field="reason")])
    if len(reason) > MAX_REASON:
        raise InvalidInput([Problem("too_long", {"label": "作废原因", "max": MAX_REASON}, field="reason")])
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        row = Allocation.get_or_none(Allocation.id == allocation_id)
        if row is None:
            raise InvalidInput([Problem("allocation_unknown", {"value": allocation_id})])
        if row.voided_at is not None:
            raise InvalidInput([Problem("allocation_voided", {"doc": row.doc_no})])
        Allocation.update(voided_by=user, voided_at=dt.datetime.now().replace(microsecond=0),
                          void_reason=reason).where(Allocation.id == allocation_id).execute()
        audit.append("allocation_voided", username=user, table_name="allocation", record_id=allocation_id,
                     before={"doc_no": row.doc_no, "amount_fen": row.amount_fen}, after={"reason": reason})


def _view(row: tuple[object, ...]) -> AllocationView:
    aid, program_id, year, level, amount, doc, issued, by, voided_at, reason = row
    return AllocationView(int(str(aid)), int(str(program_id)), int(str(year)), str(level), int(str(amount)),
                          str(doc), issued if isinstance(issued, dt.date) else None, str(by),
                          voided_at is not None, str(reason))


_FIELDS = (Allocation.id, Allocation.program, Allocation.year, Allocation.level, Allocation.amount_fen,
           Allocation.doc_no, Allocation.issued_on, Allocation.created_by, Allocation.voided_at,
           Allocation.void_reason)
_ORDER = (Allocation.year, Allocation.issued_on, Allocation.id)


def allocations_of(program_id: int, *, year: int | None = None, voided: bool = True) -> list[AllocationView]:
    """A program's allocations, oldest first (``voided``: those voided too)."""
    query = Allocation.select(*_FIELDS).where(Allocation.program == program_id)
    if year is not None:
        query = query.where(Allocation.year == year)
    if not voided:
        query = query.where(Allocation.voided_at.is_null())
    return [_view(r) for r in tuples(query.order_by(*_ORDER))]


def allocations_in(year: int, program_ids: Iterable[int] | None = None) -> dict[int, list[AllocationView]]:
    """Program id → the year's allocations in force (not voided), oldest first."""
    query = Allocation.select(*_FIELDS).where((Allocation.year == year) & Allocation.voided_at.is_null())
    if program_ids is not None:
        query = query.where(Allocation.program.in_(list(program_ids)))
    out: dict[int, list[AllocationView]] = {}
    for row in tuples(query.order_by(*_ORDER)):
        view = _view(row)
        out.setdefault(view.program_id, []).append(view)
    levels = list(FUND_LEVELS)
    for found in out.values():  # 中央 first, then 省, 市, 县; in a level by the document's date
        found.sort(key=lambda a: (levels.index(a.level) if a.level in levels else 9, a.issued_on or dt.date.max,
                                  a.id))
    return out
