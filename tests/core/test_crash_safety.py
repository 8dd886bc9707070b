"""SIGKILL at random moments during a register import and during batch posting, through
the real import and posting code (see tests/crash_trials.py): the database stays sound,
nothing is half written, the money is the acknowledged money, the audit log verifies.

``SUINING_CRASH_TRIALS`` sets the trials of each kind (default 10, so 20 in all); the kill
moments come from a fresh seed each run (named in a failure; ``SUINING_CRASH_SEED`` repeats
it). ``bench/crash_trials.py`` runs many more.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.crash_trials import check_trial, describe, run_trials

pytestmark = pytest.mark.slow  # forks and kills children: seconds of work

TRIALS = int(os.environ.get("SUINING_CRASH_TRIALS", "10"))
SEED = int(os.environ.get("SUINING_CRASH_SEED") or random.randrange(1_000_000))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the trials fork and SIGKILL (POSIX)")
def test_sigkill_at_random_moments_leaves_whole_work_only(tmp_path: Path) -> None:
    from tests.crash_trials import prepare

    prepared = prepare(tmp_path)
    trials = run_trials(tmp_path, TRIALS, seed=SEED, prepared=prepared)
    assert len(trials) >= 20 or TRIALS < 10
    failures = {f"{t.kind} {t.path.name} (at {t.at:g}, +{t.delay:.3f}s)": why
                for t in trials if (why := check_trial(t, prepared))}
    assert failures == {}, f"SUINING_CRASH_SEED={SEED}"
    # the kills landed while the work was under way, of both kinds
    outcomes = {describe(t) for t in trials}
    assert "import: killed before it was acknowledged" in outcomes
    assert outcomes & {"batch: killed during a posting", "batch: killed between postings"}
