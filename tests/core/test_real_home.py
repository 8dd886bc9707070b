"""The outside tester's F12: the test suite wrote into the clerk's real data folder
(``~/.local/share/SuiningDesk/seen``): the demo database built once per run (a session
fixture) was opened before any test had set ``SUINING_HOME``, and the program noted its audit
head where it notes a real database's. The run now has a data folder of its own from the
moment tests/conftest.py is imported; each test still gets its own on top."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from suining_desk.storage import paths
from tests.conftest import REAL_HOME, SESSION_HOME, files_of_this_run_in


def test_the_run_never_uses_the_real_data_folder() -> None:
    assert REAL_HOME.name == "SuiningDesk"
    assert paths.data_dir() != REAL_HOME and not paths.data_dir().is_relative_to(REAL_HOME)
    assert SESSION_HOME.is_dir() and not SESSION_HOME.is_relative_to(REAL_HOME)


def test_the_demo_built_once_for_the_run_left_nothing_in_the_real_home(
        small_demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The session's demo (the fixture that wrote the real ``seen`` file) and an open of it."""
    from suining_desk.db import close_database, open_database

    open_database(small_demo_path)
    close_database()
    assert files_of_this_run_in(REAL_HOME, tmp_path_factory.getbasetemp(), 0) == []
    assert list((SESSION_HOME / "seen").glob("*.json")) or list(paths.data_dir().glob("seen/*.json"))


def test_the_guard_sees_a_file_of_this_run(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """What the end of the run checks in the real home, tried on a folder of its own: a file
    naming this run's temporary folder is found; another suite's (or an older) file is not."""
    home = tmp_path / "home"
    (home / "seen").mkdir(parents=True)
    ours = home / "seen" / "a.json"
    ours.write_text(f'{{"path": "{tmp_path_factory.getbasetemp()}/x/demo.sqlite3"}}', encoding="utf-8")
    (home / "seen" / "b.json").write_text('{"path": "/tmp/pytest-of-someone-else/demo.sqlite3"}', encoding="utf-8")
    started = time.time() - 5
    assert files_of_this_run_in(home, tmp_path_factory.getbasetemp(), started) == [ours]
    os.utime(ours, (started - 60, started - 60))
    assert files_of_this_run_in(home, tmp_path_factory.getbasetemp(), started) == []


def test_a_command_started_by_a_test_keeps_to_the_test_home(tmp_path: Path) -> None:
    child = subprocess.run([sys.executable, "-c", "from suining_desk.storage import paths; print(paths.data_dir())"],
                           capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2])
    assert Path(child.stdout.strip()) == paths.data_dir() != REAL_HOME
