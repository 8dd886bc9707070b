"""Records inside an area — the one way every query says it. The whole county has no
condition; a township, village or group keeps the rows whose column of that level holds it
(a record with no group column of its own is in a group through its household). A record
that names only its area (a payment batch) is inside when that area is in the subtree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from suining_desk.db.models import Area, Household, database
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.problems import InvalidInput, Problem

_COLUMNS = {AreaLevel.TOWNSHIP: "township_id", AreaLevel.VILLAGE: "village_id", AreaLevel.GROUP: "group_id"}


@dataclass(frozen=True)
class AreaScope:
    level: AreaLevel  # COUNTY: everything
    area_id: int | None

    def sql(self, alias: str, *, groups: Literal["column", "household"] = "column",
            named: bool = False) -> tuple[str, list[int]]:
        """``('', [])`` for the county, else ``('a.township_id = ?', [id])`` and so on;
        ``groups="household"``: a group through ``a.household_id``; ``named``: ``:area``, not ``?``."""
        column = _COLUMNS.get(self.level)
        if column is None or self.area_id is None:
            return "", []
        mark = ":area" if named else "?"
        if self.level == AreaLevel.GROUP and groups == "household":
            return f"{alias}.household_id IN (SELECT id FROM household WHERE group_id = {mark})", [self.area_id]
        return f"{alias}.{column} = {mark}", [self.area_id]

    def where(self, township: Any, village: Any, group: Any = None, *, household: Any = None) -> Any:
        """The same on peewee columns: the record's township and village, and its group — or,
        for a record without one, its household (None: no condition)."""
        if self.area_id is None or self.level == AreaLevel.COUNTY:
            return None
        if self.level == AreaLevel.TOWNSHIP:
            return township == self.area_id
        if self.level == AreaLevel.VILLAGE:
            return village == self.area_id
        if group is not None:
            return group == self.area_id
        return household.in_(Household.select(Household.id).where(Household.group == self.area_id))

    def subtree(self) -> list[int]:
        """The area and every area under it (the county: every area)."""
        rows = database.execute_sql("SELECT id, parent_id FROM area ORDER BY level").fetchall()
        if self.area_id is None:
            return sorted(aid for aid, _ in rows)
        inside = {self.area_id}
        for aid, parent in rows:  # parents come first
            if parent in inside:
                inside.add(aid)
        return sorted(inside)


COUNTY = AreaScope(AreaLevel.COUNTY, None)


def area_scope(area_id: int | None, *, missing_label: str | None = None) -> AreaScope:
    """The scope of an area. An id with no area: refused as ``required`` when ``missing_label``
    names the field (a batch's area), else the whole county."""
    if area_id is None:
        return COUNTY
    level = Area.select(Area.level).where(Area.id == area_id).scalar()
    if not level:
        if missing_label is not None:
            raise InvalidInput([Problem("required", {"label": missing_label}, field="area")])
        return COUNTY
    return AreaScope(AreaLevel(level), area_id)
