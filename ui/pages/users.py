"""用户管理 (admins): the accounts, add / edit / disable / enable / reset, and the idle lock.

Users are never deleted (the audit log and every record name them): a user who leaves is
disabled. The core refuses all of this to anyone but an admin, whatever the window shows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import accounts
from suining_desk.services.access import Account

from ..dialogs.user_dialog import ResetPasswordDialog, UserDialog
from ..idle_lock import idle_minutes, set_idle_minutes
from ..session import Session

Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("UsersModel", "用户名"), QT_TRANSLATE_NOOP("UsersModel", "姓名"),
               QT_TRANSLATE_NOOP("UsersModel", "角色"), QT_TRANSLATE_NOOP("UsersModel", "所属乡镇"),
               QT_TRANSLATE_NOOP("UsersModel", "状态"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.users: list[Account] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.users = accounts.list_users()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        a = self.users[index.row()]
        state = self.tr("在用") if a.active else self.tr("已停用")
        return (a.username, a.display_name, a.role_label, a.scope_label, state)[index.column()]


class UsersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_page")
        self.session = session
        self.model = UsersModel(self)
        self.table = QTableView(objectName="users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.add_button = QPushButton(self.tr("新增用户(&N)…"), objectName="add_user")
        self.edit_button = QPushButton(self.tr("修改…"), objectName="edit_user")
        self.toggle_button = QPushButton(self.tr("停用"), objectName="toggle_user")
        self.reset_button = QPushButton(self.tr("重置密码…"), objectName="reset_password")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.toggle_button.clicked.connect(self.toggle_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.idle = QSpinBox(objectName="idle_minutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setSpecialValueText(self.tr("不锁定"))
        self.idle.setValue(idle_minutes())
        self.idle.valueChanged.connect(set_idle_minutes)
        self.dialog: UserDialog | ResetPasswordDialog | None = None
        self.error_box: QMessageBox | None = None

        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.toggle_button, self.reset_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("本机空闲自动锁定：")))
        buttons.addWidget(self.idle)
        note = QLabel(self.tr("用户不能删除（审计日志和各项记录都引用用户），离岗人员请停用。"
                              "连续输错密码5次账户锁定15分钟，管理员重置密码可立即解锁。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        self._update_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.users[rows[0].row()] if rows else None

    def select_user(self, username: str) -> None:
        for row, a in enumerate(self.model.users):
            if a.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for b in (self.edit_button, self.toggle_button, self.reset_button):
            b.setEnabled(chosen is not None)
        self.toggle_button.setText(self.tr("启用") if chosen is not None and not chosen.active else self.tr("停用"))

    def add_user(self) -> None:
        self.dialog = UserDialog(by=self.session.username, parent=self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()

    def edit_user(self) -> None:
        if (chosen := self.selected()) is not None:
            self.dialog = UserDialog(by=self.session.username, account=chosen, parent=self)
            self.dialog.accepted.connect(self.refresh)
            self.dialog.open()

    def reset_password(self) -> None:
        if (chosen := self.selected()) is not None:
            self.dialog = ResetPasswordDialog(chosen.username, by=self.session.username, parent=self)
            self.dialog.accepted.connect(self.refresh)
            self.dialog.open()

    def toggle_user(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            accounts.set_active(chosen.username, not chosen.active, by=self.session.username)
        except InvalidInput as exc:
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("不能修改"),
                                         "\n".join(describe(p) for p in exc.problems), parent=self)
            self.error_box.setObjectName("error_box")
            self.error_box.open()
            return
        self.refresh()
        self.select_user(chosen.username)
