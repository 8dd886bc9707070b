"""危房改造台账: the housing renovations of one year (改造年度), in an area.

The year is the renovation's year (``Renovation.year``): the annual renovation task the
household was listed in, whose subsidy standard applies to it (works started late in the
year are often finished and accepted the next). Every record of that year is listed, with
its status in 备注 until it passed acceptance; 补助金额 is the subsidy recorded at
acceptance, so works not yet accepted show 0.00. 家庭人口 is the household's present
member count on the register.

Each row also shows how the subsidy was reached: the floor area, the safety appraisal
that found the house unsafe (who and when), whether the household built it or it was
built for them (自建 / 统建), and the day the subsidy was paid — flagged when that came
more than :data:`PAID_WITHIN_DAYS` days after acceptance. 本页小计 and 合计 count the
households beside the money.

The 公示 variant masks the head's ID number by the one masking policy and prints no bank
account or telephone (neither is a column; numbers in 备注 are masked too); an admin may
leave out more (:mod:`suining_desk.ledgers.disclosure`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, database
from suining_desk.domain.enums import RENOVATION_BUILD_MODES, RENOVATION_GRADES, RENOVATION_STATUS
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.ledgers import disclosure as D
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.kinds.housing import HousingColumn, housing_ledger
from suining_desk.ledgers.model import Align, Column, LedgerContent, Total

COLUMNS: tuple[HousingColumn, ...] = (
    ("seq", Column("序号", 3.0, whole=True), None),
    ("township", Column("乡镇", 6.0), None),
    ("village", Column("村", 5.5), None),
    ("head", Column("户主姓名", 4.8, whole=True), None),
    ("id", Column("身份证号", 11.0, whole=True), D.ID_NUMBER),
    ("members", Column("家庭人口", 3.6, whole=True), None),
    ("type", Column("户类型", 7.0), None),
    ("grade", Column("危房等级", 3.8), None),
    ("appraisal", Column("危房鉴定（单位、日期）", 7.6), D.DETAIL),
    ("method", Column("改造方式", 5.4, whole=True), None),  # short words: they shrink rather than break
    ("build", Column("建设方式", 4.4), None),
    ("area", Column("面积（㎡）", 4.0, Align.RIGHT, whole=True), None),
    ("subsidy", Column("补助金额", 6.4, Align.RIGHT, Total.FEN), None),
    ("started", Column("开工日期", 6.0, whole=True), D.DATES),
    ("completed", Column("竣工日期", 6.0, whole=True), D.DATES),
    ("accepted", Column("验收日期", 6.0, whole=True), D.DATES),
    ("paid", Column("补助发放日期", 6.0, whole=True), D.DATES),
    ("note", Column("备注", 8.0, Align.LEFT), D.NOTE),
)
PAID_WITHIN_DAYS = 30  # the subsidy is paid within this many days of acceptance

_SQL = """
SELECT r.id, r.household_id, t.name, v.name, h.head_name, h.head_id_number, h.member_count,
       r.beneficiary_type, r.grade, r.method, r.build_mode, r.subsidy_fen, r.start_date, r.completed_date,
       r.accepted_date, r.acceptance_result, r.status, r.notes, r.area_x100, r.appraised_by, r.appraised_on,
       r.paid_on
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
    area_x100: int
    appraised_by: str
    appraised_on: str | None
    paid_on: str | None


def days_to_payment(accepted: str | None, paid: str | None) -> int | None:
    """Days from acceptance to the subsidy's payment (None unless both are known)."""
    if not accepted or not paid:
        return None
    return (dt.date.fromisoformat(str(paid)[:10]) - dt.date.fromisoformat(str(accepted)[:10])).days


def query(year: int, township: Area | None, village: Area | None) -> list[_Renovation]:
    """The year's renovations, in ledger order (township, village, group, household)."""
    area, params = common.area_clause("r", township, village)
    cursor = database.execute_sql(_SQL.format(area=area), [year, *params])
    return [_Renovation(*row) for row in cursor.fetchall()]


def _note(r: _Renovation, public: bool) -> str:
    """Status until accepted, a failed inspection's conclusion, a late payment, the clerk's notes."""
    parts = []
    if r.status != "accepted":
        parts.append("竣工待验收" if r.status == "completed" else RENOVATION_STATUS.get(r.status, r.status))
        if r.result:  # inspected and failed: the works wait for the next inspection
            parts.append(f"验收{r.result}")
    late = days_to_payment(r.accepted, r.paid_on)
    if late is not None and late > PAID_WITHIN_DAYS:
        parts.append(f"验收后{late}天发放")
    elif late is not None and late < 0:
        parts.append("发放早于验收")
    parts.append(common.note_cell(r.notes, public))
    return "；".join(x for x in parts if x)


def _cells(i: int, r: _Renovation, public: bool) -> dict[str, str]:
    appraisal = " ".join(x for x in (r.appraised_by, str(r.appraised_on or "")) if x)
    return {
        "seq": str(i + 1), "township": r.township, "village": r.village, "head": r.name,
        "id": common.id_cell(r.id_number, public), "members": str(r.members), "type": r.beneficiary,
        "grade": RENOVATION_GRADES.get(r.grade, r.grade), "appraisal": appraisal, "method": r.method,
        "build": RENOVATION_BUILD_MODES.get(r.build_mode, r.build_mode), "area": common.square_metres(r.area_x100),
        "subsidy": fen_to_yuan_str(r.subsidy_fen), "started": r.started or "", "completed": r.completed or "",
        "accepted": r.accepted or "", "paid": str(r.paid_on or ""), "note": _note(r, public),
    }


def build(filters: Filters, public: bool, hidden: Sequence[str] = ()) -> LedgerContent:
    return housing_ledger(
        filters, public, hidden, query=query, cells=_cells, columns=COLUMNS, table="renovation",
        numbers=lambda r: (r.subsidy_fen,), title="农村危房改造", year_label="改造年度",
        dates=lambda r: (r.started, r.completed, r.accepted, r.paid_on, r.appraised_on),
    )


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
