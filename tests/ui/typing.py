"""Typing as a clerk does: Latin keys as key presses, Chinese as an input method commits it.

QTest cannot press keys for Chinese characters (they come from the IME, not the keyboard),
so those are delivered the way an IME delivers them: a QInputMethodEvent with a commit string.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    run = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            if run:
                _commit(widget, run)
                run = ""
            qtbot.keyClicks(widget, ch)
        elif ch != "\0":
            run += ch
    if run:
        _commit(widget, run)


def _commit(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)
