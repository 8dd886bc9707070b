"""The lock (idle minutes or Ctrl+L): every window and dialog of the program is covered, not
closed — a dialog waiting in ``exec()`` would end if it were hidden — so after the password
each comes back as it was, with whatever was typed in it. The unlock prompt is application
modal: nothing under a cover takes a key or a click. A window that opens while locked (an
error of background work) is covered as it appears.

退出 (or Esc) on the prompt quits only after asking when a dialog holds typed, unsaved input:
the default keeps the program locked for its owner.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

COVER_NAME = "lock_cover"


class Cover(QWidget):
    """An opaque sheet over all of one window, resized with it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(COVER_NAME)
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        label = QLabel(self.tr("已锁定"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 24, 12, 12)  # above the unlock prompt, which sits in the middle
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # a widget added later stays under the sheet
        return False


def _typed_input(window: QWidget) -> bool:
    """Whether the clerk typed into ``window`` something not yet saved (a dialog may say so
    itself with ``has_unsaved_input()``)."""
    own = getattr(window, "has_unsaved_input", None)
    if callable(own):
        return bool(own())
    for edit in window.findChildren(QLineEdit):
        if edit.isModified() and edit.text() and not edit.isReadOnly() and edit.echoMode() == QLineEdit.EchoMode.Normal:
            if not isinstance(edit.parent(), QAbstractSpinBox):  # dates and numbers: chosen, not typed
                return True
    for text in window.findChildren(QTextEdit):
        if not text.isReadOnly() and text.document().isModified() and text.toPlainText():
            return True
    for plain in window.findChildren(QPlainTextEdit):
        if not plain.isReadOnly() and plain.document().isModified() and plain.toPlainText():
            return True
    return False


class LockScreen(QObject):
    """Covers the windows of the program while ``prompt`` asks for the password."""

    def __init__(self, main_window: QWidget, prompt: QDialog, locked_title: str) -> None:
        super().__init__(main_window)
        self.main_window = main_window
        self.prompt = prompt
        self.locked_title = locked_title
        self.covers: dict[QWidget, tuple[Cover, str]] = {}
        self.active: QWidget | None = None
        self.focus: QWidget | None = None

    def lock(self) -> None:
        while (popup := QApplication.activePopupWidget()) is not None:  # a list dropped down, a menu
            popup.close()
        self.active = QApplication.activeWindow()
        self.focus = QApplication.focusWidget()
        for window in QApplication.topLevelWidgets():
            self._cover(window)
        if (app := QApplication.instance()) is not None:
            app.installEventFilter(self)
        self.prompt.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.prompt.setResult(0)
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()

    def _cover(self, window: QWidget) -> None:
        if (window is self.prompt or window in self.covers or not window.isVisible()
                or window.windowType() in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
                or self.prompt.isAncestorOf(window) or window.parent() is self.prompt):
            return
        self.covers[window] = (Cover(window), window.windowTitle())
        window.setWindowTitle(self.locked_title)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and watched.objectName() != COVER_NAME):
            self._cover(watched)  # a window opened while locked (background work's message)
        return False

    def unsaved(self) -> list[str]:
        """The titles of the covered dialogs that hold typed input."""
        return [title for window, (_cover, title) in self.covers.items()
                if shiboken6.isValid(window) and window is not self.main_window and window.isVisible()
                and _typed_input(window)]

    def unlock(self) -> None:
        if (app := QApplication.instance()) is not None:
            app.removeEventFilter(self)
        for window, (cover, title) in self.covers.items():
            if shiboken6.isValid(window):
                window.removeEventFilter(cover)
                window.setWindowTitle(title)
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self.covers.clear()
        if self.active is not None and shiboken6.isValid(self.active) and self.active.isVisible():
            self.active.activateWindow()
            self.active.raise_()
        if self.focus is not None and shiboken6.isValid(self.focus) and self.focus.isVisible():
            self.focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_all(self) -> None:
        """Quitting from the lock: every dialog ends unsaved (one in ``exec()`` returns)."""
        windows = [w for w in self.covers if shiboken6.isValid(w) and w is not self.main_window]
        self.unlock()
        for window in windows:
            if isinstance(window, QDialog):
                window.reject()
            else:
                window.close()

    def confirm_quit(self, unsaved: list[str], quit_: Callable[[], None], stay: Callable[[], None]) -> QMessageBox:
        """Ask before typed input is thrown away; 继续锁定 is the default (and Esc)."""
        names = "、".join(f"“{name}”" for name in unsaved)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("退出程序？"), self.tr(
            "{names}中输入的内容还没有保存，退出程序会丢失这些内容。\n"
            "要保留它们，请点“继续锁定”，由本人输入密码解锁后保存。").format(names=names), parent=self.prompt)
        box.setObjectName("quit_while_locked")
        keep = box.addButton(self.tr("继续锁定"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(self.tr("放弃并退出"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.finished.connect(lambda _r: stay() if box.clickedButton() is keep else quit_())
        box.show()
        return box
