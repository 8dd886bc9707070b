"""Checks of the facts a housing ledger prints to show how a subsidy was reached (issue 18).

易地扶贫搬迁: the household's kind (建档立卡 or 同步搬迁) must be one of the two when given.
危房改造: the safety appraisal (鉴定) comes before the works start, and the subsidy is paid
after acceptance — within :data:`PAID_WITHIN_DAYS` days of it (later is flagged, as the
ledger flags it; earlier is refused).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from suining_desk.domain.enums import RELOCATION_HOUSEHOLD_KINDS
from suining_desk.domain.problems import Problem, Severity

PAID_WITHIN_DAYS: Final = 30
MAX_APPRAISER: Final = 60


def relocation_kind_problems(kind: str) -> list[Problem]:
    if kind and kind not in RELOCATION_HOUSEHOLD_KINDS:
        return [Problem("relocation_bad_household_kind", {"value": kind}, field="household_kind")]
    return []


def renovation_fact_problems(appraised_by: str, appraised_on: dt.date | None, paid_on: dt.date | None,
                             started: dt.date | None, accepted: dt.date | None, *, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if len(appraised_by.strip()) > MAX_APPRAISER:
        problems.append(Problem("too_long", {"label": "鉴定单位（人）", "max": MAX_APPRAISER}, field="appraised_by"))
    for day, name in ((appraised_on, "appraised_on"), (paid_on, "paid_on")):
        if day is not None and day > today:
            problems.append(Problem("date_in_future", {"value": day.isoformat()}, field=name))
    if appraised_on is not None and started is not None and appraised_on > started:
        problems.append(Problem("renovation_appraised_after_start", {
            "appraised": appraised_on.isoformat(), "started": started.isoformat()}, Severity.WARNING,
            field="appraised_on"))
    if paid_on is not None:
        if accepted is None or paid_on < accepted:
            problems.append(Problem("renovation_paid_before_acceptance", {
                "paid": paid_on.isoformat(), "accepted": accepted.isoformat() if accepted else "（未验收）"},
                field="paid_on"))
        elif (paid_on - accepted).days > PAID_WITHIN_DAYS:
            problems.append(Problem("renovation_paid_late", {
                "paid": paid_on.isoformat(), "accepted": accepted.isoformat(), "days": (paid_on - accepted).days,
                "limit": PAID_WITHIN_DAYS}, Severity.WARNING, field="paid_on"))
    return problems
