"""The application: Qt's own dialogs in Chinese, our English translation, the real entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import DemoCounty
from ui.app import FONT_FAMILIES, install_translators, translations_dir
from ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """Translators a test installs; removed afterwards so other tests see the source text.
    Those an earlier test left in this process (the window's start installs Qt's Chinese) are
    set aside meanwhile: the test starts from the source text whatever ran before it."""
    earlier = [t for t in qapp.findChildren(QTranslator) if qapp.removeTranslator(t)]  # True: it was installed
    translators: list[QTranslator] = []
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    for translator in earlier:
        qapp.installTranslator(translator)


def test_qt_standard_buttons_speak_chinese(
    qapp: QApplication, installed: list[QTranslator]
) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    installed += install_translators(qapp, "zh_CN")
    assert len(installed) == 1  # Qt's qtbase_zh_CN only: our source text is Chinese already
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    box = QMessageBox(QMessageBox.Icon.Question, "确认", "删除？",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert sorted(button.text() for button in box.buttons()) == sorted(["确定", "取消"])


def test_english_translation_switches_the_window(
    qtbot: QtBot, qapp: QApplication, installed: list[QTranslator], demo_db: DemoCounty
) -> None:
    assert (translations_dir() / "suining_desk_en.qm").is_file()
    installed += install_translators(qapp, "en")
    assert installed  # there is no qtbase_en: Qt's own text is English already
    window = MainWindow(demo_db.path, demo=True, user_label="luru")
    qtbot.addWidget(window)
    assert window.file_menu.title() == "&File" and window.help_menu.title() == "&Help"
    assert window.windowTitle() == "Suining Desk — county.sqlite3 (demo data)"
    assert window.navigation.item(0).text() == "Overview"
    assert window.user_status.text() == "User: luru"


def test_an_unknown_language_installs_nothing(
    qapp: QApplication, installed: list[QTranslator]
) -> None:
    installed += install_translators(qapp, "xx_XX")
    assert installed == []
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"


RUN = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from suining_desk.db import open_database
from ui.app import run_app

path = Path(sys.argv[1])
open_database(path)

def report():
    app = QApplication.instance()
    window = next(w for w in app.topLevelWidgets() if w.objectName() == "main_window")
    print(window.windowTitle())
    print(app.applicationName(), app.organizationName())
    print(",".join(app.font().families()))
    print(QCoreApplication.translate("QPlatformTheme", "Cancel"))
    window.close()  # the last window: the event loop ends

QTimer.singleShot(0, report)
sys.exit(run_app(path, demo=True, user_label="admin（演示）"))
"""


@pytest.mark.parametrize(("lang", "title", "cancel"), [
    ("", "绥宁扶贫台账 — county.sqlite3（演示数据）", "取消"),
    ("en", "Suining Desk — county.sqlite3 (demo data)", "Cancel"),
], ids=["zh_CN", "en"])
def test_run_app_opens_the_window_and_returns_when_it_closes(
    demo_db: DemoCounty, tmp_path: Path, lang: str, title: str, cancel: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SUINING_HOME": str(tmp_path),
           "SUINING_LANG": lang}
    done = subprocess.run([sys.executable, "-c", RUN, str(demo_db.path)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == title
    assert lines[1] == "绥宁扶贫台账 SuiningDesk"
    assert lines[2].split(",") == FONT_FAMILIES
    assert lines[3] == cancel
