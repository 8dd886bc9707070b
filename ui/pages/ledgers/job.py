"""Making one ledger in the background: the PDF goes into this page's private temporary
folder (:func:`suining_desk.ledgers.write_ledger`, which also logs it), pages reported as they
are drawn; a new request first discards the previous file."""

from __future__ import annotations

import tempfile
import threading
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from suining_desk.ledgers import LedgerResult, write_ledger
from suining_desk.ledgers.spec import LedgerSpec

from ... import tasks


class LedgerJob(QObject):
    progressed = Signal(str, float)  # what it is doing, fraction done
    generated = Signal(object)  # LedgerResult
    failed = Signal(object)  # the exception (LedgerCancelled when cancelled)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(prefix="suining-ledgers-", ignore_cleanup_errors=True)
        self.task: tasks.Task | None = None
        self.result: LedgerResult | None = None

    @property
    def folder(self) -> Path:
        return Path(self._folder.name)

    @property
    def running(self) -> bool:
        return self.task is not None

    def discard(self) -> None:
        """The previous ledger's file goes when a new one is asked for."""
        if self.result is not None:
            self.result.path.unlink(missing_ok=True)
        self.result = None

    def start(self, spec: LedgerSpec, username: str) -> None:
        out = self.folder / f"ledger-{uuid.uuid4().hex[:8]}.pdf"
        page_text = QCoreApplication.translate("LedgersPage", "正在生成第 {number} / {total} 页…")

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> LedgerResult:
            def on_page(number: int, total: int) -> None:
                progress(page_text.format(number=number, total=total), number / total)
            return write_ledger(spec, out, username=username, progress=on_page, cancel=cancel, printed_as=username)

        task = tasks.Task(work, self)
        task.progressed.connect(self.progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        self.task = task
        tasks.start(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _succeeded(self, result: LedgerResult) -> None:
        self.task, self.result = None, result
        self.generated.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.failed.emit(exc)
