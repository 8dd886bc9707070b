"""SIGKILL at a random moment during the real operations: children that write, a parent
that kills them and checks what is left.

Two kinds of work, both through the code a clerk's action runs:

- ``import``: a generated register spreadsheet (a few thousand rows) imported with
  :func:`suining_desk.exchange.imports.run_import` — what ``suining-desk import households``
  and the import wizard call. One transaction: after the kill it is wholly there or absent.
- ``batch``: approved payment batches posted one after another with
  :func:`suining_desk.services.batch_workflow.post_batch` (the reviewer's 记账). The child
  says ``posting ID`` before each and ``ack ID`` after it returns, so the one batch in
  doubt when the kill lands is known.

The child reports on a pipe; what it said before the kill is the acknowledged work.
Each kill is placed by the child's own progress, not by the clock (a busy machine must not
move it out of the work): the import's first progress report past a seeded fraction, or a
seeded line of the postings' ``posting``/``ack`` lines — then a seeded pause of up to one
step of the work (as measured once before the trials), so that kills land inside SQLite's
writes and commits too. After each kill: ``integrity_check`` is ok, the import is
whole or absent, every batch is wholly posted or not at all, the posted money equals the
acknowledged batches (plus the one in doubt, whole, if its commit made it), and the
database opens again and ``audit verify`` passes. Used by the default suite (a few trials)
and ``bench/crash_trials.py`` (many).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import select
import shutil
import signal
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from suining_desk.exchange.report import ImportResult

HOUSEHOLDS = 1000  # three people each: a 3,000-row register
PROGRAMS = ("dibao", "disability", "tekun")  # monthly programs with enrolments in the demo's 长铺镇
MONTHS = 12  # batches of 2019-01 … 2019-12 for each
TODAY = dt.date(2019, 12, 31)
IMPORTED_ON = dt.date(2019, 1, 5)
CLERK, REVIEWER = "luru", "shenhe"  # the demo's accounts, both in 长铺镇
LAST_FRACTION = 0.9  # the import is killed after a progress report of at most this fraction


@dataclass(frozen=True)
class Prepared:
    """Built once: the database every trial starts from, the sheet, what to post."""

    database: Path
    sheet: Path
    batches: tuple[tuple[int, str], ...]  # (batch id, paid date) in posting order
    import_seconds: float
    post_seconds: float
    households: int  # the import adds this many households …
    people: int  # … and people


def _register_rows(village: str, group: str) -> list[list[object]]:
    from tests.county import id_number

    rows: list[list[object]] = []
    for h in range(HOUSEHOLDS):
        members = (("户主", "龙春生", True), ("配偶", "杨桂花", False), ("子", "龙小军", True))
        for k, (relation, name, male) in enumerate(members):
            # area 430581 is not the demo's 430527: no clash with a registered person
            number = id_number(f"19{50 + h % 40}-0{1 + k}-0{1 + h % 9}", h // 360, male=male, area="430581")
            rows.append([f"4305271990{h:07d}", name, number, relation, "长铺镇", village, group])
    return rows


def prepare(folder: Path) -> Prepared:
    """The demo county (small) with 36 approved batches of 2019, a register sheet of
    3,000 rows, and each operation run once on a copy, uninterrupted, to time it."""
    from suining_desk.db import close_database, open_database
    from suining_desk.db.models import Area, Program, database
    from suining_desk.demo.generate import generate_demo
    from suining_desk.services import batch_workflow as wf
    from suining_desk.services.batches import create_batch
    from tests import exchange_sheets as sheets

    path = folder / "prepared.sqlite3"
    db = open_database(path)
    generate_demo(db, scale="small", seed=2018)
    town = Area.get((Area.level == 2) & (Area.name == "长铺镇"))
    group, village = database.execute_sql(
        "SELECT g.name, v.name FROM area g JOIN area v ON v.id = g.parent_id WHERE g.level = 4 AND v.parent_id = ? "
        "ORDER BY g.id LIMIT 1", [town.id]).fetchone()
    batches = []
    for code in PROGRAMS:
        program = Program.get(Program.code == code)
        for month in range(1, MONTHS + 1):
            pay_day = dt.date(2019, month, 10)
            created = create_batch(program.id, f"2019-{month:02d}", town.id, user=CLERK, pay_date=pay_day)
            wf.submit_batch(created.batch_id, user=CLERK)
            wf.approve_batch(created.batch_id, user=REVIEWER)
            batches.append((created.batch_id, pay_day.isoformat()))
    close_database()
    sheet = sheets.register_sheet(folder / "register.xlsx", _register_rows(village, group))

    timing = folder / "timing.sqlite3"
    shutil.copyfile(path, timing)
    open_database(timing)
    started = time.perf_counter()
    result = _import(sheet)
    import_seconds = time.perf_counter() - started
    assert result.written and result.households_added == HOUSEHOLDS, result.summary(cli=True)
    started = time.perf_counter()
    for batch_id, paid in batches:
        wf.post_batch(batch_id, dt.date.fromisoformat(paid), user=REVIEWER, today=TODAY)
    post_seconds = time.perf_counter() - started
    close_database()
    timing.unlink()
    return Prepared(path, sheet, tuple(batches), import_seconds, post_seconds, result.households_added,
                    result.people_added)


def _import(sheet: Path, progress: Callable[[str, float], None] | None = None) -> ImportResult:
    from suining_desk.exchange.imports import run_import
    from suining_desk.exchange.staging import ImportOptions

    return run_import("households", sheet, ImportOptions(user=CLERK, today=IMPORTED_ON), cancel=threading.Event(),
                      progress=progress)


def _child(kind: str, path: Path, prepared: Prepared, tell: Callable[[str], None]) -> None:
    """What a killed child does; ``tell`` sends one line up the pipe."""
    from suining_desk.db import open_database
    from suining_desk.services.batch_workflow import post_batch

    open_database(path)
    tell("start")
    if kind == "import":
        result = _import(prepared.sheet, lambda _stage, fraction: tell(f"progress {fraction:.4f}"))
        tell(f"ack {result.households_added} {result.people_added}")
        return
    for batch_id, paid in prepared.batches:
        tell(f"posting {batch_id}")
        lines = post_batch(batch_id, dt.date.fromisoformat(paid), user=REVIEWER, today=TODAY)
        tell(f"ack {batch_id} {lines}")
    tell("done")


@dataclass
class Trial:
    kind: str  # 'import' | 'batch'
    path: Path
    at: float  # import: the progress fraction to pass; batch: the index of the posting/ack line
    delay: float  # seconds after that report when the kill is sent
    lines: list[str] = field(default_factory=list)
    pid: int = 0
    fd: int = -1
    error: str = ""
    killed: bool = False

    @property
    def acks(self) -> list[list[str]]:
        return [line.split() for line in self.lines if line.startswith("ack")]


def start(trial: Trial, prepared: Prepared) -> None:
    """Fork a child (no second interpreter start-up: the trials stay fast) that reports
    on a pipe; the parent keeps only the reading end."""
    from suining_desk.db import close_database

    close_database()  # no SQLite connection may cross the fork
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        os.close(read_end)
        try:
            def say(line: str) -> None:
                os.write(write_end, (line + "\n").encode("utf-8"))

            _child(trial.kind, trial.path, prepared, say)
        except BaseException:
            import traceback

            os.write(write_end, ("error " + traceback.format_exc().replace("\n", " | ") + "\n").encode("utf-8"))
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    trial.pid, trial.fd = pid, read_end


def _due(trial: Trial, lines: list[str]) -> bool:
    """Has the child reported the progress the kill waits for?"""
    if trial.kind == "import":
        return any(line.startswith("progress") and float(line.split()[1]) >= trial.at for line in lines)
    return sum(line.startswith(("posting", "ack")) for line in lines) > trial.at


def watch_and_kill(trial: Trial, timeout: float = 600.0) -> None:
    """Read the child's lines; ``delay`` seconds after the report the trial waits for, SIGKILL
    it. Then read what it said before it died. ``timeout`` only ends a child that hangs."""
    data = b""
    deadline = time.monotonic() + timeout
    kill_at: float | None = None
    try:
        while True:
            now = time.monotonic()
            if kill_at is None and now > deadline:
                trial.error = "the child never reached the moment to kill it"
                break
            if kill_at is not None and now >= kill_at:
                break
            wait = (kill_at if kill_at is not None else deadline) - now
            ready, _, _ = select.select([trial.fd], [], [], max(wait, 0.0))
            if not ready:
                continue
            chunk = os.read(trial.fd, 65536)
            if not chunk:
                break  # the child finished before the kill
            data += chunk
            complete = data.decode("utf-8", errors="replace").split("\n")[:-1]
            if kill_at is None and _due(trial, complete):
                kill_at = time.monotonic() + trial.delay
        trial.killed = _kill(trial.pid)
        while chunk := os.read(trial.fd, 65536):  # the child is gone: the pipe ends
            data += chunk
    finally:
        os.close(trial.fd)
    lines = data.decode("utf-8", errors="replace").split("\n")
    trial.lines = [line for line in lines[:-1] if line]  # the last one may be cut off
    errors = [line for line in trial.lines if line.startswith("error")]
    if errors:
        trial.error = errors[0][:3000]


def _kill(pid: int) -> bool:
    """SIGKILL and reap; True if the signal landed (the child was still running)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, status = os.waitpid(pid, 0)
    return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL


def run_trials(folder: Path, count: int, *, seed: int = 2018, parallel: int = 2,
               prepared: Prepared | None = None) -> list[Trial]:
    """``count`` trials of each kind, ``parallel`` children at a time; returns them killed."""
    prepared = prepared or prepare(folder)
    rng = random.Random(seed)
    trials = []
    lines = 2 * len(prepared.batches)  # 'posting' and 'ack' for each batch
    for i in range(count):
        for trial in (
            Trial("import", folder / f"import-{i}.sqlite3", rng.uniform(0.0, LAST_FRACTION),
                  rng.uniform(0.0, prepared.import_seconds * 0.2)),  # some land after the commit
            Trial("batch", folder / f"batch-{i}.sqlite3", rng.randrange(lines - 2),
                  rng.uniform(0.0, prepared.post_seconds / len(prepared.batches))),
        ):
            shutil.copyfile(prepared.database, trial.path)
            trials.append(trial)
    for at in range(0, len(trials), parallel):
        wave = trials[at:at + parallel]
        for trial in wave:
            start(trial, prepared)
        watchers = [threading.Thread(target=watch_and_kill, args=(t,)) for t in wave]
        for watcher in watchers:
            watcher.start()
        for watcher in watchers:
            watcher.join()
    return trials


def check_trial(trial: Trial, prepared: Prepared) -> str:
    """'' when everything holds; otherwise what did not."""
    if trial.error:
        return f"the child failed: {trial.error}"
    con = sqlite3.connect(trial.path)  # a WAL or hot journal left by the kill is recovered here
    base = sqlite3.connect(prepared.database)
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return "integrity_check failed"
        if trial.kind == "import":
            problem = _check_import(con, base, trial, prepared)
        else:
            problem = _check_batches(con, base, trial, prepared)
    finally:
        con.close()
        base.close()
    return problem or _reopens_and_verifies(trial.path)


def _counts(con: sqlite3.Connection) -> tuple[int, int, int, int]:
    households, people, money, entries = (con.execute(sql).fetchone()[0] for sql in (
        "SELECT COUNT(*) FROM household", "SELECT COUNT(*) FROM person",
        "SELECT COALESCE(SUM(amount_fen), 0) FROM payment WHERE posted = 1", "SELECT COUNT(*) FROM audit_entry"))
    return households, people, money, entries


def _check_import(con: sqlite3.Connection, base: sqlite3.Connection, trial: Trial, prepared: Prepared) -> str:
    households, people, money, entries = _counts(con)
    b_households, b_people, b_money, b_entries = _counts(base)
    absent = (b_households, b_people, b_money, b_entries)
    whole = (b_households + prepared.households, b_people + prepared.people, b_money, b_entries + 1)
    found = (households, people, money, entries)
    if trial.acks:
        acked = (int(trial.acks[0][1]), int(trial.acks[0][2]))
        if acked != (prepared.households, prepared.people) or found != whole:
            return f"acknowledged {acked}: found (households, people, money, entries) {found}, wanted {whole}"
        return ""
    if found not in (absent, whole):  # in doubt: either is right, nothing between
        return f"partial import: {found}, wanted {absent} or {whole}"
    return ""


def _batch_states(con: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, int, int, int, int]]:
    marks = ",".join("?" * len(ids))
    return {row[0]: row[1:] for row in con.execute(
        f"SELECT b.id, b.status, COUNT(p.id), COALESCE(SUM(p.posted), 0), COALESCE(SUM(p.amount_fen), 0), "
        f"COUNT(p.paid_date) FROM payment_batch b LEFT JOIN payment p ON p.batch_id = b.id "
        f"WHERE b.id IN ({marks}) GROUP BY b.id", ids)}


def _check_batches(con: sqlite3.Connection, base: sqlite3.Connection, trial: Trial, prepared: Prepared) -> str:
    ids = [batch_id for batch_id, _ in prepared.batches]
    acked = {int(a[1]) for a in trial.acks}
    posting = [int(line.split()[1]) for line in trial.lines if line.startswith("posting")]
    in_doubt = {posting[-1]} - acked if posting else set()
    before = _batch_states(base, ids)
    posted: set[int] = set()
    for batch_id, (status, lines, posted_lines, total, dated) in _batch_states(con, ids).items():
        if before[batch_id][1:3] != (lines, 0) or before[batch_id][3] != total:
            return f"batch {batch_id}: lines changed ({before[batch_id]} → {lines, posted_lines, total})"
        if status == "posted" and posted_lines == lines == dated:
            posted.add(batch_id)
        elif status != "approved" or posted_lines != 0 or dated != 0:
            return f"batch {batch_id} partly posted: {status}, {posted_lines} of {lines} lines, {dated} dated"
    if not acked <= posted <= acked | in_doubt:
        return f"posted {sorted(posted)} vs acknowledged {sorted(acked)} (in doubt {in_doubt})"
    totals = {batch_id: state[3] for batch_id, state in before.items()}
    money, entries = _counts(con)[2:]
    b_money, b_entries = _counts(base)[2:]
    if money != b_money + sum(totals[i] for i in posted):
        return f"posted money {money} ≠ before {b_money} + the posted batches"
    if money - b_money - sum(totals[i] for i in acked) not in {0, *(totals[i] for i in in_doubt)}:
        return f"posted money {money} vs acknowledged {b_money + sum(totals[i] for i in acked)}"
    logged = con.execute("SELECT COUNT(*) FROM audit_entry WHERE action = 'batch_posted' AND seq > ?",
                         [b_entries]).fetchone()[0]
    if logged != len(posted) or entries != b_entries + len(posted):
        return f"{logged} batch_posted entries ({entries - b_entries} new in all) for {len(posted)} posted batches"
    return ""


def _reopens_and_verifies(path: Path) -> str:
    from suining_desk.audit.verify import verify
    from suining_desk.db import close_database, open_database

    open_database(path)
    try:
        report = verify()
    finally:
        close_database()
    if not report.ok:
        return f"audit verify: {report.chain} {report.records[:3]}"
    return ""


def describe(trial: Trial) -> str:
    """What the kill interrupted, for the bench's tally."""
    if not trial.killed:
        return f"{trial.kind}: finished before the kill"
    if trial.kind == "import":
        return "import: killed after its commit" if trial.acks else "import: killed before it was acknowledged"
    started = sum(line.startswith("posting") for line in trial.lines)
    if started == 0:
        return "batch: killed before the first posting"
    return "batch: killed between postings" if started == len(trial.acks) else "batch: killed during a posting"


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use bench/crash_trials.py")
