"""Shared fixtures: every test gets its own data folder (never the clerk's real one)."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Bytecode caches even where the environment says PYTHONDONTWRITEBYTECODE (this machine's
# does): without them every test worker compiles the program and rewrites the asserts of
# every test module again, and every child process the suite starts compiles what it imports
# (seconds of CPU each time). They go to __pycache__, which git ignores.
sys.dont_write_bytecode = False

# The clerk's real data folder, as the program finds it without SUINING_HOME; nothing of a
# test run may reach it (the guard below and tests/core/test_real_home.py check).
REAL_HOME = Path(platformdirs.user_data_dir("SuiningDesk", appauthor=False))
# A data folder for the whole run, set before any test module imports the program: session
# fixtures (the demo built once) run before the per-test folder below is set, and wrote what
# they opened into the real ``seen`` folder (the outside tester's F12).
SESSION_HOME = Path(tempfile.mkdtemp(prefix="suining-tests-home-"))
os.environ["SUINING_HOME"] = str(SESSION_HOME)
atexit.register(shutil.rmtree, SESSION_HOME, ignore_errors=True)


def files_of_this_run_in(home: Path, basetemp: Path, since: float) -> list[Path]:
    """Files under ``home`` changed since ``since`` that name this run's temporary folder
    (another suite running at the same time writes files of its own: they are not ours)."""
    mark = str(basetemp).encode()
    found = []
    for path in home.rglob("*") if home.is_dir() else ():
        try:
            if path.is_file() and path.stat().st_mtime >= since and path.stat().st_size < 1 << 20 \
                    and mark in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


_STARTED = pytest.StashKey[float]()


def pytest_configure(config: pytest.Config) -> None:
    import time

    config.stash[_STARTED] = time.time() - 1


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUINING_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(autouse=True)
def _log_closed_after_each_test() -> Iterator[None]:
    """A command run by a test logs into that test's data folder; the next test starts without it."""
    yield
    from suining_desk.storage.activity_log import close

    close()


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashes() -> Iterator[None]:
    """argon2id with the smallest cost in tests (the program's own takes ~0.25 s a hash).
    Session-wide, so that session and module fixtures (demo databases) hash quickly too."""
    from argon2 import PasswordHasher

    from suining_desk.services import accounts

    quick = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", quick)
        patch.setattr(accounts, "_DUMMY", quick.hash("dummy"))
        yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[object]:
    from suining_desk.db import close_database, open_database
    from tests.templates import schema_copy

    database = open_database(schema_copy(db_path))  # an empty, migrated copy: no migrations per test
    yield database
    close_database()


@pytest.fixture(scope="session")
def small_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo county, generated once for the whole run; tests use copies."""
    from tests.ledger_pdf import make_demo

    return make_demo(tmp_path_factory.mktemp("small-demo") / "demo.sqlite3")


@pytest.fixture
def small_demo(small_demo_path: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the small demo database, open; a test may change it."""
    import shutil

    from suining_desk.db import close_database, open_database

    path = tmp_path / "demo.sqlite3"
    shutil.copy(small_demo_path, path)
    open_database(path)
    yield path
    close_database()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests first (a stable sort): in parallel runs they start at once instead of
    stretching the end of the run on one worker."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Every file the suite produced: no full ID or bank number where it must not be; and
    nothing of this run in the clerk's real data folder."""
    from tests.pii_scan import scan

    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controller scans every worker's folder, once
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or exitstatus not in (0, 1):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    leaked = files_of_this_run_in(REAL_HOME, factory.getbasetemp(), session.config.stash[_STARTED])
    if leaked:
        if reporter is not None:
            reporter.write_sep("=", f"the run wrote into the real data folder {REAL_HOME}", red=True)
            for path in leaked[:20]:
                reporter.write_line(str(path))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    found = scan(factory.getbasetemp())
    if not found:
        return
    lines = [f"{path}: {', '.join(hits)}" for path, hits in found[:20]]
    if reporter is not None:
        reporter.write_sep("=", "full ID or bank numbers where they must not be", red=True)
        for line in lines:
            reporter.write_line(line)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
