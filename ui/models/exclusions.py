"""Who a batch leaves out and why (the new-batch dialog's preview, a batch's detail)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from suining_desk.services.batch_compute import Exclusion

from .money_tables import ListModel


def exclusions_model(parent: Any = None) -> ListModel[Exclusion]:
    headers = [QCoreApplication.translate("NewBatchDialog", str(h)) for h in (
        QT_TRANSLATE_NOOP("NewBatchDialog", "户编号"), QT_TRANSLATE_NOOP("NewBatchDialog", "姓名"),
        QT_TRANSLATE_NOOP("NewBatchDialog", "未列入原因或说明"))]
    return ListModel(headers,
                     [lambda e: e.household_no, lambda e: e.name, lambda e: e.text], parent=parent)
