"""Enrolments, payments and check findings to xlsx. Enrolments use the layout they are
imported from (export → import reproduces them).

The payment list (资金发放明细) is a report, for reading, checking and audit: every line
of the batches (regular, one-off, reversals, re-issues) with its batch number, paid date
and account. It says so in a title line above the header, and its 批次号 column makes the
payments import refuse it as a whole — money already in a batch must not be imported as
new one-off aid, which would pay it twice. One-off aid is imported from the template.
Findings are a report too."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from suining_desk.db.models import Area, Enrolment, Household, Payment, Person, database
from suining_desk.db.rows import tuples
from suining_desk.domain.money import fen_to_yuan_str
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.aid_records import ENROLMENTS, PAYMENTS
from suining_desk.exchange.columns import Column
from suining_desk.exchange.housing_export import RecordsWritten
from suining_desk.exchange.staging import ProgressFn, Steps
from suining_desk.exchange.xlsx_out import write_table
from suining_desk.services.aid_details import PROGRAM_DETAILS, decode, typed_text
from suining_desk.services.enrolment_query import EnrolmentFilter, enrolment_ids, enrolment_rows
from suining_desk.services.payment_query import PaymentColumn, PaymentFilter, PaymentRow, payment_page

CHUNK = 500
PAYMENT_SHEET = "资金发放明细"
PAYMENT_TITLE = ("资金发放明细（报表：已编入发放批次的记录，供查阅、核对和审计，不能再导入；"
                 "一次性救助请用导入模板填写后导入）")
PAYMENT_EXTRA = (Column("kind", "类型", (), width=8), Column("batch_no", "批次号", (), width=24),
                 Column("paid_date", "发放日期", (), width=12), Column("bank_account", "账号", (), text=True, width=22))
FINDING_COLUMNS = (Column("check", "检查项目", (), width=24), Column("records", "涉及记录", (), width=40),
                   Column("text", "说明", (), width=80))


def _people(ids: set[int]) -> dict[int, tuple[str, str]]:
    if not ids:
        return {}
    rows = tuples(Person.select(Person.id, Person.name, Person.id_number).where(Person.id.in_(list(ids))))
    return {int(i): (str(n), str(number or "")) for i, n, number in rows}


def _households(ids: set[int]) -> dict[int, tuple[str, str, str, str]]:
    query = tuples(Household.select(Household.id, Household.household_no, Household.head_name,
                                    Household.head_id_number, Household.township).where(Household.id.in_(list(ids))))
    names = {a.id: a.name for a in Area.select(Area.id, Area.name)}
    return {int(i): (str(no), str(head), str(number), names.get(t, "")) for i, no, head, number, t in query}


def _details(model: type[Enrolment] | type[Payment], ids: Sequence[int]) -> dict[int, dict[str, object]]:
    """id → the program's facts as a clerk types them, under the layouts' ``detail_*`` keys."""
    fields = {f.key: f for spec in PROGRAM_DETAILS.values() for f in spec.fields}
    out: dict[int, dict[str, object]] = {}
    for rid, text in tuples(model.select(model.id, model.details).where(model.id.in_(list(ids)))):
        values = decode(text)
        out[int(rid)] = {f"detail_{k}": typed_text(fields[k], v) or None for k, v in values.items() if k in fields}
    return out


def _enrolment_rows(ids: Sequence[int], steps: Steps) -> Iterator[list[object]]:
    keys = [c.key for c in ENROLMENTS.columns]
    for start in range(0, len(ids), CHUNK):
        steps.report("导出", start / max(len(ids), 1))
        part = list(ids[start:start + CHUNK])
        rows = enrolment_rows(part)
        facts = _details(Enrolment, part)
        homes = _households({r.household_id for r in rows.values()})
        people = _people({r.person_id for r in rows.values() if r.person_id})
        for rid in part:
            r = rows[rid]
            no, head, head_id, town = homes[r.household_id]
            name, number = people.get(r.person_id or 0, ("", ""))
            values = {"household_no": no, "township": town, "village": r.village, "head_name": head,
                      "id_number": head_id, "program": r.program, "person_name": name or None,
                      "person_id": number or None, "category": r.category or None, "people": r.people,
                      "start_date": r.start_date, "end_date": r.end_date, "end_reason": r.end_reason or None,
                      **facts.get(rid, {})}
            yield [values.get(k) for k in keys]


def export_enrolments(out: Path | str, f: EnrolmentFilter | None = None, *, progress: ProgressFn | None = None,
                      cancel: threading.Event | None = None) -> RecordsWritten:
    ids = list(enrolment_ids(f or EnrolmentFilter()))
    if not ids:
        raise InvalidInput([Problem("export_empty")])
    with database.atomic():
        count = write_table(out, ENROLMENTS.sheet_title, ENROLMENTS.columns, _enrolment_rows(ids, Steps(progress,
                                                                                                        cancel)))
    return RecordsWritten(Path(out), count)


def _payment_pages(f: PaymentFilter, steps: Steps) -> Iterator[list[PaymentRow]]:
    after: PaymentRow | None = None
    while True:
        page = payment_page(f, PaymentColumn.ID, after=after, limit=2000)
        if not page:
            return
        steps.check()
        yield page
        after = page[-1]


def _payment_rows(f: PaymentFilter, steps: Steps) -> Iterator[list[object]]:
    columns = (*PAYMENTS.columns, *PAYMENT_EXTRA)
    keys = [c.key for c in columns]
    for page in _payment_pages(f, steps):
        homes = _households({r.household_id for r in page})
        facts = _details(Payment, [r.id for r in page])
        for r in page:
            no, head, head_id, town = homes[r.household_id]
            values = {"household_no": no, "township": town, "village": r.village, "head_name": head,
                      "id_number": head_id, "program": r.program, "person_name": r.person_name or None,
                      "person_id": None, "period": r.period,  # the row names the payee, not the person
                      "amount": fen_to_yuan_str(r.amount_fen), "reason": r.reason or None, "kind": r.kind,
                      "batch_no": r.batch_no or None, "paid_date": r.paid_date, "bank_account": r.bank_account,
                      **facts.get(r.id, {})}
            yield [values.get(k) for k in keys]


def export_payments(out: Path | str, f: PaymentFilter | None = None, *, progress: ProgressFn | None = None,
                    cancel: threading.Event | None = None) -> RecordsWritten:
    f = f or PaymentFilter()
    if not payment_page(f, PaymentColumn.ID, limit=1):
        raise InvalidInput([Problem("export_empty")])
    with database.atomic():
        count = write_table(out, PAYMENT_SHEET, (*PAYMENTS.columns, *PAYMENT_EXTRA),
                            _payment_rows(f, Steps(progress, cancel)), title=PAYMENT_TITLE)
    return RecordsWritten(Path(out), count)


def export_findings(out: Path | str, results: list[Any] | None = None, *, progress: ProgressFn | None = None,
                    cancel: threading.Event | None = None) -> RecordsWritten:
    """Every finding of the audit checks (those given, as the checks page shows them, or
    run now) to xlsx."""
    from suining_desk.services.checks import run_checks

    if results is None:
        results = run_checks(progress=progress, cancel=cancel)
    rows = [[r.check.title, "；".join(ref.text for ref in f.records), f.text] for r in results for f in r.findings]
    if not rows:
        raise InvalidInput([Problem("export_empty")])
    count = write_table(out, "核查结果", FINDING_COLUMNS, rows)
    return RecordsWritten(Path(out), count)
