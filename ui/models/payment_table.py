"""Posted payments as a table over a million rows: the count and the sum come from the
running totals, rows are read a page at a time when the view asks for them.

In an indexed order (program and period, or record number) a page is read straight from
the index. Any other order is sorted once into a list of ids and pages are read by id:
at once for a list of up to :data:`SORT_AT_ONCE` rows, else the model asks for the sort
(:attr:`PaymentTableModel.sort_wanted`) and the page runs it in the background with
progress and cancel, showing the indexed order meanwhile."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import period_words
from suining_desk.services.payment_query import (
    INDEXED_SORTS,
    PaymentColumn,
    PaymentFilter,
    PaymentRow,
    Totals,
    payment_ids,
    payment_page,
    payment_rows,
    payment_totals,
)

from .paged_table import ID_ROLE, MAX_CACHED_PAGES, RAW_SORT_ROLE, RIGHT

PAGE = 200
SORT_AT_ONCE = 100_000  # sorted on the spot (a tenth of a second); more rows are sorted in the background
Index = QModelIndex | QPersistentModelIndex
PC = PaymentColumn

HEADERS = {
    PC.ID: QT_TRANSLATE_NOOP("PaymentTableModel", "记录号"),
    PC.PAID_DATE: QT_TRANSLATE_NOOP("PaymentTableModel", "发放日期"),
    PC.PROGRAM: QT_TRANSLATE_NOOP("PaymentTableModel", "项目"),
    PC.PERIOD: QT_TRANSLATE_NOOP("PaymentTableModel", "期间"),
    PC.VILLAGE: QT_TRANSLATE_NOOP("PaymentTableModel", "村"),
    PC.HOUSEHOLD_NO: QT_TRANSLATE_NOOP("PaymentTableModel", "户编号"),
    PC.PAYEE: QT_TRANSLATE_NOOP("PaymentTableModel", "领款人"),
    PC.ID_NUMBER: QT_TRANSLATE_NOOP("PaymentTableModel", "身份证号"),
    PC.PEOPLE: QT_TRANSLATE_NOOP("PaymentTableModel", "人数"),
    PC.STANDARD: QT_TRANSLATE_NOOP("PaymentTableModel", "标准(元)"),
    PC.AMOUNT: QT_TRANSLATE_NOOP("PaymentTableModel", "金额(元)"),
    PC.ACCOUNT: QT_TRANSLATE_NOOP("PaymentTableModel", "账号"),
    PC.BATCH: QT_TRANSLATE_NOOP("PaymentTableModel", "批次"),
    PC.KIND: QT_TRANSLATE_NOOP("PaymentTableModel", "类型"),
    PC.REASON: QT_TRANSLATE_NOOP("PaymentTableModel", "说明"),
}
DISPLAY: dict[PC, Callable[[Any], Any]] = {
    PC.ID: lambda r: r.id, PC.PAID_DATE: lambda r: r.paid_date.isoformat() if r.paid_date else "",
    PC.PROGRAM: lambda r: r.program, PC.PERIOD: lambda r: period_words(r.period), PC.VILLAGE: lambda r: r.village,
    PC.HOUSEHOLD_NO: lambda r: r.household_no,
    PC.PAYEE: lambda r: r.payee_name + (f"（{r.person_name}）" if r.person_name and r.person_name != r.payee_name
                                         else ""),
    PC.ID_NUMBER: lambda r: r.payee_id_number, PC.PEOPLE: lambda r: r.people,
    PC.STANDARD: lambda r: format_fen(r.standard_fen), PC.AMOUNT: lambda r: format_fen(r.amount_fen),
    PC.ACCOUNT: lambda r: r.bank_account, PC.BATCH: lambda r: r.batch_no,
    PC.KIND: lambda r: QCoreApplication.translate("PaymentTableModel", r.kind), PC.REASON: lambda r: r.reason,
}
RAW: dict[PC, Callable[[Any], Any]] = {
    PC.STANDARD: lambda r: r.standard_fen, PC.AMOUNT: lambda r: r.amount_fen, PC.PERIOD: lambda r: r.period,
}
RIGHT_COLUMNS = frozenset({PC.PEOPLE, PC.STANDARD, PC.AMOUNT})


class PaymentTableModel(QAbstractTableModel):
    sort_wanted = Signal()  # a long sort to run in the background: see wanted_sort

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = PaymentFilter()
        self._sort = PC.PROGRAM
        self._descending = False
        self._ids: array[int] | None = None  # the rows in a sorted order, when not an indexed one
        self.totals = Totals(0, 0)
        self._pages: dict[int, list[PaymentRow]] = {}

    def set_filter(self, f: PaymentFilter) -> None:
        self._filter = f
        self.reload()

    @property
    def current_filter(self) -> PaymentFilter:
        return self._filter

    @property
    def current_sort(self) -> tuple[PaymentColumn, bool]:
        return self._sort, self._descending

    def reload(self) -> None:
        self.beginResetModel()
        self.totals = payment_totals(self._filter)
        self._pages.clear()
        wanted = self._arrange()
        self.endResetModel()
        if wanted:
            self.sort_wanted.emit()

    def _arrange(self) -> bool:
        """The id list for the current order, if it needs one; True when it is too long to sort here."""
        self._ids = None
        if self._sort in INDEXED_SORTS or self.totals.payments == 0:
            return False
        if self.totals.payments <= SORT_AT_ONCE:
            self._ids = payment_ids(self._filter, self._sort, self._descending)
            return False
        return True

    def wanted_sort(self) -> tuple[PaymentFilter, PaymentColumn, bool]:
        return self._filter, self._sort, self._descending

    def use_sorted(self, wanted: tuple[PaymentFilter, PaymentColumn, bool], ids: array[int]) -> None:
        """The background sort's result, if it is still the order and filter asked for."""
        if wanted != self.wanted_sort():
            return
        self.layoutAboutToBeChanged.emit()
        self._ids = ids
        self._pages.clear()
        self.layoutChanged.emit()

    def row_value(self, row: int) -> PaymentRow | None:
        if not 0 <= row < self.totals.payments:
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.pop(next(iter(self._pages)))
            page = self._read_page(page_no)
            self._pages[page_no] = page
        index = row - page_no * PAGE
        return page[index] if index < len(page) else None

    def _read_page(self, page_no: int) -> list[PaymentRow]:
        start, total = page_no * PAGE, self.totals.payments
        end = min(start + PAGE, total)
        if self._ids is not None:
            return payment_rows(self._ids[start:end])
        # No id list: an indexed order (or, while a long sort runs, the default one).
        sort, descending = (self._sort, self._descending) if self._sort in INDEXED_SORTS else (PC.PROGRAM, False)
        before = self._pages.get(page_no - 1)
        if before is None and start > total // 2:  # nearer the end: count from there, backwards
            return payment_page(self._filter, sort, not descending, offset=total - end, limit=end - start)[::-1]
        return payment_page(self._filter, sort, descending, offset=start, limit=PAGE,
                            after=before[-1] if before else None)

    def row_of(self, payment_id: int) -> int | None:
        for page_no, page in self._pages.items():
            for k, r in enumerate(page):
                if r.id == payment_id:
                    return page_no * PAGE + k
        return None

    # --- Qt ---
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.totals.payments

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PC)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("PaymentTableModel", str(HEADERS[PC(section)]))
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = PC(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in RIGHT_COLUMNS else None
        if role not in (Qt.ItemDataRole.DisplayRole, RAW_SORT_ROLE, ID_ROLE):
            return None
        row = self.row_value(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row.id
        if role == RAW_SORT_ROLE:
            return RAW.get(column, DISPLAY[column])(row)
        return DISPLAY[column](row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = PC(column)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._pages.clear()
        wanted = self._arrange()
        self.layoutChanged.emit()
        if wanted:
            self.sort_wanted.emit()
