"""Enrolments (享受名单) and one-off payments (一次性救助发放) in a spreadsheet.

Enrolments go through :func:`suining_desk.services.enrolments.enrol` (and
``end_enrolment`` when the row has an end date). One-off payments become lines of *draft*
one-off batches — one per program, period and township, made when first needed — through
:mod:`suining_desk.services.batches`; they are reviewed, approved and posted in the
window as any batch is, so an import never posts money. A row of a monthly program
(低保 …) is refused: its batches come from the lists and standards. The payments export
is a report of money already in batches; its 批次号 column makes the import refuse it as
a whole (importing it would pay twice).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from suining_desk.db.models import Enrolment, Household, Payment, PaymentBatch, Person, Program
from suining_desk.domain.enums import BatchStatus
from suining_desk.domain.periods import period_from_label
from suining_desk.exchange.cells import read_date
from suining_desk.exchange.columns import Column, Layout
from suining_desk.exchange.housing_records import HEAD, HEAD_ID, HOUSEHOLD, TOWNSHIP, VILLAGE
from suining_desk.exchange.records import RecordSpec, Row
from suining_desk.reference.programs import PROGRAMS_BY_CODE
from suining_desk.services import batches
from suining_desk.services.aid_details import (
    ON_ENROLMENT,
    ON_PAYMENT,
    PROGRAM_DETAILS,
    details_of,
    encode,
    parse_details,
)
from suining_desk.services.enrolments import EnrolmentInput, end_enrolment, enrol
from suining_desk.services.programs import lookup_program

PROGRAM = Column("program", "项目", ("享受项目", "救助项目", "资金项目"), required=True, width=16,
                 note="项目名称或代码，如 低保、dibao", example="低保")
PERSON = Column("person_name", "享受人", ("享受人员", "享受人姓名"), width=10, note="只供阅读")
PERSON_ID = Column("person_id", "享受人身份证号", ("享受人员身份证号", "享受人证件号码"), text=True, width=21,
                   note="按人享受的填写；按户享受的不填")

def _detail_columns(on: str) -> tuple[Column, ...]:
    """The programs' own facts (医疗救助's costs, 雨露计划's school …) as optional columns: a
    row fills those of its program (services.aid_details)."""
    seen: dict[str, Column] = {}
    for spec in PROGRAM_DETAILS.values():
        if spec.on != on:
            continue
        for f in spec.fields:
            unit = "（元）" if f.kind == "fen" else "（%）" if f.kind == "rate" else ""
            seen.setdefault(f.key, Column(f"detail_{f.key}", f"{f.label}{unit}", (f.label,), width=12,
                                          example=f.example, note=f"{PROGRAMS_OF[f.key]}填写",
                                          choices=f.choices))
    return tuple(seen.values())


PROGRAMS_OF = {f.key: "、".join(PROGRAMS_BY_CODE[code].name for code, s in PROGRAM_DETAILS.items()
                               if code in PROGRAMS_BY_CODE and f.key in {x.key for x in s.fields})
               for spec in PROGRAM_DETAILS.values() for f in spec.fields}


def _details(row: Row, program: Program) -> dict[str, object]:
    spec = details_of(program.code)
    return {f.key: row.values.get(f"detail_{f.key}") for f in spec.fields} if spec is not None else {}


ENROLMENTS = Layout(
    kind="enrolments", title="享受名单", sheet_title="享受名单", key_fields=("household_no", "id_number"),
    notes=("每行一户（或一人）一个项目的享受记录；户须已在册。", "有结束日期的，同时填结束原因。"),
    columns=(
        HOUSEHOLD, TOWNSHIP, VILLAGE, HEAD, HEAD_ID, PROGRAM, PERSON, PERSON_ID,
        Column("category", "类别", ("保障类别", "档次"), width=8, note="如低保的 A、B、C 类；项目无类别的不填"),
        Column("people", "享受人数", ("保障人数", "人数"), width=8, example="3"),
        Column("start_date", "开始日期", ("享受起始日期", "纳入日期"), required=True, width=12, example="2018-01-01"),
        Column("end_date", "结束日期", ("退出日期",), width=12),
        Column("end_reason", "结束原因", ("退出原因",), width=20),
        *_detail_columns(ON_ENROLMENT),
    ),
)

PAYMENTS = Layout(
    kind="payments", title="一次性救助发放", sheet_title="发放", key_fields=("household_no", "id_number"),
    notes=("每行一笔一次性救助（医疗救助、临时救助、产业奖补等）；导入后为草稿批次，经审核后在窗口中发放。",
           "同一项目、同一期间、同一乡镇的各笔并入一个草稿批次。",
           "低保、特困供养等按月发放的项目由名单和标准自动生成批次，不能导入。",
           "导出的“资金发放明细”是报表（有批次号列），记录的是已编入批次的发放，不能再导入。"),
    report_headers=("批次号", "发放批次号", "批次编号"), report_problem="file_payments_report",
    columns=(
        HOUSEHOLD, TOWNSHIP, VILLAGE, HEAD, HEAD_ID, PROGRAM, PERSON, PERSON_ID,
        Column("period", "期间", ("发放期间", "月份", "归属期间"), required=True, width=10, example="2018-11",
               note="如 2018-11；也可填日期"),
        Column("amount", "金额", ("发放金额", "救助金额", "金额(元)"), required=True, width=12, example="1,500.00"),
        Column("reason", "事由", ("救助事由", "备注", "原因"), required=True, width=24),
        *_detail_columns(ON_PAYMENT),
    ),
)


@dataclass(frozen=True)
class Enrol:
    data: EnrolmentInput
    end: dt.date | None
    end_reason: str


@dataclass(frozen=True)
class OneOff:
    program_id: int
    period: str
    household_id: int
    township_id: int
    person_id: int | None
    amount_fen: int
    reason: str
    details: dict[str, object]


def _program(row: Row) -> Program | None:
    text = row.text("program")
    if not row.required("program", text):
        return None
    found = lookup_program(text)
    if found is None:
        row.error("program", "import_unknown_program", value=text)
    return found


def _member(row: Row, household: Household | None) -> Person | None:
    if "person_id" not in row.values or household is None:
        return None
    person = row.person("person_id")
    if person is not None and person.household_id != household.id:
        row.error("person_id", "import_person_elsewhere", name=person.name, household_no=household.household_no)
        return None
    return person


def _enrolment(row: Row) -> Enrol | None:
    household, program = row.household(), _program(row)
    person = _member(row, household)
    start, end = row.date("start_date"), row.date("end_date")
    row.required("start_date", start)
    people = row.integer("people") or (1 if person is not None else max(household.member_count, 1) if household else 1)
    reason = row.text("end_reason", 120)
    if household is None or program is None or start is None:
        return None
    facts, problems = parse_details(program.code, _details(row, program))
    for p in problems:
        row.error(f"detail_{p.field}" if f"detail_{p.field}" in row.labels else "program", p.code, **p.params)
    data = EnrolmentInput(program.id, household.id, person.id if person else None, row.text("category", 10),
                          people, start, encode(facts))
    return Enrol(data, end, reason or ("导入" if end else ""))


def _save_enrolment(e: Enrol, user: str, today: dt.date) -> None:
    enrolment_id = enrol(e.data, user=user)
    if e.end is not None:
        end_enrolment(enrolment_id, e.end, e.end_reason, user=user, today=today)


def _existing_enrolment(e: Enrol) -> str | None:
    d = e.data
    found = Enrolment.get_or_none((Enrolment.program == d.program_id) & (Enrolment.household == d.household_id)
                                  & (Enrolment.start_date == d.start_date)
                                  & (Enrolment.person.is_null() if d.person_id is None
                                     else Enrolment.person == d.person_id))
    return f"{found.program.name}，{found.start_date.isoformat()}起" if found is not None else None


def _period(row: Row) -> str | None:
    value = row.values.get("period")
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year:04d}-{value.month:02d}"
    text = row.code("period").replace("/", "-").replace(".", "-").replace("年", "-").rstrip("月-")
    found = period_from_label(text) if text else None
    if text and found is None:  # a whole date names its month; anything else is a period written wrong
        day, problems = read_date(row.values.get("period"), row.labels["period"])
        if day is None or problems:
            row.error("period", "bad_period", value=text, example="2018-11")
            return None
        return f"{day.year:04d}-{day.month:02d}"
    row.required("period", text)
    return found.label if found else None


def _one_off(row: Row) -> OneOff | None:
    program = _program(row)
    if program is not None and program.frequency != "once":  # one reason for the row, not a column of noise
        row.error("program", "import_payment_not_one_off", program=program.name)
        return None
    household = row.household()
    person = _member(row, household)
    if (program is not None and program.basis == "person" and household is not None and person is None
            and not any(key == "person_id" for key, _ in row.issues)):
        row.error("person_id", "one_off_person_required", program=program.name)
    period, amount, reason = _period(row), row.amount("amount"), row.text("reason", 200)
    row.required("amount", amount)
    row.required("reason", reason)
    if household is None or program is None or period is None or amount is None or not reason:
        return None
    if program.basis == "person" and person is None:
        return None
    return OneOff(program.id, period, household.id, household.township_id, person.id if person else None, amount,
                  reason, _details(row, program))


def _save_one_off(p: OneOff, user: str, today: dt.date) -> None:
    draft = PaymentBatch.get_or_none((PaymentBatch.program == p.program_id) & (PaymentBatch.period == p.period)
                                     & (PaymentBatch.area == p.township_id) & (PaymentBatch.kind == "one_off")
                                     & (PaymentBatch.status == BatchStatus.DRAFT))
    batch_id = draft.id if draft is not None else batches.create_one_off_batch(
        p.program_id, p.period, p.township_id, user=user, notes="表格导入").batch_id
    batches.add_one_off_line(batch_id, p.household_id, p.amount_fen, p.reason, user=user, person_id=p.person_id,
                             details=p.details)


def _existing_one_off(p: OneOff) -> str | None:
    found = Payment.get_or_none((Payment.program == p.program_id) & (Payment.period == p.period)
                                & (Payment.household == p.household_id)
                                & (Payment.person.is_null() if p.person_id is None else Payment.person == p.person_id))
    return f"{found.period}已有一笔" if found is not None else None


_FIELDS = {"household": "household_no", "program": "program", "person": "person_id", "category": "category",
           "people": "people", "start_date": "start_date", "end_date": "end_date", "reason": "end_reason",
           "amount": "amount"}

ENROLMENT_SPEC = RecordSpec("enrolments", ENROLMENTS, "enrolments_imported", _enrolment, _existing_enrolment,
                            _save_enrolment, lambda e: (e.data.program_id, e.data.household_id, e.data.person_id,
                                                        e.data.start_date), _FIELDS)
PAYMENT_SPEC = RecordSpec("payments", PAYMENTS, "payments_imported", _one_off, _existing_one_off, _save_one_off,
                          lambda p: (p.program_id, p.period, p.household_id, p.person_id),
                          {**_FIELDS, "reason": "reason"})
