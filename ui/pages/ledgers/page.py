"""台账: choose a ledger and its filters (:mod:`.form`), generate it in the background
(:mod:`.job`), preview it, then print it or save a copy (:mod:`.output`).

The core makes the PDF (:func:`suining_desk.ledgers.write_ledger`, which also logs it) into
a temporary folder; the preview and the printer draw that file's pages with PDFium.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.money import format_fen
from suining_desk.domain.problems import InvalidInput
from suining_desk.ledgers import LedgerCancelled, LedgerResult
from suining_desk.ledgers.service import spec_warnings

from ... import tasks
from ...pdf_pages import PdfPages
from ...session import Session
from ...widgets.pdf_preview import PdfPreview
from . import output
from .form import LedgerForm
from .job import LedgerJob
from .spec import spec_from

# Under the program's logger, so that the line reaches the log file (suining_desk.storage.activity_log).
log = logging.getLogger("suining_desk.window.ledgers")


class LedgersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgers_page")
        self.session = session
        self.error_box: QMessageBox | None = None
        self.form = LedgerForm(session)
        # The form's fields, as the page's (other pages and tests reach them here).
        f = self.form
        self.kind, self.program, self.year, self.month = f.kind, f.program, f.year, f.month
        self.township, self.village, self.household = f.township, f.village, f.household
        self.public, self.notice_days, self.notice_unit = f.public, f.notice_days, f.notice_unit
        self.paper, self.portrait, self.date, self.unit = f.paper, f.portrait, f.date, f.unit
        self.preparer, self.reviewer, self.deputy, self.head = f.preparer, f.reviewer, f.deputy, f.head
        self.problems, self.filter_form, self.filter_fields = f.problems, f.filter_form, f.filter_fields
        self.job = LedgerJob(self)
        self.generate_button = QPushButton(self.tr("生成"), objectName="generate_button")
        self.generate_button.setToolTip(self.tr("生成台账并预览（Enter）"))
        self.cancel_button = QPushButton(self.tr("取消"), objectName="cancel_button")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(objectName="ledger_progress")
        self.progress.setVisible(False)
        self.status = QLabel(objectName="ledger_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("打印…"), objectName="print_button")
        self.print_button.setToolTip(self.tr("用系统打印对话框打印（Ctrl+P）"))
        self.save_button = QPushButton(self.tr("另存为…"), objectName="save_button")
        self.save_button.setToolTip(self.tr("把台账 PDF 保存到其他位置（Ctrl+S）"))
        self.preview = PdfPreview()
        self._layout()

        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(self.print_ledger)
        self.save_button.clicked.connect(self.save_copy)
        self.job.progressed.connect(self._progressed)
        self.job.generated.connect(self._generated)
        self.job.failed.connect(self._failed)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter anywhere in the form generates
            QShortcut(QKeySequence(key), self.form_panel, self._enter_pressed,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ctrl+P / Ctrl+S while the page is shown (a hidden page's shortcuts are not active);
        # direct, not the buttons' delayed animated click.
        for keys, act in ((QKeySequence.StandardKey.Print, self.print_ledger),
                          (QKeySequence.StandardKey.Save, self.save_copy)):
            QShortcut(keys, self, act, context=Qt.ShortcutContext.WindowShortcut)
        self._set_running(False)

    @property
    def result(self) -> LedgerResult | None:
        return self.job.result

    @property
    def task(self) -> tasks.Task | None:
        return self.job.task

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)
        self.form_panel = QWidget(objectName="ledger_form")
        column = QVBoxLayout(self.form_panel)
        column.addWidget(self.form)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addStretch(1)
        form_scroll = QScrollArea()
        form_scroll.setWidget(self.form_panel)
        form_scroll.setWidgetResizable(True)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as the form needs in the current language (English labels are longer), plus the
        # vertical scroll bar; no horizontal scrolling.
        form_width = max(300, self.form_panel.sizeHint().width()
                         + form_scroll.verticalScrollBar().sizeHint().width() + 2 * form_scroll.frameWidth())
        form_scroll.setMinimumWidth(form_width)

        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="ledgers_splitter")
        self.splitter.addWidget(form_scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([form_width, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        order = [*self.form.tab_order(), self.generate_button, self.cancel_button, self.print_button,
                 self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def kind_name(self) -> str:
        return self.form.kind_name()

    def set_area(self, area_id: int | None) -> None:
        """The area picked in the tree is the ledger's township and village."""
        self.form.set_area(area_id)

    # --- generating ---
    def _set_running(self, running: bool) -> None:
        self.generate_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        done = not running and self.result is not None
        self.print_button.setEnabled(done)
        self.save_button.setEnabled(done)

    def _say(self, text: str, ok: bool = True) -> None:
        self.status.setStyleSheet("" if ok else "color: #c0392b;")
        self.status.setText(text)

    def request(self, kind: str, filters: Mapping[str, str]) -> None:
        """Asked for from another page (a household's 一户一档): that kind and filters, generated now."""
        index = self.kind.findData(kind)
        if index < 0 or self.job.running:
            return
        self.kind.setCurrentIndex(index)
        fields = {"year": self.year, "township": self.township, "village": self.village,
                  "household": self.household}
        for key, value in filters.items():
            if key in fields:
                fields[key].setText(value)
        self.generate()

    def generate(self) -> None:
        if self.job.running:
            return
        self._discard_result()  # a new request: the ledger shown before must not stay printable
        self._say("")
        try:
            spec = spec_from(self.form.values(), self.session.username)
        except InvalidInput as exc:
            self.form.show_problems(list(exc.problems))
            return
        self.problems.show_problems(spec_warnings(spec))  # a short notice, unknown holidays: printed all the same
        self.progress.setRange(0, 0)  # reading the rows: no page count yet
        self._say(self.tr("正在读取数据…"))
        self._set_running(True)
        self.job.start(spec, self.session.username)

    def _enter_pressed(self) -> None:
        """Enter generates, except while a name list is open under a field: then it picks the name."""
        for edit in (self.township, self.village):
            completer = edit.completer()
            popup = completer.popup() if completer is not None else None
            if popup is not None and edit.hasFocus() and popup.isVisible():
                index = popup.currentIndex()
                if index.isValid():
                    edit.setText(str(index.data()))
                popup.hide()
                return
        self.generate()

    def cancel(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("正在取消…"))

    def _progressed(self, stage: str, fraction: float) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
        self._say(stage)

    def _generated(self, result: LedgerResult) -> None:
        log.info("ledger made: %s, %d rows, %d pages, code %s", result.title, result.rows, result.pages, result.code)
        self._set_running(False)
        self.form.remember_choices()
        self.preview.load(PdfPages(result.path))
        self._say(self.tr("{title}：{rows} 行，{pages} 页，合计 {total} 元，校验码 {code}").format(
            title=result.title, rows=f"{result.rows:,}", pages=result.pages, total=format_fen(result.total_fen),
            code=result.code))

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        if isinstance(exc, LedgerCancelled):
            self._say(self.tr("已取消，未生成台账。"))
        elif isinstance(exc, InvalidInput):
            self._say("")
            self.form.show_problems(list(exc.problems))
        else:
            self._say(self.tr("生成台账时出错。"), ok=False)
            self.error_box = tasks.show_error(self, self.tr("生成台账"), exc)

    def _discard_result(self) -> None:
        self.preview.clear()
        self.job.discard()
        self._set_running(False)

    # --- saving and printing ---
    def save_copy(self) -> None:
        if self.result is not None:
            output.save_copy(self, self.result, self._say)

    def print_ledger(self) -> None:
        pages, result = self.preview.pages, self.result
        if pages is None or result is None:
            return
        box = output.print_ledger(self, pages, self.preview.current, result, self.session.username, self._say)
        if box is not None:
            self.error_box = box

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Programs may have been added since the page was built."""
        self.form.refresh_programs()
