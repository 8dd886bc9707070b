"""Driving the relocation and renovation pages as a clerk does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ui.dates import to_qdate


def when_dialog_opens(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Act on the next modal dialog of ``kind`` once it is on screen; it is closed
    afterwards whatever happens, so a failed check cannot leave the test waiting."""
    def attempt() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, attempt)


def set_date(edit: object, day: dt.date) -> None:
    edit.setDate(to_qdate(day))  # type: ignore[attr-defined]


def write_photo(path: Path, colour: str) -> Path:
    from PIL import Image

    image = Image.new("RGB", (640, 480), colour)
    image.paste("#222", (100, 100, 300, 200))
    image.save(path, "JPEG")
    return path
