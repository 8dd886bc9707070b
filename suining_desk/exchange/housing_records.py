"""Relocations (易地扶贫搬迁) and housing renovations (危房改造) in a spreadsheet: the
columns of their printed ledgers, one row a record, saved through
:mod:`suining_desk.services.relocations` / :mod:`~suining_desk.services.renovations`
(every rule of the window applies: one relocation a household, no double benefit, area
and self-raised caps) and walked to the status the row gives, step by step with its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from suining_desk.db.models import Relocation, Renovation, SettlementSite
from suining_desk.domain.enums import (
    RELOCATION_HOUSEHOLD_KINDS,
    RELOCATION_STATUS,
    RENOVATION_BENEFICIARIES,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_METHODS,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem, Severity
from suining_desk.exchange.columns import Column, Layout, choice_map
from suining_desk.exchange.records import RecordSpec, Row
from suining_desk.rules.housing import RelocationInput, RenovationInput
from suining_desk.services import relocations, renovations

HOUSEHOLD = Column("household_no", "户编号", ("户码", "户号"), text=True, width=20,
                   note="户编号和户主身份证号至少填一个，用来找到已在册的户", example="43052710000101001")
TOWNSHIP = Column("township", "乡镇", ("乡(镇)",), width=10, note="只供阅读，导入时以户编号为准")
VILLAGE = Column("village", "村", ("行政村",), width=10, note="只供阅读")
HEAD = Column("head_name", "户主姓名", ("户主", "姓名"), width=10, note="只供阅读")
HEAD_ID = Column("id_number", "身份证号", ("户主身份证号", "身份证号码", "证件号码"), text=True, width=21)
NOTES = Column("notes", "备注", ("说明",), width=20)

RELOCATIONS = Layout(
    kind="relocations", title="易地扶贫搬迁台账", sheet_title="搬迁", key_fields=("household_no", "id_number"),
    notes=("每行一户的搬迁记录；户须已在册（先导入花名册）。",
           "状态按 计划 → 建设中 → 已入住 → 旧房已拆除 逐步登记，已入住须填入住日期，已拆除须填拆除日期。"),
    columns=(
        HOUSEHOLD, TOWNSHIP, VILLAGE, HEAD, HEAD_ID,
        Column("batch_year", "搬迁年度", ("批次年度", "搬迁批次"), required=True, width=9, example="2017"),
        Column("household_kind", "搬迁户类型", ("户类型", "搬迁对象类型"), width=10,
               choices=tuple(RELOCATION_HOUSEHOLD_KINDS.values())),
        Column("people", "搬迁人口", ("搬迁人数", "人口"), required=True, width=9, example="4"),
        Column("mode", "安置方式", (), width=10, choices=tuple(SETTLEMENT_MODES.values())),
        Column("site", "安置点", ("安置点名称",), width=18, note="集中安置必填，须是该乡镇已登记的安置点"),
        Column("origin", "迁出地", ("原住址",), width=20),
        Column("house_area", "安置房面积", ("住房面积", "安置房面积(㎡)"), width=10, example="75"),
        Column("subsidy", "补助金额", ("补助资金", "补助金额(元)"), width=12, example="88,000.00"),
        Column("self_raised", "自筹资金", ("自筹金额",), width=12),
        Column("plan_date", "计划日期", ("计划搬迁日期",), width=12),
        Column("status", "状态", ("搬迁状态",), width=10, choices=tuple(RELOCATION_STATUS.values())),
        Column("moved_in_date", "入住日期", (), width=12),
        Column("demolished_date", "旧房拆除日期", ("拆除日期", "旧房拆除"), width=12),
        NOTES,
    ),
)

RENOVATIONS = Layout(
    kind="renovations", title="危房改造台账", sheet_title="危改", key_fields=("household_no", "id_number"),
    notes=("每行一户一次改造；户须已在册。补助金额在验收合格后才登记。",
           "状态按 计划 → 施工中 → 竣工 → 已验收 逐步登记，各步须填对应日期；已验收须填验收人和验收结果。"),
    columns=(
        HOUSEHOLD, TOWNSHIP, VILLAGE, HEAD, HEAD_ID,
        Column("year", "年度", ("改造年度",), required=True, width=8, example="2018"),
        Column("beneficiary_type", "户类型", ("对象类型",), required=True, width=16, choices=RENOVATION_BENEFICIARIES),
        Column("grade", "危房等级", ("等级",), required=True, width=8, choices=tuple(RENOVATION_GRADES.values())),
        Column("method", "改造方式", (), required=True, width=12, choices=RENOVATION_METHODS),
        Column("build_mode", "建设方式", (), width=10, choices=tuple(RENOVATION_BUILD_MODES.values())),
        Column("appraised_by", "鉴定单位", ("鉴定人", "危房鉴定单位"), width=14),
        Column("appraised_on", "鉴定日期", ("危房鉴定日期",), width=12),
        Column("area", "面积", ("改造面积", "建筑面积"), width=8),
        Column("standard", "补助标准", (), width=12),
        Column("subsidy", "补助金额", ("补助资金",), width=12),
        Column("status", "状态", ("改造状态",), width=10, choices=tuple(RENOVATION_STATUS.values())),
        Column("start_date", "开工日期", (), width=12),
        Column("completed_date", "竣工日期", (), width=12),
        Column("accepted_date", "验收日期", (), width=12),
        Column("accepted_by", "验收人", (), width=12),
        Column("result", "验收结果", ("验收结论",), width=12),
        Column("paid_on", "补助发放日期", ("发放日期", "补助资金发放日期"), width=12, note="验收合格后发放的日期"),
        NOTES,
    ),
)

_MODES = choice_map({k: (v, v[:2]) for k, v in SETTLEMENT_MODES.items()})
_RELOCATION_STATUS = choice_map({k: (v,) for k, v in RELOCATION_STATUS.items()}
                                | {"demolished": ("旧房已拆除", "已拆除")})
_RENOVATION_STATUS = choice_map({k: (v,) for k, v in RENOVATION_STATUS.items()} | {"accepted": ("已验收", "验收合格")})
_GRADES = choice_map({k: (v, f"{k}级危房") for k, v in RENOVATION_GRADES.items()})
_METHODS = choice_map({m: () for m in RENOVATION_METHODS})
_BENEFICIARIES = choice_map({b: () for b in RENOVATION_BENEFICIARIES})
_HOUSEHOLD_KINDS = choice_map({k: (v, f"{v}户", f"{v}搬迁户") for k, v in RELOCATION_HOUSEHOLD_KINDS.items()})
_BUILD_MODES = choice_map({k: (v, "自建" if k == "self" else "统规统建") for k, v in RENOVATION_BUILD_MODES.items()})
RELOCATION_STEPS = ("planned", "building", "moved_in", "demolished")
RENOVATION_STEPS = ("planned", "in_progress", "completed", "accepted")


@dataclass
class Planned:
    data: Any  # RelocationInput or RenovationInput
    status: str
    dates: dict[str, dt.date | None]
    extra: dict[str, Any]


def _site(row: Row, township_id: int) -> int | None:
    name = row.text("site")
    if not name:
        return None
    found = SettlementSite.get_or_none((SettlementSite.name == name) & (SettlementSite.township == township_id))
    if found is None:
        row.error("site", "import_site_missing", value=name)
        return None
    return int(found.id)


def _relocation(row: Row) -> Planned | None:
    household = row.household()
    year, people = row.integer("batch_year"), row.integer("people")
    row.required("batch_year", year)
    row.required("people", people)
    mode = row.choice("mode", _MODES, "concentrated")
    status = row.choice("status", _RELOCATION_STATUS)
    dates = {"plan_date": row.date("plan_date"), "moved_in": row.date("moved_in_date"),
             "demolished": row.date("demolished_date")}
    if status is None:
        status = "demolished" if dates["demolished"] else "moved_in" if dates["moved_in"] else "planned"
    data = RelocationInput(
        household_id=household.id if household else None, batch_year=year or 0, people=people or 0,
        mode=mode or "concentrated", site_id=_site(row, household.township_id) if household else None,
        origin=row.text("origin", 120), house_area_x100=row.area("house_area") or 0,
        subsidy_fen=row.amount("subsidy") or 0, self_raised_fen=row.amount("self_raised") or 0,
        plan_date=dates["plan_date"], notes=row.text("notes"),
        household_kind=row.choice("household_kind", _HOUSEHOLD_KINDS, "") or "")
    return Planned(data, status, dates, {}) if household else None


def _advance(step: Any, record_id: int, to: str, date: dt.date | None, column: str, **extra: Any) -> None:
    try:
        step(record_id, to=to, date=date, **extra)
    except InvalidInput as exc:
        raise InvalidInput([Problem(p.code, p.params, p.severity, field=column if p.field == "date" else p.field)
                            for p in exc.problems]) from exc


def _reminders(problems: list[Problem]) -> list[Problem]:
    """The rules' warnings (自筹资金超上限, 补助超标准, 已有危改 …): saved anyway, and said."""
    return [p for p in problems if not p.is_error]


def _save_relocation(p: Planned, user: str, today: dt.date) -> list[Problem]:
    notes = _reminders(relocations.relocation_problems(p.data, user=user, today=today))
    record_id = relocations.create_relocation(p.data, user=user, today=today)
    target = RELOCATION_STEPS.index(p.status)

    def step(rid: int, *, to: str, date: dt.date | None) -> None:
        if date is None:
            raise InvalidInput([Problem("required", {"label": "日期"}, field="date")])
        relocations.advance_relocation(rid, to=to, date=date, user=user, note="导入", today=today)

    if target >= 1:
        begun = p.dates["plan_date"] or p.dates["moved_in"] or p.dates["demolished"] or today
        _advance(step, record_id, "building", begun, "status")
    if target >= 2:
        _advance(step, record_id, "moved_in", p.dates["moved_in"], "moved_in_date")
    if target >= 3:
        _advance(step, record_id, "demolished", p.dates["demolished"], "demolished_date")
    return notes


def _existing_relocation(p: Planned) -> str | None:
    found = Relocation.get_or_none(Relocation.household == p.data.household_id)
    return f"{found.batch_year}年搬迁记录" if found is not None else None


def _renovation(row: Row) -> Planned | None:
    household = row.household()
    year = row.integer("year")
    row.required("year", year)
    beneficiary = row.choice("beneficiary_type", _BENEFICIARIES)
    grade = row.choice("grade", _GRADES)
    method = row.choice("method", _METHODS)
    for key, value in (("beneficiary_type", beneficiary), ("grade", grade), ("method", method)):
        if not row.text(key):
            row.required(key, value)
    status = row.choice("status", _RENOVATION_STATUS)
    dates = {"in_progress": row.date("start_date"), "completed": row.date("completed_date"),
             "accepted": row.date("accepted_date")}
    if status is None:
        status = next((s for s in ("accepted", "completed", "in_progress") if dates[s]), "planned")
    standard = row.amount("standard")
    if standard is None and grade and year:
        standard = renovations.standard_for(grade, year)
    data = RenovationInput(
        household_id=household.id if household else None, year=year or 0, beneficiary_type=beneficiary or "",
        grade=grade or "", method=method or "", build_mode=row.choice("build_mode", _BUILD_MODES, "self") or "self",
        area_x100=row.area("area") or 0, standard_fen=standard or 0, subsidy_fen=0, notes=row.text("notes"),
        appraised_by=row.text("appraised_by", 60), appraised_on=row.date("appraised_on"))
    extra = {"accepted_by": row.text("accepted_by", 40), "result": row.text("result", 60) or "合格",
             "subsidy": row.amount("subsidy") or 0, "paid_on": row.date("paid_on")}
    return Planned(data, status, dates, extra) if household else None


def _save_renovation(p: Planned, user: str, today: dt.date) -> list[Problem]:
    notes = _reminders(renovations.renovation_problems(p.data, user=user, today=today))
    record_id = renovations.create_renovation(p.data, user=user, today=today)
    target = RENOVATION_STEPS.index(p.status)

    def step(rid: int, *, to: str, date: dt.date | None, **extra: Any) -> None:
        if date is None:
            raise InvalidInput([Problem("required", {"label": "日期"}, field="date")])
        renovations.advance_renovation(rid, to=to, date=date, user=user, today=today, **extra)

    for index, (to, column) in enumerate((("in_progress", "start_date"), ("completed", "completed_date")), 1):
        if target >= index:
            _advance(step, record_id, to, p.dates[to], column)
    if target >= 3:
        _advance(step, record_id, "accepted", p.dates["accepted"], "accepted_date",
                 accepted_by=p.extra["accepted_by"], result=p.extra["result"], subsidy_fen=p.extra["subsidy"])
        if p.extra["paid_on"] is not None:  # paid after acceptance: recorded once accepted
            paid = replace(p.data, subsidy_fen=p.extra["subsidy"], paid_on=p.extra["paid_on"])
            notes += _reminders(renovations.renovation_problems(paid, user=user, renovation_id=record_id, today=today))
            renovations.update_renovation(record_id, paid, user=user, today=today)
        standard = p.data.standard_fen
        if standard and p.extra["subsidy"] > standard:
            notes.append(Problem("import_subsidy_above_standard", {
                "subsidy": fen_to_yuan_str(p.extra["subsidy"]), "standard": fen_to_yuan_str(standard)},
                Severity.WARNING, field="subsidy"))
    elif p.extra["subsidy"]:  # the subsidy is recorded at acceptance: not before, and not silently dropped
        notes.append(Problem("import_subsidy_before_acceptance", {"value": fen_to_yuan_str(p.extra["subsidy"])},
                             Severity.WARNING, field="subsidy"))
    return notes


def _existing_renovation(p: Planned) -> str | None:
    d = p.data
    found = Renovation.get_or_none((Renovation.household == d.household_id) & (Renovation.year == d.year)
                                   & (Renovation.grade == d.grade))
    return f"{found.year}年{found.grade}级危改记录" if found is not None else None


_FIELDS = {"household": "household_no", "batch_year": "batch_year", "people": "people", "site": "site",
           "mode": "mode", "house_area": "house_area", "subsidy": "subsidy", "self_raised": "self_raised",
           "plan_date": "plan_date", "year": "year", "method": "method", "area": "area", "status": "status",
           "accepted_by": "accepted_by", "result": "result", "moved_in_date": "moved_in_date",
           "demolished_date": "demolished_date", "start_date": "start_date", "completed_date": "completed_date",
           "accepted_date": "accepted_date", "household_kind": "household_kind", "appraised_by": "appraised_by",
           "appraised_on": "appraised_on", "paid_on": "paid_on"}

RELOCATION_SPEC = RecordSpec("relocations", RELOCATIONS, "relocations_imported", _relocation, _existing_relocation,
                             _save_relocation, lambda p: p.data.household_id, _FIELDS)
RENOVATION_SPEC = RecordSpec("renovations", RENOVATIONS, "renovations_imported", _renovation, _existing_renovation,
                             _save_renovation, lambda p: (p.data.household_id, p.data.year, p.data.grade), _FIELDS)
