"""The area tree: county → township → village → group."""

from __future__ import annotations

from dataclasses import dataclass

from suining_desk.db.models import Area
from suining_desk.domain.enums import AreaLevel


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


def area_node(area_id: int) -> AreaNode | None:
    r = Area.get_or_none(Area.id == area_id)
    return None if r is None else AreaNode(r.id, r.code, r.name, AreaLevel(r.level), r.parent_id)


def area_names(level: AreaLevel, *, under: str = "") -> list[str]:
    """Names for a completer: the townships in display order; the villages (sorted, each once)
    of the township named — by name or code — in ``under``, or of all of them."""
    if level == AreaLevel.TOWNSHIP:
        query = Area.select(Area.name).where(Area.level == AreaLevel.TOWNSHIP).order_by(Area.sort_order, Area.code)
        return [a.name for a in query]
    query = Area.select(Area.name).where(Area.level == int(level))
    if under:
        parents = Area.select(Area.id).where((Area.level == AreaLevel.TOWNSHIP)
                                             & ((Area.name == under) | (Area.code == under)))
        query = query.where(Area.parent.in_(parents))
    return sorted({a.name for a in query})


def place_of(area_id: int | None) -> tuple[str, str]:
    """(township, village) names of an area ('' where it has none, or there is no such area)."""
    town = village = ""
    if area_id is not None and Area.get_or_none(Area.id == area_id) is not None:
        for area in area_path(area_id):
            if area.level == AreaLevel.TOWNSHIP:
                town = area.name
            elif area.level == AreaLevel.VILLAGE:
                village = area.name
    return town, village


def find_area(name: str, level: AreaLevel, parent_id: int | None = None) -> Area | None:
    query = Area.select().where((Area.name == name) & (Area.level == int(level)))
    if parent_id is not None:
        query = query.where(Area.parent == parent_id)
    return query.first()


def group_choices(under_area_id: int | None = None) -> list[tuple[int, str]]:
    """Village groups as (id, "乡镇 村 组") for a picker, limited to one area's subtree."""
    nodes = area_nodes()
    by_id = {n.id: n for n in nodes}
    allowed: set[int] | None = None
    if under_area_id is not None and under_area_id in by_id:
        allowed = {under_area_id}
        for n in nodes:  # parents come before children
            if n.parent_id in allowed:
                allowed.add(n.id)
    choices = []
    for n in nodes:
        if n.level != AreaLevel.GROUP or (allowed is not None and n.id not in allowed):
            continue
        village = by_id.get(n.parent_id or -1)
        township = by_id.get(village.parent_id or -1) if village else None
        label = " ".join(x.name for x in (township, village, n) if x is not None)
        choices.append((n.id, label))
    return choices
