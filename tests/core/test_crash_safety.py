"""SIGKILL during a bulk load and during batch posting (see tests/crash_trials.py): the
database stays sound, nothing is half written, the money is the acknowledged money.

``SUINING_CRASH_TRIALS`` sets the trials of each kind (default 10, so 20 in all);
``bench/crash_trials.py`` runs many more.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash_trials import check_trial, run_trials

TRIALS = int(os.environ.get("SUINING_CRASH_TRIALS", "10"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_leaves_whole_work_only(tmp_path: Path) -> None:
    trials = run_trials(tmp_path, TRIALS)
    assert len(trials) >= 20 or TRIALS < 10
    failures = {f"{t.kind} #{t.seed} (+{t.delay:.2f}s)": why for t in trials if (why := check_trial(t))}
    assert failures == {}
    # the kills landed at different points: some work done and some not, of both kinds
    bulk = [t for t in trials if t.kind == "bulk"]
    batch = [t for t in trials if t.kind == "batch"]
    assert any(not any(line.startswith("ack") for line in t.lines) for t in bulk)
    assert any(sum(line.startswith("ack") for line in t.lines) > 2 for t in batch)
