"""Date edits in the program's one format (yyyy-MM-dd, with a calendar), and a date that may
be left out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ..dates import from_qdate, to_qdate

MIN_DAY = dt.date(2000, 1, 1)  # no record of this program's work is older


def date_edit(name: str, day: dt.date, *, minimum: dt.date | None = MIN_DAY) -> QDateEdit:
    """A date edit showing ``day``; ``minimum=None`` leaves Qt's own lower bound."""
    edit = QDateEdit(to_qdate(day), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if minimum is not None:
        edit.setMinimumDate(to_qdate(minimum))
    return edit


class OptionalDate(QWidget):
    """A date that may be left out (a check box in front of a date edit)."""

    def __init__(self, name: str, label: str, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
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
