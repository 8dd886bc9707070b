"""Closing a month freezes its figures: nothing is posted (paid, reversed, re-issued) that
belongs to a closed month's period, nor with a date in a closed month, unless an admin
reopens it with a reason. Each lock and reopen is a row of an append-only table; the
latest one for a month is in force.

A payment belongs to its period (``2018-11``; one-off aid is batched by month). A period
longer than a month (quarter, term, year) is frozen once every month it spans is closed:
an autumn-term grant is still paid in October after September is closed. A bank's return
file posts nothing (it records what the bank did with money already posted), so it is
accepted whatever the month; the reversal and re-issue of a failed line are checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.db.models import PeriodLock, database
from suining_desk.db.rows import tuples
from suining_desk.domain.periods import is_month_label, month_of, period_from_label, period_words
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.actors import ADMIN, REVIEW, require_in_area


@dataclass(frozen=True)
class LockEvent:
    period: str
    action: str  # lock / reopen
    reason: str
    by_user: str
    at: dt.datetime


def _latest(month: str) -> PeriodLock | None:
    return (PeriodLock.select().where(PeriodLock.period == month)
            .order_by(PeriodLock.at.desc(), PeriodLock.id.desc()).first())


def is_closed(month: str) -> bool:
    latest = _latest(month)
    return latest is not None and latest.action == "lock"


def closed_problem(day: dt.date) -> Problem | None:
    """The problem of posting on ``day``, or None when its month is open."""
    month = month_of(day)
    return Problem("month_closed", {"month": month, "date": day.isoformat()}, field="paid_date") \
        if is_closed(month) else None


def closed_period_problem(period: str) -> Problem | None:
    """The problem of posting money that belongs to ``period`` (a stored label), or None
    while any month of it is open."""
    found = period_from_label(period)
    if found is None:
        return None
    months = found.months()
    if not all(is_closed(m) for m in months):
        return None
    return Problem("period_closed", {"months": "、".join(months), "period": period_words(found.label)},
                   field="period")


def lock_problems(period: str, day: dt.date) -> list[Problem]:
    """Why money of ``period`` cannot be posted on ``day`` for the closed months (one
    problem when both name the same month)."""
    problems = []
    if (closed := closed_problem(day)) is not None:
        problems.append(closed)
    frozen = closed_period_problem(period)
    if frozen is not None and not (closed is not None and frozen.params["months"] == closed.params["month"]):
        problems.append(frozen)
    return problems


def closed_months() -> list[str]:
    latest: dict[str, str] = {}
    query = PeriodLock.select(PeriodLock.period, PeriodLock.action).order_by(PeriodLock.at, PeriodLock.id)
    for period, action in tuples(query):
        latest[period] = action
    return sorted(m for m, a in latest.items() if a == "lock")


def lock_history(month: str | None = None) -> list[LockEvent]:
    query = PeriodLock.select().order_by(PeriodLock.at.desc(), PeriodLock.id.desc())
    if month is not None:
        query = query.where(PeriodLock.period == month)
    return [LockEvent(r.period, r.action, r.reason, r.by_user, r.at) for r in query]


def _check_month(month: str) -> str:
    text = month.strip()
    if not is_month_label(text):
        raise InvalidInput([Problem("bad_month", {"value": month}, field="period")])
    return text


def close_month(month: str, *, user: str, reason: str = "") -> None:
    """Close a month (reviewers and admins)."""
    month = _check_month(month)
    with database.atomic("IMMEDIATE"):
        require_in_area(user, REVIEW, None)
        if is_closed(month):
            raise InvalidInput([Problem("month_already_closed", {"month": month})])
        PeriodLock.create(period=month, action="lock", reason=reason.strip(), by_user=user)
        audit.append("month_closed", username=user, table_name="period_lock", record_id=month,
                     after={"period": month, "reason": reason.strip()})


def reopen_month(month: str, *, user: str, reason: str) -> None:
    """Reopen a closed month: admins only, with a reason."""
    month = _check_month(month)
    if not reason.strip():
        raise InvalidInput([Problem("required", {"label": "重新开放的原因"}, field="reason")])
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, None)
        if not is_closed(month):
            raise InvalidInput([Problem("month_not_closed", {"month": month})])
        PeriodLock.create(period=month, action="reopen", reason=reason.strip(), by_user=user)
        audit.append("month_reopened", username=user, table_name="period_lock", record_id=month,
                     after={"period": month, "reason": reason.strip()})
