"""Qt's own messages (warnings about fonts, printers, platform plugins …) into the program's
log (:mod:`suining_desk.storage.activity_log`) instead of a console the clerk never sees, and
帮助 → 打开日志文件夹, which shows the log and the crash reports to whoever supports the program."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from suining_desk.storage.activity_log import log_dir

log = logging.getLogger("suining_desk.qt")
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _to_log(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    log.log(LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def install_message_handler() -> None:
    """Route Qt's messages into the log (once per process; pytest-qt swaps its own in per test)."""
    qInstallMessageHandler(_to_log)


# Opens a folder in the system's file manager; tests replace it.
open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl


def open_log_folder() -> bool:
    """Show the folder of the log and the crash reports (created if it is not there yet)."""
    folder = log_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return bool(open_url(QUrl.fromLocalFile(str(folder))))


def install_action(window: QWidget, menu: QMenu, *, before: QAction | None = None) -> QAction:
    """帮助 → 打开日志文件夹."""
    action = QAction(QCoreApplication.translate("MainWindow", "打开日志文件夹(&L)"), window)
    action.setObjectName("open_log_folder")
    action.setToolTip(QCoreApplication.translate(
        "MainWindow", "运行日志和出错报告所在的文件夹（不含完整的身份证号和银行卡号），可发给系统管理员"))
    action.triggered.connect(open_log_folder)
    if before is not None:
        menu.insertAction(before, action)
    else:
        menu.addAction(action)
    return action
