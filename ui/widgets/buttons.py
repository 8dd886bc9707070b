"""The Save / Cancel row every editing dialog ends with: Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def save_cancel(dialog: QDialog, save: Callable[[], None]) -> tuple[QDialogButtonBox, QPushButton]:
    """Buttons wired to ``save`` and ``dialog.reject``; returns the box and its Save button."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    save_button = box.button(QDialogButtonBox.StandardButton.Save)
    save_button.setText(QCoreApplication.translate("Dialog", "保存(&S)"))
    save_button.setDefault(True)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(QCoreApplication.translate("Dialog", "取消"))
    cancel.setAutoDefault(False)  # focused (Save still disabled), it must not become what Enter presses
    box.accepted.connect(save)
    box.rejected.connect(dialog.reject)
    return box, save_button
