"""审核上限: per program, the amount above which a one-off payment, or a line whose amount a
clerk adjusted, needs the reviewer's explicit confirmation with a reason before the batch is
approved. A setting with its effective date (a row of ``setting`` per program and date, never
deleted; the amount in force on a period's first day counts, as with the standards).

The program's standard stays what it was: for one-off aid the most one payment may be (refused
above it). The cap is a second look below that, and the audit check 超过审核上限 lists what was
paid above it, confirmed or not.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.db.models import PaymentBatch, Program, Setting, database
from suining_desk.db.rows import tuples
from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput, Problem, Severity
from suining_desk.services.access import require

PREFIX = "program_cap:"


def cap_key(program_id: int) -> str:
    return f"{PREFIX}{program_id}"


@dataclass(frozen=True)
class CapEntry:
    amount_fen: int
    effective_from: dt.date
    recorded_by: str


def _amount(raw: str) -> int | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def cap_history(program_id: int) -> list[CapEntry]:
    """Every cap of the program, oldest first (none: no cap)."""
    rows = Setting.select(Setting.value, Setting.effective_from, Setting.recorded_by).where(
        Setting.key == cap_key(program_id)).order_by(Setting.effective_from)
    return [CapEntry(amount, day, by) for value, day, by in tuples(rows) if (amount := _amount(value)) is not None]


class CapTable:
    """A program's caps over time, read once."""

    def __init__(self, program_id: int) -> None:
        history = cap_history(program_id)
        self._days = [c.effective_from for c in history]
        self._amounts = [c.amount_fen for c in history]

    def on(self, day: dt.date) -> int | None:
        index = bisect.bisect_right(self._days, day) - 1
        return self._amounts[index] if index >= 0 else None


def set_cap(program_id: int, amount_fen: int, *, effective_from: dt.date, user: str) -> None:
    """A cap from a date on (an admin's); one already starting that day is corrected instead."""
    program = Program.get_or_none(Program.id == program_id)
    problems = []
    if program is None:
        problems.append(Problem("required", {"label": "项目"}, field="program"))
    if amount_fen <= 0:
        problems.append(Problem("setting_not_positive", {"label": "审核上限"}, field="amount"))
    if problems:
        raise InvalidInput(problems)
    with database.atomic("IMMEDIATE"):
        require(user, role="admin")
        key = cap_key(program_id)
        old = Setting.get_or_none((Setting.key == key) & (Setting.effective_from == effective_from))
        if old is None:
            Setting.create(key=key, value=json.dumps(amount_fen), effective_from=effective_from, recorded_by=user)
        else:
            Setting.update(value=json.dumps(amount_fen), recorded_by=user,
                           recorded_at=dt.datetime.now().replace(microsecond=0)).where(Setting.id == old.id).execute()
        audit.append("program_cap_set", username=user, table_name="program", record_id=program_id,
                     before=None if old is None else {"cap_fen": _amount(old.value)},
                     after={"program_id": program_id, "cap_fen": amount_fen, "effective_from": effective_from})


@dataclass(frozen=True)
class AboveCap:
    """A line of a batch above its program's cap."""

    payment_id: int
    household_no: str
    name: str
    amount_fen: int
    cap_fen: int

    @property
    def text(self) -> str:
        return f"{self.name}（户{self.household_no}）{format_fen(self.amount_fen)}元"


# The lines a cap concerns: every line of a one-off batch, and a computed line whose amount a
# clerk adjusted (it then carries the adjustment's reason); re-issues repeat an approved amount.
_LINES = """
SELECT p.id, h.household_no, COALESCE(pe.name, NULLIF(p.payee_name, ''), h.head_name), p.amount_fen
FROM payment p JOIN payment_batch b ON b.id = p.batch_id
JOIN household h ON h.id = p.household_id LEFT JOIN person pe ON pe.id = p.person_id
WHERE p.batch_id = ? AND p.amount_fen > ? AND (b.kind = 'one_off' OR (b.kind = 'regular' AND p.reason <> ''))
ORDER BY p.id
"""


def above_cap(batch_id: int) -> list[AboveCap]:
    """The lines of a batch the reviewer confirms with a reason before approving it."""
    batch = PaymentBatch.get_by_id(batch_id)
    cap = CapTable(batch.program_id).on(batch.period_start)
    if cap is None:
        return []
    return [AboveCap(pid, hh_no, name, amount, cap)
            for pid, hh_no, name, amount in database.execute_sql(_LINES, [batch_id, cap]).fetchall()]


def cap_warning(program_id: int, period_start: dt.date, amount_fen: int) -> Problem | None:
    """What the clerk is told of an amount above the cap: accepted, to be confirmed on approval."""
    cap = CapTable(program_id).on(period_start)
    if cap is None or amount_fen <= cap:
        return None
    return Problem("amount_above_review_cap", {"value": format_fen(amount_fen), "cap": format_fen(cap)},
                   Severity.WARNING, field="amount")


def line_cap_warning(payment_id: int) -> Problem | None:
    """:func:`cap_warning` of a line just entered or adjusted (its batch's period counts)."""
    row = database.execute_sql("SELECT b.program_id, b.period_start, p.amount_fen FROM payment p "
                               "JOIN payment_batch b ON b.id = p.batch_id WHERE p.id = ?", [payment_id]).fetchone()
    if row is None:
        return None
    return cap_warning(int(row[0]), dt.date.fromisoformat(str(row[1])), int(row[2]))
