"""危房改造台账: the housing renovations of one year (改造年度), in an area.

The year is the renovation's year (``Renovation.year``): the annual renovation task the
household was listed in, whose subsidy standard applies to it (works started late in the
year are often finished and accepted the next). Every record of that year is listed, with
its status in 备注 until it passed acceptance; 补助金额 is the subsidy recorded at
acceptance, so works not yet accepted show 0.00. 家庭人口 is the household's present
member count on the register.

The 公示 variant masks the head's ID number by the one masking policy and prints no bank
account or telephone (neither is a column; numbers in 备注 are masked too).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, database
from suining_desk.domain.enums import RENOVATION_BUILD_MODES, RENOVATION_GRADES, RENOVATION_STATUS
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
    Column("身份证号", 11.0, whole=True),
    Column("家庭人口", 3.6, whole=True),
    Column("户类型", 7.4),
    Column("危房等级", 3.8),
    Column("改造方式", 5.8),
    Column("补助金额", 6.4, Align.RIGHT, Total.FEN),
    Column("开工日期", 6.0, whole=True),
    Column("竣工日期", 6.0, whole=True),
    Column("验收日期", 6.0, whole=True),
    Column("备注", 9.6, Align.LEFT),
)
TOWNSHIP_COLUMN = 1

_SQL = """
SELECT r.id, r.household_id, t.name, v.name, h.head_name, h.head_id_number, h.member_count,
       r.beneficiary_type, r.grade, r.method, r.build_mode, r.subsidy_fen, r.start_date, r.completed_date,
       r.accepted_date, r.acceptance_result, r.status, r.notes
FROM renovation r
JOIN household h ON h.id = r.household_id
JOIN area g ON g.id = h."group_id"
JOIN area v ON v.id = r.village_id
JOIN area t ON t.id = r.township_id
WHERE r.year = ? {area}
ORDER BY t.sort_order, t.code, v.sort_order, v.code, g.sort_order, g.code, h.household_no, r.id
"""


@dataclass(frozen=True)
class _Renovation:
    id: int
    household_id: int
    township: str
    village: str
    name: str
    id_number: str
    members: int
    beneficiary: str
    grade: str
    method: str
    build_mode: str
    subsidy_fen: int
    started: str | None
    completed: str | None
    accepted: str | None
    result: str
    status: str
    notes: str


def query(year: int, township: Area | None, village: Area | None) -> list[_Renovation]:
    """The year's renovations, in ledger order (township, village, group, household)."""
    area, params = common.area_clause("r", township, village)
    cursor = database.execute_sql(_SQL.format(area=area), [year, *params])
    return [_Renovation(*row) for row in cursor.fetchall()]


def _note(r: _Renovation, public: bool) -> str:
    """Status until accepted, a failed inspection's conclusion, 统建, the clerk's notes."""
    parts = []
    if r.status != "accepted":
        parts.append("竣工待验收" if r.status == "completed" else RENOVATION_STATUS.get(r.status, r.status))
        if r.result:  # inspected and failed: the works wait for the next inspection
            parts.append(f"验收{r.result}")
    if r.build_mode != "self":
        parts.append(RENOVATION_BUILD_MODES.get(r.build_mode, r.build_mode))
    parts.append(common.note_cell(r.notes, public))
    return "；".join(x for x in parts if x)


def _cells(r: _Renovation, public: bool) -> tuple[str, ...]:
    return (r.township, r.village, r.name, common.id_cell(r.id_number, public), str(r.members),
            r.beneficiary, RENOVATION_GRADES.get(r.grade, r.grade), r.method, fen_to_yuan_str(r.subsidy_fen),
            r.started or "", r.completed or "", r.accepted or "", _note(r, public))


def build(filters: Filters, public: bool) -> LedgerContent:
    return housing_ledger(filters, public, query=query, cells=_cells, columns=COLUMNS,
                          township_column=TOWNSHIP_COLUMN, table="renovation", title="农村危房改造",
                          year_label="改造年度")


def describe(ids: Sequence[int]) -> list[str]:
    """One line per renovation id: ``#5 长铺镇青石村 王某 2016年D级危房改造 35000.00 已验收``."""
    lines: dict[int, str] = {}
    sql = (
        "SELECT r.id, t.name, v.name, h.head_name, r.year, r.grade, r.subsidy_fen, r.status "
        "FROM renovation r JOIN household h ON h.id = r.household_id JOIN area t ON t.id = r.township_id "
        "JOIN area v ON v.id = r.village_id WHERE r.id IN ({})"
    )
    for part in common.chunks(list(ids)):
        cursor = database.execute_sql(sql.format(", ".join("?" * len(part))), list(part))
        for rid, town, village, name, year, grade, subsidy, status in cursor.fetchall():
            lines[rid] = (f"#{rid} {town}{village} {name} {year}年{RENOVATION_GRADES.get(grade, grade)}危房改造 "
                          f"{fen_to_yuan_str(subsidy)} {RENOVATION_STATUS.get(status, status)}")
    return [lines.get(i, f"#{i}（数据库中已无此记录）") for i in ids]


KIND = LedgerKind(name="renovations", label="危房改造台账", resolve=common.resolve_year_area, build=build,
                  describe=describe,
                  township_of=common.township_id,
                  latest_year=common.latest_renovation_year, has_public_variant=True, empty="ledger_empty_records")
