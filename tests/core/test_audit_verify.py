"""``audit verify``: the chain names the first entry that does not fit, and every audited
table's rows are compared with the state the log last recorded (full states for service
writes, row hashes in digests for bulk loads)."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk import audit
from suining_desk.audit.verify import VerifyReport, verify
from suining_desk.cli import main
from suining_desk.db import capture as audit_capture
from suining_desk.db import close_database, open_database
from suining_desk.db.capture import AUDITED_TABLES
from suining_desk.db.models import AuditEntry, Household, database
from suining_desk.demo.generate import generate_demo
from suining_desk.rules.household import PersonInput
from suining_desk.services import households as hs
from suining_desk.services.allocations import AllocationInput, add_allocation
from suining_desk.services.attachments import attach_bytes
from tests.county import id_number


def _fill_the_rest() -> None:
    """Rows in the tables the small demo leaves empty, and per-row states on top of the bulk."""
    hs.add_member(1, PersonInput(name="刘小宝", id_number=id_number("2018-06-01", 77, male=True), relation="子"),
                  kind="born", date=dt.date(2018, 6, 1), reason="出生", user="admin", today=dt.date(2018, 12, 1))
    attach_bytes("renovation", 1, "验收表.pdf", b"%PDF-1.4 fake scan", kind="acceptance", user="admin")
    with database.atomic("IMMEDIATE"):
        database.execute_sql("INSERT INTO payment_outcome (payment_id, result, date, note, recorded_by, recorded_at) "
                             "VALUES (1, 'paid', '2018-11-20', '', 'admin', '2018-11-21 09:00:00')")
        database.execute_sql("INSERT INTO period_lock (period, action, reason, by_user, at) "
                             "VALUES ('2018-11', 'lock', '月结', 'admin', '2018-12-01 09:00:00')")
        audit.append("test_rows_added", username="admin")
    add_allocation(AllocationInput(1, 2018, "central", 1_200_000_00, "湘财社〔2018〕12号", dt.date(2018, 3, 15)),
                   user="admin", today=dt.date(2018, 12, 1))
    household = Household.get_by_id(2)
    hs.change_status(household.id, status="monitored", year=None, date=dt.date(2018, 12, 1), reason="监测",
                     user="admin", today=dt.date(2018, 12, 1))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("verify") / "filled.sqlite3"
    db = open_database(path)
    generate_demo(db, scale="small", seed=11)
    _fill_the_rest()
    close_database()
    return path


@pytest.fixture
def copy(filled: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "copy.sqlite3"
    shutil.copyfile(filled, path)
    yield path
    close_database()


def tamper(path: Path, *sql: str) -> None:
    """Someone with another tool: the program's triggers dropped, then raw SQL."""
    con = sqlite3.connect(path, isolation_level=None)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    for statement in sql:
        con.execute(statement)
    for _, create in triggers:  # and put back, so the database looks untouched
        con.execute(create)
    con.close()


def check(path: Path) -> VerifyReport:
    open_database(path)
    report = verify()
    close_database()
    return report


def test_the_filled_database_verifies_and_covers_every_audited_table(filled: Path) -> None:
    report = check(filled)
    assert report.ok, report.records[:5]
    con = sqlite3.connect(filled)
    empty = [t for t in AUDITED_TABLES if con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] == 0]
    con.close()
    assert empty == []
    assert report.rows_checked > 4000


def _a_value_change(con: sqlite3.Connection, table: str, which: str = "MAX") -> tuple[int, str]:
    """An UPDATE that changes the last column of the table's newest (or oldest) row."""
    rid = con.execute(f'SELECT {which}(id) FROM "{table}"').fetchone()[0]
    column = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')][-1]
    value = con.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (rid,)).fetchone()[0]
    new = "x" if value is None else value + 1 if isinstance(value, int) else str(value) + "x"
    return rid, f"UPDATE \"{table}\" SET \"{column}\" = {new!r} WHERE id = {rid}"


@pytest.mark.parametrize("which", ["MAX", "MIN"])  # the newest row (often a full state), the oldest (often a digest)
@pytest.mark.parametrize("table", AUDITED_TABLES)
def test_tampering_with_any_audited_table_is_named(copy: Path, table: str, which: str) -> None:
    con = sqlite3.connect(copy)
    rid, statement = _a_value_change(con, table, which)
    con.close()
    tamper(copy, statement)
    report = check(copy)
    assert not report.ok and report.chain is None
    found = [(r.table, r.record_id, r.reason) for r in report.records]
    assert found == [(table, str(rid), "changed")]
    assert report.records[0].seq is not None  # the entry whose state it no longer matches


def test_a_service_write_names_the_changed_field(copy: Path) -> None:
    tamper(copy, "UPDATE household SET bank_account = '6217000000000000001', phone = '1' WHERE id = 2")
    report = check(copy)
    assert [(r.table, r.record_id, r.fields) for r in report.records] == [
        ("household", "2", ("bank_account", "phone"))]
    assert AuditEntry.select().count() and report.records[0].seq == report.entries


def test_removed_and_inserted_rows(copy: Path) -> None:
    con = sqlite3.connect(copy)
    ghost = con.execute("SELECT MAX(id) + 1 FROM program").fetchone()[0]
    con.close()
    tamper(copy, "DELETE FROM person WHERE id = 7",
           "INSERT INTO program (code, name, basis, frequency, funding_source, active, sort_order) "
           "VALUES ('ghost', '幽灵项目', 'person', 'monthly', '', 1, 99)",
           "DELETE FROM payment WHERE id = 3")
    report = check(copy)
    found = {(r.table, r.record_id, r.reason) for r in report.records}
    assert found == {("person", "7", "removed"), ("program", str(ghost), "inserted"), ("payment", "3", "removed")}


def test_attachment_content_verifies_itself(copy: Path) -> None:
    tamper(copy, "UPDATE blob SET data = X'00'")
    assert [r.table for r in check(copy).records] == ["blob"]


def _entries(path: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(path)
    rows = con.execute("SELECT seq, hash FROM audit_entry ORDER BY seq").fetchall()
    con.close()
    return rows


def test_a_changed_digest_chunk_names_its_entry(copy: Path) -> None:
    """Rewriting a bulk load's row hashes to fit a tampered row breaks the entry that lists the chunk."""
    con = sqlite3.connect(copy)
    chunk, hashes = con.execute("SELECT id, hashes FROM audit_digest ORDER BY id LIMIT 1").fetchone()
    entry = con.execute("SELECT seq FROM audit_entry WHERE states LIKE ? ORDER BY seq LIMIT 1",
                        (f'%"chunk":{chunk},%',)).fetchone()[0]
    con.close()
    forged = bytes([hashes[0] ^ 0xFF]) + bytes(hashes[1:])
    tamper(copy, f"UPDATE audit_digest SET hashes = X'{forged.hex()}' WHERE id = {chunk}")
    chain = check(copy).chain
    assert chain is not None and (chain.seq, chain.reason) == (entry, "changed")


def test_chain_changed(copy: Path) -> None:
    tamper(copy, "UPDATE audit_entry SET username = 'shenhe' WHERE seq = 3")
    assert (check(copy).chain.seq, check(copy).chain.reason) == (3, "changed")  # type: ignore[union-attr]


def test_chain_changed_with_its_own_hash_rewritten(copy: Path) -> None:
    open_database(copy)
    e = AuditEntry.get_by_id(3)
    forged = audit.entry_hash(e.prev_hash, 3, e.at, "shenhe", e.action, e.table_name, e.record_id,
                              e.before, e.after, e.states)
    close_database()
    tamper(copy, f"UPDATE audit_entry SET username = 'shenhe', hash = '{forged}' WHERE seq = 3")
    chain = check(copy).chain
    assert chain is not None and (chain.seq, chain.reason) == (3, "changed")


def test_chain_removed(copy: Path) -> None:
    tamper(copy, "DELETE FROM audit_entry WHERE seq = 4")
    chain = check(copy).chain
    assert chain is not None and (chain.seq, chain.reason) == (4, "removed")


def test_chain_inserted(copy: Path) -> None:
    prev = dict(_entries(copy))[2]
    at = "2018-12-01T10:00:00"
    forged = audit.entry_hash(prev, 3, at, "admin", "login", "user", "1", "", "", "")
    tamper(copy, "UPDATE audit_entry SET seq = -(seq + 1) WHERE seq >= 3",
           "UPDATE audit_entry SET seq = -seq WHERE seq < 0",
           "INSERT INTO audit_entry (seq, at, username, action, table_name, record_id, before, after, prev_hash, "
           f"hash, states) VALUES (3, '{at}', 'admin', 'login', 'user', '1', '', '', '{prev}', '{forged}', '')")
    chain = check(copy).chain
    assert chain is not None and (chain.seq, chain.reason) == (3, "inserted")


def test_chain_reordered(copy: Path) -> None:
    tamper(copy, "UPDATE audit_entry SET seq = -1 WHERE seq = 3", "UPDATE audit_entry SET seq = 3 WHERE seq = 4",
           "UPDATE audit_entry SET seq = 4 WHERE seq = -1")
    chain = check(copy).chain
    assert chain is not None and (chain.seq, chain.reason) == (3, "reordered")


def test_the_log_and_posted_payments_refuse_update_and_delete(copy: Path) -> None:
    con = sqlite3.connect(copy)
    for statement in ("UPDATE audit_entry SET username = 'x'", "DELETE FROM audit_entry",
                      "UPDATE audit_digest SET hashes = X'00'", "DELETE FROM audit_digest",
                      "UPDATE payment SET amount_fen = 1 WHERE posted = 1", "DELETE FROM payment WHERE posted = 1"):
        with pytest.raises(sqlite3.IntegrityError):
            con.execute(statement)
    con.close()


def test_cli_audit_verify(copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["audit", "verify", "--db", str(copy)]) == 0
    assert "日志链完整" in capsys.readouterr().out
    close_database()
    tamper(copy, "DELETE FROM audit_entry WHERE seq = 2", "UPDATE household SET phone = '13800000000' WHERE id = 5")
    assert main(["audit", "verify", "--db", str(copy)]) == 1
    err = capsys.readouterr().err
    assert "审计日志第2条被删除了" in err and "农户第5条记录" in err
    log = ["audit", "log", "--db", str(copy), "--table", "household", "--record", "2"]
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")
    assert main([*log, "--user", "luru"]) == 1  # a clerk: not theirs to read, as in the window
    assert "此操作需要审核员或更高的权限" in capsys.readouterr().err
    assert main([*log, "--user", "shenhe"]) == 0
    out = capsys.readouterr().out
    assert "变更户状态" in out and "430527" not in out.replace("430527********", "")


def test_a_large_write_is_logged_as_a_digest(copy: Path) -> None:
    db = open_database(copy)
    with database.atomic("IMMEDIATE"):
        db.execute_sql("UPDATE name_key SET key = key")  # not audited: nothing to log
        for i in range(audit_capture.FULL_STATE_LIMIT + 5):
            db.execute_sql(f"INSERT INTO status_change (household_id, old_status, new_status, date, reason, "
                           f"recorded_by, recorded_at) VALUES (1, 'poor', 'poor', '2018-12-01', 'r{i}', 'admin', "
                           f"'2018-12-01 10:00:00')")
        entry = audit.append("bulk_test", username="admin")
    assert '"digests"' in entry.states and '"rows":{' not in entry.states
    assert verify().ok
    close_database()
    tamper(copy, "UPDATE status_change SET reason = 'changed' WHERE reason = 'r7'")
    assert [r.reason for r in check(copy).records] == ["changed"]


def test_migration_logs_a_baseline_of_existing_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.db import migrations

    path = tmp_path / "old.sqlite3"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:2])
    monkeypatch.setattr(migrations, "LATEST", 2)
    open_database(path)
    database.execute_sql("INSERT INTO area (code, name, level, sort_order) VALUES ('430527', '绥宁县', 1, 0)")
    close_database()
    monkeypatch.undo()
    open_database(path)
    assert [e.action for e in AuditEntry.select()] == ["audit_baseline"]
    assert verify().ok
    close_database()


def test_verify_reports_progress_and_can_be_cancelled(copy: Path) -> None:
    import threading

    from suining_desk.audit.verify import VerifyCancelled

    open_database(copy)
    told: list[tuple[str, float]] = []
    report = verify(lambda stage, fraction: told.append((stage, fraction)))
    assert report.ok and told[0] == ("核验日志链", 0.0) and told[-1][0] == "核对附件内容"
    fractions = [f for _, f in told]
    assert fractions == sorted(fractions) and 0.9 < fractions[-1] <= 1.0
    assert len({s for s, _ in told}) == len(AUDITED_TABLES) + 2  # the chain, each table, the attachments

    cancel = threading.Event()
    seen: list[str] = []

    def stop_at_people(stage: str, _fraction: float) -> None:
        seen.append(stage)
        if stage == "核对记录：人员":
            cancel.set()

    with pytest.raises(VerifyCancelled):
        verify(stop_at_people, cancel)
    assert seen[-1] == "核对记录：人员"
