"""Counts and money totals of a database (the ``stats`` command and the overview page)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, cast

from peewee import fn

from suining_desk.db.models import (
    Area,
    Household,
    Payment,
    Person,
    Program,
    Relocation,
    Renovation,
)
from suining_desk.enums import AreaLevel


@dataclass(frozen=True)
class ProgramTotal:
    code: str
    name: str
    payments: int
    total_fen: int  # posted payments, reversals included (they net out)


@dataclass(frozen=True)
class Stats:
    townships: int
    villages: int
    groups: int
    households: int
    people: int
    relocations: int
    renovations: int
    payments: int
    total_fen: int
    programs: list[ProgramTotal] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _count_level(level: AreaLevel) -> int:
    return int(Area.select().where(Area.level == int(level)).count())


def collect_stats() -> Stats:
    per_program = (
        Payment.select(
            Payment.program, fn.COUNT(Payment.id).alias("n"), fn.SUM(Payment.amount_fen).alias("s")
        )
        .where(Payment.posted == True)  # noqa: E712 - peewee expression
        .group_by(Payment.program)
        .tuples()
    )
    rows = cast(list[tuple[int, int, int | None]], list(per_program))
    sums = {pid: (int(n), int(total or 0)) for pid, n, total in rows}
    programs = [
        ProgramTotal(p.code, p.name, *sums.get(p.id, (0, 0)))
        for p in Program.select().order_by(Program.sort_order, Program.id)
    ]
    return Stats(
        townships=_count_level(AreaLevel.TOWNSHIP),
        villages=_count_level(AreaLevel.VILLAGE),
        groups=_count_level(AreaLevel.GROUP),
        households=int(Household.select().count()),
        people=int(Person.select().count()),
        relocations=int(Relocation.select().count()),
        renovations=int(Renovation.select().count()),
        payments=sum(n for n, _ in sums.values()),
        total_fen=sum(s for _, s in sums.values()),
        programs=programs,
    )
