"""Relocation (易地扶贫搬迁) and renovation (危房改造): where the two kinds of housing record
behave alike, what differs between them is here, once, instead of ``kind == "relocation"``
switches. Their own rules stay apart and explicit (services.relocations, services.renovations:
moving in needs the area and the site; acceptance records its inspector, result and subsidy)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from suining_desk.db.models import Relocation, Renovation
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import RELOCATION_STATUS, RENOVATION_GRADES, RENOVATION_STATUS


@dataclass(frozen=True)
class HousingKind:
    table: str  # relocation / renovation (the table, the audit entries' table name)
    model: Any  # Relocation / Renovation
    name: str  # 易地扶贫搬迁 / 危房改造
    statuses: dict[str, str]  # status code → Chinese
    other: str  # the other kind (a household may not have both without a reviewer's override)
    record_labels: Callable[[int, int | None], tuple[str, ...]]  # a household's records of this kind, in words


def _relocation_labels(household_id: int, exclude: int | None = None) -> tuple[str, ...]:
    query = Relocation.select(Relocation.batch_year, Relocation.status).where(Relocation.household == household_id)
    if exclude is not None:
        query = query.where(Relocation.id != exclude)
    return tuple(f"{y}年易地扶贫搬迁（{RELOCATION_STATUS.get(s, s)}）"
                 for y, s in tuples(query.order_by(Relocation.batch_year)))


def _renovation_labels(household_id: int, exclude: int | None = None) -> tuple[str, ...]:
    query = Renovation.select(Renovation.year, Renovation.grade, Renovation.status).where(
        Renovation.household == household_id)
    if exclude is not None:
        query = query.where(Renovation.id != exclude)
    return tuple(f"{y}年{RENOVATION_GRADES.get(g, g)}危房改造（{RENOVATION_STATUS.get(s, s)}）"
                 for y, g, s in tuples(query.order_by(Renovation.year)))


HOUSING: dict[str, HousingKind] = {
    "relocation": HousingKind("relocation", Relocation, "易地扶贫搬迁", RELOCATION_STATUS, "renovation",
                              _relocation_labels),
    "renovation": HousingKind("renovation", Renovation, "危房改造", RENOVATION_STATUS, "relocation",
                              _renovation_labels),
}
