"""Compute and post a county 低保 batch for 20,000 beneficiaries (issue 5: ≤ 1 s), and run
every audit check over the county (≤ 10 s).

Works on a copy of the county-scale demo (the batch is really posted, and posted rows
never go away). The demo has about 10,000 households on 低保, so households without it
are enrolled first (not timed) until 20,000 are due in January 2019. Each figure is also
given as a ratio to a baseline measured in the same run: reading every enrolment row.

    uv run python bench/payments_batch.py [--db out/county.sqlite3] [--lines 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import county_database, median_ms  # noqa: E402

PAY_DAY = dt.date(2019, 1, 10)


def _enrol_more(wanted: int) -> int:
    """Enrol households without 低保 (category B, their member count) until ``wanted`` are due."""
    from suining_desk import audit
    from suining_desk.db.models import User, database

    db = database
    program = db.execute_sql("SELECT id FROM program WHERE code = 'dibao'").fetchone()[0]
    due = db.execute_sql("SELECT COUNT(*) FROM enrolment WHERE program_id = ? AND end_date IS NULL",
                         [program]).fetchone()[0]
    need = max(wanted - due, 0)
    free = db.execute_sql(
        "SELECT id, member_count FROM household h WHERE removed_on IS NULL AND head_id_number <> '' "
        "AND bank_account <> '' AND NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.household_id = h.id "
        "AND e.program_id = ?) ORDER BY id LIMIT ?", [program, need]).fetchall()
    with db.atomic("IMMEDIATE"):
        db.connection().executemany(
            "INSERT INTO enrolment (program_id, household_id, person_id, category, people, start_date, end_date, "
            "end_reason, created_by, created_at) VALUES (?, ?, NULL, 'B', ?, '2018-12-01', NULL, '', 'bench', "
            "'2018-12-01 09:00:00')", [(program, hh, max(n, 1)) for hh, n in free])
        for name, role in (("county_clerk", "clerk"), ("county_reviewer", "reviewer")):
            if User.get_or_none(User.username == name) is None:
                User.create(username=name, display_name=name, role=role)
        audit.append("bench_enrolled", username="bench")  # log the set-up here, not in the timed batch
    return int(program)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args()
    source = county_database(args.db)

    from suining_desk.db import close_database, open_database
    from suining_desk.db.models import Area, database
    from suining_desk.services import batch_workflow as wf
    from suining_desk.services.batch_compute import compute_batch
    from suining_desk.services.batches import create_batch
    from suining_desk.services.checks import run_checks

    open_database(source)  # bring the schema up to date once, in place
    close_database()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "county-copy.sqlite3"
        shutil.copyfile(source, path)
        open_database(path)
        program = _enrol_more(args.lines)
        county = Area.get(Area.level == 1).id
        baseline = median_ms(lambda: database.execute_sql("SELECT * FROM enrolment").fetchall())
        compute_ms = median_ms(lambda: compute_batch(program, "2019-01", county, PAY_DAY), repeat=3)

        started = time.perf_counter()
        created = create_batch(program, "2019-01", county, user="county_clerk", pay_date=PAY_DAY)
        created_at = time.perf_counter()
        wf.submit_batch(created.batch_id, user="county_clerk")
        wf.approve_batch(created.batch_id, user="county_reviewer")
        approved_at = time.perf_counter()
        posted = wf.post_batch(created.batch_id, PAY_DAY, user="county_reviewer", today=PAY_DAY)
        finished = time.perf_counter()
        assert created.preview is not None
        total_ms = (finished - started) * 1000

        checks_started = time.perf_counter()
        results = run_checks()
        checks_s = time.perf_counter() - checks_started
        payments = database.execute_sql("SELECT COUNT(*) FROM payment").fetchone()[0]
        close_database()

    print(f"database: {source} (copy; {payments:,} payments after the batch)")
    print(f"baseline (read every enrolment row): {baseline:8.1f} ms")
    print(f"batch: {len(created.preview.lines):,} lines, {created.preview.people:,} people, "
          f"{len(created.preview.exclusions):,} left out, {posted:,} posted")
    rows = [
        ("compute the batch (preview only, median)", compute_ms, None),
        ("create the draft (compute + write lines)", (created_at - started) * 1000, None),
        ("submit + approve", (approved_at - created_at) * 1000, None),
        ("post", (finished - approved_at) * 1000, None),
        ("compute and post, end to end", total_ms, 1000),
    ]
    print(f"{'measure':44} {'ms':>9} {'target':>8} {'× baseline':>11}")
    for label, ms, target in rows:
        mark = "" if target is None else ("ok" if ms <= target else "SLOW")
        print(f"{label:44} {ms:9.1f} {target or '':>8} {ms / baseline:11.2f} {mark}")
    print(f"\nall audit checks over the county: {checks_s:.2f} s (target 10 s) "
          f"{'ok' if checks_s <= 10 else 'SLOW'}; {checks_s * 1000 / baseline:.1f} × baseline")
    for r in results:
        print(f"  {r.check.title:20} {len(r.findings):6} findings {r.seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
