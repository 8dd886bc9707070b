"""Protections switched off quietly (issue 13, item 7): with the append-only triggers dropped
by hand the database opens read-only for the program — reading and logging in go on, every
change is refused in Chinese — ``audit verify`` names what is missing, and an admin restores
them (``db repair-protections``), which is logged."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from suining_desk.audit.verify import report_problems, verify
from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.errors import StorageError
from suining_desk.db.models import AuditEntry, Household, Payment, database
from suining_desk.db.protections import EXPECTED, inspect, read_only_policy
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import households as hs
from suining_desk.services.accounts import login
from suining_desk.services.protections import repair
from suining_desk.storage import backups

PASSWORD = "suining2018"
TODAY = dt.date(2019, 6, 30)


@pytest.fixture
def county(small_demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(small_demo_path, path)
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    return path


def _raw(path: Path, *sql: str) -> None:
    """Someone with an SQLite tool."""
    con = sqlite3.connect(path, isolation_level=None)
    for statement in sql:
        con.execute(statement)
    con.close()


def test_the_list_is_every_trigger_a_new_database_has(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    found = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    close_database()
    assert found == set(EXPECTED)  # a migration that adds a trigger adds it to the list too
    assert {"audit_entry_no_update", "audit_entry_no_delete", "payment_posted_no_update",
            "payment_batch_posted_no_update", "user_no_delete"} <= found


def test_dropped_triggers_make_the_database_read_only_until_an_admin_repairs_them(
        county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _raw(county, "DROP TRIGGER audit_entry_no_update", "DROP TRIGGER payment_posted_no_update")
    open_database(county)
    assert inspect(database.connection()).missing == ("audit_entry_no_update", "payment_posted_no_update")
    household = Household.select().order_by(Household.id).first()
    entries = AuditEntry.select().count()
    with pytest.raises(StorageError) as info:  # a change through the program …
        hs.change_status(household.id, status="monitored", year=None, date=dt.date(2019, 6, 1), reason="走访",
                         user="luru", today=TODAY)
    assert info.value.problems[0].code == "db_unprotected_write"
    assert "只能查看，不能修改" in describe(info.value.problems[0])
    with pytest.raises(StorageError):  # … or around it, on this connection
        database.execute_sql("UPDATE payment SET amount_fen = 1 WHERE posted = 1")
    assert Household.get_by_id(household.id).status == household.status
    assert AuditEntry.select().count() == entries
    account = login("shenhe", PASSWORD)  # logging in still works (and is logged)
    assert account.username == "shenhe" and AuditEntry.select().count() == entries + 1
    with pytest.raises(InvalidInput):
        repair(by="shenhe")  # not an admin
    report = verify()
    assert not report.ok
    text = describe(report_problems(report)[0])
    assert "保护规则被人改动过" in text and "audit_entry_no_update（缺失）" in text
    close_database()

    code = main(["stats", "--db", str(county)])  # reading: fine, with a warning
    out, err = capsys.readouterr()
    assert code == 0 and "户数" in out and "保护规则被人改动过" in err
    close_database()
    code = main(["household", "remove", household.household_no, "--reason", "迁出", "--db", str(county),
                 "--user", "admin"])
    assert code == 1 and "只能查看，不能修改" in capsys.readouterr().err
    close_database()
    assert main(["audit", "verify", "--db", str(county)]) == 1
    assert "payment_posted_no_update（缺失）" in capsys.readouterr().err
    close_database()

    assert main(["db", "repair-protections", "--db", str(county), "--user", "admin"]) == 0
    assert "已恢复数据库的保护规则" in capsys.readouterr().out
    close_database()
    open_database(county)
    assert inspect(database.connection()).ok
    restored = AuditEntry.select().where(AuditEntry.action == "protections_restored").get()
    assert restored.username == "admin" and "audit_entry_no_update" in restored.after
    kept = [b for b in backups.list_backups(backups.backup_folder(county)) if b.kind == "before-repair"]
    assert len(kept) == 1 and json.loads(restored.after)["kept"] == kept[0].path.name  # as it was found
    assert backups.integrity_problems(kept[0].path) == []
    with pytest.raises(Exception, match="append-only"):  # protected again
        database.execute_sql("UPDATE payment SET amount_fen = 1 WHERE posted = 1")
    hs.change_status(household.id, status="monitored", year=None, date=dt.date(2019, 6, 1), reason="走访",
                     user="luru", today=TODAY)  # and writable
    assert verify().ok
    close_database()
    assert main(["db", "repair-protections", "--db", str(county), "--user", "admin"]) == 0
    assert "完好" in capsys.readouterr().out


def test_a_trigger_rewritten_to_do_nothing_or_one_slipped_in_is_caught(county: Path) -> None:
    _raw(county,
         "DROP TRIGGER payment_posted_no_delete",
         "CREATE TRIGGER payment_posted_no_delete BEFORE DELETE ON payment WHEN 0 BEGIN SELECT 1; END",
         "CREATE TRIGGER halve AFTER INSERT ON payment BEGIN UPDATE payment SET amount_fen = amount_fen / 2 "
         "WHERE id = NEW.id; END")
    open_database(county)
    state = inspect(database.connection())
    assert (state.missing, state.altered, state.foreign) == ((), ("payment_posted_no_delete",), ("halve",))
    login("admin", PASSWORD)
    repair(by="admin")
    assert inspect(database.connection()).ok
    logged = json.loads(AuditEntry.select().where(AuditEntry.action == "protections_restored").get().after)
    assert "amount_fen / 2" in logged["removed"]["halve"] and "WHEN 0" in logged["altered"]["payment_posted_no_delete"]
    posted = Payment.select().where(Payment.posted == True).first()  # noqa: E712 - peewee expression
    with pytest.raises(Exception, match="append-only"):
        posted.delete_instance()
    close_database()


def test_the_policy_lets_only_a_logins_bookkeeping_through() -> None:
    ok, deny = sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY
    assert read_only_policy(sqlite3.SQLITE_UPDATE, "user", "failed_attempts", "main", None) == ok
    assert read_only_policy(sqlite3.SQLITE_UPDATE, "user", "role", "main", None) == deny
    assert read_only_policy(sqlite3.SQLITE_INSERT, "audit_entry", None, "main", None) == ok
    assert read_only_policy(sqlite3.SQLITE_INSERT, "user", None, "main", None) == deny
    assert read_only_policy(sqlite3.SQLITE_DELETE, "audit_entry", None, "main", None) == deny
    assert read_only_policy(sqlite3.SQLITE_CREATE_TRIGGER, "x", "payment", "main", None) == deny
    assert read_only_policy(sqlite3.SQLITE_INSERT, "audit_dirty", None, "temp", None) == ok
    assert read_only_policy(sqlite3.SQLITE_READ, "payment", "amount_fen", "main", None) == ok


def test_while_unprotected_only_the_log_grows_and_logins_keep_their_books(
        county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The outside tester's F10: docs/security.md said a login's bookkeeping was the one write
    while the protections are gone; the program also logs a printed ledger (the log only grows:
    the authorizer lets rows be added to ``audit_entry`` and nothing else in it change). What
    the page says and what the program does now agree, and this holds them together."""
    _raw(county, "DROP TRIGGER audit_entry_no_update")
    open_database(county)
    before = AuditEntry.select().count()
    close_database()
    out = tmp_path / "汇总.pdf"
    assert main(["ledger", "summary", "--year", "2018", "--out", str(out), "--db", str(county), "--user", "admin"]) == 0
    assert main(["household", "remove", "4305271000020019", "--reason", "x", "--db", str(county),
                 "--user", "admin"]) == 1
    assert "在管理员恢复之前只能查看，不能修改" in capsys.readouterr().err
    open_database(county)
    try:
        actions = [e.action for e in AuditEntry.select().where(AuditEntry.seq > before).order_by(AuditEntry.seq)]
        assert actions == ["login", "ledger_printed", "login"]  # the print logged, the removal not
        with pytest.raises(StorageError):
            database.execute_sql("UPDATE audit_entry SET username = 'x' WHERE seq = 1")  # the log: only grows
    finally:
        close_database()
