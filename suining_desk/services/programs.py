"""Aid programs and their standards over time.

A standard is the amount per beneficiary per period (per month for a monthly program,
per term for a per-term one …), for one category (低保 A/B/C), in force from its date
until the next one. For one-off aid it is the most a single payment may be. Standards
are never edited: a new amount is a new row from a new date, so every past batch can
still be explained by the standard it was computed with.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass

from suining_desk import audit
from suining_desk.db.models import PaymentBatch, Program, Standard, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import FREQUENCIES, PROGRAM_BASIS
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.actors import ADMIN, require_in_area

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,19}$")


def program_choices(*, active_only: bool = True) -> list[tuple[int, str]]:
    query = Program.select(Program.id, Program.name).order_by(Program.sort_order, Program.id)
    if active_only:
        query = query.where(Program.active == True)  # noqa: E712 - peewee expression
    return [(pid, name) for pid, name in tuples(query)]


@dataclass(frozen=True)
class ProgramInput:
    code: str
    name: str
    basis: str = "person"
    frequency: str = "monthly"
    funding_source: str = ""
    active: bool = True


@dataclass(frozen=True)
class ProgramView:
    id: int
    code: str
    name: str
    basis: str
    frequency: str
    funding_source: str
    active: bool

    @property
    def one_off(self) -> bool:
        return self.frequency == "once"


@dataclass(frozen=True)
class StandardView:
    id: int
    program_id: int
    category: str
    amount_fen: int
    effective_from: dt.date


def _view(p: Program) -> ProgramView:
    return ProgramView(p.id, p.code, p.name, p.basis, p.frequency, p.funding_source, bool(p.active))


def programs(*, active_only: bool = False) -> list[ProgramView]:
    query = Program.select().order_by(Program.sort_order, Program.id)
    if active_only:
        query = query.where(Program.active == True)  # noqa: E712
    return [_view(p) for p in query]


def program(program_id: int) -> ProgramView:
    return _view(Program.get_by_id(program_id))


def lookup_program(text: str) -> Program | None:
    """The program whose Chinese name or code (in any case: codes are stored lower-case)
    ``text`` is; None when there is none. Every command, import and ledger looks up here."""
    text = text.strip()
    return Program.get_or_none((Program.code == text.lower()) | (Program.name == text)) if text else None


def find_program(text: str) -> ProgramView:
    """A program by its code or its Chinese name."""
    found = lookup_program(text)
    if found is None:
        choices = "、".join(p.name for p in programs())
        if not choices:
            raise InvalidInput([Problem("program_none_yet", {"value": text}, field="program")])
        raise InvalidInput([Problem("program_unknown", {"value": text, "choices": choices}, field="program")])
    return _view(found)


def standards_of(program_id: int) -> list[StandardView]:
    query = (Standard.select(Standard.id, Standard.program, Standard.category, Standard.amount_fen,
                             Standard.effective_from)
             .where(Standard.program == program_id)
             .order_by(Standard.category, Standard.effective_from))
    return [StandardView(*row) for row in tuples(query)]


def categories_of(program_id: int) -> list[str]:
    seen: dict[str, None] = {}
    for s in sorted(standards_of(program_id), key=lambda s: s.id):
        seen.setdefault(s.category, None)
    return list(seen)


class StandardTable:
    """A program's standards in memory, for computing many lines at once."""

    def __init__(self, program_id: int) -> None:
        self._steps: dict[str, tuple[list[dt.date], list[int]]] = {}
        for s in standards_of(program_id):
            days, amounts = self._steps.setdefault(s.category, ([], []))
            days.append(s.effective_from)
            amounts.append(s.amount_fen)

    def on(self, category: str, day: dt.date) -> int | None:
        """The standard of ``category`` in force on ``day`` (None before the first one)."""
        steps = self._steps.get(category)
        if steps is None:
            return None
        k = bisect_right(steps[0], day) - 1
        return steps[1][k] if k >= 0 else None

    @property
    def categories(self) -> list[str]:
        return list(self._steps)


def standard_on(program_id: int, category: str, day: dt.date) -> int | None:
    return StandardTable(program_id).on(category, day)


def check_program(p: ProgramInput) -> list[Problem]:
    problems = []
    if not _CODE.match(p.code.strip()):
        problems.append(Problem("program_bad_code", {"value": p.code}, field="code"))
    if not p.name.strip():
        problems.append(Problem("required", {"label": "项目名称"}, field="name"))
    if p.basis not in PROGRAM_BASIS:
        problems.append(Problem("bad_choice", {"label": "发放对象", "value": p.basis}, field="basis"))
    if p.frequency not in FREQUENCIES:
        problems.append(Problem("bad_choice", {"label": "发放周期", "value": p.frequency}, field="frequency"))
    return problems


def save_program(p: ProgramInput, *, user: str, program_id: int | None = None) -> int:
    """A new program, or changes to one (an admin's job); returns its id.

    The frequency and basis of a program that already has payments stay as they are:
    its batches were computed with them.
    """
    problems = check_program(p)
    if problems:
        raise InvalidInput(problems)
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        clash = Program.select().where((Program.code == p.code.strip()) | (Program.name == p.name.strip()))
        if program_id is not None:
            clash = clash.where(Program.id != program_id)
        if clash.exists():
            raise InvalidInput([Problem("program_taken", {"value": p.name.strip()}, field="name")])
        fields = {"code": p.code.strip(), "name": p.name.strip(), "basis": p.basis, "frequency": p.frequency,
                  "funding_source": p.funding_source.strip(), "active": p.active}
        if program_id is None:
            order = (Program.select().count() or 0) + 1
            created = Program.create(sort_order=order, **fields)
            audit.append("program_created", username=user, table_name="program", record_id=created.id,
                         after=asdict(p))
            return int(created.id)
        before = Program.get_by_id(program_id)
        used = PaymentBatch.select().where(PaymentBatch.program == program_id).exists()
        if used and (before.frequency != p.frequency or before.basis != p.basis):
            raise InvalidInput([Problem("program_in_use", {"name": before.name}, field="frequency")])
        Program.update(**fields).where(Program.id == program_id).execute()
        audit.append("program_updated", username=user, table_name="program", record_id=program_id,
                     before=asdict(_view(before)), after=asdict(p))
        return program_id


def program_problems(p: ProgramInput, program_id: int | None = None) -> list[Problem]:
    """Everything :func:`save_program` would refuse about ``p`` (reads only; the dialog
    shows them as the admin types)."""
    problems = check_program(p)
    taken = [f for f, v in (("code", p.code.strip()), ("name", p.name.strip())) if v]
    for field_name in taken:
        clash = Program.select().where(getattr(Program, field_name) == getattr(p, field_name).strip())
        if program_id is not None:
            clash = clash.where(Program.id != program_id)
        if clash.exists():
            problems.append(Problem("program_taken", {"value": getattr(p, field_name).strip()}, field=field_name))
    if program_id is not None:
        before = Program.get_by_id(program_id)
        used = PaymentBatch.select().where(PaymentBatch.program == program_id).exists()
        if used and (before.frequency != p.frequency or before.basis != p.basis):
            problems.append(Problem("program_in_use", {"name": before.name}, field="frequency"))
    return problems


def standard_problems(program_id: int, category: str, amount_fen: int | None,
                      effective_from: dt.date) -> list[Problem]:
    """Everything :func:`add_standard` would refuse (reads only)."""
    category = category.strip()
    problems = []
    if amount_fen is not None and amount_fen <= 0:
        problems.append(Problem("standard_not_positive", {}, field="amount"))
    if len(category) > 10:
        problems.append(Problem("too_long", {"label": "类别", "max": 10}, field="category"))
    same_day = Standard.select().where((Standard.program == program_id) & (Standard.category == category)
                                       & (Standard.effective_from == effective_from))
    if same_day.exists():
        problems.append(Problem("standard_exists", {"category": category or "（无类别）",
                                                    "date": effective_from.isoformat()}, field="effective_from"))
    return problems


def add_standard(program_id: int, category: str, amount_fen: int, effective_from: dt.date, *, user: str) -> int:
    """A new standard from a date on (an admin's job, like the programs); returns its id."""
    category = category.strip()
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        problems = standard_problems(program_id, category, amount_fen, effective_from)
        if problems:
            raise InvalidInput(problems)
        row = Standard.create(program=program_id, category=category, amount_fen=amount_fen,
                              effective_from=effective_from)
        audit.append("standard_added", username=user, table_name="standard", record_id=row.id,
                     after={"program_id": program_id, "category": category, "amount_fen": amount_fen,
                            "effective_from": effective_from})
    return int(row.id)


def program_of_batch(batch_id: int) -> ProgramView:
    """The program a payment batch pays (the window's one-off line dialog)."""
    return _view(Program.get_by_id(PaymentBatch.get_by_id(batch_id).program_id))
