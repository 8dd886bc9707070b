"""A small red label under a field that shows its problems in Chinese."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from suining_desk.domain.messages import described
from suining_desk.domain.problems import Problem, Severity


class ProblemLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        if not problems:
            self.clear()
            self.setMinimumHeight(0)
            self.setVisible(False)
            return
        is_error = any(p.severity is Severity.ERROR for p in problems)
        self.setStyleSheet("color: #c0392b;" if is_error else "color: #b9770e;")
        self.setText("\n".join(described(problems)))
        self.setVisible(True)
        self._fit_height()

    def _fit_height(self) -> None:
        """Layouts give a wrapped label one line's height unless told: every line, at this width."""
        need = self.heightForWidth(self.width()) if self.text() else 0
        if need != self.minimumHeight():
            self.setMinimumHeight(max(need, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()
