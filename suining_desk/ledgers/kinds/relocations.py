"""易地扶贫搬迁台账: the relocated households of one batch year (搬迁年度), in an area.

The year is the relocation's batch year (``Relocation.batch_year``): the year of the
relocation plan the household was approved in, which is the year its housing subsidy is
budgeted for. Moving in often comes the next year, so the move-in date would split a batch
across two ledgers. Every record of the batch is listed, whatever its status, with the
status in 备注 until the household has moved in; 补助金额 is the recorded subsidy.

Each row also says how its subsidy was reached: the household's kind (建档立卡 or
同步搬迁), the floor area per person (flagged above :data:`AREA_PER_PERSON_LIMIT`, the
national 25 ㎡) and the household's own contribution (自筹). 本页小计 and 合计 count the
households and total the people moved, the floor area and the money.

The 公示 variant masks the head's ID number by the one masking policy and prints no bank
account or telephone (neither is a column; numbers in 备注 are masked too); an admin may
leave out more (:mod:`suining_desk.ledgers.disclosure`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, database
from suining_desk.domain.enums import RELOCATION_HOUSEHOLD_KINDS, RELOCATION_STATUS, SETTLEMENT_MODES
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers import disclosure as D
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.kinds.housing import HousingColumn, housing_ledger
from suining_desk.ledgers.model import Align, Column, LedgerContent, Total

COLUMNS: tuple[HousingColumn, ...] = (
    ("seq", Column("序号", 3.0, whole=True), None),
    ("township", Column("乡镇", 6.0, whole=True), None),
    ("village", Column("村", 5.5, whole=True), None),
    ("head", Column("户主姓名", 4.8, whole=True), None),  # names never wrap (portrait paper)
    ("id", Column("身份证号", 10.6, whole=True), D.ID_NUMBER),
    ("kind", Column("户类型", 4.4, whole=True), None),  # short words: they shrink rather than break
    ("people", Column("搬迁人口", 3.6, Align.RIGHT, Total.COUNT), None),
    ("origin", Column("迁出地", 11.0, Align.LEFT), D.ORIGIN),
    ("mode", Column("安置方式", 4.8, whole=True), None),
    ("site", Column("安置点", 8.4, Align.LEFT), None),
    ("area", Column("安置房面积（㎡）", 4.8, Align.RIGHT, Total.AREA), None),
    ("per_person", Column("人均面积（㎡）", 4.6, Align.RIGHT, whole=True), None),
    ("own", Column("自筹资金", 5.6, Align.RIGHT, whole=True), None),
    ("subsidy", Column("补助金额", 6.4, Align.RIGHT, Total.FEN), None),
    ("moved_in", Column("入住日期", 6.0, whole=True), D.DATES),
    ("demolished", Column("旧房拆除", 6.0, whole=True), D.DATES),
    ("note", Column("备注", 6.6, Align.LEFT), D.NOTE),
)
MOVED_IN = ("moved_in", "demolished")
AREA_PER_PERSON_LIMIT = 2500  # ㎡ × 100: the national cap of 易地扶贫搬迁 housing per person

_SQL = """
SELECT r.id, r.household_id, r.site_id, t.name, v.name, h.head_name, h.head_id_number, r.people, r.origin,
       r.mode, s.name, r.house_area_x100, r.subsidy_fen, r.moved_in_date, r.demolished_date, r.status, r.notes,
       r.household_kind, r.self_raised_fen, r.plan_date
FROM relocation r
JOIN household h ON h.id = r.household_id
JOIN area g ON g.id = h."group_id"
JOIN area v ON v.id = r.village_id
JOIN area t ON t.id = r.township_id
LEFT JOIN settlement_site s ON s.id = r.site_id
WHERE r.batch_year = ? {area}
ORDER BY t.sort_order, t.code, v.sort_order, v.code, g.sort_order, g.code, h.household_no, r.id
"""


@dataclass(frozen=True)
class _Relocation:
    id: int
    household_id: int
    site_id: int | None
    township: str
    village: str
    name: str
    id_number: str
    people: int
    origin: str
    mode: str
    site: str | None
    area_x100: int
    subsidy_fen: int
    moved_in: str | None
    demolished: str | None
    status: str
    notes: str
    household_kind: str
    self_raised_fen: int
    plan_date: str | None


def query(year: int, township: Area | None, village: Area | None) -> list[_Relocation]:
    """The batch's relocations, in ledger order (township, village, group, household)."""
    area, params = common.area_clause("r", township, village)
    cursor = database.execute_sql(_SQL.format(area=area), [year, *params])
    return [_Relocation(*row) for row in cursor.fetchall()]


def _note(r: _Relocation, public: bool) -> str:
    parts = [] if r.status in MOVED_IN else [RELOCATION_STATUS.get(r.status, r.status)]
    if _over_limit(r):
        parts.append(f"人均面积超过{common.square_metres(AREA_PER_PERSON_LIMIT)}㎡")
    parts.append(common.note_cell(r.notes, public))
    return "；".join(x for x in parts if x)


def _per_person_x100(r: _Relocation) -> int | None:
    return round(r.area_x100 / r.people) if r.area_x100 and r.people > 0 else None


def _over_limit(r: _Relocation) -> bool:
    per = _per_person_x100(r)
    return per is not None and per > AREA_PER_PERSON_LIMIT


def _cells(i: int, r: _Relocation, public: bool) -> dict[str, str]:
    per = _per_person_x100(r)
    return {
        "seq": str(i + 1), "township": r.township, "village": r.village, "head": r.name,
        "id": common.id_cell(r.id_number, public),
        "kind": RELOCATION_HOUSEHOLD_KINDS.get(r.household_kind, r.household_kind), "people": str(r.people),
        "origin": r.origin, "mode": SETTLEMENT_MODES.get(r.mode, r.mode), "site": r.site or "",
        "area": common.square_metres(r.area_x100),
        "per_person": "" if per is None else common.square_metres(per) + ("（超）" if _over_limit(r) else ""),
        "subsidy": fen_to_yuan_str(r.subsidy_fen), "own": fen_to_yuan_str(r.self_raised_fen) if r.self_raised_fen
        else "", "moved_in": r.moved_in or "", "demolished": r.demolished or "", "note": _note(r, public),
    }


def build(filters: Filters, public: bool, hidden: Sequence[str] = ()) -> LedgerContent:
    return housing_ledger(
        filters, public, hidden, query=query, cells=_cells, columns=COLUMNS, table="relocation",
        numbers=lambda r: (r.people, r.area_x100, r.subsidy_fen), title="易地扶贫搬迁", year_label="搬迁年度",
        dates=lambda r: (r.plan_date, r.moved_in, r.demolished),
        more_refs=lambda records: {"settlement_site": sorted({r.site_id for r in records if r.site_id is not None})},
    )


def describe(ids: Sequence[int]) -> list[str]:
    """One line per relocation id: ``#12 长铺镇白田村 李兵志 2017年搬迁 4人 80000.00 已入住``."""
    lines: dict[int, str] = {}
    sql = (
        "SELECT r.id, t.name, v.name, h.head_name, r.batch_year, r.people, r.subsidy_fen, r.status "
        "FROM relocation r JOIN household h ON h.id = r.household_id JOIN area t ON t.id = r.township_id "
        "JOIN area v ON v.id = r.village_id WHERE r.id IN ({})"
    )
    for part in common.chunks(list(ids)):
        cursor = database.execute_sql(sql.format(", ".join("?" * len(part))), list(part))
        for rid, town, village, name, year, people, subsidy, status in cursor.fetchall():
            lines[rid] = (f"#{rid} {town}{village} {name} {year}年搬迁 {people}人 {fen_to_yuan_str(subsidy)} "
                          f"{RELOCATION_STATUS.get(status, status)}")
    return [lines.get(i, f"#{i}（数据库中已无此记录）") for i in ids]


KIND = LedgerKind(name="relocations", label="易地扶贫搬迁台账", resolve=common.resolve_year_area, build=build,
                  describe=describe,
                  township_of=common.township_id,
                  latest_year=common.latest_relocation_year, has_public_variant=True, empty="ledger_empty_records")
