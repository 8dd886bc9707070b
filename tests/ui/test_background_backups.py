"""Backups never freeze the window (issue 17, item 4): the daily automatic backup runs on a
worker thread with its progress in the status bar while the clerk types; closing the window
stops a daily backup still going and waits for the backup on close (quick check) with a
progress window, events still flowing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from suining_desk.db import open_database
from suining_desk.services import accounts
from suining_desk.storage import backups
from tests.ui.conftest import DemoCounty
from ui.main_window import MainWindow
from ui.pages.backups import BackupsPage

PASSWORD = "suining2018"


class Held:
    """The real automatic backup, held at its first progress report until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.reached = threading.Event()
        self.threads: list[threading.Thread] = []
        self.calls: list[dict[str, Any]] = []
        real: Callable[..., Any] = backups.automatic_backup

        def held(path: Path, **kw: Any) -> Any:
            self.calls.append(kw)
            report, cancel = kw["progress"], kw["cancel"]
            first = len(self.calls) == 1

            def progress(stage: str, fraction: float) -> None:
                report(stage, fraction)
                if first and not self.reached.is_set():
                    self.threads.append(threading.current_thread())
                    self.reached.set()
                    while not (self.release.is_set() or cancel.is_set()):
                        time.sleep(0.01)

            return real(path, **{**kw, "progress": progress})

        monkeypatch.setattr(backups, "automatic_backup", held)


def _window(qtbot: QtBot, demo_db: DemoCounty) -> MainWindow:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("admin", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_daily_backup_runs_in_the_background_while_the_clerk_types(
    qtbot: QtBot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    window = _window(qtbot, demo_db)
    qtbot.waitUntil(held.reached.is_set, timeout=5000)
    assert held.threads[0] is not threading.main_thread()
    label = window.findChild(object, "backup_progress_label")
    bar = window.findChild(object, "backup_progress")
    qtbot.waitUntil(lambda: label.isVisible() and "正在自动备份：复制数据库" in label.text(), timeout=3000)
    assert bar.isVisible()

    window.show_page("households")  # the clerk goes on working while it runs
    search = window.current_page().findChild(QLineEdit, "search")
    qtbot.keyClicks(search, "zeng")
    assert search.text() == "zeng" and held.calls[0]["check"] == "full"

    held.release.set()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)
    made = backups.list_backups(backups.backup_folder(demo_db.path))
    assert [(b.kind, b.check) for b in made] == [("auto", "full")]
    assert window.statusBar().currentMessage() == f"已自动备份：{made[0].path.name}"

    window.show_page("backups")  # the 数据备份 page lists it
    page = window.current_page()
    assert isinstance(page, BackupsPage) and page.table.rowCount() == 1


def test_closing_stops_the_daily_backup_and_waits_for_the_one_on_close(
    qtbot: QtBot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = Held(monkeypatch)
    window = _window(qtbot, demo_db)
    qtbot.waitUntil(held.reached.is_set, timeout=5000)
    accounts.login("admin", PASSWORD)  # something new to keep
    window.close()  # returns once the backup on close is in place
    assert not window.isVisible()
    made = backups.list_backups(backups.backup_folder(demo_db.path))
    assert [(b.kind, b.check) for b in made] == [("auto", "quick")]  # the daily one gave way
    assert [c["check"] for c in held.calls] == ["full", "quick"]
    open_database(demo_db.path)


def test_a_manual_backup_keeps_the_page_usable_and_shows_progress(
    qtbot: QtBot, demo_db: DemoCounty, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.create_first_admin("admin", "管理员", PASSWORD)
    window = MainWindow(demo_db.path, demo=False, account=accounts.login("admin", PASSWORD), auto_backup=False)
    qtbot.addWidget(window)
    window.show()
    window.show_page("backups")
    page = window.current_page()
    assert isinstance(page, BackupsPage)
    release = threading.Event()
    real = backups.make_backup

    def slow(*args: Any, **kw: Any) -> Any:
        report = kw["progress"]

        def progress(stage: str, fraction: float) -> None:
            report(stage, fraction)
            release.wait(5)

        return real(*args, **{**kw, "progress": progress})

    monkeypatch.setattr(backups, "make_backup", slow)
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    label = window.findChild(object, "backup_progress_label")
    qtbot.waitUntil(lambda: label.isVisible() and label.text().startswith("正在备份："), timeout=3000)
    assert not page.backup_button.isEnabled() and "可以继续工作" in page.status.text()
    release.set()
    qtbot.waitUntil(lambda: page.backup_button.isEnabled(), timeout=10_000)
    assert "完整性检查通过" in page.status.text() and page.table.rowCount() == 1
