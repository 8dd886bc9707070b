"""审计检查: run every audit check (off the GUI thread, with progress and cancel) and list
the findings, each with a link to the records involved. A township user sees the findings
of their own township."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from suining_desk.services.checks import CheckResult, run_checks
from suining_desk.services.checks.scope import in_township

from ..session import Session
from ..tasks import ProgressFn, run_with_progress
from ..widgets.record_view import record_widget


class RecordDialog(QDialog):
    """One record a finding names, as the program shows it elsewhere."""

    def __init__(self, kind: str, record_id: int, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_dialog")
        self.kind, self.record_id = kind, record_id
        self.view, title = record_widget(kind, record_id, session)
        self.setWindowTitle(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)


class ChecksPage(QWidget):
    record_requested = Signal(str, int)  # kind, id: for a window that wants to jump there

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.results: list[CheckResult] = []
        self.record_dialog: RecordDialog | None = None
        self.error_box: QMessageBox | None = None
        self.run_button = QPushButton(self.tr("运行审计检查(&R)"), objectName="run_button")
        self.status = QLabel(self.tr("检查全县的发放、人员和项目记录：死亡或移出后发放、同一期重复发放、超标准发放、"
                                     "领款人身份证号无效、搬迁户又享受危房改造、录入人自己审核、"
                                     "审核人的密码由录入人设置。乡镇用户只看到本乡镇的问题。"),
                             objectName="status")
        self.status.setWordWrap(True)
        self.report = QTextBrowser(objectName="findings")
        self.report.setOpenLinks(False)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.report, 1)
        self.run_button.clicked.connect(self.run)
        self.report.anchorClicked.connect(self._link)

    def run(self) -> None:
        account = self.session.account
        township = account.township_id if account is not None else None  # a township user: their own

        def work(progress: ProgressFn, cancel: Any) -> list[CheckResult]:
            results = run_checks(progress=lambda title, f: progress(self.tr("正在检查：{t}").format(t=title), f),
                                 cancel=cancel)
            return in_township(results, township)

        run_with_progress(self, self.tr("审计检查"), work, self.show_results)

    def show_results(self, results: list[CheckResult]) -> None:
        self.results = results
        found = sum(len(r.findings) for r in results)
        seconds = sum(r.seconds for r in results)
        text = self.tr("共发现 {n} 条问题（用时 {s:.1f} 秒）。点击记录查看详情。")
        self.status.setText(text.format(n=found, s=seconds))
        parts = []
        for r in results:
            parts.append(f"<h3>{html.escape(r.check.title)}（{len(r.findings)}）</h3>")
            if not r.findings:
                parts.append(f"<p style='color:#1e8449'>{html.escape(self.tr('未发现问题'))}</p>")
                continue
            parts.append("<ol>")
            for f in r.findings:
                links = "　".join(f"<a href='record:{ref.kind}:{ref.id}'>{html.escape(ref.text)}</a>"
                                 for ref in f.records)
                parts.append(f"<li>{html.escape(f.text)}<br><small>{links}</small></li>")
            parts.append("</ol>")
        self.report.setHtml("".join(parts))

    def _link(self, url: QUrl) -> None:
        _, kind, record_id = url.toString().split(":", 2)
        self.open_record(kind, int(record_id))

    def open_record(self, kind: str, record_id: int) -> None:
        self.record_requested.emit(kind, record_id)
        self.record_dialog = RecordDialog(kind, record_id, self.session, self)
        self.record_dialog.open()
