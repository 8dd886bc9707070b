"""帮助: the clerk's manual beside the window (not modal: read while working) and 关于."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..about import AboutDialog
from ..manual import ManualDialog, find_manual

if TYPE_CHECKING:
    from ..main_window import MainWindow


def show_manual(window: MainWindow) -> None:
    """The manual beside the window (not modal: a clerk reads it while working)."""
    if window.manual_dialog is None:
        manual = find_manual()
        if manual is None:
            box = QMessageBox(
                QMessageBox.Icon.Warning, QCoreApplication.translate("MainWindow", "用户手册"),
                QCoreApplication.translate(
                    "MainWindow", "找不到用户手册。请重新安装本软件，或向县里的系统管理员索取手册。"),
                QMessageBox.StandardButton.Ok, window)
            box.setObjectName("manual_missing")
            window.error_box = box
            box.open()
            return
        window.manual_dialog = ManualDialog(manual, window)
    window.manual_dialog.show()
    window.manual_dialog.raise_()
    window.manual_dialog.activateWindow()

def show_about(window: MainWindow) -> None:
    window.about_dialog = AboutDialog(window.session.db_path, window)
    window.about_dialog.open()
