"""帮助 → 打开日志文件夹 shows the folder of the log and the crash reports; Qt's own messages
go into the log (issue 19, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl, qWarning
from pytestqt.qtbot import QtBot

from suining_desk.storage import activity_log
from tests.ui.conftest import DemoCounty
from ui import qt_log
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_db: DemoCounty) -> MainWindow:
    window = MainWindow(demo_db.path, demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def test_the_help_menu_opens_the_log_folder(qtbot: QtBot, window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(qt_log, "open_url", lambda url: opened.append(url) or True)
    assert window.log_folder_action.text() == "打开日志文件夹(&L)"
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.help_menu.isVisible, timeout=1000)
    qtbot.keyClick(window.help_menu, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: bool(opened), timeout=1000)
    folder = Path(opened[0].toLocalFile())
    assert folder == activity_log.log_dir() and folder.is_dir()


def test_qt_messages_are_logged(qtbot: QtBot, tmp_path: Path) -> None:
    path = activity_log.configure(folder=tmp_path / "logs")
    assert path is not None
    try:
        qt_log.install_message_handler()  # pytest-qt puts its own back after the test
        qWarning("QFont::setPointSize: Point size <= 0 (0), must be greater than 0")
    finally:
        activity_log.close()
    text = path.read_text(encoding="utf-8")
    assert "WARNING suining_desk.qt: [default] QFont::setPointSize: Point size <= 0" in text
