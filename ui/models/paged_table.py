"""A table over a county-scale list: ordered ids from the core, rows fetched a page at a time.

The core gives two functions: ``ids(filter, sort, descending)`` (all ids in display
order, sorted in SQL) and ``rows(ids)`` (the rows of one page, by id). A
:class:`TableSpec` says how each column shows a row and what it sorts by.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

RAW_SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the value behind the text, for sorting and tests
ID_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE = 200
MAX_CACHED_PAGES = 20  # memory stays flat however far a clerk scrolls
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Row = TypeVar("Row")
Filter = TypeVar("Filter")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TableSpec(Generic[Row, Filter]):
    columns: type[IntEnum]
    headers: dict[Any, Any]  # column → QT_TRANSLATE_NOOP text
    display: dict[Any, Callable[[Row], Any]]
    ids: Callable[[Filter, Any, bool], array[int]]
    rows: Callable[[Sequence[int]], dict[int, Row]]
    raw: dict[Any, Callable[[Row], Any]] = field(default_factory=dict)  # when not the displayed value
    right_aligned: frozenset[Any] = frozenset()
    tooltips: dict[Any, Callable[[Row], Any]] = field(default_factory=dict)
    context: str = ""  # the translation context of the headers (QT_TRANSLATE_NOOP)
    widths: tuple[int, ...] = ()  # starting column widths, until the clerk's own are remembered


class PagedTableModel(QAbstractTableModel, Generic[Row, Filter]):
    def __init__(self, spec: TableSpec[Row, Filter], initial: Filter, parent: Any = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._filter = initial
        self._sort = spec.columns(0)
        self._descending = False
        self._ids: array[int] = array("q")
        self._pages: dict[int, dict[int, Row]] = {}
        self._loaded = False  # no query until the page sets its first filter

    # --- what the page sets ---
    def set_filter(self, f: Filter) -> None:
        self._filter = f
        self.reload()

    @property
    def current_filter(self) -> Filter:
        return self._filter

    @property
    def sort_order(self) -> tuple[IntEnum, bool]:
        """The column the rows are sorted by, and whether descending."""
        return self._sort, self._descending

    def reload(self) -> None:
        self._loaded = True
        self.beginResetModel()
        self._ids = self.spec.ids(self._filter, self._sort, self._descending)
        self._pages.clear()
        self.endResetModel()

    def record_id(self, row: int) -> int:
        return int(self._ids[row])

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def row_value(self, row: int) -> Row | None:
        return self._row(row)

    # --- Qt model interface ---
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.spec.context, str(self.spec.headers[self.spec.columns(section)]))
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.spec.columns(index.column())
        if role == ID_ROLE:
            return int(self._ids[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.spec.right_aligned else None
        if role not in (Qt.ItemDataRole.DisplayRole, RAW_SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == RAW_SORT_ROLE:
            return self.spec.raw.get(column, self.spec.display[column])(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.spec.tooltips.get(column)
            return tip(row) if tip else None
        return self.spec.display[column](row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = self.spec.columns(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:  # the view sorting itself at set-up: the first reload sorts
            return
        self.layoutAboutToBeChanged.emit()
        self._ids = self.spec.ids(self._filter, self._sort, self._descending)
        self._pages.clear()
        self.layoutChanged.emit()

    # --- paging ---
    def _row(self, row: int) -> Row | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = self.spec.rows(self._ids[page_no * PAGE : (page_no + 1) * PAGE])
            self._pages[page_no] = page
        return page.get(int(self._ids[row]))
