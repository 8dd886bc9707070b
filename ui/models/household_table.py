"""Households as a table: ordered ids from the core, rows fetched a page at a time."""

from __future__ import annotations

from array import array
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from suining_desk.enums import HOUSEHOLD_STATUS
from suining_desk.services.household_query import (
    HouseholdColumn,
    HouseholdFilter,
    HouseholdRow,
    household_ids,
    household_rows,
)

RAW_SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the value behind the text, for sorting and tests
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 200
MAX_CACHED_PAGES = 20  # memory stays flat however far a clerk scrolls

HEADERS = {
    HouseholdColumn.HOUSEHOLD_NO: QT_TRANSLATE_NOOP("HouseholdTableModel", "户编号"),
    HouseholdColumn.VILLAGE: QT_TRANSLATE_NOOP("HouseholdTableModel", "行政村"),
    HouseholdColumn.GROUP: QT_TRANSLATE_NOOP("HouseholdTableModel", "村民小组"),
    HouseholdColumn.HEAD: QT_TRANSLATE_NOOP("HouseholdTableModel", "户主"),
    HouseholdColumn.ID_NUMBER: QT_TRANSLATE_NOOP("HouseholdTableModel", "户主身份证号"),
    HouseholdColumn.MEMBERS: QT_TRANSLATE_NOOP("HouseholdTableModel", "人数"),
    HouseholdColumn.STATUS: QT_TRANSLATE_NOOP("HouseholdTableModel", "户状态"),
    HouseholdColumn.CAUSES: QT_TRANSLATE_NOOP("HouseholdTableModel", "致贫原因"),
    HouseholdColumn.AID: QT_TRANSLATE_NOOP("HouseholdTableModel", "低保/特困"),
    HouseholdColumn.PHONE: QT_TRANSLATE_NOOP("HouseholdTableModel", "联系电话"),
}

Index = QModelIndex | QPersistentModelIndex


def _aid_text(row: HouseholdRow) -> str:
    return "、".join(label for flag, label in ((row.dibao, "低保"), (row.tekun, "特困")) if flag)


def _causes_text(row: HouseholdRow) -> str:
    return "、".join(c for c in [row.main_cause, *row.other_causes.split("、")] if c)


_DISPLAY = {
    HouseholdColumn.HOUSEHOLD_NO: lambda r: r.household_no,
    HouseholdColumn.VILLAGE: lambda r: r.village,
    HouseholdColumn.GROUP: lambda r: r.group,
    HouseholdColumn.HEAD: lambda r: r.head_name,
    HouseholdColumn.ID_NUMBER: lambda r: r.head_id_number,
    HouseholdColumn.MEMBERS: lambda r: r.member_count,
    HouseholdColumn.STATUS: lambda r: HOUSEHOLD_STATUS.get(r.status, r.status),
    HouseholdColumn.CAUSES: _causes_text,
    HouseholdColumn.AID: _aid_text,
    HouseholdColumn.PHONE: lambda r: r.phone,
}

_RAW = {
    **_DISPLAY,
    HouseholdColumn.STATUS: lambda r: r.status,
    HouseholdColumn.AID: lambda r: (r.dibao, r.tekun),
}


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = HouseholdFilter()
        self._sort = HouseholdColumn.HOUSEHOLD_NO
        self._descending = False
        self._ids: array[int] = array("q")
        self._pages: dict[int, dict[int, HouseholdRow]] = {}

    # --- what the page sets ---
    def set_filter(self, f: HouseholdFilter) -> None:
        self._filter = f
        self.reload()

    @property
    def current_filter(self) -> HouseholdFilter:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = household_ids(self._filter, self._sort, self._descending)
        self._pages.clear()
        self.endResetModel()

    def refresh_rows(self, household_ids_changed: set[int]) -> None:
        """Forget cached rows of changed households so they are read again."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(HouseholdColumn) - 1))

    def household_id(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, household_id: int) -> int | None:
        try:
            return self._ids.index(household_id)
        except ValueError:
            return None

    # --- Qt model interface ---
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HouseholdColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("HouseholdTableModel", HEADERS[HouseholdColumn(section)])
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = HouseholdColumn(index.column())
        if role == ID_ROLE:
            return int(self._ids[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HouseholdColumn.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, RAW_SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == RAW_SORT_ROLE:
            return _RAW[column](row)
        return _DISPLAY[column](row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = HouseholdColumn(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._ids = household_ids(self._filter, self._sort, self._descending)
        self._pages.clear()
        self.layoutChanged.emit()

    # --- paging ---
    def _row(self, row: int) -> HouseholdRow | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = household_rows(self._ids[page_no * PAGE : (page_no + 1) * PAGE])
            self._pages[page_no] = page
        return page.get(int(self._ids[row]))
