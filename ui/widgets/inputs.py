"""Line edits for amounts (元 → fen) and areas (㎡ → hundredths), parsed by the core; a
page's search box reached with Ctrl+F."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

from suining_desk.domain.money import check_amount, format_fen
from suining_desk.domain.problems import Problem
from suining_desk.rules.housing import check_area, m2

from .household_form import from_qdate, to_qdate


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
        super().__init__(parent, objectName=name)
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
        super().__init__(parent, objectName=name)
        self.setPlaceholderText(self.tr("平方米，如 75 或 75.5"))

    def x100(self) -> int | None:
        return check_area(self.text())[0]

    def checked(self) -> tuple[int | None, list[Problem]]:
        return check_area(self.text())

    def set_x100(self, value: int) -> None:
        self.setText(m2(value) if value else "")


class OptionalDate(QWidget):
    """A date that may be left out (a check box in front of a date edit)."""

    def __init__(self, name: str, label: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.enabled = QCheckBox(label, objectName=f"{name}_set")
        self.edit = date_edit(f"{name}_date", day)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)
        self.enabled.toggled.connect(self.edit.setEnabled)
        self.enabled.setChecked(True)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


def date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    return edit
