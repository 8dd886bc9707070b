"""A batch's lines are logged as one row set (one hash in one audit entry), and ``audit
verify`` still finds a posted payment changed or removed with another tool."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from suining_desk.audit.verify import report_problems, verify
from suining_desk.db import capture as audit_capture
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Payment, database
from suining_desk.domain.messages import describe
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import adjust_line, create_batch, delete_draft, remove_line
from tests.payments import TODAY, PaymentCounty, build_payment_county


@pytest.fixture
def county(db: object) -> PaymentCounty:
    return build_payment_county()


def _posted_batch(county: PaymentCounty) -> int:
    created = create_batch(county.programs["dibao"], "2018-08", county.areas.changpu.id, user="luru",
                           pay_date=dt.date(2018, 8, 10))
    wf.submit_batch(created.batch_id, user="luru")
    wf.approve_batch(created.batch_id, user="shenhe")
    wf.post_batch(created.batch_id, dt.date(2018, 8, 10), user="shenhe", today=TODAY)
    return created.batch_id


def _tamper(path: Path, *sql: str) -> None:
    close_database()
    con = sqlite3.connect(path, isolation_level=None)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    for statement in sql:
        con.execute(statement)
    for _, create in triggers:  # and put back, so the database looks untouched
        con.execute(create)
    con.close()
    open_database(path)


def test_posting_logs_one_set_and_verifies(county: PaymentCounty) -> None:
    batch = _posted_batch(county)
    posted = AuditEntry.select().where(AuditEntry.action == "batch_posted").get()
    states = json.loads(posted.states)
    [logged] = states["sets"]
    assert logged["of"] == {"batch_id": batch} and logged["rows"] == 2
    assert "payment:" not in posted.states  # no per-row states of the lines
    assert audit_capture.pending(database.obj) == []
    report = verify()
    assert report.ok, report.records


@pytest.mark.parametrize("statement", [
    "UPDATE payment SET amount_fen = amount_fen + 100 WHERE id = {pid}",
    "UPDATE payment SET bank_account = '6221889999999999' WHERE id = {pid}",
    "DELETE FROM payment WHERE id = {pid}",
])
def test_raw_sql_on_a_posted_payment_is_found(county: PaymentCounty, db_path: Path, statement: str) -> None:
    batch = _posted_batch(county)
    pid = Payment.select(Payment.id).where(Payment.batch == batch).order_by(Payment.id).first().id
    seq = AuditEntry.select().where(AuditEntry.action == "batch_posted").get().seq
    _tamper(db_path, statement.format(pid=pid))
    report = verify()
    assert not report.ok and report.chain is None
    [problem] = report.records
    assert (problem.table, problem.reason, problem.seq, problem.rows) == ("payment", "set_changed", seq, 2)
    assert str(pid) in problem.record_id
    text = describe(report_problems(report)[0])
    assert text.startswith("资金发放第") and "作为一组" in text


def test_a_row_added_to_a_posted_batch_is_found(county: PaymentCounty, db_path: Path) -> None:
    batch = _posted_batch(county)
    _tamper(db_path, "INSERT INTO payment (batch_id, program_id, household_id, person_id, township_id, village_id, "
                     "period, category, people, months, standard_fen, amount_fen, payee_name, payee_id_number, "
                     "bank_account, paid_date, reason, posted, created_by, created_at) SELECT batch_id, program_id, "
                     "household_id, person_id, township_id, village_id, period, category, people, months, "
                     f"standard_fen, amount_fen, payee_name, payee_id_number, bank_account, paid_date, reason, 1, "
                     f"created_by, created_at FROM payment WHERE batch_id = {batch} LIMIT 1")
    assert [r.reason for r in verify().records] == ["inserted"]


def test_draft_edits_relog_the_set_so_nothing_is_left_unverified(county: PaymentCounty, db_path: Path) -> None:
    created = create_batch(county.programs["dibao"], "2018-08", county.areas.county.id, user="admin",
                           pay_date=dt.date(2018, 8, 10))
    first, second, third = [p.id for p in Payment.select().where(Payment.batch == created.batch_id)
                            .order_by(Payment.id)]
    adjust_line(first, 12345, "核减", user="admin")
    remove_line(second, "重复", user="admin")
    assert verify().ok
    # The line nobody touched is still covered: changing it is found.
    _tamper(db_path, f"UPDATE payment SET amount_fen = 1 WHERE id = {third}")
    assert [r.reason for r in verify().records] == ["set_changed"]


def test_a_deleted_draft_verifies(county: PaymentCounty) -> None:
    created = create_batch(county.programs["dibao"], "2018-08", county.areas.county.id, user="admin",
                           pay_date=dt.date(2018, 8, 10))
    delete_draft(created.batch_id, user="admin")
    assert verify().ok
