"""Payment bookkeeping shared by the payment streams: payment ids, batches (one per
program × period × township, all posted), per-program counts and totals, and the
column lists and SQL the rows are written with.

Batches are entered by 录入员 ``luru`` and approved and posted by 审核员 ``shenhe``
(the clerk who enters a batch is never the one who approves it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from suining_desk.domain.enums import BatchStatus

CLERK = "luru"
REVIEWER = "shenhe"

BATCH_COLUMNS = (
    "id", "batch_no", "program_id", "kind", "period", "period_start", "period_end", "area_id",
    "status", "created_by", "created_at", "submitted_at", "approved_by", "approved_at",
    "posted_by", "posted_at", "paid_date", "notes",
)

PAYMENT_COLUMNS = (
    "id", "batch_id", "program_id", "household_id", "person_id", "township_id", "village_id",
    "period", "category", "people", "months", "standard_fen", "amount_fen", "payee_name",
    "payee_id_number", "bank_account", "paid_date", "reason", "posted", "reverses_id",
    "reissue_of_id", "created_by", "created_at", "details",
)

# Regular rows bind 17 values; the columns every regular row shares are SQL literals,
# which roughly halves the cost of executemany at a million rows.
REGULAR_SQL = (
    "INSERT INTO payment (id, batch_id, program_id, household_id, person_id, township_id, "
    "village_id, period, category, people, standard_fen, amount_fen, payee_name, "
    "payee_id_number, bank_account, paid_date, created_at, months, reason, posted, "
    f"reverses_id, reissue_of_id, created_by) VALUES ({', '.join('?' * 17)}, "
    f"1, '', 1, NULL, NULL, '{CLERK}')"
)
FULL_SQL = (
    f"INSERT INTO payment ({', '.join(PAYMENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(PAYMENT_COLUMNS))})"
)

# Indexes into a regular row (see REGULAR_SQL).
R_ID, R_BATCH, R_PROGRAM, R_HOUSEHOLD, R_PERSON, R_TOWNSHIP, R_VILLAGE, R_PERIOD = range(8)
R_CATEGORY, R_PEOPLE, R_STANDARD, R_AMOUNT, R_PAYEE, R_PAYEE_ID, R_ACCOUNT = range(8, 15)
R_PAID, R_CREATED = 15, 16

RegularRow = tuple[
    int, int, int, int, int | None, int, int, str, str, int, int, int, str, str, str, str, str
]


def stamp(day: dt.date, hour: int, minute: int = 0) -> str:
    """A timestamp as peewee stores a DateTimeField: ``2018-11-04 09:00:00``."""
    return f"{day.isoformat()} {hour:02d}:{minute:02d}:00"


@dataclass(frozen=True)
class Period:
    """One paying period of a program: '2018-11', '2018-T1' or '2018'."""

    label: str
    start: dt.date
    end: dt.date
    paid: dt.date

    @property
    def paid_iso(self) -> str:
        return self.paid.isoformat()

    @property
    def created_at(self) -> str:
        return stamp(self.paid - dt.timedelta(days=6), 9)


@dataclass
class Ledger:
    program_ids: dict[str, int]
    prefixes: dict[str, str]  # program code → batch number prefix
    township_codes: dict[int, str]  # township id → code
    next_id: int = 1
    batches: list[tuple[object, ...]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    _batch_ids: dict[tuple[str, str, int], int] = field(default_factory=dict)

    def take_id(self) -> int:
        pid = self.next_id
        self.next_id += 1
        return pid

    def count(self, program: str, amount_fen: int) -> None:
        self.add(program, 1, amount_fen)

    def add(self, program: str, rows: int, total_fen: int) -> None:
        self.counts[program] = self.counts.get(program, 0) + rows
        self.totals[program] = self.totals.get(program, 0) + total_fen

    def batch(self, program: str, period: Period, township_id: int, *, one_off: bool) -> int:
        """The posted batch of ``program`` for ``period`` in the township (made on first use)."""
        key = (program, period.label, township_id)
        found = self._batch_ids.get(key)
        if found is not None:
            return found
        batch_id = len(self.batches) + 1
        self._batch_ids[key] = batch_id
        paid = period.paid
        self.batches.append((
            batch_id, f"{self.prefixes[program]}-{self.township_codes[township_id]}-{period.label}",
            self.program_ids[program], "one_off" if one_off else "regular", period.label,
            period.start.isoformat(), period.end.isoformat(), township_id, BatchStatus.POSTED, CLERK,
            period.created_at, stamp(paid - dt.timedelta(days=5), 16), REVIEWER,
            stamp(paid - dt.timedelta(days=3), 10, 30), REVIEWER, stamp(paid, 9),
            paid.isoformat(), "",
        ))
        return batch_id

    @property
    def payments(self) -> int:
        return sum(self.counts.values())


def month_period(year: int, month: int, paid_day: int) -> Period:
    start = dt.date(year, month, 1)
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return Period(f"{year}-{month:02d}", start, end, dt.date(year, month, paid_day))


def months(first_year: int, last_year: int, paid_day: int) -> list[Period]:
    return [month_period(y, m, paid_day) for y in range(first_year, last_year + 1)
            for m in range(1, 13)]


def terms(first_year: int, last_year: int) -> list[tuple[Period, int]]:
    """Spring (T1) and autumn (T2) terms with the school year each belongs to."""
    out: list[tuple[Period, int]] = []
    for y in range(first_year, last_year + 1):
        out.append((Period(f"{y}-T1", dt.date(y, 3, 1), dt.date(y, 7, 31), dt.date(y, 4, 20)),
                    y - 1))
        out.append((Period(f"{y}-T2", dt.date(y, 9, 1), dt.date(y + 1, 1, 31),
                           dt.date(y, 10, 20)), y))
    return out
