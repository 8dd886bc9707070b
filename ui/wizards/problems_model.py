"""The row report of an import as a table: row, column, error or warning, explanation."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from suining_desk.exchange.report import ERROR_FILL, WARNING_FILL, RowProblem

Index = QModelIndex | QPersistentModelIndex
RAW_SORT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = (QT_TRANSLATE_NOOP("ImportWizard", "行号"), QT_TRANSLATE_NOOP("ImportWizard", "列"),
           QT_TRANSLATE_NOOP("ImportWizard", "类别"), QT_TRANSLATE_NOOP("ImportWizard", "说明"))


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: QAbstractTableModel | None = None) -> None:
        super().__init__(parent)
        self.problems: list[RowProblem] = []
        self._brushes = {True: QBrush(QColor("#" + ERROR_FILL)), False: QBrush(QColor("#" + WARNING_FILL))}

    def set_problems(self, problems: list[RowProblem]) -> None:
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return QCoreApplication.translate("ImportWizard", str(HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.problems):
            return None
        p = self.problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            kind = QCoreApplication.translate("ImportWizard", "错误" if p.is_error else "提醒")
            return (str(p.row) if p.row else "", p.column, kind, p.message)[column]
        if role == RAW_SORT_ROLE:
            return (p.row, p.column, int(not p.is_error), p.message)[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == 2:
            return self._brushes[p.is_error]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return p.message
        return None
