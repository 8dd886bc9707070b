"""Exporting the list on screen to xlsx (in the import layout), off the GUI thread.

:func:`export_page` serves 文件 → 导出当前列表 for every list page: the households page
exports itself (in its sort order); the others are recognised by the filter they show
(relocations, renovations, enrolments, payments) or their findings (the checks page).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from suining_desk.exchange.aid_export import export_enrolments, export_findings, export_payments
from suining_desk.exchange.housing_export import export_relocations, export_renovations
from suining_desk.exchange.register_export import export_register
from suining_desk.services.enrolment_query import EnrolmentFilter
from suining_desk.services.household_query import HouseholdColumn, HouseholdFilter
from suining_desk.services.payment_query import PaymentFilter
from suining_desk.services.relocation_query import RelocationFilter
from suining_desk.services.renovation_query import RenovationFilter

from ..tasks import ProgressFn, run_with_progress

FILTER = QT_TRANSLATE_NOOP("ExportAction", "Excel 工作簿 (*.xlsx)")
Writer = Callable[[Path, ProgressFn, threading.Event], Any]


def _tr(text: str) -> str:
    # One context for every page that exports: these run on whichever page is on screen.
    return QCoreApplication.translate("ExportAction", text)


def ask_path(parent: QWidget, title: str, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, _tr(str(FILTER)))
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")


def run_export(parent: QWidget, title: str, suggested: str, write: Writer) -> None:
    """Ask where, write in the background, say what was written."""
    target = ask_path(parent, QCoreApplication.translate("ExportAction", "导出{title}").format(title=title), suggested)
    if target is None:
        return

    def work(progress: ProgressFn, cancel: threading.Event) -> Any:
        return write(target, progress, cancel)

    def done(result: Any) -> None:
        households = getattr(result, "households", None)
        if households is not None:
            text = QCoreApplication.translate("ExportAction", "已导出 {households} 户、{rows} 人：{path}").format(
                households=households, rows=result.rows, path=result.path)
        else:
            text = QCoreApplication.translate("ExportAction", "已导出 {rows} 行：{path}").format(
                rows=result.rows, path=result.path)
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ExportAction", "导出完成"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("export_done")
        parent.export_box = box  # type: ignore[attr-defined]
        box.open()

    run_with_progress(parent, QCoreApplication.translate("ExportAction", "导出"), work, done)


def export_households(parent: QWidget, f: HouseholdFilter, *, sort: HouseholdColumn = HouseholdColumn.HOUSEHOLD_NO,
                      descending: bool = False) -> None:
    """The households the list shows, in its order."""
    run_export(parent, QCoreApplication.translate("ExportAction", "建档立卡户花名册"), "建档立卡户花名册.xlsx",
               lambda path, progress, cancel: export_register(path, f, sort=sort, descending=descending,
                                                              progress=progress, cancel=cancel))


def _shown_filter(page: QWidget) -> object:
    current = getattr(page, "current_filter", None)
    if callable(current):
        return current()
    model = getattr(page, "model", None)
    current = getattr(model, "current_filter", None)
    return current() if callable(current) else None


def export_page(page: QWidget) -> bool:
    """Export what ``page`` lists; False when it lists nothing exportable."""
    own = getattr(page, "export_current", None)
    if callable(own):
        own()
        return True
    f = _shown_filter(page)
    writers: list[tuple[type, object, Callable[..., Any]]] = [
        (RelocationFilter, QT_TRANSLATE_NOOP("ExportAction", "易地扶贫搬迁台账"), export_relocations),
        (RenovationFilter, QT_TRANSLATE_NOOP("ExportAction", "危房改造台账"), export_renovations),
        (EnrolmentFilter, QT_TRANSLATE_NOOP("ExportAction", "享受名单"), export_enrolments),
        (PaymentFilter, QT_TRANSLATE_NOOP("ExportAction", "资金发放明细"), export_payments),
    ]
    for kind, title, write in writers:
        if isinstance(f, kind):
            label = _tr(str(title))
            def work(path: Path, progress: ProgressFn, cancel: threading.Event, w: Callable[..., Any] = write) -> Any:
                return w(path, f, progress=progress, cancel=cancel)

            run_export(page, label, f"{title}.xlsx", work)
            return True
    results = getattr(page, "results", None)
    if isinstance(results, list) and results:
        run_export(page, QCoreApplication.translate("ExportAction", "核查结果"), "核查结果.xlsx",
                   lambda path, progress, cancel: export_findings(path, results))
        return True
    return False
