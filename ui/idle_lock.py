"""The idle lock: after some minutes without a key press or mouse action anywhere in the
application, the window hides its content and asks for the password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from .settings import app_settings

DEFAULT_MINUTES = 10
SETTING = "security/idle_lock_minutes"
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
}


def idle_minutes() -> int:
    """Minutes before the lock (0: never), set per computer on the users page."""
    value = app_settings().value(SETTING, DEFAULT_MINUTES)
    try:
        return max(0, int(str(value)))
    except ValueError:
        return DEFAULT_MINUTES


def set_idle_minutes(minutes: int) -> None:
    settings = app_settings()
    settings.setValue(SETTING, max(0, int(minutes)))
    settings.sync()


class IdleWatcher(QObject):
    """Emits :attr:`idle` once the application has seen no input for ``minutes``."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.paused = False
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.restart()

    def set_interval_ms(self, ms: int) -> None:
        """Tests: a lock after milliseconds, not minutes."""
        self.timer.setInterval(ms)
        self.timer.start()

    def restart(self) -> None:
        if self.minutes <= 0 or self.paused:
            self.timer.stop()
            return
        self.timer.start(self.minutes * 60_000)

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.paused and self.timer.isActive():
            self.timer.start()  # same interval, from now
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
