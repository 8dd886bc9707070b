"""Backup anchors: the log's last (seq, hash) noted beside each backup; ``audit verify``
catches a log rewritten consistently afterwards (every hash recomputed, so the chain walk
alone finds nothing), while normal new entries and restores stay fine."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk import audit
from suining_desk.audit.verify import VerifyReport, report_problems, verify
from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import database
from suining_desk.demo.generate import generate_demo
from suining_desk.domain.messages import describe
from suining_desk.services.restore import restore_backup
from suining_desk.storage.anchors import anchors_of, manifest_path
from suining_desk.storage.backups import BackupInfo, backup_folder, backup_name, make_backup


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("anchors") / "demo.sqlite3"
    db = open_database(path)
    generate_demo(db, scale="small", seed=5)
    for n in range(6):  # a few ordinary entries after the bulk load
        with database.atomic("IMMEDIATE"):
            audit.append("setting_changed", username="admin", table_name="setting", record_id=f"k{n}",
                         after={"value": n})
    close_database()
    return path


@pytest.fixture
def copy(demo: Path, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "county.sqlite3"
    shutil.copyfile(demo, path)
    yield path
    close_database()


def backup(path: Path, when: str, kind: str = "auto") -> BackupInfo:
    now = dt.datetime.fromisoformat(when)
    return make_backup(path, backup_folder(path) / backup_name(path, now, kind), kind=kind, now=now)


def log_something(path: Path, n: int = 1) -> None:
    open_database(path)
    for i in range(n):
        with database.atomic("IMMEDIATE"):
            audit.append("setting_changed", username="admin", table_name="setting", record_id="late",
                         after={"value": i})
    close_database()


def rewrite_chain(path: Path, seq: int, *, drop_from: int | None = None) -> None:
    """A forger with another tool: entry ``seq`` altered (or the entries from ``drop_from``
    removed), then every later hash recomputed so the chain walks clean."""
    con = sqlite3.connect(path, isolation_level=None)
    triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        con.execute(f'DROP TRIGGER "{name}"')
    if drop_from is not None:
        con.execute("DELETE FROM audit_entry WHERE seq >= ?", (drop_from,))
    else:
        con.execute("UPDATE audit_entry SET username = 'shenhe' WHERE seq = ?", (seq,))
    prev = con.execute("SELECT hash FROM audit_entry WHERE seq = ?", (seq - 1,)).fetchone()[0]
    for row in con.execute("SELECT seq, at, username, action, table_name, record_id, before, after, states "
                           "FROM audit_entry WHERE seq >= ? ORDER BY seq", (seq,)).fetchall():
        digest = audit.entry_hash(prev, *row[:8], row[8] or "")
        con.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, row[0]))
        prev = digest
    for _, create in triggers:  # and put back, so the database looks untouched
        con.execute(create)
    con.close()


def check(path: Path) -> VerifyReport:
    open_database(path)
    try:
        return verify()
    finally:
        close_database()


def test_each_backup_notes_its_anchor_in_the_folder_manifest(copy: Path, tmp_path: Path) -> None:
    auto = backup(copy, "2019-01-02T18:00:00")
    log_something(copy)
    manual = make_backup(copy, tmp_path / "elsewhere" / "mine.sqlite3")  # --out: the note goes to the folder too
    lines = [json.loads(line) for line in manifest_path(copy).read_text("utf-8").splitlines()]
    assert [(x["seq"], x["hash"]) for x in lines] == [(auto.audit_seq, auto.audit_hash),
                                                       (manual.audit_seq, manual.audit_hash)]
    assert lines[0]["at"] == "2019-01-02T18:00:00" and lines[1]["backup"] == str(manual.path)
    assert [a.seq for a in anchors_of(copy)] == [auto.audit_seq, manual.audit_seq]
    assert manual.audit_seq == auto.audit_seq + 1  # type: ignore[operator]


def test_a_normal_entry_after_a_backup_is_fine(copy: Path) -> None:
    backup(copy, "2019-01-02T18:00:00")
    log_something(copy, 3)
    report = check(copy)
    assert report.ok and report.anchors_checked == 1


def test_a_log_rewritten_consistently_after_a_backup_is_caught(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = backup(copy, "2019-01-02T18:00:00")
    log_something(copy, 2)
    rewrite_chain(copy, 3)
    report = check(copy)
    assert report.chain is None  # the walk alone cannot see it
    assert report.anchor is not None and report.anchor.anchor.seq == info.audit_seq
    assert report.anchor.first == 3  # the backup still there tells where the logs part
    text = describe(report_problems(report)[0])
    assert f"第{info.audit_seq}条" in text and "从第3条起" in text and "2019-01-02 18:00:00" in text
    assert main(["audit", "verify", "--db", str(copy)]) == 1
    assert "在备份之后被改写过" in capsys.readouterr().err


def test_the_anchor_outlives_its_rotated_backup(copy: Path) -> None:
    info = backup(copy, "2019-01-02T18:00:00")
    info.path.unlink()
    info.meta_path.unlink()
    rewrite_chain(copy, 5)
    report = check(copy)
    assert report.anchor is not None and report.anchor.first is None
    text = describe(report_problems(report)[0])
    assert f"第{info.audit_seq}条" in text and "该备份已不在" in text


def test_the_newest_entries_removed_after_a_backup_are_caught(copy: Path) -> None:
    log_something(copy, 2)
    info = backup(copy, "2019-01-02T18:00:00")
    last = int(info.audit_seq or 0)
    rewrite_chain(copy, last - 1, drop_from=last - 1)  # the chain ends cleanly one entry earlier … two gone
    report = check(copy)
    assert report.chain is None
    assert report.anchor is not None and report.anchor.now == "" and report.anchor.first == last - 1
    assert "已不存在" in describe(report_problems(report)[0])


def test_rewriting_before_an_older_anchor_names_the_oldest(copy: Path) -> None:
    first = backup(copy, "2019-01-01T18:00:00")
    log_something(copy)
    backup(copy, "2019-01-02T18:00:00")
    rewrite_chain(copy, 2)
    report = check(copy)
    assert report.anchor is not None and report.anchor.anchor.seq == first.audit_seq and report.anchor.first == 2


def test_restore_keeps_verify_working(copy: Path) -> None:
    older = backup(copy, "2019-01-01T18:00:00")
    log_something(copy, 3)
    backup(copy, "2019-01-02T18:00:00")  # its anchor is past the older backup's log
    log_something(copy)
    restore_backup(older.path, copy, user="admin", now=dt.datetime(2019, 1, 3, 9, 0))
    close_database()
    report = check(copy)
    assert report.ok, report_problems(report)
    assert report.anchors_checked == 1  # the older backup's; the later ones belonged to the replaced log
    log_something(copy)
    backup(copy, "2019-01-04T18:00:00")
    log_something(copy)
    assert check(copy).ok
    rewrite_chain(copy, 4)  # and a rewrite is still caught by the anchor that survived
    report = check(copy)
    assert report.anchor is not None and report.anchor.anchor.seq == older.audit_seq


def test_a_database_without_backups_has_no_anchors(copy: Path) -> None:
    report = check(copy)
    assert report.ok and report.anchors_checked == 0
