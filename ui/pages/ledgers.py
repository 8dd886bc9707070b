"""台账: choose a ledger and its filters, generate it in the background, preview it, then
print it (the system print dialog) or save a copy.

The core makes the PDF (:func:`suining_desk.ledgers.write_ledger`, which also logs it) into
a temporary folder; the preview and the printer draw that file's pages with PDFium.
Sending it to a printer is logged as well (``ledger_sent_to_printer``).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import AreaLevel
from suining_desk.domain.messages import describe
from suining_desk.domain.money import format_fen
from suining_desk.domain.os_errors import os_reason
from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.ledgers import KINDS, LedgerCancelled, LedgerResult, make_spec, record_sent_to_printer, write_ledger
from suining_desk.ledgers.service import MAX_NOTICE_DAYS
from suining_desk.ledgers.spec import DEFAULT_NOTICE_DAYS, PAPER_SIZES, LedgerSpec
from suining_desk.services.areas import area_names, place_of
from suining_desk.services.programs import lookup_program, program_choices
from suining_desk.storage.output_files import check_output

from .. import tasks
from ..dates import from_qdate
from ..pdf_pages import PdfPages, chosen_pages, page_layout_for, print_pages
from ..session import Session
from ..settings import app_settings
from ..widgets.date_edits import date_edit
from ..widgets.pdf_preview import PdfPreview
from ..widgets.problem_label import ProblemLabel

# Which filter fields each kind shows (its filter keys, as make_spec takes them). Only kinds
# that are also in the core's KINDS are offered, so a kind appears once its module is in.
FILTERS: dict[str, tuple[str, ...]] = {
    "payments": ("program", "year", "month", "township", "village"),
    "summary": ("year", "township"),
    "relocations": ("year", "township", "village"),
    "renovations": ("year", "township", "village"),
    "household": ("household",),
}
SETTINGS_GROUP = "ledgers"
REMEMBERED = ("reviewer", "head", "unit")  # signatories and 填报单位, as last used


def offered_kinds() -> list[str]:
    return [name for name in KINDS if name in FILTERS]


def ask_printer(printer: QPrinter, parent: QWidget, pages: int) -> bool:
    """The system print dialog (tests replace this function: the dialog is modal)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("LedgersPage", "打印台账"))
    dialog.setMinMax(1, pages)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("LedgersPage", "保存台账"),
                                          str(suggested),
                                          QCoreApplication.translate("LedgersPage", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")


def file_name_for(title: str) -> str:
    """The ledger's title as a file name (no characters Windows refuses)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("._") + ".pdf"


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


class LedgersPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgers_page")
        self.session = session
        self.task: tasks.Task | None = None
        self.result: LedgerResult | None = None
        self.error_box: QMessageBox | None = None
        self._work_dir = tempfile.TemporaryDirectory(prefix="suining-ledgers-", ignore_cleanup_errors=True)

        self.kind = QComboBox(objectName="ledger_kind")
        for name in offered_kinds():
            self.kind.addItem(KINDS[name].label, name)
        self._build_filters()
        self._build_options()
        self.problems = ProblemLabel()
        self.problems.setObjectName("ledger_problems")
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
        self._restore_choices()

        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.public.toggled.connect(lambda _: self._public_changed())
        self.township.textChanged.connect(lambda _: self._fill_village_completer())
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(self.print_ledger)
        self.save_button.clicked.connect(self.save_copy)
        for keys in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter anywhere in the form generates
            QShortcut(QKeySequence(keys), self.form_panel, self._enter_pressed,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Ctrl+P / Ctrl+S while the page is shown (a hidden page's shortcuts are not active);
        # direct, not the buttons' delayed animated click.
        for keys, act in ((QKeySequence.StandardKey.Print, self.print_ledger),
                          (QKeySequence.StandardKey.Save, self.save_copy)):
            QShortcut(keys, self, act, context=Qt.ShortcutContext.WindowShortcut)
        self._kind_changed()
        self._set_running(False)

    # --- building ---
    def _build_filters(self) -> None:
        self.program = QComboBox(objectName="ledger_program")
        for _, name in program_choices(active_only=False):
            self.program.addItem(name, name)
        self.year = QLineEdit(objectName="ledger_year")
        self._year_typed = False  # once the clerk types a year, changing the kind keeps it
        self.year.textEdited.connect(self._year_edited)
        self.year.setPlaceholderText(self.tr("如 2018"))
        self.month = QComboBox(objectName="ledger_month")
        self.month.addItem(self.tr("全年"), None)
        for month in range(1, 13):
            self.month.addItem(self.tr("{m}月").format(m=month), month)
        self.township = QLineEdit(objectName="ledger_township")
        account = self.session.account
        if account is not None and account.township_name:  # a township user prints within it
            self.township.setPlaceholderText(self.tr("不填为本乡镇（{township}）").format(township=account.township_name))
        else:
            self.township.setPlaceholderText(self.tr("不填为全县"))
        towns = area_names(AreaLevel.TOWNSHIP)
        self.township.setCompleter(QCompleter(towns, self.township))
        self.village = QLineEdit(objectName="ledger_village")
        self.village.setPlaceholderText(self.tr("不填为全乡镇"))
        self.household = QLineEdit(objectName="ledger_household")
        self.household.setPlaceholderText(self.tr("户编号"))
        self.filter_fields: dict[str, tuple[str, QWidget]] = {
            "program": (self.tr("项目："), self.program),
            "year": (self.tr("年度："), self.year),
            "month": (self.tr("月份："), self.month),
            "township": (self.tr("乡镇："), self.township),
            "village": (self.tr("行政村："), self.village),
            "household": (self.tr("户编号："), self.household),
        }
        self._fill_village_completer()
        self.program.currentIndexChanged.connect(self._program_changed)
        self._program_changed()

    def _program_changed(self) -> None:
        """A program paid by term, quarter or year has no month ledger: its month is 全年."""
        found = lookup_program(self.program.currentData() or "")
        monthly = found is None or found.frequency in ("monthly", "once")
        if not monthly:
            self.month.setCurrentIndex(0)
        self.month.setEnabled(monthly)
        self.month.setToolTip("" if monthly else self.tr("该项目不按月发放，只有全年台账"))

    def _build_options(self) -> None:
        self.public = QCheckBox(self.tr("公示版"), objectName="ledger_public")
        self.public.setToolTip(self.tr("身份证号只显示前6位和后4位，不含银行账号，含公示期"))
        self.notice_days = QSpinBox(objectName="notice_days")
        self.notice_days.setRange(1, MAX_NOTICE_DAYS)
        self.notice_days.setSuffix(self.tr(" 天"))
        self.paper = QComboBox(objectName="ledger_paper")
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.portrait = QCheckBox(self.tr("纵向"), objectName="ledger_portrait")
        self.date = date_edit("ledger_date", self.session.today())
        self.preparer = QLineEdit(self._display_name(), objectName="ledger_preparer")
        self.reviewer = QLineEdit(objectName="ledger_reviewer")
        self.head = QLineEdit(objectName="ledger_head")
        self.unit = QLineEdit(objectName="ledger_unit")
        self.unit.setPlaceholderText(self.tr("不填为乡镇（或县）人民政府"))

    def _layout(self) -> None:
        filters = QGroupBox(self.tr("范围"))
        self.filter_form = QFormLayout(filters)
        self.filter_form.addRow(self.tr("台账："), self.kind)
        for label, widget in self.filter_fields.values():
            self.filter_form.addRow(label, widget)
        options = QGroupBox(self.tr("打印选项"))
        form = QFormLayout(options)
        public_row = QHBoxLayout()
        public_row.addWidget(self.public)
        public_row.addWidget(QLabel(self.tr("公示期：")))
        public_row.addWidget(self.notice_days, 1)
        paper_row = QHBoxLayout()
        paper_row.addWidget(self.paper, 1)
        paper_row.addWidget(self.portrait)
        form.addRow("", public_row)
        form.addRow(self.tr("纸张："), paper_row)
        form.addRow(self.tr("填报日期："), self.date)
        form.addRow(self.tr("制表人："), self.preparer)
        form.addRow(self.tr("审核人："), self.reviewer)
        form.addRow(self.tr("负责人："), self.head)
        form.addRow(self.tr("填报单位："), self.unit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cancel_button)

        self.form_panel = QWidget(objectName="ledger_form")
        column = QVBoxLayout(self.form_panel)
        column.addWidget(filters)
        column.addWidget(options)
        column.addWidget(self.problems)
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

        order: list[QWidget] = [self.kind, self.program, self.year, self.month, self.township, self.village,
                                self.household, self.public, self.notice_days, self.paper, self.portrait,
                                self.date, self.preparer, self.reviewer, self.head, self.unit,
                                self.generate_button, self.cancel_button, self.print_button, self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- the form ---
    def _display_name(self) -> str:
        account = self.session.account
        if account is not None:
            return account.display_name or account.username
        return self.session.username

    def _year_edited(self, _text: str) -> None:
        self._year_typed = True

    def default_year(self, kind: str) -> int:
        """The year last used for ``kind``, else the latest year it has records for (in the
        user's township), else this year: the current year often has nothing posted yet."""
        remembered = str(app_settings().value(f"{SETTINGS_GROUP}/year_{kind}", "") or "")
        if remembered.isdigit():
            return int(remembered)
        latest = KINDS[kind].latest_year if kind in KINDS else None
        account = self.session.account
        found = latest(account.township_id if account is not None else None) if latest is not None else None
        return found or self.session.today().year

    def kind_name(self) -> str:
        return str(self.kind.currentData() or "")

    def _kind_changed(self) -> None:
        shown = FILTERS.get(self.kind_name(), ())
        for key, (_, widget) in self.filter_fields.items():
            self.filter_form.setRowVisible(widget, key in shown)
        if "year" in shown and not self._year_typed:
            self.year.setText(str(self.default_year(self.kind_name())))
        has_public = bool(self.kind_name()) and KINDS[self.kind_name()].has_public_variant
        self.public.setEnabled(has_public)
        if not has_public:
            self.public.setChecked(False)
        self._public_changed()
        self.problems.show_problems([])

    def _public_changed(self) -> None:
        self.notice_days.setEnabled(self.public.isEnabled() and self.public.isChecked())

    def _fill_village_completer(self) -> None:
        names = area_names(AreaLevel.VILLAGE, under=self.township.text().strip())
        self.village.setCompleter(QCompleter(names, self.village))

    def set_area(self, area_id: int | None) -> None:
        """The area picked in the tree is the ledger's township and village."""
        town, village = place_of(area_id)
        self.township.setText(town)
        self.village.setText(village)

    def raw_filters(self) -> dict[str, object]:
        values: Mapping[str, Callable[[], object]] = {
            "program": self.program.currentData, "year": self.year.text, "month": self.month.currentData,
            "township": self.township.text, "village": self.village.text, "household": self.household.text,
        }
        return {key: values[key]() for key in FILTERS.get(self.kind_name(), ())}

    def spec(self) -> LedgerSpec:
        """The checked request; :class:`InvalidInput` names what is wrong."""
        return make_spec(
            self.kind_name(), self.raw_filters(), date=from_qdate(self.date.date()),
            public=self.public.isEnabled() and self.public.isChecked(), paper=str(self.paper.currentData()),
            portrait=self.portrait.isChecked(), preparer=self.preparer.text(), reviewer=self.reviewer.text(),
            head=self.head.text(), unit=self.unit.text(), notice_days=self.notice_days.value(),
            printed_as=self.session.username,
        )

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.show_problems(problems)
        field = next((p.field for p in problems if p.field in self.filter_fields), None)
        if field is not None:
            self.filter_fields[field][1].setFocus()

    # --- remembered choices ---
    def _restore_choices(self) -> None:
        settings = app_settings()
        settings.beginGroup(SETTINGS_GROUP)
        index = self.kind.findData(settings.value("kind", ""))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        index = self.paper.findData(settings.value("paper", "A4"))
        self.paper.setCurrentIndex(max(index, 0))
        self.portrait.setChecked(_flag(settings, "portrait", False))
        try:
            self.notice_days.setValue(int(str(settings.value("notice_days", DEFAULT_NOTICE_DAYS))))
        except ValueError:
            self.notice_days.setValue(DEFAULT_NOTICE_DAYS)
        for key in REMEMBERED:
            getattr(self, key).setText(str(settings.value(key, "")))
        settings.endGroup()

    def _remember_choices(self) -> None:
        settings = app_settings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("kind", self.kind_name())
        settings.setValue("paper", self.paper.currentData())
        settings.setValue("portrait", self.portrait.isChecked())
        settings.setValue("notice_days", self.notice_days.value())
        if "year" in FILTERS.get(self.kind_name(), ()) and self.year.text().strip().isdigit():
            settings.setValue(f"year_{self.kind_name()}", self.year.text().strip())
        for key in REMEMBERED:
            settings.setValue(key, getattr(self, key).text().strip())
        settings.endGroup()

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
        if index < 0 or self.task is not None:
            return
        self.kind.setCurrentIndex(index)
        fields = {"year": self.year, "township": self.township, "village": self.village,
                  "household": self.household}
        for key, value in filters.items():
            if key in fields:
                fields[key].setText(value)
        self.generate()

    def generate(self) -> None:
        if self.task is not None:
            return
        self._discard_result()  # a new request: the ledger shown before must not stay printable
        self._say("")
        try:
            spec = self.spec()
        except InvalidInput as exc:
            self._show_problems(list(exc.problems))
            return
        self.problems.show_problems([])
        out = Path(self._work_dir.name) / f"ledger-{uuid.uuid4().hex[:8]}.pdf"
        username = self.session.username
        page_text = self.tr("正在生成第 {number} / {total} 页…")

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> LedgerResult:
            def on_page(number: int, total: int) -> None:
                progress(page_text.format(number=number, total=total), number / total)
            return write_ledger(spec, out, username=username, progress=on_page, cancel=cancel, printed_as=username)

        task = tasks.Task(work, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._generated)
        task.failed.connect(self._failed)
        self.task = task
        self.progress.setRange(0, 0)  # reading the rows: no page count yet
        self._say(self.tr("正在读取数据…"))
        self._set_running(True)
        tasks.start(task)

    def _enter_pressed(self) -> None:
        """Enter generates, except while a name list is open under a field: then it picks the name."""
        for edit in (self.township, self.village):
            completer = edit.completer()
            if completer is not None and edit.hasFocus() and completer.popup().isVisible():
                index = completer.popup().currentIndex()
                if index.isValid():
                    edit.setText(str(index.data()))
                completer.popup().hide()
                return
        self.generate()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("正在取消…"))

    def _progressed(self, stage: str, fraction: float) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
        self._say(stage)

    def _finished(self) -> None:
        self.task = None
        self._set_running(False)

    def _generated(self, result: LedgerResult) -> None:
        self.result = result
        self._finished()
        self._remember_choices()
        self.preview.load(PdfPages(result.path))
        self._say(self.tr("{title}：{rows} 行，{pages} 页，合计 {total} 元，校验码 {code}").format(
            title=result.title, rows=f"{result.rows:,}", pages=result.pages, total=format_fen(result.total_fen),
            code=result.code))

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        if isinstance(exc, LedgerCancelled):
            self._say(self.tr("已取消，未生成台账。"))
        elif isinstance(exc, InvalidInput):
            self._say("")
            self._show_problems(list(exc.problems))
        else:
            self._say(self.tr("生成台账时出错。"), ok=False)
            self.error_box = tasks.show_error(self, self.tr("生成台账"), exc)

    def _discard_result(self) -> None:
        """The previous ledger's file goes when a new one is asked for."""
        self.preview.clear()
        if self.result is not None:
            self.result.path.unlink(missing_ok=True)
        self.result = None
        self._set_running(False)

    # --- saving and printing ---
    def save_copy(self) -> None:
        if self.result is None:
            return
        settings = app_settings()
        folder = Path(str(settings.value(f"{SETTINGS_GROUP}/save_dir", "") or Path.home()))
        target = ask_save_path(self, folder / file_name_for(self.result.title))
        if target is None:
            return
        try:  # an earlier ledger may be replaced (the dialog asked); a database or a spreadsheet never
            check_output(target, "pdf", inputs=(self.result.path,))
        except InvalidInput as exc:
            self._say("\n".join(describe(p) for p in exc.problems), ok=False)
            return
        temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            shutil.copyfile(self.result.path, temp)
            os.replace(temp, target)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            self._say(describe(Problem("ledger_cannot_write", {"path": str(target),
                                                               "reason": os_reason(exc)})), ok=False)
            return
        settings.setValue(f"{SETTINGS_GROUP}/save_dir", str(target.parent))
        self._say(self.tr("已保存到 {path}").format(path=target))

    def print_ledger(self) -> None:
        pages, result = self.preview.pages, self.result
        if pages is None or result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout_for(pages))
        printer.setColorMode(QPrinter.ColorMode.GrayScale)  # the pages are sent in grey (ui.pdf_pages)
        printer.setDocName(result.title)
        if not ask_printer(printer, self, len(pages)):
            return
        indexes = chosen_pages(printer, len(pages), self.preview.current)
        progress = QProgressDialog(self.tr("正在送打印机…"), self.tr("取消"), 0, len(indexes), self)
        progress.setObjectName("print_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def on_page(done: int) -> bool:
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            sent = print_pages(pages, printer, indexes, on_page=on_page)
        except OSError:
            self._say(self.tr("无法打印：打印机没有响应或不可用。"), ok=False)
            return
        finally:
            progress.reset()
        if sent < len(indexes):
            self._say(self.tr("已取消打印。"))
            return
        where = printer.printerName() or printer.outputFileName()
        try:
            record_sent_to_printer(result, username=self.session.username, printer=where, pages=sent,
                                   copies=printer.copyCount())
        except InvalidInput as exc:
            self.error_box = tasks.show_error(self, self.tr("打印台账"), exc)
            return
        self._say(self.tr("已送打印机：{title}，{pages} 页（校验码 {code}）").format(
            title=result.title, pages=sent, code=result.code))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Programs may have been added since the page was built."""
        current = self.program.currentData()
        names = [name for _, name in program_choices(active_only=False)]
        if names == [self.program.itemData(i) for i in range(self.program.count())]:
            return
        self.program.clear()
        for name in names:
            self.program.addItem(name, name)
        index = self.program.findData(current)
        if index >= 0:
            self.program.setCurrentIndex(index)

