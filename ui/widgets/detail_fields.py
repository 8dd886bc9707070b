"""The program's own facts in a form (医疗救助's costs, 雨露计划's school …): one field each,
as :mod:`suining_desk.services.aid_details` defines them; a choice is a list, the rest are
typed (amounts in yuan, the rate in percent, dates as 2018-11-05). The core checks them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from suining_desk.services.aid_details import CHOICE, ProgramDetails, typed_text


class DetailFields(QWidget):
    changed = Signal()

    def __init__(self, details: ProgramDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        self.rows: list[tuple[str, QWidget]] = []  # (label, field): a dialog may put them in its own form
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for field in details.fields:
            edit: QLineEdit | QComboBox
            if field.kind == CHOICE:
                edit = QComboBox(objectName=f"detail_{field.key}")
                edit.addItem("", "")
                for choice in field.choices:
                    edit.addItem(choice, choice)
                edit.currentIndexChanged.connect(lambda _: self.changed.emit())
            else:
                edit = QLineEdit(objectName=f"detail_{field.key}")
                edit.setPlaceholderText(self.tr("如 {example}").format(example=field.example) if field.example
                                        else "")
                edit.textChanged.connect(lambda _: self.changed.emit())
            suffix = "（%）" if field.kind == "rate" else "（元）" if field.kind == "fen" else ""
            form.addRow(f"{field.label}{suffix}：", edit)
            self.edits[field.key] = edit
            self.rows.append((f"{field.label}{suffix}：", edit))

    def values(self) -> dict[str, str]:
        """As typed, for :func:`~suining_desk.services.aid_details.parse_details`."""
        return {key: (edit.currentData() or "") if isinstance(edit, QComboBox) else edit.text()
                for key, edit in self.edits.items()}

    def set_values(self, stored: Mapping[str, Any]) -> None:
        for field in self.details.fields:
            edit, value = self.edits[field.key], stored.get(field.key)
            if isinstance(edit, QComboBox):
                edit.setCurrentIndex(max(0, edit.findData(value or "")))
            else:
                edit.setText(typed_text(field, value))
