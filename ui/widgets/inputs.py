"""Line edits for amounts (元 → fen) and areas (㎡ → hundredths), parsed by the core; a
page's search box reached with Ctrl+F."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from suining_desk.domain.money import check_amount, format_fen
from suining_desk.domain.problems import Problem
from suining_desk.rules.housing import check_area, m2


def search_shortcut(page: QWidget, edit: QLineEdit) -> QShortcut:
    """Ctrl+F anywhere on ``page`` puts the cursor in ``edit``, its text selected to type over
    (only the page on show answers: a hidden page's shortcuts are off)."""
    def go() -> None:
        edit.setFocus()
        edit.selectAll()
    return QShortcut(QKeySequence.StandardKey.Find, page, activated=go)


class MoneyEdit(QLineEdit):
    """Yuan as a clerk types them (``35,000``, ``３５０００元``); blank counts as 0 unless required."""

    def __init__(self, name: str, *, required: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._required = required
        self.setPlaceholderText(self.tr("元，如 35000 或 35,000.00"))

    def fen(self) -> int | None:
        return self.checked()[0]

    def checked(self) -> tuple[int | None, list[Problem]]:
        if not self.text().strip() and not self._required:
            return 0, []
        return check_amount(self.text())

    def set_fen(self, fen: int) -> None:
        self.setText(format_fen(fen) if fen else "")


class AreaEdit(QLineEdit):
    """Square metres with up to two decimals; blank is 0."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(self.tr("平方米，如 75 或 75.5"))

    def x100(self) -> int | None:
        return check_area(self.text())[0]

    def checked(self) -> tuple[int | None, list[Problem]]:
        return check_area(self.text())

    def set_x100(self, value: int) -> None:
        self.setText(m2(value) if value else "")
