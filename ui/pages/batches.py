"""发放批次: the batches of the chosen area, and one batch's steps from draft to posted,
its bank files and the corrections of its posted lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.enums import BATCH_STATUS
from suining_desk.problems import InvalidInput
from suining_desk.services import batch_workflow as wf
from suining_desk.services import batches as bs
from suining_desk.services import corrections
from suining_desk.services.bank_files import (
    ReturnReport,
    check_bank_date,
    confirmed_paid,
    export_bank_file,
    import_return_file,
    missing_problems,
)
from suining_desk.services.batch_compute import Preview, compute_batch
from suining_desk.services.batch_query import BatchFilter, batch_history, batch_lines
from suining_desk.services.programs import program_choices
from ui.dialogs.bank_file_dialog import ask_export_target, ask_return_file
from ui.dialogs.batch_dialog import NewBatchDialog
from ui.dialogs.money_dialogs import MonthLockDialog, OneOffLineDialog, StepDialog
from ui.models.money_tables import BATCH_SPEC
from ui.models.paged_table import PagedTableModel
from ui.pages.record_page import filter_combo
from ui.session import Session
from ui.tasks import ProgressFn, run_with_progress, show_error
from ui.widgets.batch_detail import BatchDetailView
from ui.widgets.inputs import search_shortcut

BATCH_COLUMN_WIDTHS = (195, 150, 85, 75, 65, 50, 95, 70, 70, 90)


class BatchesPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._area_id: int | None = None
        self.error_box: QMessageBox | None = None
        self.report_box: QMessageBox | None = None
        self.program_filter = filter_combo("program_filter", [(n, i) for i, n in program_choices()])
        self.status_filter = filter_combo("status_filter", [(v, k) for k, v in BATCH_STATUS.items()])
        year = session.today().year
        self.year_filter = filter_combo("year_filter", [(self.tr("{y}年").format(y=y), y)
                                                        for y in range(year, 2013, -1)])
        self.number_filter = QLineEdit(objectName="number_filter")
        self.number_filter.setPlaceholderText(self.tr("批次号　Ctrl+F"))
        search_shortcut(self, self.number_filter)
        self.count_label = QLabel(objectName="count_label")
        self.new_button = QPushButton(self.tr("生成批次(&N)…"), objectName="new_button")
        self.lock_button = QPushButton(self.tr("月度关账…"), objectName="lock_button")
        self.lock_button.setEnabled(session.at_least("reviewer"))
        self.model: PagedTableModel[Any, BatchFilter] = PagedTableModel(BATCH_SPEC, BatchFilter(), self)
        self.table = QTableView(objectName="batches_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate(BATCH_COLUMN_WIDTHS):  # all ten in 1280 × 800, 项目（一次性） whole
            self.table.setColumnWidth(column, width)
        self.detail = BatchDetailView(session)
        bar = QHBoxLayout()
        for label, box in ((self.tr("项目："), self.program_filter), (self.tr("状态："), self.status_filter),
                           (self.tr("年度："), self.year_filter)):
            bar.addWidget(QLabel(label))
            bar.addWidget(box)
            box.currentIndexChanged.connect(self.apply_filter)
        bar.addWidget(self.number_filter)
        bar.addStretch()
        bar.addWidget(self.count_label)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)  # on a 1366×768 screen at 125 % the list still shows 8 batches
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter)
        self.number_filter.textChanged.connect(lambda _: self.apply_filter())
        self.new_button.clicked.connect(self.new_batch)
        self.lock_button.clicked.connect(self.lock_months)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        actions: dict[str, Callable[[], object]] = {
            "submit": self.submit, "return": self.return_batch, "approve": self.approve, "post": self.post,
            "delete": self.delete, "export": lambda: self.export_bank(), "import": lambda: self.import_bank(),
            "add_line": self.add_line, "adjust": self.adjust, "remove_line": self.remove_line,
            "reverse": self.reverse, "reissue": self.reissue, "exclusions": self.show_exclusions,
        }
        for key, action in actions.items():
            self.detail.buttons[key].clicked.connect(action)
        self.apply_filter()

    # --- list ---
    def set_area(self, area_id: int | None) -> None:
        self._area_id = area_id
        self.apply_filter()

    def refresh(self) -> None:
        self.after_change(self.selected_batch_id())

    def current_filter(self) -> BatchFilter:
        return BatchFilter(area_id=self._area_id, program_id=self.program_filter.currentData(),
                           status=self.status_filter.currentData(), year=self.year_filter.currentData(),
                           batch_no=self.number_filter.text())

    def apply_filter(self) -> None:
        self.after_change(self.selected_batch_id())

    def selected_batch_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.record_id(row) if 0 <= row < self.model.rowCount() else None

    def select_batch(self, batch_id: int | None) -> None:
        row = self.model.row_of(batch_id) if batch_id is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.show_current_detail()

    def show_current_detail(self, line_id: int | None = None) -> None:
        batch_id = self.selected_batch_id()
        if batch_id is None:
            self.detail.show_batch(None, [], [])
            return
        from suining_desk.services.batch_query import batch_row

        self.detail.show_batch(batch_row(batch_id), batch_lines(batch_id), batch_history(batch_id))
        if line_id is not None:
            self.detail.select_line(line_id)

    def after_change(self, batch_id: int | None, line_id: int | None = None) -> None:
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("共 {n} 个批次").format(n=f"{self.model.rowCount():,}"))
        self.select_batch(batch_id)
        if self.table.currentIndex().row() < 0 and self.model.rowCount():
            self.table.selectRow(0)
        self.show_current_detail(line_id)

    # --- steps ---
    def _do(self, action: Callable[[], object], title: str) -> bool:
        try:
            action()
        except InvalidInput as exc:
            self.error_box = show_error(self, title, exc)
            return False
        self.after_change(self.selected_batch_id())
        return True

    def _batch(self) -> int:
        batch_id = self.selected_batch_id()
        assert batch_id is not None
        return batch_id

    def new_batch(self) -> None:
        dialog = NewBatchDialog(self.session, self._area_id, self)
        if dialog.exec() and dialog.created is not None:
            self.status_filter.setCurrentIndex(0)
            self.after_change(dialog.created.batch_id)

    def lock_months(self) -> None:
        MonthLockDialog(user=self.session.username, today=self.session.today(), parent=self).exec()
        self.after_change(self.selected_batch_id())

    def submit(self) -> None:
        self._do(lambda: wf.submit_batch(self._batch(), user=self.session.username), self.tr("提交审核"))

    def approve(self) -> None:
        self._do(lambda: wf.approve_batch(self._batch(), user=self.session.username), self.tr("审核"))

    def _step(self, title: str, action: Callable[[StepDialog], object], **options: Any) -> bool:
        line_id = options.pop("line_id", None)
        dialog = StepDialog(title, action, parent=self, **options)
        if dialog.exec():
            self.after_change(self.selected_batch_id(), line_id)
            return True
        return False

    def return_batch(self) -> None:
        batch_id, user = self._batch(), self.session.username
        self._step(self.tr("退回修改"), lambda d: wf.return_batch(batch_id, d.reason_text(), user=user),
                   save_text=self.tr("退回(&S)"))

    def post(self) -> None:
        batch_id, user, today = self._batch(), self.session.username, self.session.today()
        self._step(self.tr("发放过账"), lambda d: wf.post_batch(batch_id, d.day(), user=user, today=today),
                   reason=None, day=today, save_text=self.tr("发放过账(&S)"),
                   note=self.tr("过账后这些发放记录不能再修改，更正只能冲销。请填写实际发放日期。"))

    def delete(self) -> None:
        answer = QMessageBox.question(self, self.tr("删除草稿"), self.tr("删除这个草稿批次及其全部明细？"))
        if answer == QMessageBox.StandardButton.Yes:
            self._do(lambda: bs.delete_draft(self._batch(), user=self.session.username), self.tr("删除草稿"))

    # --- lines ---
    def add_line(self) -> None:
        dialog = OneOffLineDialog(self._batch(), user=self.session.username, parent=self)
        if dialog.exec():
            self.after_change(self.selected_batch_id(), dialog.payment_id)

    def adjust(self) -> None:
        line, user = self.detail.selected_line(), self.session.username
        assert line is not None
        self._step(self.tr("调整金额"), lambda d: bs.adjust_line(line.id, d.amount_fen(), d.reason_text(), user=user),
                   amount_fen=line.amount_fen, line_id=line.id,
                   note=self.tr("{name}：标准 {std} 元 × {people} 人").format(
                       name=line.beneficiary, std=line.standard_fen / 100, people=line.people))

    def remove_line(self) -> None:
        line, user = self.detail.selected_line(), self.session.username
        assert line is not None
        self._step(self.tr("删除明细"), lambda d: bs.remove_line(line.id, d.reason_text(), user=user),
                   note=line.beneficiary)

    def reverse(self) -> None:
        line, user, today = self.detail.selected_line(), self.session.username, self.session.today()
        assert line is not None
        self._step(self.tr("冲销"), lambda d: corrections.reverse_payment(line.id, d.reason_text(), user=user,
                                                                          on=d.day(), today=today),
                   day=today, line_id=line.id, save_text=self.tr("冲销(&S)"),
                   note=self.tr("冲销 {name} {amount} 元：新增一笔负数记录，原记录保留").format(
                       name=line.payee_name, amount=line.amount_fen / 100))

    def reissue(self) -> None:
        line, user, today = self.detail.selected_line(), self.session.username, self.session.today()
        assert line is not None
        from suining_desk.db.models import Household

        account = Household.get_by_id(line.household_id).bank_account
        dialog = StepDialog(self.tr("重新发放"), lambda d: corrections.reissue_payment(
            line.id, d.reason_text(), user=user, on=d.day(), today=today,
            bank_account=d.account.text() if d.account else None, reverse_reason="银行退回"),
            day=today, account=account, reason=self.tr("银行退回，更正账号后重新发放"), parent=self,
            note=self.tr("银行退回的发放在所填日期冲销；按下面的账号重新发放的一笔进入“重新发放”批次草稿，"
                         "与其他批次一样提交、由另一人审核后过账"), save_text=self.tr("加入重新发放批次(&S)"))
        if dialog.exec():
            reissue = dialog.result_value
            assert isinstance(reissue, corrections.Reissue)
            self.after_change(reissue.batch_id, reissue.payment_id)

    def show_exclusions(self) -> None:
        row = self.detail.batch
        assert row is not None
        batch_id, paid = row.id, self.session.today()

        def work(progress: ProgressFn, cancel: Any) -> Preview:
            return compute_batch(row.program_id, row.period, row.area_id, paid, exclude_batch=batch_id,
                                 cancel=cancel, progress=lambda f: progress(self.tr("计算未列入对象"), f))

        def done(preview: Preview) -> None:
            self.detail.exclusion_model.set_items(preview.exclusions + preview.notes)
            self.detail.tabs.setCurrentIndex(1)

        run_with_progress(self, self.tr("计算未列入对象"), work, done)

    # --- bank files ---
    def export_bank(self, path: Path | None = None, profile: str | None = None) -> int:
        """Write the bank list in a format the clerk picks (given: ``profile``, or the default one)."""
        row = self.detail.batch
        assert row is not None
        if path is None:
            chosen = ask_export_target(self, row.batch_no)
            if chosen is None:
                return 0
            profile, path = chosen[0].name, chosen[1]
        try:
            count = export_bank_file(row.id, path, user=self.session.username, profile=profile,
                                     today=self.session.today())
        except InvalidInput as exc:
            self.error_box = show_error(self, self.tr("导出银行代发文件"), exc)
            return 0
        text = self.tr("已导出 {n} 笔到 {path}").format(n=count, path=path)
        if paid := len(confirmed_paid(row.id)):
            text += "\n" + self.tr("银行回盘已确认成功的 {n} 笔未再导出（否则会重复发放）").format(n=paid)
        self.report_box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出银行代发文件"), text,
                                      QMessageBox.StandardButton.Ok, self)
        self.report_box.open()
        return count

    def import_bank(self, path: Path | None = None, profile: str | None = None) -> None:
        """Read a return file in a format the clerk picks (given: ``profile``, or the default one)."""
        row = self.detail.batch
        assert row is not None
        if path is None:
            chosen = ask_return_file(self)
            if chosen is None:
                return
            profile, path = chosen[0].name, chosen[1]
        batch_id, user, today, chosen = row.id, self.session.username, self.session.today(), path

        def ask(d: StepDialog) -> object:
            check_bank_date(batch_id, d.day(), today=today)
            return d.day()

        dialog = StepDialog(self.tr("导入银行回盘"), ask, reason=None, day=today, save_text=self.tr("导入(&S)"),
                            note=self.tr("回盘文件：{name}\n请填写银行处理的日期（回盘文件上的日期，不早于发放日期）").format(
                                name=chosen.name), parent=self)
        if not dialog.exec():
            return
        on = dialog.day()

        def work(progress: ProgressFn, cancel: Any) -> ReturnReport:
            return import_return_file(batch_id, chosen, user=user, on=on, today=today, cancel=cancel,
                                      progress=lambda f: progress(self.tr("对应发放记录"), f), profile=profile)

        run_with_progress(self, self.tr("导入银行回盘"), work, self._show_report)

    def _show_report(self, report: ReturnReport) -> None:
        from suining_desk.messages import describe

        text = self.tr("成功 {paid} 笔，失败 {failed} 笔，此前已登记 {already} 笔，未能对应 {bad} 行，"
                       "回盘中没有的 {missing} 笔。").format(paid=len(report.paid), failed=len(report.failed),
                                                       already=len(report.already), bad=report.unmatched,
                                                       missing=len(report.missing))
        if report.problems or report.missing:
            text += self.tr("\n每一行的情况见“显示详细信息”。")
        if report.failed:
            text += self.tr("\n失败的发放可在明细中选中后“重新发放”。")
        self.report_box = QMessageBox(QMessageBox.Icon.Information, self.tr("导入银行回盘"), text,
                                      QMessageBox.StandardButton.Ok, self)
        self.report_box.setObjectName("report_box")
        self.report_box.setDetailedText("\n".join(describe(p) for p in [*report.problems,
                                                                       *missing_problems(report)]))
        self.report_box.open()
        self.after_change(self.selected_batch_id())
