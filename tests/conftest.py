"""Shared fixtures: every test gets its own data folder (never the clerk's real one)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
    """Every file the suite produced: no full ID or bank number where it must not be."""
    from tests.pii_scan import scan

    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controller scans every worker's folder, once
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or exitstatus not in (0, 1):
        return
    found = scan(factory.getbasetemp())
    if not found:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"{path}: {', '.join(hits)}" for path, hits in found[:20]]
    if reporter is not None:
        reporter.write_sep("=", "full ID or bank numbers where they must not be", red=True)
        for line in lines:
            reporter.write_line(line)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
