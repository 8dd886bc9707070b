"""The 搬迁 and 危改 pages' common part: a list-and-detail page whose detail shows a housing
record with its steps and attachments."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from ..models.paged_table import PagedTableModel
from ..session import Session
from ..widgets.record_detail import RecordDetailView
from .list_detail import ListDetailPage, filter_combo

__all__ = ["RecordListPage", "filter_combo"]


class RecordListPage(ListDetailPage):
    new_text = QT_TRANSLATE_NOOP("RecordListPage", "新增(&N)")  # each page its own

    def __init__(self, session: Session, model: PagedTableModel[Any, Any], owner_kind: str,
                 filters: list[tuple[str, QComboBox]], parent: QWidget | None = None) -> None:
        self.record_detail = RecordDetailView(owner_kind, user=session.username)
        super().__init__(session, model, f"{owner_kind}s_table", filters, self.record_detail,
                         QCoreApplication.translate(type(self).__name__, str(self.new_text)), parent)
        self.record_detail.edit_requested.connect(self.edit_record)
        self.record_detail.step_requested.connect(self.step_record)
        self.record_detail.attachments_changed.connect(self.show_current_detail)

    def load_detail(self, record_id: int) -> Any:
        raise NotImplementedError

    def step_record(self) -> None:
        raise NotImplementedError

    def show_record(self, record_id: int | None) -> None:
        self.record_detail.show_detail(self.load_detail(record_id) if record_id is not None else None)
