"""Counts and money totals of the county or one area (the ``stats`` command, the overview)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from peewee import fn

from suining_desk.db.area_scope import area_scope
from suining_desk.db.models import (
    Area,
    Household,
    Payment,
    Person,
    Program,
    Relocation,
    Renovation,
)
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import AreaLevel


@dataclass(frozen=True)
class ProgramTotal:
    code: str
    name: str
    payments: int
    total_fen: int  # posted payments, reversals included (they net out)


@dataclass(frozen=True)
class Stats:
    """Counts inside an area. ``townships``/``villages``/``groups`` are the areas *below*
    it; ``households`` and ``people`` are those still on the register (as the households
    list shows them, its 人口 column summed: members who died or left are not counted):
    households removed (清退) are counted in ``removed_households`` only. Relocations,
    renovations and money count whoever they were for."""

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
    removed_households: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _subtree_counts(area_id: int | None) -> dict[int, int]:
    """How many areas of each level lie under an area (the whole tree for None)."""
    rows = tuples(Area.select(Area.id, Area.level, Area.parent))
    if area_id is None:
        inside = {r[0] for r in rows}
    else:
        inside = {area_id}
        for area, _level, parent in sorted(rows, key=lambda r: r[1]):  # parents first
            if parent in inside:
                inside.add(area)
    counts = {int(level): 0 for level in AreaLevel}
    for area, level, _parent in rows:
        if area in inside and area != area_id:
            counts[level] += 1
    return counts


def _area_filter(model: Any, area_id: int | None) -> Any:
    """A condition that keeps rows of ``model`` inside the area (True: everything)."""
    household = model.id if model is Household else model.household
    cond = area_scope(area_id).where(model.township, model.village, household=household)
    return True if cond is None else cond


def collect_stats(area_id: int | None = None) -> Stats:
    areas = _subtree_counts(area_id)
    in_area = Household.select(Household.id).where(_area_filter(Household, area_id))
    households = in_area.where(Household.removed_on.is_null())  # as the households list: no 清退 household
    removed = in_area.where(Household.removed_on.is_null(False))
    per_program = (
        Payment.select(Payment.program, fn.COUNT(Payment.id), fn.SUM(Payment.amount_fen))
        .where((Payment.posted == True) & _area_filter(Payment, area_id))  # noqa: E712
        .group_by(Payment.program)
    )
    sums = {pid: (int(n), int(total or 0)) for pid, n, total in tuples(per_program)}
    programs = [
        ProgramTotal(p.code, p.name, *sums.get(p.id, (0, 0)))
        for p in Program.select().order_by(Program.sort_order, Program.id)
    ]
    return Stats(
        townships=areas[AreaLevel.TOWNSHIP],
        villages=areas[AreaLevel.VILLAGE],
        groups=areas[AreaLevel.GROUP],
        households=int(households.count()),
        people=int(Person.select().where(Person.household.in_(households) & Person.death_date.is_null()
                                         & Person.removed_on.is_null()).count()),
        relocations=int(Relocation.select().where(_area_filter(Relocation, area_id)).count()),
        renovations=int(Renovation.select().where(_area_filter(Renovation, area_id)).count()),
        payments=sum(n for n, _ in sums.values()),
        total_fen=sum(s for _, s in sums.values()),
        programs=programs,
        removed_households=int(removed.count()),
    )
