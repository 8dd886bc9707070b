"""Rollback noticed (issue 13, item 6): an older backup copied over the database, with the
backups folder moved away so its anchors cannot tell, is caught against what this computer
last saw of the database — on every command (a warning), by ``audit verify`` and by
``verify`` of a ledger printed before — until an admin accepts it (logged)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Household
from suining_desk.services import households as hs
from suining_desk.services.accounts import login
from suining_desk.storage import paths
from suining_desk.storage import seen as audit_seen
from suining_desk.storage.backups import automatic_backup

PASSWORD = "suining2018"
TODAY = dt.date(2019, 6, 30)


@pytest.fixture
def county(small_demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(small_demo_path, path)
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    return path


def _work(path: Path, times: int, *, why: str = "走访") -> tuple[int, str]:
    """A clerk's day: status changes and logins; returns the household changed."""
    open_database(path)
    household = Household.select().order_by(Household.id).first()
    for i in range(times):
        hs.change_status(household.id, status="monitored" if i % 2 == 0 else "poor", year=None,
                         date=dt.date(2019, 6, 1), reason=f"{why}第{i}次", user="luru", today=TODAY)
        login("luru", PASSWORD)
    close_database()
    return household.id, household.household_no


def _roll_back(path: Path, backup: Path, tmp_path: Path) -> None:
    """The attack: the older copy over the database, the backups folder out of the way."""
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    shutil.move(str(paths.backups_dir()), str(tmp_path / "moved-away"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def test_an_older_copy_over_the_database_is_warned_about_until_an_admin_accepts_it(
        county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = automatic_backup(county)
    assert info is not None
    _work(county, 3)
    open_database(county)
    seen = AuditEntry.select().order_by(AuditEntry.seq.desc()).first().seq
    close_database()
    _roll_back(county, info.path, tmp_path)

    code, out, err = _run(capsys, "stats", "--db", str(county))
    assert code == 0 and "户数" in out  # reading goes on …
    assert "数据库被回退了" in err and f"已记到第{seen}条" in err and f"只到第{info.audit_seq}条" in err  # … warned
    code, _, err = _run(capsys, "audit", "verify", "--db", str(county))
    assert code == 1 and "数据库被回退了" in err
    code, _, err = _run(capsys, "db", "accept-rollback", "--db", str(county), "--user", "luru")
    assert code == 1 and "管理员" in err  # a clerk cannot make it go away
    code, out, _ = _run(capsys, "db", "accept-rollback", "--db", str(county), "--user", "admin")
    assert code == 0 and f"此前看到审计日志第{seen}条" in out
    open_database(county)
    accepted = AuditEntry.select().where(AuditEntry.action == "rollback_accepted").get()
    assert accepted.username == "admin" and json.loads(accepted.after)["seen_seq"] == seen
    close_database()
    code, _, err = _run(capsys, "stats", "--db", str(county))
    assert code == 0 and "回退" not in err
    assert _run(capsys, "audit", "verify", "--db", str(county))[0] == 0


def test_without_what_this_computer_saw_the_same_attack_goes_unnoticed(
        county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What the attack found: with the backups folder gone, nothing else could tell."""
    info = automatic_backup(county)
    assert info is not None
    _work(county, 2)
    _roll_back(county, info.path, tmp_path)
    shutil.rmtree(paths.data_dir() / audit_seen.FOLDER)
    code, _, err = _run(capsys, "audit", "verify", "--db", str(county))
    assert code == 0 and "回退" not in err


def test_a_rolled_back_database_used_again_is_still_caught(county: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    info = automatic_backup(county)
    assert info is not None
    _work(county, 2)
    _roll_back(county, info.path, tmp_path)
    # more work than was lost: the log is longer again, but another log (other work: the same work
    # within the same second would write the very entries that were lost, and no log would differ)
    _work(county, 4, why="复查")
    code, _, err = _run(capsys, "stats", "--db", str(county))
    assert code == 0 and "数据库被回退了" in err and "已是另一条记录" in err


def test_a_restore_with_the_program_is_not_a_rollback_to_warn_about(county: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    info = automatic_backup(county)
    assert info is not None
    _work(county, 2)
    code, _, _ = _run(capsys, "restore", str(info.path), "--db", str(county), "--user", "admin")
    assert code == 0
    code, _, err = _run(capsys, "stats", "--db", str(county))
    assert code == 0 and "回退" not in err
    assert _run(capsys, "audit", "verify", "--db", str(county))[0] == 0


def test_an_old_copy_opened_where_it_lies_is_not_warned_about(county: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "2019年6月的副本.sqlite3"
    shutil.copyfile(county, old)
    _work(county, 2)
    code, _, err = _run(capsys, "stats", "--db", str(old))
    assert code == 0 and "回退" not in err


def test_a_ledger_printed_before_the_rollback_says_the_database_went_back(
        county: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = automatic_backup(county)
    assert info is not None
    _, number = _work(county, 2)
    pdf = tmp_path / "一户一档.pdf"
    assert _run(capsys, "ledger", "household", number, "--db", str(county), "--out", str(pdf),
                "--user", "admin")[0] == 0
    _roll_back(county, info.path, tmp_path)
    shutil.rmtree(paths.data_dir() / audit_seen.FOLDER)  # even with nothing else to tell
    code, out, _ = _run(capsys, "verify", str(pdf), "--db", str(county), "--user", "admin")
    assert code == 1 and "数据库被回退了：台账生成时审计日志已有第" in out
    assert out.index("数据库被回退了") < out.index("审计日志序号由")  # said first


def test_a_command_that_writes_and_ends_has_its_head_noted(county: Path) -> None:
    """A command's one write lands within a second of the open (notes are at most once a
    second while busy): the head is noted when the process ends all the same."""
    import os
    import sqlite3
    import subprocess
    import sys

    open_database(county)
    number = Household.select().order_by(Household.id).first().household_no
    close_database()
    env = {**os.environ, "SUINING_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "suining_desk.cli", "household", "remove", number, "--reason",
                           "迁出", "--db", str(county), "--user", "admin"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(county)  # not open_database: that would note the head itself
    try:
        ident = audit_seen.identity(con)
        last = con.execute("SELECT seq, hash, action FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        con.close()
    assert ident is not None and last[2] == "household_removed"
    seen = audit_seen.read_seen(audit_seen.record_key(ident, county))
    assert seen is not None and (seen.seq, seen.hash) == (last[0], last[1])
