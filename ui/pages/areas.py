"""区划管理 (admins): the county's townships, villages and groups with their codes; add a
village or a group, rename one, retire one. Nothing is deleted — a retired area keeps its
records. The core refuses all of this to anyone but an admin, whatever the window shows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import area_admin
from suining_desk.services.area_admin import AreaRow

from ..session import Session
from ..tasks import show_error
from ..widgets.problem_label import ProblemLabel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = (QT_TRANSLATE_NOOP("AreasPage", "名称"), QT_TRANSLATE_NOOP("AreasPage", "代码"),
           QT_TRANSLATE_NOOP("AreasPage", "级别"), QT_TRANSLATE_NOOP("AreasPage", "在册户数"),
           QT_TRANSLATE_NOOP("AreasPage", "状态"))
LEVELS = {AreaLevel.TOWNSHIP: QT_TRANSLATE_NOOP("AreasPage", "乡镇"),
          AreaLevel.VILLAGE: QT_TRANSLATE_NOOP("AreasPage", "行政村"),
          AreaLevel.GROUP: QT_TRANSLATE_NOOP("AreasPage", "村民小组")}
RETIRED = QColor("#888888")


class AreaDialog(QDialog):
    """A new village or group (name and, if wanted, its code), or a new name for one."""

    def __init__(self, title: str, place: str, *, name: str = "", code_hint: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("area_dialog")
        self.setWindowTitle(title)
        self.name = QLineEdit(name, objectName="area_name")
        self.code = QLineEdit(objectName="area_code")
        self.code.setPlaceholderText(self.tr("留空自动编为 {code}").format(code=code_hint or ""))
        self.problems = ProblemLabel()
        self.problems.setObjectName("area_problems")
        form = QFormLayout()
        form.addRow(self.tr("所属："), QLabel(place))
        form.addRow(self.tr("名称(&N)："), self.name)
        if code_hint is not None:
            form.addRow(self.tr("代码(&C)："), self.code)
        form.addRow("", self.problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.code.setVisible(code_hint is not None)
        self.resize(420, self.sizeHint().height())


class AreasPage(QWidget):
    areas_changed = Signal()  # the window's area tree reloads

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("areas_page")
        self.session = session
        self.rows: dict[int, AreaRow] = {}
        self._items: dict[int, QStandardItem] = {}
        self.dialog: AreaDialog | None = None
        self.error_box: QMessageBox | None = None
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(objectName="areas_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_village_button = QPushButton(self.tr("新增行政村(&V)…"), objectName="add_village")
        self.add_group_button = QPushButton(self.tr("新增村民小组(&G)…"), objectName="add_group")
        self.rename_button = QPushButton(self.tr("改名(&R)…"), objectName="rename_area")
        self.retire_button = QPushButton(self.tr("撤销(&T)…"), objectName="retire_area")
        self.add_village_button.clicked.connect(self.add_village)
        self.add_group_button.clicked.connect(self.add_group)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.retire)
        buttons = QHBoxLayout()
        for b in (self.add_village_button, self.add_group_button, self.rename_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        note = QLabel(self.tr(
            "选中乡镇后可新增行政村，选中行政村后可新增村民小组；代码留空时接着上级代码顺延。"
            "区划不能删除：合并或撤销的村组请“撤销”，已有的户、发放和台账记录保留，只是不再能登记新户；"
            "还有在册户的村组要先把户调整到其他村组。"), objectName="areas_note")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # --- the tree ---
    def refresh(self) -> None:
        chosen = self.selected()
        account = self.session.account
        rows = area_admin.area_rows(account.township_id if account is not None else None)
        self.rows = {r.id: r for r in rows}
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self._items = {}
        root = self.model.invisibleRootItem()
        for r in rows:
            cells = [QStandardItem(x) for x in (r.name, r.code, self.tr(str(LEVELS[r.level])), str(r.households),
                                                 self.tr("在用") if r.retired_on is None else
                                                 self.tr("已撤销（{date}）").format(date=r.retired_on.isoformat()))]
            cells[0].setData(r.id, ID_ROLE)
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r.retired_on is not None:
                for cell in cells:
                    cell.setForeground(QBrush(RETIRED))
            parent = self._items.get(r.parent_id) if r.parent_id is not None else None
            (parent or root).appendRow(cells)
            self._items[r.id] = cells[0]
        for r in rows:
            if r.level == AreaLevel.TOWNSHIP and self.model.rowCount(self._items[r.id].index()) < 40:
                self.tree.expand(self._items[r.id].index())
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()

    def set_area(self, area_id: int | None) -> None:
        """The area picked in the window's tree is selected here too."""
        if area_id is not None and area_id in self._items:
            self.select(area_id)

    def select(self, area_id: int) -> None:
        item = self._items.get(area_id)
        if item is not None:
            self.tree.setCurrentIndex(item.index())
            self.tree.scrollTo(item.index())

    def selected(self) -> AreaRow | None:
        index: QModelIndex = self.tree.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return self.rows.get(int(value)) if value is not None else None

    def _parent_for(self, level: AreaLevel) -> AreaRow | None:
        """The township (``level`` VILLAGE) or village (GROUP) a new area would go under."""
        row = self.selected()
        while row is not None and row.level >= level:
            row = self.rows.get(row.parent_id) if row.parent_id is not None else None
        return row if row is not None and row.level == level - 1 else None

    def _update_buttons(self) -> None:
        row = self.selected()
        town, village = self._parent_for(AreaLevel.VILLAGE), self._parent_for(AreaLevel.GROUP)
        self.add_village_button.setEnabled(town is not None)
        self.add_group_button.setEnabled(village is not None and village.retired_on is None)
        managed = row is not None and row.level in (AreaLevel.VILLAGE, AreaLevel.GROUP)
        self.rename_button.setEnabled(managed and row is not None and row.retired_on is None)
        self.retire_button.setEnabled(managed and row is not None and row.retired_on is None)

    # --- the changes ---
    def add_village(self) -> None:
        if (town := self._parent_for(AreaLevel.VILLAGE)) is not None:
            self._add(town, self.tr("新增行政村"))

    def add_group(self) -> None:
        if (village := self._parent_for(AreaLevel.GROUP)) is not None:
            self._add(village, self.tr("新增村民小组"))

    def _add(self, parent: AreaRow, title: str) -> None:
        dialog = AreaDialog(title, parent.path, code_hint=area_admin.suggested_code(parent.id), parent=self)
        user = self.session.username
        self._open(dialog, lambda: area_admin.add_child(parent.id, dialog.name.text(), code=dialog.code.text(),
                                                        user=user))

    def rename(self) -> None:
        row = self.selected()
        if row is None:
            return
        parent = self.rows.get(row.parent_id) if row.parent_id is not None else None
        dialog = AreaDialog(self.tr("改名"), parent.path if parent else "", name=row.name, parent=self)
        user = self.session.username
        self._open(dialog, lambda: area_admin.rename_area(row.id, dialog.name.text(), user=user))

    def _open(self, dialog: AreaDialog, write: Callable[[], area_admin.Change]) -> None:
        """Show ``dialog``; 确定 runs ``write``: its problems stay in the dialog, a change closes it."""

        def save() -> None:
            try:
                change = write()
            except InvalidInput as exc:
                dialog.problems.show_problems(exc.problems)
                return
            dialog.accept()
            self._changed(change.area_id)

        dialog.buttons.accepted.connect(save)
        self.dialog = dialog
        dialog.open()

    def retire(self) -> None:
        row = self.selected()
        if row is None:
            return
        groups = "" if row.level == AreaLevel.GROUP else self.tr("（连同其下各村民小组）")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("撤销区划"), self.tr(
            "撤销“{path}”{groups}？\n撤销后不能再在此登记新户；已有的户、发放和台账记录都保留。").format(
            path=row.path, groups=groups), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("retire_confirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("撤销"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("不撤销"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        user, today = self.session.username, self.session.today()

        def answered(_result: int) -> None:
            if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
                return
            try:
                change = area_admin.retire_area(row.id, user=user, today=today)
            except InvalidInput as exc:
                self.error_box = show_error(self, self.tr("不能撤销"), exc)
                return
            self._changed(change.area_id)

        box.finished.connect(answered)
        self.error_box = box
        box.open()

    def _changed(self, area_id: int) -> None:
        self.refresh()
        self.select(area_id)
        self.areas_changed.emit()
