"""资金发放台账: the posted payments of one program for a month or a year, in an area.

A program paid for named beneficiaries (残疾人两项补贴, 助学补助 …: each payment names a
person) prints on every row the beneficiary (享受人, their ID number) and the category beside
the payee (领款人), so two members of one household paid in one month are told apart; a
program paid to the household (低保 …) prints the head (户主姓名), and 类别 when its payments
carry one (低保 A/B/C).

Reversal rows are printed as they are (negative, 备注 冲销…) next to the payment they
reverse, so the total nets to what was really paid. The 公示 variant masks ID numbers
with the program's one masking policy and leaves the bank account column out.

A one-off program (``frequency`` once: 医疗救助, 临时救助, 产业扶贫奖补 …) has no 补助标准:
each payment is assessed case by case, and the standard its lines carry is only the
program's cap (最高限额). Printed under 补助标准 next to the amount (30000.00 beside 1647.79)
it reads as a shortfall to an auditor, and an empty column invites the same question, so a
one-off program's ledger leaves the column out (备注 gets the room); the amount is what was
paid and decided. The household file, whose payment table mixes programs, leaves the cell
empty on one-off rows instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from suining_desk.db.models import Area, Program, database
from suining_desk.domain.enums import FREQUENCIES, AreaLevel
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers.kind import Filters, LedgerKind
from suining_desk.ledgers.kinds import common
from suining_desk.ledgers.model import Align, Column, LedgerContent, Row, Total
from suining_desk.ledgers.spec import FilterValue

COLUMNS = (
    Column("序号", 3.4, whole=True),
    Column("村", 6.5),
    Column("组", 4.2),
    Column("户主姓名", 5.5),  # per household: the payee (the head, unless another was recorded)
    Column("身份证号", 11.5, whole=True),
    Column("享受人", 5.0),  # per person: whom the aid is for …
    Column("享受人身份证号", 11.5, whole=True),
    Column("类别", 3.8),
    Column("领款人", 5.0),  # … and who was paid (the head or a guardian)
    Column("享受人数", 3.8, whole=True),
    Column("补助标准", 5.2, Align.RIGHT, whole=True),
    Column("金额", 6.2, Align.RIGHT, Total.FEN),
    Column("发放日期", 6.6, whole=True),
    Column("账号", 12.5, whole=True),
    Column("备注", 13.0, Align.LEFT),
)
HEAD_COLUMNS = {3, 4}
PERSON_COLUMNS = {5, 6, 8}
CATEGORY_COLUMN = 7
PEOPLE_COLUMN = 9
STANDARD_COLUMN = 10
ACCOUNT_COLUMN = 13
WHOLE_HOUSEHOLD = "全户"  # 享受人 of a line paid for the household, in a ledger of named beneficiaries
ONE_OFF = "once"  # Program.frequency of one-off aid

_SQL = """
SELECT p.id, p.household_id, p.batch_id, t.name, v.name, g.name,
       COALESCE(NULLIF(p.payee_name, ''), h.head_name),
       COALESCE(NULLIF(p.payee_id_number, ''), h.head_id_number),
       p.people, p.standard_fen, p.amount_fen, p.paid_date, p.bank_account, p.reason,
       p.reverses_id, p.reissue_of_id, p.period, p.months, p.person_id, pe.name, pe.id_number, p.category
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


def _dropped_columns(program: Program, payments: Sequence[_Payment], public: bool) -> set[int]:
    """The columns this ledger leaves out. Payments made for named beneficiaries (残疾人两项补贴,
    助学补助, 医疗救助 …: the payment names a person) print the beneficiary, their ID number and
    the payee, so two members of one household paid in one month read as two payments, not
    one paid twice; the others print the head (or payee) of the household. 类别 only when the
    payments carry one (低保 A/B/C, 两项/护理/生活 …), 享受人数 for named beneficiaries only when
    a line is for more than one person."""
    per_person = any(p.person_id is not None for p in payments)
    dropped = set(PERSON_COLUMNS if not per_person else HEAD_COLUMNS)
    if not any(p.category for p in payments):
        dropped.add(CATEGORY_COLUMN)
    if per_person and all(p.people == 1 for p in payments):
        dropped.add(PEOPLE_COLUMN)
    if public:
        dropped.add(ACCOUNT_COLUMN)
    if program.frequency == ONE_OFF:  # no standard, only a cap: see the module notes
        dropped.add(STANDARD_COLUMN)
    return dropped


def build(filters: Filters, public: bool) -> LedgerContent:
    program = common.find_program(str(filters["program"]))
    year = int(filters["year"])
    month = int(filters["month"]) if "month" in filters else None
    township = common.area_by_code(filters.get("township"), AreaLevel.TOWNSHIP)
    village = common.area_by_code(filters.get("village"), AreaLevel.VILLAGE)
    payments = query(program, year, month, township, village)
    notes = _notes(payments, month is not None)
    dropped = _dropped_columns(program, payments, public)
    rows = []
    for i, p in enumerate(payments):
        place = p.village if township is not None else p.township + p.village
        cells = (
            str(i + 1), place, p.group, p.name, common.id_cell(p.id_number, public),
            p.person_name or WHOLE_HOUSEHOLD, common.id_cell(p.person_id_number or "", public), p.category,
            p.name, str(p.people), fen_to_yuan_str(p.standard_fen) if p.standard_fen else "",
            fen_to_yuan_str(p.amount_fen), p.paid_date or "", p.account, common.note_cell(notes[i], public),
        )
        rows.append(Row(common.without(cells, dropped), (p.amount_fen,)))
    columns = common.without(COLUMNS, dropped)
    where = common.place_words(township, village)
    when = f"{year}年{month}月" if month is not None else f"{year}年"
    title = f"{common.COUNTY_NAME}{where}{when}{program.name}资金发放{'公示' if public else '台账'}"
    ids = sorted(p.id for p in payments)
    return LedgerContent(
        title=title, unit=common.unit_for(township),
        period_label=f"归属期间：{when}" if month is not None else f"归属年度：{when}",
        columns=columns, rows=rows, source_table="payment", source_ids=ids,
        audit_refs={
            "payment": ids,
            "household": sorted({p.household_id for p in payments}),
            "person": sorted({p.person_id for p in payments if p.person_id is not None}),
            "payment_batch": sorted({p.batch_id for p in payments if p.batch_id is not None}),
        },
    )


KIND = LedgerKind(name="payments", label="资金发放台账", resolve=resolve, build=build,
                  describe=common.describe_payments,
                  township_of=common.township_id,
                  latest_year=common.latest_payment_year, has_public_variant=True)
