"""The area tree: county → township → village → group; how area names compare, and the
codes new areas get."""

from __future__ import annotations

import re
from collections.abc import Collection
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
    retired: bool = False  # 撤销: kept with its records, offered for no new one


def area_nodes() -> list[AreaNode]:
    """Every area, parents before children, siblings in their display order."""
    rows = Area.select(Area.id, Area.code, Area.name, Area.level, Area.parent, Area.retired_on).order_by(
        Area.level, Area.sort_order, Area.code
    )
    return [
        AreaNode(r.id, r.code, r.name, AreaLevel(r.level), r.parent_id, r.retired_on is not None)
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


def group_choices(under_area_id: int | None = None, *, keep: int | None = None) -> list[tuple[int, str]]:
    """Village groups as (id, "乡镇 村 组") for a picker, limited to one area's subtree; a
    retired group only when it is ``keep`` (the group a household being edited is in)."""
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
        retired = n.retired or (village is not None and village.retired)
        if retired and n.id != keep:
            continue
        label = " ".join(x.name for x in (township, village, n) if x is not None)
        choices.append((n.id, label + ("（已撤销）" if retired else "")))
    return choices


_DIGITS = "零一二三四五六七八九"
_GROUP = re.compile(r"^第?([0-9零〇一二两三四五六七八九十]+)(?:村民小组|村民组|小组|组)$")
CODE_WIDTH = {AreaLevel.TOWNSHIP: 3, AreaLevel.VILLAGE: 3, AreaLevel.GROUP: 2}


def _chinese_to_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    text = text.replace("〇", "零").replace("两", "二")
    if "十" not in text:
        return int("".join(str(_DIGITS.index(c)) for c in text)) if all(c in _DIGITS for c in text) else None
    tens, _, ones = text.partition("十")
    if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return None
    return (_DIGITS.index(tens) if tens else 1) * 10 + (_DIGITS.index(ones) if ones else 0)


def area_key(name: str, level: AreaLevel) -> str:
    """What names are compared by: no spaces; a group by its number when it has one, so
    ``1组``, ``一组``, ``第一组`` and ``第1村民小组`` are the same group."""
    bare = "".join(name.split())
    if level == AreaLevel.GROUP and (m := _GROUP.match(bare)):
        number = _chinese_to_int(m.group(1))
        if number is not None:
            return f"#{number}"
    return bare


def next_child_code(parent_code: str, level: AreaLevel, taken: Collection[str]) -> str:
    """The code a new area gets: its parent's code and the next free number after its
    siblings' (township: 3 digits from 100, village: 3 from 001, group: 2 from 01)."""
    width = CODE_WIDTH[level]
    numbers = [int(c[len(parent_code):]) for c in taken
               if c.startswith(parent_code) and len(c) == len(parent_code) + width and c[len(parent_code):].isdigit()]
    start = 100 if level == AreaLevel.TOWNSHIP else 1
    number = max([start - 1, *numbers]) + 1
    while (code := f"{parent_code}{number:0{width}d}") in taken:
        number += 1
    return code
