"""Login, unlock after the idle lock, the first admin of a new database, and a user's own
password change. Every check happens in the core (:mod:`suining_desk.services.accounts`):
these dialogs only collect the text and show the Chinese reason of a refusal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.rules.accounts import MIN_PASSWORD
from suining_desk.services import accounts
from suining_desk.services.access import Account, account_of

from ..widgets.login_banner import ProgramBanner
from ..widgets.problem_label import ProblemLabel

OTHER_DATABASE = 2  # LoginDialog.exec(): the clerk chose another database (in other_database)


def password_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AccountDialog(QDialog):
    """A form, a line for refusals and OK/Cancel with our own button texts."""

    def __init__(self, ok_text: str, cancel_text: str, parent: QWidget | None, *, database: Path | None = None,
                 can_choose: bool = False) -> None:
        super().__init__(parent)
        self.setMinimumWidth(440)  # the name, the database and a sentence or two read on one or two lines
        self.banner = ProgramBanner(database, can_choose=can_choose)
        self.form = QFormLayout()
        self.problems = ProblemLabel()
        self.problems.setObjectName("problems")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok_button")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(cancel_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        self.intro = QLabel(objectName="intro")
        self.intro.setWordWrap(True)
        self.intro.setVisible(False)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.account: Account | None = None

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(True)

    def refuse(self, problems: list[Problem]) -> None:
        self.problems.show_problems(problems)

    def submit(self) -> None:
        raise NotImplementedError


class LoginDialog(AccountDialog):
    """用户名 + 密码. ``fixed_user``: the lock — only that user may unlock (``idle``: it came
    after the idle minutes, not from 锁定 / Ctrl+L)."""

    def __init__(self, *, username: str = "", fixed_user: bool = False, idle: bool = False,
                 database: Path | None = None, can_choose: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("解锁") if fixed_user else self.tr("登录"), self.tr("退出"), parent,
                         database=database, can_choose=can_choose)
        self.setObjectName("unlock_dialog" if fixed_user else "login_dialog")
        self.setWindowTitle(self.tr("已锁定 — 绥宁扶贫台账") if fixed_user else self.tr("登录 — 绥宁扶贫台账"))
        self.fixed_user = fixed_user
        self.username = QLineEdit(username, objectName="username")
        self.username.setReadOnly(fixed_user)
        self.password = password_field("password")
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("密码"), self.password)
        self.other_database: Path | None = None
        self.banner.other_chosen.connect(self._other_chosen)
        self.forgot = QLabel(forgot_password_text(), objectName="forgot_password", wordWrap=True)
        self.forgot.setStyleSheet("color: #555;")
        body = self.layout()
        assert isinstance(body, QVBoxLayout)
        body.insertWidget(body.indexOf(self.buttons), self.forgot)
        if fixed_user and idle:
            self.say(self.tr("长时间没有操作，窗口已锁定。请输入密码继续。"))
        elif fixed_user:
            self.say(self.tr("窗口已锁定，录入的内容都还在。请输入密码继续。"))
        (self.password if username else self.username).setFocus()

    def _other_chosen(self, path: Path) -> None:
        self.other_database = path
        self.done(OTHER_DATABASE)

    def submit(self) -> None:
        try:
            self.account = accounts.login(self.username.text(), self.password.text(),
                                          via="unlock" if self.fixed_user else "window")
        except InvalidInput as exc:
            self.password.clear()
            self.password.setFocus()
            self.refuse(exc.problems)
            return
        self.accept()


def forgot_password_text() -> str:
    """Whom to ask when the password is gone (the admins by name: nobody else can help)."""
    names = "、".join(accounts.admin_names())
    return QCoreApplication.translate("LoginDialog",
        "忘记密码？请本单位的管理员（{names}）在“用户管理”页为您重置密码，用他给的初始密码登录后再改成自己的。"
        "管理员忘了自己的密码，由另一位管理员重置。").format(names=names or "—")


class CreateAdminDialog(AccountDialog):
    """The first run of a new database: its administrator."""

    def __init__(self, parent: QWidget | None = None, *, database: Path | None = None) -> None:
        super().__init__(self.tr("创建"), self.tr("退出"), parent, database=database)
        self.setObjectName("create_admin_dialog")
        self.setWindowTitle(self.tr("新数据库 — 创建管理员"))
        self.say(self.tr("这是一个新的数据库，请先创建管理员账户。管理员可以添加录入员和审核员。"))
        self.username = QLineEdit("admin", objectName="username")
        self.display_name = QLineEdit(objectName="display_name")
        self.password = password_field("password")
        self.password.setPlaceholderText(self.tr("至少{n}位，含字母、数字、符号中的两类").format(n=MIN_PASSWORD))
        self.confirm = password_field("confirm")
        self.form.addRow(self.tr("用户名"), self.username)
        self.form.addRow(self.tr("姓名"), self.display_name)
        self.form.addRow(self.tr("密码"), self.password)
        self.form.addRow(self.tr("再次输入密码"), self.confirm)

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.refuse([Problem("password_mismatch", field="confirm")])
            return
        try:
            self.account = accounts.create_first_admin(self.username.text(), self.display_name.text(),
                                                       self.password.text())
        except InvalidInput as exc:
            self.refuse(exc.problems)
            return
        self.accept()


class ChangePasswordDialog(AccountDialog):
    """A user changes their own password; ``forced`` after an admin's reset."""

    def __init__(self, account: Account, *, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("修改"), self.tr("退出") if forced else self.tr("取消"), parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("修改密码 — {user}").format(user=account.username))
        self._account = account
        if forced:
            self.say(self.tr("管理员设置了初始密码或重置了密码，请先修改为只有您自己知道的密码。"))
        self.old = password_field("old_password")
        self.new = password_field("new_password")
        self.new.setPlaceholderText(self.tr("至少{n}位，含字母、数字、符号中的两类").format(n=MIN_PASSWORD))
        self.confirm = password_field("confirm")
        self.form.addRow(self.tr("原密码"), self.old)
        self.form.addRow(self.tr("新密码"), self.new)
        self.form.addRow(self.tr("再次输入新密码"), self.confirm)

    def submit(self) -> None:
        if self.new.text() != self.confirm.text():
            self.refuse([Problem("password_mismatch", field="confirm")])
            return
        try:
            accounts.change_password(self._account.username, self.old.text(), self.new.text())
        except InvalidInput as exc:
            self.refuse(exc.problems)
            return
        self.account = account_of(self._account.username) or self._account  # no longer "must change"
        self.accept()


def own_password_first(account: Account, parent: QWidget | None = None,
                       opened: Callable[[QDialog], None] | None = None) -> Account | None:
    """``account`` once it has a password only its owner knows: a password an admin set
    (a new account, a reset) is changed first, in a dialog that only 退出 leaves — then
    None, and whoever logged in does not get in. ``opened`` is told of the dialog."""
    if not account.must_change_password:
        return account
    dialog = ChangePasswordDialog(account, forced=True, parent=parent)
    if opened is not None:
        opened(dialog)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.account
