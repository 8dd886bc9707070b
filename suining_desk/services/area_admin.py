"""区划管理: an admin adds, renames and retires villages (行政村) and groups (村民小组).

A new office database has the county and its townships only; the villages and groups come
from here (or from an import with create-areas). Every change is one transaction with its
audit entry. Nothing is deleted: households, payments, relocations and ledgers refer to their
areas, so a village that merged or a group that was split is *retired* (撤销) — it keeps its
records, stays in the tree marked as such, and is offered for no new household. An area
that still has households on the register is not retired: they are moved first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk import audit
from suining_desk.db.models import Area, Household, database
from suining_desk.db.rows import tuples
from suining_desk.domain.enums import AREA_LEVEL_LABELS, AreaLevel
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services.actors import ADMIN, require_in_area
from suining_desk.services.areas import area_key, next_child_code

MAX_NAME = 60
MAX_CODE = 20


@dataclass(frozen=True)
class AreaRow:
    """One township, village or group as the 区划管理 page and ``area list`` show it."""

    id: int
    code: str
    name: str
    level: AreaLevel
    parent_id: int | None
    path: str  # "长铺镇青石村一组"
    retired_on: dt.date | None
    households: int  # on the register now (not 清退)

    @property
    def level_label(self) -> str:
        return AREA_LEVEL_LABELS.get(int(self.level), "")

    @property
    def state_label(self) -> str:
        return f"已撤销（{self.retired_on.isoformat()}）" if self.retired_on else "在用"


@dataclass(frozen=True)
class Change:
    """What a use case did, in words for the clerk: ``created`` lists the new areas' paths."""

    area_id: int
    path: str
    created: tuple[str, ...] = ()


def _active_households(column: str) -> dict[int, int]:
    sql = (f"SELECT {column}, COUNT(*) FROM household WHERE removed_on IS NULL GROUP BY {column}")
    return {int(a): int(n) for a, n in database.execute_sql(sql).fetchall()}


def area_rows(township_id: int | None = None) -> list[AreaRow]:
    """The townships, villages and groups, each after its parent (one township's when given)."""
    rows = list(Area.select(Area.id, Area.code, Area.name, Area.level, Area.parent, Area.retired_on)
                .where(Area.level >= int(AreaLevel.TOWNSHIP)).order_by(Area.level, Area.sort_order, Area.code))
    counts = {AreaLevel.TOWNSHIP: _active_households("township_id"), AreaLevel.VILLAGE:
              _active_households("village_id"), AreaLevel.GROUP: _active_households("group_id")}
    by_id = {r.id: r for r in rows}
    children: dict[int | None, list[Area]] = {}
    for r in rows:
        children.setdefault(r.parent_id if r.parent_id in by_id else None, []).append(r)
    out: list[AreaRow] = []

    def walk(area: Area, path: str) -> None:
        level = AreaLevel(area.level)
        full = path + area.name
        out.append(AreaRow(area.id, area.code, area.name, level, area.parent_id, full, area.retired_on,
                           counts[level].get(area.id, 0)))
        for child in children.get(area.id, []):
            walk(child, full)

    for top in children.get(None, []):
        if township_id is None or top.id == township_id:
            walk(top, "")
    return out


def path_of(area: Area) -> str:
    names: list[str] = []
    current: Area | None = area
    while current is not None and current.level > AreaLevel.COUNTY:
        names.append(current.name)
        current = current.parent
    return "".join(reversed(names))


def _child(parent_id: int, name: str, level: AreaLevel) -> Area | None:
    key = area_key(name, level)
    for area in Area.select().where((Area.parent == parent_id) & (Area.level == int(level))):
        if area_key(area.name, level) == key:
            return area
    return None


def find_township(text: str) -> Area:
    value = "".join(text.split())
    for area in Area.select().where(Area.level == int(AreaLevel.TOWNSHIP)):
        if value in (area.code, area_key(area.name, AreaLevel.TOWNSHIP)):
            return area
    raise InvalidInput([Problem("area_unknown", {"value": text.strip(), "count": 0}, field="township")])


def find(township: str, village: str, group: str | None = None) -> Area:
    """The village (or its group, when named) of a township, by names (or codes)."""
    town = find_township(township)
    found = _child(town.id, village, AreaLevel.VILLAGE) or Area.get_or_none(
        (Area.code == village.strip()) & (Area.parent == town.id))
    if found is None:
        raise InvalidInput([Problem("area_unknown", {"value": town.name + village.strip(), "count": 0},
                                    field="village")])
    if group is None or not group.strip():
        return found
    grp = _child(found.id, group, AreaLevel.GROUP) or Area.get_or_none(
        (Area.code == group.strip()) & (Area.parent == found.id))
    if grp is None:
        raise InvalidInput([Problem("area_unknown", {"value": path_of(found) + group.strip(), "count": 0},
                                    field="group")])
    return grp


def _name_problems(name: str, parent: Area, level: AreaLevel, *, exclude: int | None = None) -> list[Problem]:
    label = AREA_LEVEL_LABELS[int(level)] + "名称"
    clean = "".join(name.split())
    if not clean:
        return [Problem("required", {"label": label}, field="name")]
    if len(clean) > MAX_NAME:
        return [Problem("too_long", {"label": label, "max": MAX_NAME}, field="name")]
    same = _child(parent.id, clean, level)
    if same is not None and same.id != exclude:
        return [Problem("area_name_taken", {"parent": path_of(parent) or parent.name, "name": same.name,
                                            "state": "（已撤销）" if same.retired_on else ""}, field="name")]
    return []


def _code_problems(code: str, parent: Area, level: AreaLevel) -> list[Problem]:
    width = {AreaLevel.VILLAGE: 3, AreaLevel.GROUP: 2}[level]
    if not (code.isdigit() and code.startswith(parent.code) and len(code) == len(parent.code) + width):
        return [Problem("area_bad_code", {"value": code, "parent": parent.code, "digits": width}, field="code")]
    if Area.select().where(Area.code == code).exists():
        return [Problem("area_code_taken", {"value": code}, field="code")]
    return []


def _codes() -> set[str]:
    return {str(row[0]) for row in tuples(Area.select(Area.code))}


def _create(parent: Area, name: str, level: AreaLevel, code: str, user: str) -> Area:
    problems = _name_problems(name, parent, level)
    code = code.strip() or next_child_code(parent.code, level, _codes())
    problems += _code_problems(code, parent, level) if not problems else []
    if parent.retired_on is not None:
        problems.append(Problem("area_retired", {"area": path_of(parent)}, field="village"))
    if problems:
        raise InvalidInput(problems)
    order = Area.select().where(Area.parent == parent.id).count() + 1
    area = Area.create(code=code, name="".join(name.split()), level=int(level), parent=parent.id, sort_order=order)
    audit.append("area_added", username=user, table_name="area", record_id=area.id,
                 after={"level": AREA_LEVEL_LABELS[int(level)], "path": path_of(area), "code": code})
    return area


def add_area(township_id: int, village: str, group: str | None = None, *, code: str = "", user: str) -> Change:
    """Add a village to a township, or a group to a village (adding the village when it is
    missing). ``code``: the code of the area named last (by default the next free one)."""
    with database.atomic("IMMEDIATE"):
        town = Area.get_or_none((Area.id == township_id) & (Area.level == int(AreaLevel.TOWNSHIP)))
        if town is None:
            raise InvalidInput([Problem("required", {"label": "乡镇"}, field="township")])
        require_in_area(user, ADMIN, town.id)
        created: list[str] = []
        vill = _child(town.id, village, AreaLevel.VILLAGE)
        wants_group = group is not None and bool(group.strip())
        if vill is None:
            vill = _create(town, village, AreaLevel.VILLAGE, "" if wants_group else code, user)
            created.append(path_of(vill))
        elif not wants_group:
            raise InvalidInput(_name_problems(village, town, AreaLevel.VILLAGE))
        if not wants_group:
            return Change(vill.id, path_of(vill), tuple(created))
        assert group is not None
        grp = _create(vill, group, AreaLevel.GROUP, code, user)
        created.append(path_of(grp))
        return Change(grp.id, path_of(grp), tuple(created))


def rename_area(area_id: int, new_name: str, *, user: str) -> Change:
    """A village or group gets a new name; its code, records and history stay."""
    with database.atomic("IMMEDIATE"):
        area = _managed(area_id)
        require_in_area(user, ADMIN, area.id)
        level = AreaLevel(area.level)
        clean = "".join(new_name.split())
        problems = _name_problems(clean, area.parent, level, exclude=area.id)
        if not problems and clean == area.name:
            problems.append(Problem("area_name_unchanged", {"name": area.name}, field="name"))
        if problems:
            raise InvalidInput(problems)
        before = path_of(area)
        Area.update(name=clean).where(Area.id == area.id).execute()
        audit.append("area_renamed", username=user, table_name="area", record_id=area.id,
                     before={"name": area.name, "path": before}, after={"name": clean,
                                                                         "path": path_of(Area.get_by_id(area.id))})
        return Change(area.id, path_of(Area.get_by_id(area.id)))


def retire_area(area_id: int, *, user: str, today: dt.date | None = None) -> Change:
    """Retire a village (with its groups) or a group: refused while households are on the
    register there. The records it has keep pointing at it."""
    day = today or dt.date.today()
    with database.atomic("IMMEDIATE"):
        area = _managed(area_id)
        require_in_area(user, ADMIN, area.id)
        if area.retired_on is not None:
            raise InvalidInput([Problem("area_retired", {"area": path_of(area)})])
        column = Household.group if area.level == AreaLevel.GROUP else Household.village
        living = Household.select().where((column == area.id) & Household.removed_on.is_null()).count()
        if living:
            raise InvalidInput([Problem("area_has_households", {"area": path_of(area), "count": living})])
        ids = [area.id]
        if area.level == AreaLevel.VILLAGE:
            ids += [a.id for a in Area.select(Area.id).where(
                (Area.parent == area.id) & Area.retired_on.is_null())]
        Area.update(retired_on=day).where(Area.id.in_(ids)).execute()
        audit.append("area_retired", username=user, table_name="area", record_id=area.id,
                     before={"retired_on": None}, after={"path": path_of(area), "retired_on": day,
                                                         "groups": len(ids) - 1})
        return Change(area.id, path_of(area))


def _managed(area_id: int) -> Area:
    area = Area.get_or_none(Area.id == area_id)
    if area is None or area.level not in (AreaLevel.VILLAGE, AreaLevel.GROUP):
        raise InvalidInput([Problem("area_not_managed", {})])
    return area


def suggested_code(parent_id: int) -> str:
    """The code a new child of the area would get when none is typed."""
    parent = Area.get_by_id(parent_id)
    level = AreaLevel(parent.level + 1)
    return next_child_code(parent.code, level, _codes())


def add_child(parent_id: int, name: str, *, code: str = "", user: str) -> Change:
    """A village under a township, or a group under a village (the 区划管理 page)."""
    parent = Area.get_or_none(Area.id == parent_id)
    if parent is None or parent.level not in (AreaLevel.TOWNSHIP, AreaLevel.VILLAGE):
        raise InvalidInput([Problem("area_not_managed", {})])
    if parent.level == AreaLevel.TOWNSHIP:
        return add_area(parent.id, name, code=code, user=user)
    with database.atomic("IMMEDIATE"):
        require_in_area(user, ADMIN, parent.id)
        group = _create(parent, name, AreaLevel.GROUP, code, user)
        return Change(group.id, path_of(group), (path_of(group),))
