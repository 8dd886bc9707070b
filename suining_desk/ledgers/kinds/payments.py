"""资金发放台账: the posted payments of one program for a month or a year, in an area.

A program paid for named beneficiaries (残疾人两项补贴, 助学补助 …: each payment names a
person) prints on every row the beneficiary (享受人, their ID number) and the category beside
the payee (领款人), so two members of one household paid in one month are told apart; a
program paid to the household (低保 …) prints the head (户主姓名), and 类别 when its payments
carry one (低保 A/B/C). The columns are chosen in :mod:`.payment_columns`.

Under the heading the ledger names where the money comes from: the program's 资金来源 and
the year's allocations (资金下达: document numbers, levels and amounts). 本页小计 and 合计
count the households and people paid (共X户Y人) beside the amount: a reversal, and a
payment reversed within the ledger, pay nobody.

Reversal rows are printed as they are (negative, 备注 冲销…) next to the payment they
reverse, so the total nets to what was really paid. The 公示 variant prints only what
:mod:`suining_desk.ledgers.disclosure` allows: for 低保 and 特困 the head, the people and
the amount; for the others masked ID numbers; never a bank account or a health detail.

A one-off program (``frequency`` once: 医疗救助, 临时救助, 产业扶贫奖补 …) has no 补助标准:
each payment is assessed case by case, and the standard its lines carry is only the
program's cap (最高限额). Printed under 补助标准 next to the amount (30000.00 beside 1647.79)
it reads as a shortfall to an auditor, and an empty column invites the same question, so a
one-off program's ledger leaves the column out; its own facts (costs, rate, type …) show
how the amount was decided. The household file, whose payment table mixes programs, leaves
the cell empty on one-off rows instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, Program, database
from suining_desk.domain.enums import FREQUENCIES, AreaLevel
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.kinds.funds import fund_notes
from suining_desk.ledgers.kinds.payment_columns import AFTER, BEFORE, ONE_OFF, Facts, chosen, detail_slots
from suining_desk.ledgers.model import LedgerContent, Row, Tally, TallyMode
from suining_desk.ledgers.spec import FilterValue
from suining_desk.services import aid_details

__all__ = ["KIND", "ONE_OFF", "build", "query", "resolve"]

WHOLE_HOUSEHOLD = "全户"  # 享受人 of a line paid for the household, in a ledger of named beneficiaries

_SQL = """
SELECT p.id, p.household_id, p.batch_id, t.name, v.name, g.name,
       COALESCE(NULLIF(p.payee_name, ''), h.head_name),
       COALESCE(NULLIF(p.payee_id_number, ''), h.head_id_number),
       p.people, p.standard_fen, p.amount_fen, p.paid_date, p.bank_account, p.reason,
       p.reverses_id, p.reissue_of_id, p.period, p.months, p.person_id, pe.name, pe.id_number, p.category,
       CASE WHEN p.bank_name <> '' THEN p.bank_name WHEN p.bank_account = h.bank_account THEN h.bank_name
            ELSE '' END, p.details
FROM payment p
JOIN household h ON h.id = p.household_id
LEFT JOIN person pe ON pe.id = p.person_id
JOIN area g ON g.id = h."group_id"
JOIN area v ON v.id = p.village_id
JOIN area t ON t.id = p.township_id
WHERE p.posted = 1 AND p.program_id = ? AND p.period BETWEEN ? AND ? {area}
ORDER BY t.sort_order, t.code, v.sort_order, v.code, g.sort_order, g.code, h.household_no,
         p.period, p.id
"""


@dataclass(frozen=True)
class _Payment:
    id: int
    household_id: int
    batch_id: int | None
    township: str
    village: str
    group: str
    name: str
    id_number: str
    people: int
    standard_fen: int
    amount_fen: int
    paid_date: str | None
    account: str
    reason: str
    reverses_id: int | None
    reissue_of_id: int | None
    period: str
    months: int
    person_id: int | None
    person_name: str | None
    person_id_number: str | None
    category: str
    bank: str  # 开户银行: as recorded on the line, else the household's when the account is still its own
    details: str


def resolve(raw: Mapping[str, object]) -> dict[str, FilterValue]:
    program_text = str(raw.get("program") or "").strip()
    if not program_text:
        raise InvalidInput([Problem("required", {"label": "项目"}, field="program")])
    program = common.find_program(program_text)
    out: dict[str, FilterValue] = {"program": program.code, "year": common.check_year(raw)}
    month = common.check_month(raw)
    if month is not None and program.frequency not in ("monthly", "once"):  # its periods are terms, quarters, years
        raise InvalidInput([Problem("ledger_month_not_monthly", {
            "program": program.name, "frequency": FREQUENCIES.get(program.frequency, program.frequency)},
            field="month")])
    if month is not None:
        out["month"] = month
    out.update(common.resolve_area_filters(raw, village=True))
    return out


def query(program: Program, year: int, month: int | None, township: Area | None,
          village: Area | None) -> list[_Payment]:
    """The posted payments, in ledger order (township, village, group, household, period)."""
    low, high = common.period_range(year, month)
    area, area_params = common.area_clause("p", township, village)
    cursor = database.execute_sql(_SQL.format(area=area), [program.id, low, high, *area_params])
    return [_Payment(*row) for row in cursor.fetchall()]


def _notes(payments: Sequence[_Payment], one_period: bool) -> list[str]:
    """备注 of every row: period (year ledgers), reversal links, months, the reason."""
    number = {p.id: i + 1 for i, p in enumerate(payments)}
    reversed_by = {p.reverses_id: number[p.id] for p in payments if p.reverses_id is not None}
    notes = []
    for p in payments:
        parts = [] if one_period else [common.period_words(p.period)]
        if p.reverses_id is not None:
            target = f"第{number[p.reverses_id]}行" if p.reverses_id in number else f"{p.period}原发放"
            parts.append(f"冲销{target}" + (f"：{p.reason}" if p.reason else ""))
        else:
            if p.id in reversed_by:
                parts.append(f"已由第{reversed_by[p.id]}行冲销")
            if p.months > 1:
                parts.append(f"含{p.months}个月")
            if p.reason:
                parts.append(p.reason)
        notes.append("；".join(x for x in parts if x))
    return notes


def _tally(p: _Payment, reversed_here: set[int]) -> Tally | None:
    """Whom the line paid: nobody for a reversal or a line reversed in this ledger."""
    if p.reverses_id is not None or p.id in reversed_here or p.amount_fen <= 0:
        return None
    if p.person_id is not None:
        return Tally(p.household_id, (f"p{p.person_id}",))
    return Tally(p.household_id, tuple(f"h{p.household_id}.{k}" for k in range(1, max(p.people, 1) + 1)))


def _newest(payments: Sequence[_Payment]) -> dt.date | None:
    days = [p.paid_date for p in payments if p.paid_date]
    return dt.date.fromisoformat(str(max(days))[:10]) if days else None


def build(filters: Filters, public: bool, hidden: Sequence[str] = ()) -> LedgerContent:
    program = common.find_program(str(filters["program"]))
    year = int(filters["year"])
    month = int(filters["month"]) if "month" in filters else None
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    village = common.area_by_code(filters.get("village"), AreaLevel.VILLAGE)
    payments = query(program, year, month, township, village)
    notes = _notes(payments, month is not None)
    # The program's facts, when its payments carry them (those recorded before they were kept do not).
    details = detail_slots(aid_details.details_of(program.code)) if any(p.details for p in payments) else ()
    facts = Facts(per_person=any(p.person_id is not None for p in payments),
                  categories=any(p.category for p in payments),
                  several_people=any(p.people != 1 for p in payments),
                  one_off=program.frequency == ONE_OFF, program_code=program.code)
    slots = chosen([*BEFORE, *(slot for slot, _ in details), *AFTER], facts, public, hidden)
    keys = [slot.key for slot in slots]
    fields = {slot.key: f for slot, f in details}
    reversed_here = {p.reverses_id for p in payments if p.reverses_id is not None}
    rows = []
    for i, p in enumerate(payments):
        values = aid_details.decode(p.details)
        if "self_paid_fen" in {f.key for f in fields.values()}:
            paid = aid_details.self_paid_fen(values)
            if paid is not None:
                values["self_paid_fen"] = paid
        cell = {
            "seq": str(i + 1), "place": p.village if township is not None else p.township + p.village,
            "group": p.group, "head": p.name, "head_id": common.id_cell(p.id_number, public),
            "person": p.person_name or WHOLE_HOUSEHOLD, "person_id": common.id_cell(p.person_id_number or "", public),
            "category": p.category, "payee": p.name, "people": str(p.people),
            "standard": fen_to_yuan_str(p.standard_fen) if p.standard_fen else "",
            "amount": fen_to_yuan_str(p.amount_fen), "paid_date": p.paid_date or "", "bank": p.bank,
            "account": p.account, "note": common.note_cell(notes[i], public),
        }
        texts = tuple(aid_details.cell_text(fields[k], values.get(fields[k].key)) if k in fields else cell[k]
                      for k in keys)
        rows.append(Row(texts, (p.amount_fen,), _tally(p, reversed_here)))
    where = common.place_words(township, village)
    when = f"{year}年{month}月" if month is not None else f"{year}年"
    title = f"{common.COUNTY_NAME}{where}{when}{program.name}资金发放{'公示' if public else '台账'}"
    ids = sorted(p.id for p in payments)
    fund_lines, allocation_ids = fund_notes(program, year)
    return LedgerContent(
        title=title, unit=common.unit_for(township),
        period_label=f"归属期间：{when}" if month is not None else f"归属年度：{when}",
        columns=tuple(slot.column for slot in slots), rows=rows, source_table="payment", source_ids=ids,
        audit_refs={
            "payment": ids,
            "household": sorted({p.household_id for p in payments}),
            "person": sorted({p.person_id for p in payments if p.person_id is not None}),
            "payment_batch": sorted({p.batch_id for p in payments if p.batch_id is not None}),
            "program": [int(program.id)],
            "allocation": allocation_ids,
        },
        notes=fund_lines, tally=TallyMode.PEOPLE, newest=_newest(payments),
    )


KIND = LedgerKind(name="payments", label="资金发放台账", resolve=resolve, build=build,
                  describe=common.describe_payments,
                  township_of=common.township_id,
                  latest_year=common.latest_payment_year, has_public_variant=True)
