"""Backups in the background: the daily automatic backup, the one made when the window closes
or leaves a database, and a clerk's 立即备份 run one at a time on the thread pool, their
progress in the status bar, never blocking typing (a county database takes half a minute).

Closing the window waits for what is running with a small progress window (the event loop
keeps turning, so nothing freezes): a daily backup still going is stopped — the backup made on
close (the quick check, see :mod:`suining_desk.storage.backup_check`) takes its place.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QProgressDialog, QStatusBar, QWidget

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.storage import backups

from .. import tasks

DAILY = dt.timedelta(days=1)
RUNNER_NAME = "backup_runner"
STAGES = {"复制数据库": QT_TRANSLATE_NOOP("BackupRunner", "复制数据库"),  # the core's stages, shown translated
          "检查备份": QT_TRANSLATE_NOOP("BackupRunner", "检查备份")}
BackupWork = Callable[[tasks.ProgressFn, threading.Event], "backups.BackupInfo | None"]


@dataclass
class BackupJob:
    label: str  # what the status bar says it is doing
    work: BackupWork
    kind: str  # daily / close / manual
    on_done: Callable[[backups.BackupInfo | None], None] | None = None
    on_error: Callable[[str], None] | None = None
    task: tasks.Task | None = field(default=None, repr=False)


class BackupRunner(QObject):
    """Runs backup jobs one after another (two at once would only fight over the disk)."""

    made = Signal(object)  # a BackupInfo, once a backup is in place
    idle = Signal()  # nothing running or waiting

    def __init__(self, status_bar: QStatusBar | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(RUNNER_NAME)
        self.status_bar = status_bar
        self.queue: list[BackupJob] = []
        self.running: BackupJob | None = None
        self.progress_label = QLabel(objectName="backup_progress_label")
        self.progress_bar = QProgressBar(objectName="backup_progress")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFixedWidth(120)
        self.progress_bar.setTextVisible(False)
        if status_bar is not None:
            status_bar.insertPermanentWidget(0, self.progress_label)
            status_bar.insertPermanentWidget(1, self.progress_bar)
        self._show_progress(None)

    @staticmethod
    def of(widget: QWidget) -> BackupRunner | None:
        """The runner of the window ``widget`` is in (None outside one)."""
        found = widget.window().findChild(QObject, RUNNER_NAME)
        return found if isinstance(found, BackupRunner) else None

    @property
    def busy(self) -> bool:
        return self.running is not None or bool(self.queue)

    def has(self, kind: str) -> bool:
        return any(job.kind == kind for job in [*self.queue, *([self.running] if self.running else [])])

    # --- the jobs ---
    def automatic(self, path: Path, *, kind: str, min_age: dt.timedelta | None = None) -> None:
        """The automatic backup of ``path``: ``daily`` (full check, when due) or ``close``
        (quick check: someone is waiting for the window to close)."""
        check = "quick" if kind == "close" else "full"

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> backups.BackupInfo | None:
            return backups.automatic_backup(path, min_age=min_age, check=check, progress=progress, cancel=cancel)

        self.add(BackupJob(self.tr("正在自动备份"), work, kind, on_done=self._tell_made, on_error=self._tell_failed))

    def add(self, job: BackupJob) -> None:
        self.queue.append(job)
        self._next()

    def _next(self) -> None:
        if self.running is not None:
            return
        if not self.queue:
            self._show_progress(None)
            self.idle.emit()
            return
        job = self.running = self.queue.pop(0)
        task = job.task = tasks.Task(job.work, self)
        self._show_progress(job)
        task.progressed.connect(lambda stage, fraction: self._progressed(job, stage, fraction))
        task.succeeded.connect(lambda info: self._ended(job, info, None))
        task.failed.connect(lambda exc: self._ended(job, None, exc))
        tasks.start(task)

    def _ended(self, job: BackupJob, info: backups.BackupInfo | None, error: BaseException | None) -> None:
        if self.running is job:
            self.running = None
        if error is None:
            if info is not None:
                self.made.emit(info)
            if job.on_done is not None:
                job.on_done(info)
        elif not tasks.is_cancel(error):
            if isinstance(error, InvalidInput):
                reason = "；".join(describe(p) for p in error.problems)
            else:
                reason = str(error) or type(error).__name__
            if job.on_error is not None:
                job.on_error(reason)
        self._next()

    # --- what the status bar shows ---
    def _show_progress(self, job: BackupJob | None) -> None:
        self.progress_label.setVisible(job is not None)
        self.progress_bar.setVisible(job is not None)
        if job is not None:
            self.progress_label.setText(job.label + "…")
            self.progress_bar.setValue(0)

    def _progressed(self, job: BackupJob, stage: str, fraction: float) -> None:
        if self.running is not job:
            return
        percent = max(0, min(100, int(fraction * 100)))
        self.progress_label.setText(self.tr("{what}：{stage} {percent}%").format(
            what=job.label, stage=self.tr(str(STAGES.get(stage, stage))), percent=percent))
        self.progress_bar.setValue(int(fraction * 1000))

    def _tell_made(self, info: backups.BackupInfo | None) -> None:
        if info is not None and self.status_bar is not None:
            self.status_bar.showMessage(self.tr("已自动备份：{name}").format(name=info.path.name), 10000)

    def _tell_failed(self, reason: str) -> None:
        if self.status_bar is not None:
            self.status_bar.showMessage(self.tr("自动备份失败：{reason}").format(reason=reason), 15000)
        print(f"自动备份失败：{reason}", file=sys.stderr)

    # --- closing ---
    def stop_daily(self) -> None:
        """A daily backup waiting or running gives way (the backup on close replaces it)."""
        self.queue = [job for job in self.queue if job.kind != "daily"]
        if self.running is not None and self.running.kind == "daily" and self.running.task is not None:
            self.running.task.cancel()

    def wait(self, parent: QWidget | None) -> None:
        """Until every job has ended, with a progress window after a moment; events still flow."""
        if not self.busy:
            return
        dialog = QProgressDialog(self.tr("正在备份数据，完成后程序关闭…"), "", 0, 1000, parent)
        dialog.setObjectName("closing_backup")
        dialog.setWindowTitle(self.tr("正在备份"))
        dialog.setCancelButton(None)  # the backup on close is not skipped
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setValue(0)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.closing_dialog = dialog
        self.progress_bar.valueChanged.connect(dialog.setValue)
        loop = QEventLoop(self)
        self.idle.connect(loop.quit)
        if self.busy:
            loop.exec()
        self.idle.disconnect(loop.quit)
        self.progress_bar.valueChanged.disconnect(dialog.setValue)
        dialog.reset()
        dialog.close()
