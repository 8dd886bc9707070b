"""A one-line label that shortens its text with … (in the middle: a path keeps its file name)
when there is no room, and then says the whole text in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyleOption, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle, objectName: str = "") -> None:
        super().__init__(text, parent)
        if objectName:
            self.setObjectName(objectName)
        self.mode = mode
        self.setProperty("elided", True)  # scripts/screen_fit.py: cut on purpose, whole in the tooltip
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("……") * 2, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), self.mode, room.width())
        self.style().drawItemText(painter, room, int(self.alignment()), option.palette, self.isEnabled(), shown,
                                  self.foregroundRole())
