"""What the window says about the database itself when it opens (docs/security.md):

- its protective triggers are gone: the program can only read it until an admin restores
  them — an admin who logs in is offered to restore them at once;
- it holds less than this computer has seen of it (an older copy put in its place): a
  clear warning to whoever opens it, and an admin who logs in may accept it as it is
  (logged in the audit log) once they have checked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.access import Account
from suining_desk.services.database import protection_state
from suining_desk.services.open_checks import open_warnings
from suining_desk.services.protections import repair
from suining_desk.services.rollback import accept, current_rollback

TITLE = "绥宁扶贫台账"


def _box(icon: QMessageBox.Icon, text: str, name: str, parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    return box


def warn_on_open(parent: QWidget | None = None) -> bool:
    """Tell whoever opens the database what is wrong with it; False when all is well."""
    problems = open_warnings()
    if not problems:
        return False
    text = "\n\n".join(describe(p) for p in problems)
    _box(QMessageBox.Icon.Warning, text, "open_warning", parent).exec()
    return True


def _ask(text: str, yes: str, name: str, parent: QWidget | None) -> bool:
    box = _box(QMessageBox.Icon.Question, text, name, parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(QMessageBox.tr("暂不"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return bool(box.exec() == QMessageBox.StandardButton.Yes)


def offer_admin_fixes(account: Account, parent: QWidget | None = None) -> None:
    """An admin who logged in: restore missing protections, accept a rollback they checked."""
    if not account.at_least("admin"):
        return
    state = protection_state()
    if state is not None and not state.ok and _ask(QMessageBox.tr(
            "数据库的保护规则缺失或被改动：{names}。\n\n在恢复之前，本软件只能查看、不能修改这个数据库。"
            "是否现在恢复？（恢复记入审计日志；建议随后运行“审计日志 → 核验”，查看保护缺失期间数据是否被改动）"
            ).format(names=state.describe()), QMessageBox.tr("恢复保护规则"), "repair_offer", parent):
        try:
            repair(by=account.username)
        except InvalidInput as exc:
            _box(QMessageBox.Icon.Critical, "\n".join(describe(p) for p in exc.problems), "repair_failed",
                 parent).exec()
        else:
            _box(QMessageBox.Icon.Information, QMessageBox.tr("已恢复数据库的保护规则，现在可以正常修改数据。"),
                 "repair_done", parent).exec()
    rollback = current_rollback()
    if rollback is not None and _ask(describe(rollback.problem()) + "\n\n" + QMessageBox.tr(
            "如已核实（例如确是有意恢复了较早的备份，或已找回丢失的记录），可以确认接受现状："
            "这次回退将记入审计日志，之后不再提示。"), QMessageBox.tr("确认接受现状"), "rollback_offer", parent):
        accept(by=account.username)
