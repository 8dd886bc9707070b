"""文件 → 核验台账…: open a printed ledger (PDF) and see whether it still matches the database.

The check runs in the background (at county size it reads tens of thousands of records,
some seconds): the window stays usable, the dialog shows that it is working, and the
result comes back as the command line's ``verify`` says it — whether the ledger matches,
and if not, each difference, records named by their beneficiaries.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers.verify_text import VerifyOutcome, check_ledger_file

from .. import tasks
from ..session import Session
from ..settings import app_settings

FOLDER_KEY = "ledgers/verify_dir"


def ask_ledger_file(parent: QWidget, folder: str) -> Path | None:
    """The file dialog (tests replace this function: the dialog is modal)."""
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("VerifyDialog", "选择要核验的台账"),
                                          folder, QCoreApplication.translate("VerifyDialog", "PDF 文件 (*.pdf)"))
    return Path(path) if path else None


class VerifyDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.setWindowTitle(self.tr("核验台账"))
        self.session = session
        self.task: tasks.Task | None = None
        self.outcome: VerifyOutcome | None = None
        intro = QLabel(self.tr("选择本软件打印的台账 PDF，与数据库现在的数据比对：一致则核验通过，"
                               "不一致则列出差异（增减的记录、合计、改动过的页）。"), wordWrap=True)
        self.path = QLineEdit(objectName="verify_path")
        self.path.setPlaceholderText(self.tr("台账 PDF 文件"))
        self.browse_button = QPushButton(self.tr("选择文件(&F)…"), objectName="verify_browse")
        self.verify_button = QPushButton(self.tr("核验(&V)"), objectName="verify_run")
        self.progress = QProgressBar(objectName="verify_progress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.headline = QLabel(objectName="verify_headline", wordWrap=True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QTextBrowser(objectName="verify_details")
        self.details.setPlaceholderText(self.tr("核验结果和差异将显示在这里。"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.browse_button.clicked.connect(self.browse)
        self.verify_button.clicked.connect(self.run_verify)
        self.path.returnPressed.connect(self.run_verify)
        self.resize(640, 380)

    def browse(self) -> None:
        settings = app_settings()
        chosen = ask_ledger_file(self, str(settings.value(FOLDER_KEY, "") or Path.home()))
        if chosen is None:
            return
        settings.setValue(FOLDER_KEY, str(chosen.parent))
        self.path.setText(str(chosen))
        self.run_verify()

    def run_verify(self) -> None:
        text = self.path.text().strip()
        if self.task is not None or not text:
            return
        path = Path(text)
        account = self.session.account

        def work(_progress: tasks.ProgressFn, _cancel: threading.Event) -> VerifyOutcome:
            return check_ledger_file(path, account)

        task = tasks.Task(work, self)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        self.task = task
        self._show(self.tr("正在核验 {name}……").format(name=path.name), [], ok=None)
        self._running(True)
        tasks.start(task)

    def _running(self, running: bool) -> None:
        self.progress.setVisible(running)
        for widget in (self.verify_button, self.browse_button, self.path):
            widget.setEnabled(not running)

    def _show(self, headline: str, lines: list[str], *, ok: bool | None) -> None:
        colour = "" if ok is None else "color: #1e7e34;" if ok else "color: #c0392b;"
        self.headline.setStyleSheet(colour)
        self.headline.setText(headline)
        self.details.setPlainText("\n".join(f"• {line}" for line in lines))

    def _done(self, outcome: VerifyOutcome) -> None:
        self.task = None
        self.outcome = outcome
        self._running(False)
        self._show(outcome.headline, list(outcome.details), ok=outcome.ok)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._running(False)
        if isinstance(exc, InvalidInput):
            self._show(self.tr("无法核验："), [describe(p) for p in exc.problems], ok=False)
        else:
            self._show(self.tr("核验时出错。"), [], ok=False)
            tasks.show_error(self, self.tr("核验台账"), exc)
