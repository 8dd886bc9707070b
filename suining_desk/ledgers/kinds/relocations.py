"""易地扶贫搬迁台账: the relocated households of one batch year (搬迁年度), in an area.

The year is the relocation's batch year (``Relocation.batch_year``): the year of the
relocation plan the household was approved in, which is the year its housing subsidy is
budgeted for. Moving in often comes the next year, so the move-in date would split a batch
across two ledgers. Every record of the batch is listed, whatever its status, with the
status in 备注 until the household has moved in; 补助金额 is the recorded subsidy.

The 公示 variant masks the head's ID number by the one masking policy and prints no bank
account or telephone (neither is a column; numbers in 备注 are masked too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, database
from suining_desk.domain.enums import RELOCATION_STATUS, SETTLEMENT_MODES
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.kinds.housing import housing_ledger
from suining_desk.ledgers.model import Align, Column, LedgerContent, Total

COLUMNS = (
    Column("序号", 3.0, whole=True),
    Column("乡镇", 6.0),
    Column("村", 5.5),
    Column("户主姓名", 4.8),
    Column("身份证号", 10.6, whole=True),
    Column("搬迁人口", 3.6, whole=True),
    Column("迁出地", 13.0, Align.LEFT),
    Column("安置方式", 4.8),
    Column("安置点", 9.4, Align.LEFT),
    Column("安置房面积（㎡）", 4.8, Align.RIGHT, whole=True),
    Column("补助金额", 6.4, Align.RIGHT, Total.FEN),
    Column("入住日期", 6.0, whole=True),
    Column("旧房拆除", 6.0, whole=True),
    Column("备注", 6.6, Align.LEFT),
)
TOWNSHIP_COLUMN = 1
MOVED_IN = ("moved_in", "demolished")

_SQL = """
SELECT r.id, r.household_id, r.site_id, t.name, v.name, h.head_name, h.head_id_number, r.people, r.origin,
       r.mode, s.name, r.house_area_x100, r.subsidy_fen, r.moved_in_date, r.demolished_date, r.status, r.notes
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


def query(year: int, township: Area | None, village: Area | None) -> list[_Relocation]:
    """The batch's relocations, in ledger order (township, village, group, household)."""
    area, params = common.area_clause("r", township, village)
    cursor = database.execute_sql(_SQL.format(area=area), [year, *params])
    return [_Relocation(*row) for row in cursor.fetchall()]


def _note(r: _Relocation, public: bool) -> str:
    parts = [] if r.status in MOVED_IN else [RELOCATION_STATUS.get(r.status, r.status)]
    parts.append(common.note_cell(r.notes, public))
    return "；".join(x for x in parts if x)


def _cells(r: _Relocation, public: bool) -> tuple[str, ...]:
    return (r.township, r.village, r.name, common.id_cell(r.id_number, public), str(r.people),
            r.origin, SETTLEMENT_MODES.get(r.mode, r.mode), r.site or "", common.square_metres(r.area_x100),
            fen_to_yuan_str(r.subsidy_fen), r.moved_in or "", r.demolished or "", _note(r, public))


def _sites(records: Sequence[_Relocation]) -> dict[str, list[int]]:
    return {"settlement_site": sorted({r.site_id for r in records if r.site_id is not None})}


def build(filters: Filters, public: bool) -> LedgerContent:
    return housing_ledger(filters, public, query=query, cells=_cells, columns=COLUMNS,
                          township_column=TOWNSHIP_COLUMN, table="relocation", title="易地扶贫搬迁",
                          year_label="搬迁年度", more_refs=_sites)


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
