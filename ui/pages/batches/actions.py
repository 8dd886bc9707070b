"""A batch's steps from the 发放批次 page: make one, submit, approve, return, post, delete;
its lines (add, adjust, remove) and the corrections of posted lines (reverse, reissue); who a
regular batch left out. Each step asks in a dialog, calls the service, then the page refreshes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from suining_desk.domain.problems import InvalidInput
from suining_desk.services import batch_workflow as wf
from suining_desk.services import batches as bs
from suining_desk.services import corrections
from suining_desk.services.batch_compute import Preview, compute_batch
from suining_desk.services.household_detail import bank_account_of

from ...dialogs.batch_dialog import NewBatchDialog
from ...dialogs.money_dialogs import MonthLockDialog, OneOffLineDialog, StepDialog
from ...tasks import ProgressFn, run_with_progress, show_error

if TYPE_CHECKING:
    from .page import BatchesPage


class BatchActions(QObject):
    def __init__(self, page: BatchesPage) -> None:
        super().__init__(page)
        self.page = page

    def _do(self, action: Callable[[], object], title: str) -> bool:
        try:
            action()
        except InvalidInput as exc:
            self.page.error_box = show_error(self.page, title, exc)
            return False
        self.page.after_change(self.page.selected_batch_id())
        return True

    def _batch(self) -> int:
        batch_id = self.page.selected_batch_id()
        assert batch_id is not None
        return batch_id

    def new_batch(self) -> None:
        dialog = NewBatchDialog(self.page.session, self.page.area_id, self.page)
        if dialog.exec() and dialog.created is not None:
            self.page.status_filter.setCurrentIndex(0)
            self.page.after_change(dialog.created.batch_id)

    def lock_months(self) -> None:
        MonthLockDialog(user=self.page.session.username, today=self.page.session.today(), parent=self.page).exec()
        self.page.after_change(self.page.selected_batch_id())

    def submit(self) -> None:
        self._do(lambda: wf.submit_batch(self._batch(), user=self.page.session.username), self.tr("提交审核"))

    def approve(self) -> None:
        self._do(lambda: wf.approve_batch(self._batch(), user=self.page.session.username), self.tr("审核"))

    def _step(self, title: str, action: Callable[[StepDialog], object], **options: Any) -> bool:
        line_id = options.pop("line_id", None)
        dialog = StepDialog(title, action, parent=self.page, **options)
        if dialog.exec():
            self.page.after_change(self.page.selected_batch_id(), line_id)
            return True
        return False

    def return_batch(self) -> None:
        batch_id, user = self._batch(), self.page.session.username
        self._step(self.tr("退回修改"), lambda d: wf.return_batch(batch_id, d.reason_text(), user=user),
                   save_text=self.tr("退回(&S)"))

    def post(self) -> None:
        batch_id, user, today = self._batch(), self.page.session.username, self.page.session.today()
        self._step(self.tr("发放过账"), lambda d: wf.post_batch(batch_id, d.day(), user=user, today=today),
                   reason=None, day=today, save_text=self.tr("发放过账(&S)"),
                   note=self.tr("过账后这些发放记录不能再修改，更正只能冲销。请填写实际发放日期。"))

    def delete(self) -> None:
        answer = QMessageBox.question(self.page, self.tr("删除草稿"), self.tr("删除这个草稿批次及其全部明细？"))
        if answer == QMessageBox.StandardButton.Yes:
            self._do(lambda: bs.delete_draft(self._batch(), user=self.page.session.username), self.tr("删除草稿"))

    # --- lines ---
    def add_line(self) -> None:
        dialog = OneOffLineDialog(self._batch(), user=self.page.session.username, parent=self.page)
        if dialog.exec():
            self.page.after_change(self.page.selected_batch_id(), dialog.payment_id)

    def adjust(self) -> None:
        line, user = self.page.detail.selected_line(), self.page.session.username
        assert line is not None
        self._step(self.tr("调整金额"), lambda d: bs.adjust_line(line.id, d.amount_fen(), d.reason_text(), user=user),
                   amount_fen=line.amount_fen, line_id=line.id,
                   note=self.tr("{name}：标准 {std} 元 × {people} 人").format(
                       name=line.beneficiary, std=line.standard_fen / 100, people=line.people))

    def remove_line(self) -> None:
        line, user = self.page.detail.selected_line(), self.page.session.username
        assert line is not None
        self._step(self.tr("删除明细"), lambda d: bs.remove_line(line.id, d.reason_text(), user=user),
                   note=line.beneficiary)

    def reverse(self) -> None:
        line, user, today = self.page.detail.selected_line(), self.page.session.username, self.page.session.today()
        assert line is not None
        self._step(self.tr("冲销"), lambda d: corrections.reverse_payment(line.id, d.reason_text(), user=user,
                                                                          on=d.day(), today=today),
                   day=today, line_id=line.id, save_text=self.tr("冲销(&S)"),
                   note=self.tr("冲销 {name} {amount} 元：新增一笔负数记录，原记录保留").format(
                       name=line.payee_name, amount=line.amount_fen / 100))

    def reissue(self) -> None:
        line, user, today = self.page.detail.selected_line(), self.page.session.username, self.page.session.today()
        assert line is not None
        account = bank_account_of(line.household_id)
        dialog = StepDialog(self.tr("重新发放"), lambda d: corrections.reissue_payment(
            line.id, d.reason_text(), user=user, on=d.day(), today=today,
            bank_account=d.account.text() if d.account else None, reverse_reason="银行退回"),
            day=today, account=account, reason=self.tr("银行退回，更正账号后重新发放"), parent=self.page,
            note=self.tr("银行退回的发放在所填日期冲销；按下面的账号重新发放的一笔进入“重新发放”批次草稿，"
                         "与其他批次一样提交、由另一人审核后过账"), save_text=self.tr("加入重新发放批次(&S)"))
        if dialog.exec():
            reissue = dialog.result_value
            assert isinstance(reissue, corrections.Reissue)
            self.page.after_change(reissue.batch_id, reissue.payment_id)

    def show_exclusions(self) -> None:
        row = self.page.detail.batch
        assert row is not None
        batch_id, paid = row.id, self.page.session.today()

        def work(progress: ProgressFn, cancel: Any) -> Preview:
            return compute_batch(row.program_id, row.period, row.area_id, paid, exclude_batch=batch_id,
                                 cancel=cancel, progress=lambda f: progress(self.tr("计算未列入对象"), f))

        def done(preview: Preview) -> None:
            self.page.detail.exclusion_model.set_items(preview.exclusions + preview.notes)
            self.page.detail.tabs.setCurrentIndex(1)

        run_with_progress(self.page, self.tr("计算未列入对象"), work, done)
