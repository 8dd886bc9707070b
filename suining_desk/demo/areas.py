"""The demo area tree: 绥宁县 and its 17 real townships (:mod:`suining_desk.reference.areas`),
with invented villages and groups.

Villages add three digits to their township's code (430527100001), groups add two to their
village's (43052710000101). Ids are assigned here, in insertion order, so every other table
can point at an area without looking it up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from suining_desk.demo.names import group_name, village_names
from suining_desk.domain.enums import AreaLevel
from suining_desk.reference.areas import COUNTY_CODE, COUNTY_NAME, TOWNSHIPS, township_code


@dataclass
class GroupNode:
    id: int
    code: str
    name: str
    village_id: int
    township_id: int
    address: str  # 绥宁县长铺镇青石村一组


@dataclass
class VillageNode:
    id: int
    code: str
    name: str
    township_id: int
    groups: list[GroupNode] = field(default_factory=list)


@dataclass
class TownshipNode:
    id: int
    code: str
    name: str
    villages: list[VillageNode] = field(default_factory=list)


@dataclass
class AreaPlan:
    county_id: int
    townships: list[TownshipNode]
    rows: list[tuple[int, str, str, int, int | None, int]]  # id, code, name, level, parent, sort

    @property
    def villages(self) -> list[VillageNode]:
        return [v for t in self.townships for v in t.villages]

    @property
    def groups(self) -> list[GroupNode]:
        return [g for v in self.villages for g in v.groups]

    def township_named(self, name: str) -> TownshipNode:
        for t in self.townships:
            if t.name == name:
                return t
        raise KeyError(name)


def plan_areas(
    rng: random.Random,
    *,
    with_villages: tuple[str, ...],
    villages_per_township: tuple[int, int],
    groups_per_village: tuple[int, int],
    first_id: int = 1,
) -> AreaPlan:
    """The county, all 17 townships, and villages with groups under ``with_villages``."""
    next_id = first_id
    county_id = next_id
    rows: list[tuple[int, str, str, int, int | None, int]] = [
        (county_id, COUNTY_CODE, COUNTY_NAME, int(AreaLevel.COUNTY), None, 0)
    ]
    next_id += 1
    townships: list[TownshipNode] = []
    for index, name in enumerate(TOWNSHIPS):
        node = TownshipNode(next_id, township_code(index), name)
        rows.append((node.id, node.code, name, int(AreaLevel.TOWNSHIP), county_id, index + 1))
        townships.append(node)
        next_id += 1
    counts = {
        t.name: rng.randint(*villages_per_township) for t in townships if t.name in with_villages
    }
    names = iter(village_names(rng, sum(counts.values())))
    for township in townships:
        for v_index in range(counts.get(township.name, 0)):
            village = VillageNode(
                next_id, f"{township.code}{v_index + 1:03d}", next(names), township.id
            )
            rows.append(
                (village.id, village.code, village.name, int(AreaLevel.VILLAGE), township.id,
                 v_index + 1)
            )
            township.villages.append(village)
            next_id += 1
        for village in township.villages:
            for g_index in range(rng.randint(*groups_per_village)):
                name = group_name(g_index + 1)
                group = GroupNode(
                    next_id, f"{village.code}{g_index + 1:02d}", name, village.id, township.id,
                    f"{COUNTY_NAME}{township.name}{village.name}{name}",
                )
                rows.append(
                    (group.id, group.code, name, int(AreaLevel.GROUP), village.id, g_index + 1)
                )
                village.groups.append(group)
                next_id += 1
    return AreaPlan(county_id, townships, rows)
