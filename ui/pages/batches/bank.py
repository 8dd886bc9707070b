"""A posted batch and the bank (一卡通代发): the list it sends as a file, and the bank's return
file read back (what was paid, what failed) with a report of every line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from suining_desk.domain.messages import described
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange.bank_files import ReturnReport, export_bank_file, import_return_file, missing_problems
from suining_desk.services.bank_outcomes import check_bank_date, confirmed_paid

from ...dialogs.bank_file_dialog import ask_export_target, ask_return_file
from ...dialogs.money_dialogs import StepDialog
from ...tasks import ProgressFn, run_with_progress, show_error

if TYPE_CHECKING:
    from .page import BatchesPage


class BankFiles(QObject):
    def __init__(self, page: BatchesPage) -> None:
        super().__init__(page)
        self.page = page

    def export_bank(self, path: Path | None = None, profile: str | None = None) -> int:
        """Write the bank list in a format the clerk picks (given: ``profile``, or the default one)."""
        row = self.page.detail.batch
        assert row is not None
        if path is None:
            chosen = ask_export_target(self.page, row.batch_no)
            if chosen is None:
                return 0
            profile, path = chosen[0].name, chosen[1]
        try:
            count = export_bank_file(row.id, path, user=self.page.session.username, profile=profile,
                                     today=self.page.session.today())
        except InvalidInput as exc:
            self.page.error_box = show_error(self.page, self.tr("导出银行代发文件"), exc)
            return 0
        text = self.tr("已导出 {n} 笔到 {path}").format(n=count, path=path)
        if paid := len(confirmed_paid(row.id)):
            text += "\n" + self.tr("银行回盘已确认成功的 {n} 笔未再导出（否则会重复发放）").format(n=paid)
        self.page.report_box = QMessageBox(QMessageBox.Icon.Information, self.tr("导出银行代发文件"), text,
                                      QMessageBox.StandardButton.Ok, self.page)
        self.page.report_box.open()
        return count

    def import_bank(self, path: Path | None = None, profile: str | None = None) -> None:
        """Read a return file in a format the clerk picks (given: ``profile``, or the default one)."""
        row = self.page.detail.batch
        assert row is not None
        if path is None:
            picked = ask_return_file(self.page)
            if picked is None:
                return
            profile, path = picked[0].name, picked[1]
        batch_id, user, today, chosen = row.id, self.page.session.username, self.page.session.today(), path

        def ask(d: StepDialog) -> object:
            check_bank_date(batch_id, d.day(), today=today)
            return d.day()

        dialog = StepDialog(self.tr("导入银行回盘"), ask, reason=None, day=today, save_text=self.tr("导入(&S)"),
                            note=self.tr("回盘文件：{name}\n请填写银行处理的日期（回盘文件上的日期，不早于发放日期）").format(
                                name=chosen.name), parent=self.page)
        if not dialog.exec():
            return
        on = dialog.day()

        def work(progress: ProgressFn, cancel: Any) -> ReturnReport:
            return import_return_file(batch_id, chosen, user=user, on=on, today=today, cancel=cancel,
                                      progress=lambda f: progress(self.tr("对应发放记录"), f), profile=profile)

        run_with_progress(self.page, self.tr("导入银行回盘"), work, self._show_report)

    def _show_report(self, report: ReturnReport) -> None:
        text = self.tr("成功 {paid} 笔，失败 {failed} 笔，此前已登记 {already} 笔，未能对应 {bad} 行，"
                       "回盘中没有的 {missing} 笔。").format(paid=len(report.paid), failed=len(report.failed),
                                                       already=len(report.already), bad=report.unmatched,
                                                       missing=len(report.missing))
        if report.problems or report.missing:
            text += self.tr("\n每一行的情况见“显示详细信息”。")
        if report.failed:
            text += self.tr("\n失败的发放可在明细中选中后“重新发放”。")
        self.page.report_box = QMessageBox(QMessageBox.Icon.Information, self.tr("导入银行回盘"), text,
                                      QMessageBox.StandardButton.Ok, self.page)
        self.page.report_box.setObjectName("report_box")
        self.page.report_box.setDetailedText("\n".join([*described(report.problems),  # a thousand at most
                                                        *described(missing_problems(report))]))
        self.page.report_box.open()
        self.page.after_change(self.page.selected_batch_id())
