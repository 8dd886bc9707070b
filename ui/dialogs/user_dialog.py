"""The admin's dialogs: add or edit a user, and set a new password for one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from suining_desk.domain.enums import ROLES
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.services import accounts
from suining_desk.services.access import Account

from .account_dialogs import AccountDialog, password_field


class UserDialog(AccountDialog):
    """新增用户 (with its first password) or 修改用户 (name, role, township)."""

    def __init__(self, *, by: str, account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("保存"), self.tr("取消"), parent)
        self.setObjectName("user_dialog")
        self.setWindowTitle(self.tr("修改用户") if account else self.tr("新增用户"))
        self._by, self._editing = by, account
        self.username = QLineEdit(account.username if account else "", objectName="username")
        self.username.setReadOnly(account is not None)
        self.display_name = QLineEdit(account.display_name if account else "", objectName="display_name")
        self.role = QComboBox(objectName="role")
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.township = QComboBox(objectName="township")
        self.township.addItem(self.tr("全县"), None)
        for area_id, name in accounts.township_choices():
            self.township.addItem(name, area_id)
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("所属乡镇"), self.township)
        if account is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(account.role)))
            self.township.setCurrentIndex(max(0, self.township.findData(account.township_id)))
            self.password = self.confirm = None
        else:
            self.role.setCurrentIndex(self.role.findData("clerk"))
            self.password = password_field("password")
            self.confirm = password_field("confirm")
            self.form.addRow(self.tr("初始密码"), self.password)
            self.form.addRow(self.tr("再次输入"), self.confirm)
            self.say(self.tr("新用户首次登录时须修改初始密码。"))

    def submit(self) -> None:
        role, township = str(self.role.currentData()), self.township.currentData()
        try:
            if self._editing is not None:
                accounts.update_user(self._editing.username, display_name=self.display_name.text(), role=role,
                                     township_id=township, by=self._by)
            else:
                assert self.password is not None and self.confirm is not None
                if self.password.text() != self.confirm.text():
                    self.refuse([Problem("password_mismatch", field="confirm")])
                    return
                self.account = accounts.create_user(self.username.text(), self.display_name.text(), role, township,
                                                    self.password.text(), by=self._by)
        except InvalidInput as exc:
            self.refuse(exc.problems)
            return
        self.accept()


class ResetPasswordDialog(AccountDialog):
    def __init__(self, username: str, *, by: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("重置"), self.tr("取消"), parent)
        self.setObjectName("reset_dialog")
        self.setWindowTitle(self.tr("重置密码 — {user}").format(user=username))
        self.say(self.tr("重置后账户解除锁定，用户下次登录时须修改密码。"))
        self._username, self._by = username, by
        self.password = password_field("password")
        self.confirm = password_field("confirm")
        self.form.addRow(self.tr("新密码"), self.password)
        self.form.addRow(self.tr("再次输入"), self.confirm)

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.refuse([Problem("password_mismatch", field="confirm")])
            return
        try:
            accounts.reset_password(self._username, self.password.text(), by=self._by)
        except InvalidInput as exc:
            self.refuse(exc.problems)
            return
        self.accept()
