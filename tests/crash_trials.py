"""SIGKILL at a random moment: children that write, a parent that kills them and checks.

Two kinds of work, each one transaction per acknowledged unit:

- ``bulk``: the demo generator's bulk load (the stand-in for an import: one transaction
  of a few thousand rows across every table); acknowledged when ``generate_demo`` returns.
- ``batch``: posting payment batches — a batch row, its posted payments and the audit
  entry in one IMMEDIATE transaction (the stand-in for the batch service's "post"). The
  child says ``posting N TOTAL`` before the commit and ``ack N`` after it, so the one
  batch in doubt when the kill lands is known.

After the kill: ``integrity_check`` is ok, every batch is wholly there or wholly absent,
the money equals the acknowledged work (plus the one in doubt, if it made it, whole),
the database opens again and ``audit verify`` passes. Used by the default suite (a few
trials) and ``bench/crash_trials.py`` (many).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BATCH_LINES = 40

def _child(kind: str, path: Path, seed: int) -> None:
    """What a killed child does: its output goes line by line to a file."""
    from suining_desk.db import open_database

    db = open_database(path)
    if kind == "bulk":
        from argon2 import PasswordHasher

        from suining_desk.demo import generate

        # the demo accounts' hashes are not what this tests: the cheapest argon2id
        generate.PasswordHasher = lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)  # type: ignore
        said: list[None] = []

        def started(stage: str, _fraction: float) -> None:
            if stage == "写入农户和人员" and not said:  # the load's transaction has begun
                said.append(print("start", flush=True))

        summary = generate.generate_demo(db, scale="small", seed=seed, progress=started)
        total = db.execute_sql("SELECT COALESCE(SUM(amount_fen), 0) FROM payment").fetchone()[0]
        print("ack", summary.households, total, flush=True)
        return
    n = db.execute_sql("SELECT COUNT(*) FROM payment_batch").fetchone()[0]
    print("start", flush=True)
    while True:
        n += 1
        post_batch(n)
        print("ack", n, flush=True)


def batch_amounts(n: int) -> list[int]:
    return [10_000 + n * 7 + i * 13 for i in range(BATCH_LINES)]


def post_batch(n: int) -> None:
    """One batch, posted in one transaction with its audit entry (the child side)."""
    from suining_desk import audit
    from suining_desk.db.models import database

    amounts = batch_amounts(n)
    with database.atomic("IMMEDIATE"):
        cur = database.execute_sql(
            "INSERT INTO payment_batch (batch_no, program_id, kind, period, period_start, period_end, area_id, "
            "status, created_by, created_at, posted_by, approved_by, notes) VALUES (?, 1, 'regular', '2018-11', "
            "'2018-11-01', '2018-11-30', 1, 'posted', 'luru', '2018-11-20 09:00:00', 'shenhe', 'shenhe', '')",
            (f"B{n:06d}",))
        batch_id = cur.lastrowid
        database.connection().executemany(
            "INSERT INTO payment (batch_id, program_id, household_id, township_id, village_id, period, category, "
            "people, months, standard_fen, amount_fen, payee_name, payee_id_number, bank_account, reason, posted, "
            "created_by, created_at) VALUES (?, 1, 1, 2, 3, '2018-11', '', 1, 1, 0, ?, '张三', '', '', '', 1, "
            "'luru', '2018-11-20 09:00:00')", [(batch_id, a) for a in amounts])
        audit.append("batch_posted", username="shenhe", table_name="payment_batch", record_id=batch_id,
                     after={"lines": len(amounts), "total_fen": sum(amounts)})
        print("posting", n, sum(amounts), flush=True)


def prepare_batch_database(path: Path) -> None:
    """A county, a program and a household to pay (the parent side, before the trial)."""
    from suining_desk import audit
    from suining_desk.db import close_database, open_database
    from suining_desk.db.models import Household, Program, database
    from tests.county import build_county

    open_database(path)
    county = build_county()
    Program.create(code="dibao", name="低保", basis="person", frequency="monthly")
    Household.create(household_no="43052710000101001", township=county.changpu, village=county.qingshi,
                     group=county.qingshi_1)
    with database.atomic("IMMEDIATE"):
        audit.append("fixture_created", username="system")
    close_database()


@dataclass
class Trial:
    kind: str
    path: Path
    seed: int
    delay: float
    lines: list[str] = field(default_factory=list)
    pid: int = 0
    error: str = ""

    @property
    def out(self) -> Path:
        return self.path.with_suffix(".out")


def start(trial: Trial) -> None:
    """Fork a child (no second interpreter start-up: the trials stay fast); it writes to a
    file, never a pipe, so it never blocks on its output."""
    from suining_desk.db import close_database

    close_database()  # no SQLite connection may cross the fork
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            sys.stdout = open(trial.out, "w", buffering=1, encoding="utf-8")  # noqa: SIM115
            sys.stderr = open(trial.out.with_suffix(".err"), "w", buffering=1, encoding="utf-8")  # noqa: SIM115
            _child(trial.kind, trial.path, trial.seed)
        except BaseException:
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            os._exit(code)
    trial.pid = pid


def _read_lines(trial: Trial) -> list[str]:
    text = trial.out.read_text("utf-8", errors="replace")
    lines = text.split("\n")
    return [line for line in lines[:-1] if line]  # the last one may be cut off by the kill


def kill_after_start(trial: Trial, timeout: float = 60.0) -> None:
    """Wait for 'start' (the write has begun), let it run ``delay`` seconds, SIGKILL."""
    deadline = time.monotonic() + timeout
    while not trial.out.exists() or "start" not in _read_lines(trial):
        if os.waitpid(trial.pid, os.WNOHANG) != (0, 0) or time.monotonic() > deadline:
            err = trial.out.with_suffix(".err")
            trial.error = err.read_text("utf-8", errors="replace")[-2000:] if err.exists() else "no output"
            _kill(trial.pid)
            return
        time.sleep(0.002)
    time.sleep(trial.delay)
    _kill(trial.pid)
    trial.lines = _read_lines(trial)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def run_trials(folder: Path, count: int, *, seed: int = 2018, parallel: int = 6) -> list[Trial]:
    """``count`` trials of each kind, ``parallel`` children at a time; returns them killed."""
    rng = random.Random(seed)
    trials = []
    prepared = folder / "prepared.sqlite3"
    prepare_batch_database(prepared)
    for i in range(count):
        trials.append(Trial("bulk", folder / f"bulk-{i}.sqlite3", 100 + i, rng.uniform(0.0, 0.4)))
        batch = Trial("batch", folder / f"batch-{i}.sqlite3", i, rng.uniform(0.0, 0.5))
        shutil.copyfile(prepared, batch.path)
        trials.append(batch)
    for at in range(0, len(trials), parallel):
        wave = trials[at:at + parallel]
        for trial in wave:
            start(trial)
        killers = [threading.Thread(target=kill_after_start, args=(t,)) for t in wave]
        for killer in killers:
            killer.start()
        for killer in killers:
            killer.join()
    return trials


def check_trial(trial: Trial) -> str:
    """'' when everything holds; otherwise what did not."""
    if trial.error:
        return f"the child failed before it started: {trial.error}"
    con = sqlite3.connect(trial.path)  # a hot journal left by the kill is rolled back here
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return "integrity_check failed"
        if trial.kind == "bulk":
            problem = _check_bulk(con, trial.lines)
        else:
            problem = _check_batches(con, trial.lines)
    finally:
        con.close()
    return problem or _reopens_and_verifies(trial.path)


def _check_bulk(con: sqlite3.Connection, lines: list[str]) -> str:
    households = con.execute("SELECT COUNT(*) FROM household").fetchone()[0]
    total = con.execute("SELECT COALESCE(SUM(amount_fen), 0) FROM payment").fetchone()[0]
    entries = con.execute("SELECT COUNT(*) FROM audit_entry").fetchone()[0]
    acks = [line.split() for line in lines if line.startswith("ack")]
    if acks:
        want = (int(acks[0][1]), int(acks[0][2]), 1)
        return "" if (households, total, entries) == want else f"acknowledged {want}, found {households, total}"
    if households == total == entries == 0:
        return ""  # wholly absent
    # committed, killed before the acknowledgement: it must be whole
    return "" if households > 0 and total > 0 and entries == 1 else f"partial load {households, total, entries}"


def _check_batches(con: sqlite3.Connection, lines: list[str]) -> str:
    acked = {int(line.split()[1]) for line in lines if line.startswith("ack")}
    posting = [int(line.split()[1]) for line in lines if line.startswith("posting")]
    in_doubt = {posting[-1]} - acked if posting else set()
    found: dict[int, tuple[int, int]] = {}
    for batch_no, count, total in con.execute(
            "SELECT b.batch_no, COUNT(p.id), COALESCE(SUM(p.amount_fen), 0) FROM payment_batch b "
            "LEFT JOIN payment p ON p.batch_id = b.id GROUP BY b.id"):
        found[int(batch_no[1:])] = (count, total)
    for n, (count, total) in found.items():
        if (count, total) != (BATCH_LINES, sum(batch_amounts(n))):
            return f"batch {n} partial: {count} lines, {total} fen"
    if not acked <= set(found) <= acked | in_doubt:
        return f"batches {sorted(found)} vs acknowledged {sorted(acked)} (in doubt {in_doubt})"
    money = con.execute("SELECT COALESCE(SUM(amount_fen), 0) FROM payment").fetchone()[0]
    want = sum(sum(batch_amounts(n)) for n in found)
    acked_money = sum(sum(batch_amounts(n)) for n in acked)
    if money != want or money - acked_money not in {0, *(sum(batch_amounts(n)) for n in in_doubt)}:
        return f"money {money} vs acknowledged {acked_money}"
    entries = con.execute("SELECT COUNT(*) FROM audit_entry WHERE action = 'batch_posted'").fetchone()[0]
    return "" if entries == len(found) else f"{entries} audit entries for {len(found)} batches"


def _reopens_and_verifies(path: Path) -> str:
    from suining_desk.audit_verify import verify
    from suining_desk.db import close_database, open_database

    open_database(path)
    try:
        report = verify()
    finally:
        close_database()
    if not report.ok:
        return f"audit verify: {report.chain} {report.records[:3]}"
    return ""
