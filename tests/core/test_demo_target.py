"""``demo`` writes only a demo database (issue 13, item 1): an office database made by
``init`` is never replaced, whatever the flags; a demo database is replaced only after a
checked backup, built beside it and renamed over it, so a kill half-way leaves the old
demo or the new one — never an empty database."""

from __future__ import annotations

import hashlib
import os
import random
import select
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Setting, User
from suining_desk.demo.generate import MARK
from suining_desk.demo.target import born_demo, build_demo, target_kind
from suining_desk.domain.problems import InvalidInput
from suining_desk.storage import backups

ADMIN_PW = "Admin2018x"
KILLS = int(os.environ.get("SUINING_DEMO_KILLS", "5"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office database as `init` makes it, with one household."""
    path = tmp_path / "office.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", ADMIN_PW)
    assert main(["init", "--db", str(path), "--admin", "wang"]) == 0
    close_database()
    return path


@pytest.fixture
def demo(small_demo_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(small_demo_path, path)
    return path


def _identity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT hash FROM audit_entry ORDER BY seq LIMIT 1").fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("flags", [["--replace"], [], ["--replace", "--scale", "small", "--seed", "9"]])
def test_an_office_database_is_never_replaced(office: Path, flags: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before, files = _digest(office), _files(office.parent)
    assert main(["demo", "--db", str(office), *flags]) == 1
    err = capsys.readouterr().err
    assert "不是演示数据库" in err and "加 --replace 也不会" in err and "Traceback" not in err
    close_database()
    assert _digest(office) == before and _files(office.parent) == files


def test_demo_accounts_and_password_do_not_make_a_demo_database(office: Path) -> None:
    """The attack's look-alike: the demo's accounts with the demo password in an office database."""
    from suining_desk.services import accounts

    open_database(office)
    for name, role in (("admin", "admin"), ("shenhe", "reviewer"), ("luru", "clerk")):
        accounts.create_user(name, name, role, None, "suining2018", by="wang")
    close_database()
    before = _digest(office)
    with pytest.raises(InvalidInput) as info:
        build_demo(office, scale="small", seed=1, replace=True)
    assert info.value.problems[0].code == "demo_not_demo"
    assert _digest(office) == before


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "花名册.sqlite3"
    sheet.write_bytes(b"PK\x03\x04 an Excel file with the wrong name")
    assert main(["demo", "--db", str(sheet), "--replace"]) == 1
    assert "不是演示数据库" in capsys.readouterr().err
    assert sheet.read_bytes().startswith(b"PK\x03\x04")


def test_a_demo_database_is_replaced_after_a_checked_backup(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _identity(demo)
    assert target_kind(demo) == "demo"
    assert main(["demo", "--db", str(demo)]) == 1  # without --replace: refused, as before
    assert "已有数据" in capsys.readouterr().err
    close_database()
    assert main(["demo", "--db", str(demo), "--replace", "--seed", "9"]) == 0
    out = capsys.readouterr().out
    close_database()
    kept = [b for b in backups.list_backups(backups.backup_folder(demo)) if b.kind == "before-demo"]
    assert len(kept) == 1 and f"已备份到：{kept[0].path}" in out
    assert backups.integrity_problems(kept[0].path) == [] and _identity(kept[0].path) == old
    assert _identity(demo) != old
    open_database(demo)
    assert Setting.get(Setting.key == MARK).value == '{"scale": "small", "seed": 9}'
    close_database()
    assert not [n for n in _files(demo.parent) if n.startswith(".")]  # nothing hidden left beside it


def test_a_demo_from_before_the_mark_is_known_by_its_first_entry(demo: Path) -> None:
    con = sqlite3.connect(demo)
    con.execute("DELETE FROM setting WHERE key = ?", (MARK,))  # as an earlier version made it
    con.commit()
    assert born_demo(con)
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("UPDATE audit_entry SET username = 'wang' WHERE seq = 1")  # a forged first entry …
    assert not born_demo(con)
    con.execute("UPDATE audit_entry SET username = 'system' WHERE seq = 1")
    con.execute("UPDATE audit_entry SET after = '{}' WHERE seq = 1")  # … or one that does not hash
    assert not born_demo(con)
    con.commit()
    con.close()
    with pytest.raises(InvalidInput):
        target_kind(demo)


def test_a_database_holding_nothing_may_become_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    open_database(path)  # a window closed before its first admin was created
    close_database()
    assert target_kind(path) == "new"
    built = build_demo(path, scale="small", seed=3, replace=False)
    assert built.kept is None and Household.select().count() > 100 and User.select().count() == 3
    close_database()


def _other_program(path: Path, *, rows: int) -> Path:
    """A SQLite file another program made (the outside tester's attack: 1,000 notes)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes(t)")
    con.executemany("INSERT INTO notes VALUES (?)", [("precious",)] * rows)
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("flags", [[], ["--replace"]])
def test_a_database_of_another_program_is_never_replaced(tmp_path: Path, flags: list[str],
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    other = _other_program(tmp_path / "other.sqlite3", rows=1000)
    before, files = _digest(other), _files(tmp_path)
    assert main(["demo", "--scale", "small", "--db", str(other), *flags]) == 1
    assert "不是演示数据库" in capsys.readouterr().err
    close_database()
    assert _digest(other) == before and _files(tmp_path) == files


@pytest.mark.parametrize("poison", [
    "CREATE TABLE notes(t)",  # empty, but someone's design
    "CREATE VIEW v AS SELECT 1",
    "INSERT INTO setting (key, value, effective_from, recorded_by, recorded_at) "
    "VALUES ('x', 'y', '2018-01-01', '', '2018-01-01')",  # a row in one of our tables
    "INSERT INTO schema_version (version, applied_at) VALUES (99, '2018-01-01')",
])
def test_only_a_database_of_ours_holding_nothing_counts_as_empty(tmp_path: Path, poison: str) -> None:
    path = tmp_path / "empty.sqlite3"
    open_database(path)
    close_database()
    con = sqlite3.connect(path)
    con.execute(poison)
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(InvalidInput) as info:
        build_demo(path, scale="small", seed=3, replace=True)
    assert info.value.problems[0].code == "demo_not_demo"
    assert _digest(path) == before


def _child(path: Path, write_end: int) -> None:  # pragma: no cover - runs in the forked child
    code = 0
    try:
        os.write(write_end, b"start\n")
        build_demo(path, scale="small", seed=11, replace=True,
                   progress=lambda _stage, fraction: os.write(write_end, f"progress {fraction:.4f}\n".encode()))
        os.write(write_end, b"done\n")
    except BaseException as exc:  # noqa: BLE001 - told to the parent
        os.write(write_end, f"error {type(exc).__name__}: {exc}\n".encode())
        code = 1
    finally:
        os._exit(code)


def _reached(said: bytes, fraction: float) -> bool:
    lines = said.decode().split("\n")[:-1]
    return any(line.startswith("done") or line.startswith("progress") and float(line.split()[1]) >= fraction
               for line in lines)


def _kill_after(path: Path, fraction: float, delay: float) -> str:
    """Fork a child replacing the demo; SIGKILL it ``delay`` seconds after it reported
    generating ``fraction`` of the demo (by its progress, not the clock: a busy machine
    must not move the kill)."""
    close_database()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover
        os.close(read_end)
        _child(path, write_end)
    os.close(write_end)
    said = b""
    while not _reached(said, fraction):
        chunk = os.read(read_end, 4096)
        if not chunk:
            break  # the child ended
        said += chunk
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    ready, _, _ = select.select([read_end], [], [], 0)
    if ready:
        said += os.read(read_end, 4096)
    os.close(read_end)
    return said.decode()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the trials fork and SIGKILL (POSIX)")
def test_a_kill_while_replacing_leaves_the_old_demo_or_the_new_one(demo: Path) -> None:
    started = time.perf_counter()
    build_demo(demo, scale="small", seed=11, replace=True)  # uninterrupted: how long it takes
    seconds = time.perf_counter() - started
    open_database(demo)
    households = Household.select().count()
    close_database()
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    seen: set[str] = {_identity(demo)}
    outcomes = []
    for trial in range(KILLS):
        before = _identity(demo)
        # the first kill half-way through the generation: before the rename, whatever the machine's speed
        fraction, delay = (rng.uniform(0.0, 1.0), rng.uniform(0.0, seconds * 0.3)) if trial else (0.5, 0.0)
        said = _kill_after(demo, fraction, delay)
        assert "error" not in said, (seed, said)
        con = sqlite3.connect(demo)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", seed
            assert con.execute("SELECT COUNT(*) FROM household").fetchone()[0] == households, seed
        finally:
            con.close()
        after = _identity(demo)
        outcomes.append("replaced" if after != before else "kept")
        assert after == before or after not in seen, seed
        seen.add(after)
    assert "kept" in outcomes, (seed, outcomes)  # the kills landed before the rename too
    build_demo(demo, scale="small", seed=11, replace=True)  # the next run cleans what the kills left
    close_database()
    assert not [n for n in _files(demo.parent) if n.startswith(".")], _files(demo.parent)
    folder = backups.backup_folder(demo)  # a kill while the old demo was backed up left nothing either
    assert not [n for n in _files(folder) if n.startswith(".")], _files(folder)


@pytest.mark.skipif(os.name != "posix", reason="a live process id to name (POSIX)")
def test_a_demo_database_open_in_a_window_is_not_replaced(demo: Path) -> None:
    import socket
    import subprocess

    from suining_desk.storage.locks import lock_path

    window = subprocess.Popen(["sleep", "30"])  # stands for the window holding the lock
    try:
        lock_path(demo).write_text(f"{window.pid}\n绥宁扶贫台账\n{socket.gethostname()}\n", encoding="utf-8")
        before = _digest(demo)
        with pytest.raises(InvalidInput) as info:
            build_demo(demo, scale="small", seed=1, replace=True)
        assert info.value.problems[0].code == "demo_in_use" and _digest(demo) == before
    finally:
        window.kill()
        window.wait()
