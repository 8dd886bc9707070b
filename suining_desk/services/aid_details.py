"""How an amount was reached: each program's own facts about a payment or an enrolment.

医疗救助 pays a share of what the patient paid after insurance (total cost, reimbursed,
self-paid, aid rate, the illness category); 临时救助 records its type and approval date
(the reason is the payment's own 事由); 产业扶贫奖补 the industry, its scale and its
acceptance; 雨露计划 the student's school and grade and 生态护林员 the ranger's patrol area
and appraisal — these two on the enrolment, copied onto every payment line computed from
it, so a line keeps what held when it was paid.

Values are stored as canonical JSON (``payment.details`` / ``enrolment.details``): money
in fen, the aid rate in hundredths of a percent, dates as ISO text. The programs are
those of the county's catalogue, by code; a program an admin adds has none. Which of
these a public notice may show is :mod:`suining_desk.ledgers.disclosure`'s business:
``public`` here only marks what is never personal health information.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from suining_desk.domain.money import check_amount, fen_to_yuan_str
from suining_desk.domain.problems import Problem, Severity

FEN, RATE, TEXT, DATE, CHOICE = "fen", "rate", "text", "date", "choice"
ON_PAYMENT, ON_ENROLMENT = "payment", "enrolment"


@dataclass(frozen=True)
class DetailField:
    key: str
    label: str
    kind: str  # FEN, RATE, TEXT, DATE or CHOICE
    choices: tuple[str, ...] = ()
    public: bool = True  # False: health or money facts a notice never shows
    max_len: int = 40
    example: str = ""


@dataclass(frozen=True)
class ProgramDetails:
    code: str
    on: str  # ON_PAYMENT (one-off lines) or ON_ENROLMENT (copied onto computed lines)
    fields: tuple[DetailField, ...]
    note_public: bool = True  # whether the line's free-text 事由 may appear on a notice


APPRAISALS: Final = ("优秀", "合格", "基本合格", "不合格")
ACCEPTANCES: Final = ("合格", "不合格")
TEMPORARY_TYPES: Final = ("急难型", "支出型")

PROGRAM_DETAILS: Final[dict[str, ProgramDetails]] = {p.code: p for p in (
    ProgramDetails("medical", ON_PAYMENT, (
        DetailField("total_cost_fen", "医疗总费用", FEN, public=False, example="12,800.00"),
        DetailField("reimbursed_fen", "医保等报销", FEN, public=False, example="8,960.00"),
        DetailField("rate_x100", "救助比例", RATE, public=False, example="70"),
        DetailField("illness", "病种", TEXT, public=False, example="慢性肾病"),
    ), note_public=False),
    ProgramDetails("temporary", ON_PAYMENT, (
        DetailField("aid_type", "救助类型", CHOICE, TEMPORARY_TYPES, example="急难型"),
        DetailField("approved_on", "审批日期", DATE, example="2018-11-05"),
    ), note_public=False),
    ProgramDetails("industry", ON_PAYMENT, (
        DetailField("industry", "产业类型", TEXT, max_len=20, example="养猪"),
        DetailField("scale", "规模", TEXT, max_len=20, example="20头"),
        DetailField("accepted_on", "验收日期", DATE, example="2018-10-20"),
        DetailField("acceptance", "验收结果", CHOICE, ACCEPTANCES, example="合格"),
    )),
    ProgramDetails("yulu", ON_ENROLMENT, (
        DetailField("school", "就读学校", TEXT, example="邵阳职业技术学院"),
        DetailField("grade", "年级", TEXT, max_len=20, example="高职二年级"),
    )),
    ProgramDetails("ranger", ON_ENROLMENT, (
        DetailField("patrol_area", "管护区域", TEXT, example="青石村后山林区（1200亩）"),
        DetailField("appraisal", "考核结果", CHOICE, APPRAISALS, example="合格"),
    )),
)}

SELF_PAID: Final = DetailField("self_paid_fen", "个人自付", FEN, public=False)  # medical: derived


def details_of(program_code: str | None) -> ProgramDetails | None:
    return PROGRAM_DETAILS.get(program_code or "")


def encode(values: Mapping[str, Any]) -> str:
    """Canonical JSON ('' for nothing): sorted keys, no empty values."""
    kept = {k: v for k, v in values.items() if v not in ("", None)}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":")) if kept else ""


def decode(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _rate_x100(text: str) -> int | None:
    cleaned = text.strip().rstrip("%％").strip()
    try:
        value = round(float(cleaned) * 100)
    except ValueError:
        return None
    return value if 0 <= value <= 10_000 and cleaned.replace(".", "", 1).isdigit() else None


def parse_details(program_code: str | None, raw: Mapping[str, object]) -> tuple[dict[str, Any], list[Problem]]:
    """The program's facts as typed (a dialog, a spreadsheet row, the command line) → stored
    values and the problems found; keys the program does not have are refused."""
    spec = details_of(program_code)
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    known = {f.key: f for f in spec.fields} if spec else {}
    for key, given in raw.items():
        text = "" if given is None else str(given).strip()
        field = known.get(key)
        if field is None:
            if text:
                problems.append(Problem("detail_unknown_field", {"program": program_code or "", "value": key},
                                        field=key))
            continue
        if not text and not isinstance(given, (dt.date, int)):
            continue
        if field.kind == FEN:
            fen, found = check_amount(given if isinstance(given, int) else text)
            problems += [Problem(p.code, p.params, p.severity, field=key) for p in found]
            if fen is not None:
                values[key] = fen
        elif field.kind == RATE:
            rate = _rate_x100(text)
            if rate is None:
                problems.append(Problem("detail_bad_rate", {"label": field.label, "value": text}, field=key))
            else:
                values[key] = rate
        elif field.kind == DATE:
            day = given if isinstance(given, dt.date) else None
            if day is None:
                try:
                    day = dt.date.fromisoformat(text)
                except ValueError:
                    problems.append(Problem("bad_date", {"value": text}, field=key))
            if day is not None:
                values[key] = (day.date() if isinstance(day, dt.datetime) else day).isoformat()
        elif field.kind == CHOICE:
            if text not in field.choices:
                problems.append(Problem("bad_choice", {"label": field.label, "value": text}, field=key))
            else:
                values[key] = text
        elif len(text) > field.max_len:
            problems.append(Problem("too_long", {"label": field.label, "max": field.max_len}, field=key))
        else:
            values[key] = text
    return values, problems


def self_paid_fen(values: Mapping[str, Any]) -> int | None:
    """医疗救助: what the patient paid after insurance (total − reimbursed), if both are known."""
    total, reimbursed = values.get("total_cost_fen"), values.get("reimbursed_fen")
    if isinstance(total, int) and isinstance(reimbursed, int):
        return total - reimbursed
    return None


def check_details(program_code: str | None, values: Mapping[str, Any], amount_fen: int,
                  period_end: dt.date | None = None) -> list[Problem]:
    """What does not add up between the facts and the amount paid (errors and warnings)."""
    problems: list[Problem] = []
    total, reimbursed = values.get("total_cost_fen"), values.get("reimbursed_fen")
    if isinstance(total, int) and isinstance(reimbursed, int) and reimbursed > total:
        problems.append(Problem("detail_reimbursed_above_cost", {
            "reimbursed": fen_to_yuan_str(reimbursed), "total": fen_to_yuan_str(total)}, field="reimbursed_fen"))
    paid = self_paid_fen(values)
    if paid is not None and paid >= 0:
        if amount_fen > paid:
            problems.append(Problem("detail_aid_above_self_paid", {
                "amount": fen_to_yuan_str(amount_fen), "self_paid": fen_to_yuan_str(paid)}, field="amount"))
        rate = values.get("rate_x100")
        if isinstance(rate, int):
            expected = round(paid * rate / 10_000)
            if abs(expected - amount_fen) > 100:  # more than a yuan apart (a cap may apply: a warning)
                problems.append(Problem("detail_aid_not_rate", {
                    "amount": fen_to_yuan_str(amount_fen), "self_paid": fen_to_yuan_str(paid),
                    "rate": rate_text(rate), "expected": fen_to_yuan_str(expected)}, Severity.WARNING,
                    field="rate_x100"))
    if values.get("acceptance") == "不合格":
        problems.append(Problem("detail_not_accepted", {"value": "不合格"}, field="acceptance"))
    if values.get("appraisal") == "不合格":
        problems.append(Problem("detail_ranger_failed", {"value": "不合格"}, Severity.WARNING, field="appraisal"))
    approved = values.get("approved_on")
    if isinstance(approved, str) and period_end is not None and approved > period_end.isoformat():
        problems.append(Problem("detail_approval_after_payment", {"approved": approved,
                                                                  "period": period_end.isoformat()},
                                Severity.WARNING, field="approved_on"))
    return problems


def rate_text(rate_x100: int) -> str:
    whole, part = divmod(rate_x100, 100)
    return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")


def cell_text(field: DetailField, value: Any) -> str:
    """A stored value as a ledger or a form prints it."""
    if value in (None, ""):
        return ""
    if field.kind == FEN:
        return fen_to_yuan_str(int(value))
    if field.kind == RATE:
        return f"{rate_text(int(value))}%"
    return str(value)


def typed_text(field: DetailField, value: Any) -> str:
    """A stored value as a clerk would type it back (dialogs, exports)."""
    if field.kind == RATE and value not in (None, ""):
        return rate_text(int(value))
    return cell_text(field, value)
