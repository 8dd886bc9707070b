"""Finding (and, when the clerk agrees, creating) the area of a spreadsheet row by names.

Names are compared without spaces; village groups also by their number, so ``1组``,
``一组``, ``第一组`` and ``第1村民小组`` are the same group. A village named without its
township is found when only one township has it. New areas get codes that continue
their parent's (township: county + 3 digits, village: township + 3, group: village + 2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from suining_desk.db.models import Area
from suining_desk.domain.divisions import SUINING_CODE
from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.problems import Problem

COUNTY_NAME = "绥宁县"
_DIGITS = "零一二三四五六七八九"
_GROUP = re.compile(r"^第?([0-9零〇一二两三四五六七八九十]+)(?:村民小组|村民组|小组|组)$")
_CODE_WIDTH = {AreaLevel.TOWNSHIP: 3, AreaLevel.VILLAGE: 3, AreaLevel.GROUP: 2}


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
    """What names are compared by: no spaces; a group by its number when it has one."""
    bare = "".join(name.split())
    if level == AreaLevel.GROUP and (m := _GROUP.match(bare)):
        number = _chinese_to_int(m.group(1))
        if number is not None:
            return f"#{number}"
    return bare


@dataclass
class _Node:
    id: int
    code: str
    name: str
    level: AreaLevel
    parent_id: int | None


@dataclass(frozen=True)
class Resolved:
    township_id: int
    village_id: int
    group_id: int
    created: tuple[str, ...] = ()  # the full names of areas this resolution created


class AreaResolver:
    """Area ids by names; ``create``: missing areas are made (ids below zero when ``dry``,
    nothing is written then)."""

    def __init__(self, *, create: bool, dry: bool) -> None:
        self.create, self.dry = create, dry
        self._children: dict[tuple[int | None, str], _Node] = {}
        self._by_id: dict[int, _Node] = {}
        self._villages: dict[str, list[_Node]] = {}
        self._townships: dict[str, _Node] = {}
        self._codes: set[str] = set()
        self._cache: dict[tuple[str | None, str, str], Resolved | Problem] = {}
        self._fake_id = 0
        self.created: list[str] = []
        for row in Area.select(Area.id, Area.code, Area.name, Area.level, Area.parent).tuples().iterator():
            self._add(_Node(row[0], row[1], row[2], AreaLevel(row[3]), row[4]))

    def _add(self, node: _Node) -> None:
        self._by_id[node.id] = node
        self._codes.add(node.code)
        if node.level == AreaLevel.TOWNSHIP:
            self._townships.setdefault(area_key(node.name, node.level), node)
        self._children.setdefault((node.parent_id, area_key(node.name, node.level)), node)
        if node.level == AreaLevel.VILLAGE:
            self._villages.setdefault(area_key(node.name, node.level), []).append(node)

    def _child(self, parent: int | None, name: str, level: AreaLevel) -> _Node | None:
        node = self._children.get((parent, area_key(name, level)))
        return node if node is not None and node.level == level else None

    def county(self) -> _Node | None:
        counties = [n for n in self._by_id.values() if n.level == AreaLevel.COUNTY]
        return counties[0] if len(counties) == 1 else None

    def resolve(self, township: str | None, village: str, group: str) -> Resolved | Problem:
        """The ids, or the problem (area missing, village ambiguous); areas made for the
        first household that needs them are listed in that result's ``created`` only."""
        key = (township, village, group)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._resolve(township, village, group)
            return found
        return Resolved(found.township_id, found.village_id, found.group_id) if isinstance(found, Resolved) else found

    def _resolve(self, township: str | None, village: str, group: str) -> Resolved | Problem:
        created: list[str] = []
        if township:
            county = self.county()
            town = self._find_township(township)
            if town is None:
                if not self.create:
                    return Problem("import_area_missing", {"area": township})
                town = self._make(county, township, AreaLevel.TOWNSHIP, created)
        else:
            candidates = self._villages.get(area_key(village, AreaLevel.VILLAGE), [])
            if len(candidates) > 1:
                names = "、".join(self._by_id[c.parent_id].name for c in candidates if c.parent_id in self._by_id)
                return Problem("import_village_ambiguous", {"village": village, "townships": names})
            if not candidates:
                return Problem("import_township_missing", {"village": village})
            town = self._by_id[candidates[0].parent_id or 0]
        vill = self._child(town.id, village, AreaLevel.VILLAGE)
        if vill is None:
            if not self.create:
                return Problem("import_area_missing", {"area": town.name + village})
            vill = self._make(town, village, AreaLevel.VILLAGE, created)
        grp = self._child(vill.id, group, AreaLevel.GROUP)
        if grp is None:
            if not self.create:
                return Problem("import_area_missing", {"area": town.name + vill.name + group})
            grp = self._make(vill, group, AreaLevel.GROUP, created)
        return Resolved(town.id, vill.id, grp.id, tuple(created))

    def _find_township(self, name: str) -> _Node | None:
        return self._townships.get(area_key(name, AreaLevel.TOWNSHIP))

    def _make(self, parent: _Node | None, name: str, level: AreaLevel, created: list[str]) -> _Node:
        if parent is None and level == AreaLevel.TOWNSHIP:
            parent = self._make_county()
        assert parent is not None
        siblings = [n for n in self._by_id.values() if n.parent_id == parent.id]
        width = _CODE_WIDTH[level]
        numbers = [int(n.code[len(parent.code):]) for n in siblings
                   if n.code.startswith(parent.code) and n.code[len(parent.code):].isdigit()]
        start = 100 if level == AreaLevel.TOWNSHIP else 1
        number = max([start - 1, *numbers]) + 1
        while (code := f"{parent.code}{number:0{width}d}") in self._codes:
            number += 1
        clean = "".join(name.split())
        node = _Node(self._new_id(code, clean, level, parent.id, len(siblings) + 1), code, clean, level, parent.id)
        self._add(node)
        full = "".join(self._path_names(node))
        created.append(full)
        self.created.append(full)
        return node

    def _make_county(self) -> _Node:
        node = _Node(self._new_id(SUINING_CODE, COUNTY_NAME, AreaLevel.COUNTY, None, 0), SUINING_CODE,
                     COUNTY_NAME, AreaLevel.COUNTY, None)
        self._add(node)
        return node

    def _new_id(self, code: str, name: str, level: AreaLevel, parent: int | None, order: int) -> int:
        if self.dry:
            self._fake_id -= 1
            return self._fake_id
        area = Area.create(code=code, name=name, level=int(level), parent=parent, sort_order=order)
        return int(area.id)

    def _path_names(self, node: _Node) -> list[str]:
        names = []
        current: _Node | None = node
        while current is not None and current.level != AreaLevel.COUNTY:
            names.append(current.name)
            current = self._by_id.get(current.parent_id or 0)
        return list(reversed(names))
