"""The area tree: county → township → village → group."""

from __future__ import annotations

from dataclasses import dataclass

from suining_desk.db.models import Area
from suining_desk.enums import AreaLevel


@dataclass(frozen=True)
class AreaNode:
    id: int
    code: str
    name: str
    level: AreaLevel
    parent_id: int | None


def area_nodes() -> list[AreaNode]:
    """Every area, parents before children, siblings in their display order."""
    rows = Area.select(Area.id, Area.code, Area.name, Area.level, Area.parent).order_by(
        Area.level, Area.sort_order, Area.code
    )
    return [
        AreaNode(r.id, r.code, r.name, AreaLevel(r.level), r.parent_id)
        for r in rows.objects()
    ]


def area_path(area_id: int) -> list[Area]:
    """The area and its ancestors, county first."""
    path: list[Area] = []
    area: Area | None = Area.get_by_id(area_id)
    while area is not None:
        path.append(area)
        area = area.parent
    return list(reversed(path))


def find_area(name: str, level: AreaLevel, parent_id: int | None = None) -> Area | None:
    query = Area.select().where((Area.name == name) & (Area.level == int(level)))
    if parent_id is not None:
        query = query.where(Area.parent == parent_id)
    return query.first()
