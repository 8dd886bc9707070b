"""SIGKILL trials at scale (issue 8): kill a register import (``run_import``, what
``suining-desk import`` runs) or the posting of payment batches (``post_batch``) at a
random moment, then check integrity, whole-or-absent work, the acknowledged money and
``audit verify``.

The default test suite runs 10 trials of each kind (tests/core/test_crash_safety.py);
this runs as many as asked (default 60 of each, 120 in all) and reports the outcomes.

    uv run python bench/crash_trials.py [--trials N] [--seed S] [--parallel P]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.crash_trials import check_trial, describe, prepare, run_trials  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=60, help="trials of each kind (default 60)")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--parallel", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="suining-crash-") as folder:
        started = time.perf_counter()
        prepared = prepare(Path(folder))
        print(f"prepared in {time.perf_counter() - started:.1f} s: import of {prepared.people} rows "
              f"{prepared.import_seconds:.2f} s, posting {len(prepared.batches)} batches "
              f"{prepared.post_seconds:.2f} s (kill moments spread over these)")
        started = time.perf_counter()
        trials = run_trials(Path(folder), args.trials, seed=args.seed, parallel=args.parallel, prepared=prepared)
        outcomes: Counter[str] = Counter()
        failures = []
        for t in trials:
            outcomes[describe(t)] += 1
            if why := check_trial(t, prepared):
                failures.append(f"{t.kind} {t.path.name} at {t.at:g} +{t.delay:.3f}s: {why}")
        seconds = time.perf_counter() - started
    print(f"{len(trials)} trials (seed {args.seed}) in {seconds:.1f} s")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    print("all sound: integrity ok, no partial work, money = acknowledged work, audit verify ok"
          if not failures else "FAILURES:")
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
