"""文件 → 导入… / 导出当前列表…: the Excel entries of the main window's file menu.

The window calls :func:`install` once with its file menu. 导出当前列表 exports the list
on screen as filtered (:func:`ui.wizards.export_action.export_page`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from .export_action import export_page
from .import_wizard import ImportWizard


def install(window: QMainWindow, menu: QMenu, before: QAction | None = None) -> None:
    import_action = QAction(QCoreApplication.translate("ExchangeMenu", "导入表格(&I)…"), window,
                            objectName="import_action")
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    export_action = QAction(QCoreApplication.translate("ExchangeMenu", "导出当前列表(&E)…"), window,
                            objectName="export_action")
    export_action.setShortcut(QKeySequence("Ctrl+E"))
    import_action.triggered.connect(lambda: open_import_wizard(window))
    export_action.triggered.connect(lambda: export_current(window))
    if before is None:
        menu.addActions([import_action, export_action])
        menu.addSeparator()
    else:
        menu.insertActions(before, [import_action, export_action])
        menu.insertSeparator(before)
    window.import_action, window.export_action = import_action, export_action  # type: ignore[attr-defined]


def open_import_wizard(window: Any) -> ImportWizard:
    wizard = ImportWizard(window.session, window)
    wizard.imported.connect(lambda _result: _refresh(window))
    window.import_wizard = wizard
    wizard.open()
    return wizard


def _refresh(window: Any) -> None:
    """New areas and households: the tree and the page on screen read them again."""
    tree = getattr(window, "area_tree", None)
    if tree is not None and hasattr(tree, "reload"):
        tree.reload()
    page = window.current_page() if hasattr(window, "current_page") else None
    for name in ("refresh", "apply_filter"):
        refresh = getattr(page, name, None)
        if callable(refresh):
            refresh()
            break


def export_current(window: Any) -> None:
    page = window.current_page() if hasattr(window, "current_page") else None
    if page is not None and export_page(page):
        return
    text = QCoreApplication.translate(
        "ExchangeMenu", "当前页面没有可导出的列表。请在“建档立卡户”“易地搬迁”“享受名单”等列表页面导出。")
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ExchangeMenu", "导出"), text,
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("export_unavailable")
    window.error_box = box
    box.open()
