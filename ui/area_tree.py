"""The area tree (县 → 乡镇 → 行政村 → 村民小组) the clerk picks the working area in."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QStyle, QTreeView, QWidget

from suining_desk.domain.enums import AREA_LEVEL_LABELS, AreaLevel
from suining_desk.services.areas import AreaNode, area_nodes

AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AREA_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
AREA_CODE_ROLE = Qt.ItemDataRole.UserRole + 3


class AreaTree(QTreeView):
    """One column of area names; the county starts expanded and selected."""

    area_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("area_tree")
        self.area_model = QStandardItemModel(self)
        self.setModel(self.area_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)  # thousands of groups in a whole county
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._items: dict[int, QStandardItem] = {}
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.reload()

    def reload(self) -> None:
        """Rebuild from the database, keeping the selected area when it still exists."""
        selected = self.current_area_id()
        self.set_nodes(area_nodes())
        if selected is None or not self.select_area(selected):
            self._select_first_county()

    def set_nodes(self, nodes: list[AreaNode]) -> None:
        blocked = self.selectionModel().blockSignals(True)
        try:
            self.area_model.clear()
            self._items = {}
            root = self.area_model.invisibleRootItem()
            for node in nodes:  # parents come before their children
                item = QStandardItem(node.name + (self.tr("（已撤销）") if node.retired else ""))
                item.setData(node.id, AREA_ID_ROLE)
                item.setData(int(node.level), AREA_LEVEL_ROLE)
                item.setData(node.code, AREA_CODE_ROLE)
                item.setToolTip(f"{node.name}（{AREA_LEVEL_LABELS.get(int(node.level), '')} {node.code}）")
                if node.retired:  # its records are still there to look at
                    item.setForeground(QBrush(QColor("#888888")))
                parent = self._items.get(node.parent_id) if node.parent_id is not None else None
                (parent or root).appendRow(item)
                self._items[node.id] = item
        finally:
            self.selectionModel().blockSignals(blocked)
        for item in self._county_items():
            self.expand(item.index())
        self._fit_width()

    def _fit_width(self) -> None:
        """Wide enough for every township's name (长铺子苗族侗族乡…): the panel never cuts one."""
        names = [(1, c.text()) for c in self._county_items()]
        names += [(2, c.child(r).text()) for c in self._county_items() for r in range(c.rowCount())]
        if not names:
            return
        metrics = self.fontMetrics()
        need = max(depth * self.indentation() + metrics.horizontalAdvance(text) for depth, text in names)
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(need + 12 + scrollbar + 2 * self.frameWidth())

    # --- selection ---
    def current_area_id(self) -> int | None:
        index = self.currentIndex()
        value = index.data(AREA_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def select_area(self, area_id: int) -> bool:
        item = self._items.get(area_id)
        if item is None:
            return False
        self.setCurrentIndex(item.index())
        self.scrollTo(item.index())
        return True

    def current_area_code(self) -> str | None:
        index = self.currentIndex()
        value = index.data(AREA_CODE_ROLE) if index.isValid() else None
        return str(value) if value is not None else None

    def select_area_code(self, code: str) -> bool:
        """Select by area code: codes stay the same across databases of one county."""
        found = next((i for i, item in self._items.items() if item.data(AREA_CODE_ROLE) == code), None)
        return found is not None and self.select_area(found)

    def index_of(self, area_id: int) -> QModelIndex:
        item = self._items.get(area_id)
        return item.index() if item is not None else QModelIndex()

    def area_name(self, area_id: int | None) -> str:
        item = self._items.get(area_id) if area_id is not None else None
        return item.text() if item is not None else ""

    def area_ids(self, level: AreaLevel) -> list[int]:
        return [i for i, item in self._items.items() if item.data(AREA_LEVEL_ROLE) == int(level)]

    def _county_items(self) -> list[QStandardItem]:
        root = self.area_model.invisibleRootItem()
        return [root.child(row) for row in range(root.rowCount())]

    def _select_first_county(self) -> None:
        counties = self._county_items()
        if counties:
            self.setCurrentIndex(counties[0].index())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(AREA_ID_ROLE) if current.isValid() else None
        if value is not None:
            self.area_selected.emit(int(value))
