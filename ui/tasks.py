"""Long work off the GUI thread: a plain function runs in the thread pool, reports progress
through a callback and stops when its cancel event is set; the result or the error comes
back to the GUI thread as a signal. No widget is touched from the worker.

Tests set :data:`SYNCHRONOUS` (the work then runs at once, in the calling thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from suining_desk.domain.cancel import Cancelled
from suining_desk.domain.messages import described
from suining_desk.domain.problems import InvalidInput
from suining_desk.services.database import close_thread_connection

ProgressFn = Callable[[str, float], None]
Work = Callable[[ProgressFn, threading.Event], Any]
SYNCHRONOUS = False


class Task(QObject):
    progressed = Signal(str, float)  # what it is doing, fraction done
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        """Call from the worker (or, synchronously, from the GUI thread)."""
        try:
            self.result = self.work(lambda stage, fraction: self.progressed.emit(stage, fraction), self.cancel_event)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread to show
            self.error = exc
            self.failed.emit(exc)
        else:
            self.succeeded.emit(self.result)
        finally:
            if not SYNCHRONOUS:
                close_thread_connection()  # this worker thread's own connection


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


def start(task: Task) -> None:
    if SYNCHRONOUS:
        task.run()
    else:
        QThreadPool.globalInstance().start(_Runnable(task))


def is_cancel(exc: BaseException) -> bool:
    return isinstance(exc, Cancelled)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """An error in Chinese: the problems of a refusal, or what went wrong."""
    text = "\n".join(described(exc.problems)) if isinstance(exc, InvalidInput) else str(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.open()
    return box


def run_with_progress(parent: QWidget, title: str, work: Work, on_success: Callable[[Any], None],
                      *, on_error: Callable[[BaseException], None] | None = None,
                      on_cancel: Callable[[], None] | None = None) -> Task:
    """Run ``work`` with a progress dialog that can cancel it; ``on_success`` gets the result,
    ``on_cancel`` is told when the work stopped because it was cancelled."""
    task = Task(work, parent)
    dialog = QProgressDialog(title, QCoreApplication.translate("Progress", "取消"), 0, 1000, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setValue(0)  # with the bar at its minimum, the next line restarts Qt's show timer at 300 ms
    dialog.setMinimumDuration(300)  # (before it, Qt's own 4 s timer ran: work reporting late showed nothing)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.cancel)

    def progressed(stage: str, fraction: float) -> None:
        if stage:
            dialog.setLabelText(stage)
        dialog.setValue(int(fraction * 1000))

    def succeeded(result: Any) -> None:
        dialog.reset()
        dialog.close()
        on_success(result)

    def failed(exc: BaseException) -> None:
        dialog.reset()
        dialog.close()
        if is_cancel(exc):
            if on_cancel is not None:
                on_cancel()
            return
        if on_error is not None:
            on_error(exc)
        else:
            parent.error_box = show_error(parent, title, exc)  # type: ignore[attr-defined]

    task.progressed.connect(progressed)
    task.succeeded.connect(succeeded)
    task.failed.connect(failed)
    parent.current_task = task  # type: ignore[attr-defined]  # kept alive until it ends
    start(task)
    return task
