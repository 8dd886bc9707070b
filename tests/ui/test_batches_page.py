"""Two users at the batches page: a clerk computes and submits a 低保 batch, a reviewer
approves and posts it; the bank's return file marks a line failed and it is re-issued."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

import ui.tasks
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Payment, PaymentBatch, PaymentOutcome
from suining_desk.services.access import account_of
from tests.payments import TODAY, PaymentCounty, build_payment_county
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.dialogs.batch_dialog import NewBatchDialog
from ui.dialogs.money_dialogs import StepDialog
from ui.pages.batches import BatchesPage
from ui.session import Session


@pytest.fixture
def county(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PaymentCounty]:
    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", True)
    open_database(tmp_path / "ui.sqlite3")
    yield build_payment_county()
    close_database()


def page_for(qtbot, county: PaymentCounty, tmp_path: Path, user: str) -> BatchesPage:  # type: ignore[no-untyped-def]
    account = account_of(user)
    session = Session(tmp_path / "ui.sqlite3", username=user, fixed_today=TODAY, account=account)
    page = BatchesPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_area(county.areas.changpu.id)
    return page


def when_dialog_opens(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    def attempt() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, attempt)
        else:
            act(dialog)
    QTimer.singleShot(0, attempt)


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_dibao_month(qtbot, dialog: QDialog, period: str = "2018-11") -> None:  # type: ignore[no-untyped-def]
    """In 生成发放批次: 低保, and the month typed as a clerk types it."""
    assert isinstance(dialog, NewBatchDialog)
    dialog.program.setCurrentText("低保")
    dialog.period.clear()
    qtbot.keyClicks(dialog.period, period)


def test_two_users_walk_a_batch_from_draft_to_posted(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clerk = page_for(qtbot, county, tmp_path, "luru")
    seen: dict[str, str] = {}

    def compute(dialog: QDialog) -> None:
        type_dibao_month(qtbot, dialog)
        click(qtbot, dialog.preview_button)
        seen["summary"] = dialog.summary.text()
        click(qtbot, dialog.create_button)

    when_dialog_opens(NewBatchDialog, compute)
    click(qtbot, clerk.new_button)
    assert seen["summary"] == "应发 2 笔，5 人，合计 1,290.00 元；未列入 0 个对象。"
    batch = PaymentBatch.get()
    assert (batch.status, batch.created_by, Payment.select().count()) == ("draft", "luru", 2)
    assert clerk.detail.batch is not None and clerk.detail.batch.id == batch.id
    assert clerk.detail.line_model.rowCount() == 2
    seen_notes: list[str] = []

    def confirm(dialog: QDialog) -> None:  # submit and approve say what goes, and its total
        assert isinstance(dialog, StepDialog) and dialog.reason is None  # no line above a cap: nothing to type
        seen_notes.append(dialog.findChild(QLabel, "note").text())  # type: ignore[union-attr]
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, confirm)
    click(qtbot, clerk.detail.buttons["submit"])
    assert PaymentBatch.get_by_id(batch.id).status == "submitted"
    assert seen_notes[0].startswith(f"批次 {batch.batch_no}（低保 2018年11月，长铺镇）：共 2 笔，"
                                    "合计 1,290.00 元（人民币壹仟贰佰玖拾元整）")
    assert not clerk.detail.buttons["approve"].isEnabled()  # a clerk, and the one who entered it

    reviewer = page_for(qtbot, county, tmp_path, "shenhe")
    reviewer.select_batch(batch.id)
    click(qtbot, reviewer.detail.buttons["exclusions"])  # who was left out, seen before approving
    assert reviewer.detail.tabs.currentIndex() == 1
    when_dialog_opens(StepDialog, confirm)
    click(qtbot, reviewer.detail.buttons["approve"])
    assert PaymentBatch.get_by_id(batch.id).approved_by == "shenhe"
    assert "合计 1,290.00 元" in seen_notes[1]

    def post(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.date is not None
        dialog.date.setDate(dialog.date.date().addDays(-30))  # paid on 2018-11-20
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, post)
    click(qtbot, reviewer.detail.buttons["post"])
    posted = PaymentBatch.get_by_id(batch.id)
    assert (posted.status, posted.posted_by, posted.paid_date) == ("posted", "shenhe", dt.date(2018, 11, 20))
    assert {p.posted for p in Payment.select()} == {True}
    assert "已发放" in reviewer.detail.summary.text() and "1,290.00" in reviewer.detail.summary.text()
    history = [reviewer.detail.history.item(r, 2).text() for r in range(reviewer.detail.history.rowCount())]
    assert history == ["生成草稿", "提交审核", "审核通过", "发放（过账）"]

    # Never over another kind of file (F9): the database renamed, a PDF whose mark is not at its start.
    for name, content in (("db.csv", (tmp_path / "ui.sqlite3").read_bytes()), ("scan.xlsx", b"\n%PDF-1.4\n%%EOF\n")):
        (tmp_path / name).write_bytes(content)
        assert reviewer.bank.export_bank(tmp_path / name) == 0
        assert "不会覆盖" in reviewer.error_box.text() and (tmp_path / name).read_bytes() == content
        reviewer.error_box.close()
    # The bank file goes out; the answer says 李德明's card failed; the line is re-issued.
    assert reviewer.bank.export_bank(tmp_path / "bank.csv") == 2
    with (tmp_path / "bank.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    answer = tmp_path / "answer.csv"
    answer.write_text(f"账号,金额,状态,备注\n{rows[1][3]},{rows[1][4]},成功,\n{rows[2][3]},{rows[2][4]},失败,账户冻结\n",
                      encoding="utf-8")
    seen_bank: dict[str, str] = {}

    def bank_day(dialog: QDialog) -> None:  # the clerk gives the bank's date: not before the paid date
        assert isinstance(dialog, StepDialog) and dialog.date is not None
        assert dialog.day() == TODAY
        dialog.date.setDate(dialog.date.date().addDays(-31))  # 2018-11-19
        click(qtbot, dialog.save_button)
        seen_bank["refused"] = dialog.problems.text()
        assert dialog.isVisible()
        dialog.date.setDate(dialog.date.date().addDays(3))  # 2018-11-22
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, bank_day)
    reviewer.bank.import_bank(answer)
    assert seen_bank["refused"] == "银行处理日期2018-11-19早于批次DB-430527100-2018-11的发放日期2018-11-20"
    assert reviewer.report_box is not None and "成功 1 笔，失败 1 笔" in reviewer.report_box.text()
    failed = PaymentOutcome.get(PaymentOutcome.result == "failed").payment_id
    assert {o.date for o in PaymentOutcome.select()} == {dt.date(2018, 11, 22)}
    shown = [reviewer.detail.line_model.index(r, 10).data() for r in range(reviewer.detail.line_model.rowCount())]
    assert "失败：账户冻结（2018-11-22）" in shown and "成功（2018-11-22）" in shown, shown
    reviewer.detail.select_line(failed)
    assert not reviewer.detail.buttons["adjust"].isEnabled()

    def reissue(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.account is not None
        dialog.account.clear()
        qtbot.keyClicks(dialog.account, "6221887777777777")
        assert dialog.reason is not None
        dialog.reason.clear()
        type_text(qtbot, dialog.reason, "银行退回：账户冻结，改卡后重新发放")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, reissue)
    click(qtbot, reviewer.detail.buttons["reissue"])
    new = Payment.get(Payment.reissue_of == failed)
    assert (new.bank_account, new.reason, new.posted) == (
        "6221887777777777", "银行退回：账户冻结，改卡后重新发放", False)
    # The page now shows the re-issue batch: a draft that goes the four-eyes way like any batch.
    shown = reviewer.detail.batch
    assert shown is not None and shown.id == new.batch_id and shown.status == "draft" and shown.kind == "reissue"
    assert reviewer.detail.line_model.rowCount() == 1 and shown.total_fen == 33000
    assert reviewer.detail.buttons["submit"].isEnabled() and not reviewer.detail.buttons["post"].isEnabled()
    row = reviewer.model.row_of(new.batch_id)
    assert row is not None and reviewer.model.index(row, 1).data() == "低保（重新发放）"  # its kind in the list
    original = PaymentBatch.get_by_id(batch.id)
    assert Payment.select().where(Payment.batch == original.id).count() == 3  # two lines and a reversal


def test_a_draft_line_adjusted_with_a_reason(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from suining_desk.services.batches import create_batch

    created = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                           pay_date=dt.date(2018, 11, 10))
    page = page_for(qtbot, county, tmp_path, "luru")
    page.select_batch(created.batch_id)
    zhang = Payment.get(Payment.household == county.zhang)
    page.detail.select_line(zhang.id)

    def adjust(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog) and dialog.amount is not None and dialog.reason is not None
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "640")
        click(qtbot, dialog.save_button)  # no reason yet: refused, stays open
        assert dialog.isVisible() and "调整原因" in dialog.problems.text()
        type_text(qtbot, dialog.reason, "张小军外出务工，按2人发放")
        click(qtbot, dialog.save_button)

    when_dialog_opens(StepDialog, adjust)
    click(qtbot, page.detail.buttons["adjust"])
    assert Payment.get_by_id(zhang.id).amount_fen == 64000
    assert page.detail.batch is not None and page.detail.batch.total_fen == 64000 + 33000


def test_preview_really_runs_on_a_worker_thread(qtbot, county: PaymentCounty, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from suining_desk.services.batch_compute import compute_batch

    monkeypatch.setattr(ui.tasks, "SYNCHRONOUS", False)
    page = page_for(qtbot, county, tmp_path, "luru")
    seen: dict[str, object] = {}
    gui = threading.get_ident()

    def work(progress, cancel):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.get_ident()
        return compute_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, dt.date(2018, 11, 10),
                             cancel=cancel, progress=lambda f: progress("计算", f))

    ui.tasks.run_with_progress(page, "计算", work, lambda preview: seen.setdefault("lines", len(preview.lines)))
    qtbot.waitUntil(lambda: "lines" in seen, timeout=PATIENCE_MS)
    assert seen["lines"] == 2 and seen["thread"] != gui

    cancelled = threading.Event()

    def slow(progress, cancel):  # type: ignore[no-untyped-def]
        cancel.wait(5)
        cancelled.set()
        from suining_desk.domain.cancel import Cancelled

        raise Cancelled

    task = ui.tasks.run_with_progress(page, "计算", slow, lambda _: seen.setdefault("wrong", True))
    with qtbot.waitSignal(task.failed, timeout=PATIENCE_MS):  # the cancel is back on the GUI thread
        task.cancel()
    assert cancelled.is_set()
    assert "wrong" not in seen and page.error_box is None


def test_months_are_closed_and_reopened_from_the_batches_page(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from suining_desk.services.period_locks import is_closed
    from ui.dialogs.money_dialogs import MonthLockDialog

    reviewer = page_for(qtbot, county, tmp_path, "shenhe")
    seen: dict[str, str] = {}

    def close_then_try_reopen(dialog: QDialog) -> None:
        assert isinstance(dialog, MonthLockDialog)
        dialog.month.setText("2018-11")
        click(qtbot, dialog.close_button)
        seen["history"] = dialog.history.toPlainText()
        type_text(qtbot, dialog.reason, "补发")
        click(qtbot, dialog.reopen_button)  # a reviewer may not reopen
        seen["refused"] = dialog.problems.text()
        dialog.reject()

    when_dialog_opens(MonthLockDialog, close_then_try_reopen)
    click(qtbot, reviewer.lock_button)
    assert is_closed("2018-11") and "已关账：2018-11" in seen["history"]
    assert "管理员" in seen["refused"]
    assert not page_for(qtbot, county, tmp_path, "luru").lock_button.isEnabled()


def test_a_closed_month_is_said_at_the_preview_and_no_draft_is_made(qtbot, county: PaymentCounty,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    from suining_desk.services.period_locks import close_month

    close_month("2018-11", user="shenhe")
    clerk = page_for(qtbot, county, tmp_path, "luru")
    seen: dict[str, str] = {}

    def try_november(dialog: QDialog) -> None:
        type_dibao_month(qtbot, dialog)
        click(qtbot, dialog.preview_button)
        seen["preview"] = dialog.problems.text()
        click(qtbot, dialog.create_button)
        seen["create"] = dialog.problems.text()
        dialog.reject()

    when_dialog_opens(NewBatchDialog, try_november)
    click(qtbot, clerk.new_button)
    assert "2018-11已关账" in seen["preview"] and "2018-11已关账" in seen["create"]
    assert PaymentBatch.select().count() == 0


def test_enter_previews_first_then_makes_the_draft(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A clerk types the month and presses Enter: the preview with its exclusions, not a draft at once."""
    clerk = page_for(qtbot, county, tmp_path, "luru")
    seen: dict[str, object] = {}

    def type_and_enter(dialog: QDialog) -> None:
        type_dibao_month(qtbot, dialog)
        qtbot.keyClick(dialog.period, Qt.Key.Key_Return)
        seen["after_first"] = (dialog.isVisible(), PaymentBatch.select().count(), dialog.summary.text())
        qtbot.keyClick(dialog.period, Qt.Key.Key_Return)
        seen["after_second"] = PaymentBatch.select().count()

    when_dialog_opens(NewBatchDialog, type_and_enter)
    click(qtbot, clerk.new_button)
    assert seen["after_first"] == (True, 0, "应发 2 笔，5 人，合计 1,290.00 元；未列入 0 个对象。")
    assert seen["after_second"] == 1


def _posted_november(county: PaymentCounty) -> int:
    from suining_desk.services.batches import create_batch
    from tests.core.test_batches import walk

    created = create_batch(county.programs["dibao"], "2018-11", county.areas.changpu.id, user="luru",
                           pay_date=dt.date(2018, 11, 10))
    walk(created.batch_id, dt.date(2018, 11, 10))
    return created.batch_id


def test_a_damaged_return_file_is_refused_in_chinese(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch_id = _posted_november(county)
    page = page_for(qtbot, county, tmp_path, "luru")
    page.select_batch(batch_id)
    corrupt = tmp_path / "corrupt-return.xlsx"
    corrupt.write_text("下载中断的回盘文件\n", encoding="utf-8")
    when_dialog_opens(StepDialog, lambda d: click(qtbot, d.save_button))  # type: ignore[attr-defined]
    page.bank.import_bank(corrupt)
    assert page.error_box is not None
    assert page.error_box.text().startswith(f"无法读取银行回盘文件“{corrupt}”：不是有效的 Excel 文件")
    assert not PaymentOutcome.select().exists()


def test_the_report_names_the_lines_the_bank_left_out(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch_id = _posted_november(county)
    page = page_for(qtbot, county, tmp_path, "luru")
    page.select_batch(batch_id)
    answer = tmp_path / "answer.csv"
    answer.write_text("账号,金额,状态\n6221880000000002,330,非正常\n", encoding="utf-8")
    when_dialog_opens(StepDialog, lambda d: click(qtbot, d.save_button))  # type: ignore[attr-defined]
    page.bank.import_bank(answer)
    assert page.report_box is not None and "成功 0 笔，失败 1 笔" in page.report_box.text()
    zhang = Payment.get((Payment.batch == batch_id) & (Payment.household == county.zhang)).id
    assert page.report_box.detailedText() == f"回盘中没有：张建国　账号6221880000000001　960.00元（记录{zhang}）"
    assert PaymentOutcome.get().result == "failed"  # 非正常 is not 正常


def test_one_off_line_with_a_refused_scan_is_not_saved(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from suining_desk.db.models import Household
    from suining_desk.services.batches import create_one_off_batch
    from ui.dialogs.money_dialogs import OneOffLineDialog

    batch = create_one_off_batch(county.programs["medical"], "2018-11", county.areas.changpu.id, user="luru")
    page = page_for(qtbot, county, tmp_path, "luru")
    page.select_batch(batch.batch_id)
    note = tmp_path / "note.txt"
    note.write_text("便条", encoding="utf-8")
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4\n% invoice\n%%EOF\n")
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, OneOffLineDialog)
        qtbot.keyClicks(dialog.picker.search, "43052710000101004")
        assert dialog.picker.household_id() == county.zhao
        seen["first"] = dialog.person.itemText(0)
        qtbot.keyClicks(dialog.amount, "600")
        type_text(qtbot, dialog.reason, "门诊")
        click(qtbot, dialog.save_button)  # no person for 医疗救助
        seen["no_person"] = dialog.problems.text()
        dialog.person.setCurrentIndex(1)
        dialog.set_files([note])
        click(qtbot, dialog.save_button)
        seen["bad_file"] = dialog.problems.text()
        seen["lines_after_refusal"] = Payment.select().count()
        click(qtbot, dialog.clear_files_button)
        dialog.set_files([invoice])
        click(qtbot, dialog.save_button)

    when_dialog_opens(OneOffLineDialog, fill)
    click(qtbot, page.detail.buttons["add_line"])
    assert seen["first"] == "（请选择享受人员）"
    assert "请选择享受人员" in str(seen["no_person"])
    assert "不是可以附加的文件" in str(seen["bad_file"]) and seen["lines_after_refusal"] == 0
    line = Payment.get()
    assert (line.household_id, line.amount_fen) == (Household.get_by_id(county.zhao).id, 60_000)
    from suining_desk.services.attachments import attachments_of

    assert [a.file_name for a in attachments_of("payment", line.id)] == ["invoice.pdf"]


def test_a_township_clerk_is_offered_only_their_township(qtbot, county: PaymentCounty, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The area tree on the county: the clerk of 长铺镇 still gets 长铺镇 and its villages, 长铺镇 chosen."""
    clerk = page_for(qtbot, county, tmp_path, "luru")
    clerk.set_area(county.areas.county.id)
    seen: dict[str, object] = {}

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, NewBatchDialog)
        seen["areas"] = [dialog.area.itemData(i) for i in range(dialog.area.count())]
        seen["chosen"] = dialog.area.currentData()
        dialog.reject()

    when_dialog_opens(NewBatchDialog, look)
    click(qtbot, clerk.new_button)
    from suining_desk.db.models import Area

    villages = [a.id for a in Area.select().where(Area.parent == county.areas.changpu.id) if a.level == 3]
    assert seen["chosen"] == county.areas.changpu.id
    assert set(seen["areas"]) == {county.areas.changpu.id, *villages}  # type: ignore[arg-type]


def test_a_report_of_a_million_problems_lists_a_thousand(qtbot, county: PaymentCounty,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    """F11: the bank return report and an error box listed every problem (a return file of a
    million bad rows: a million-line message box). A thousand, then how many more."""
    from suining_desk.domain.problems import InvalidInput, Problem
    from suining_desk.exchange.bank_files import ReturnReport
    from ui.tasks import show_error
    from ui.widgets.problem_label import ProblemLabel

    many = [Problem("bank_bad_result", {"row": n, "value": "处理中"}) for n in range(1_000_000)]
    page = page_for(qtbot, county, tmp_path, "luru")
    page.bank._show_report(ReturnReport(problems=many))  # noqa: SLF001 - what the import's task calls
    lines = page.report_box.detailedText().splitlines()
    assert len(lines) == 1_001 and lines[-1] == "……还有999,000个问题未列出"
    page.report_box.close()
    box = show_error(page, "导入", InvalidInput(many))
    assert len(box.text().splitlines()) == 1_001 and box.text().endswith("……还有999,000个问题未列出")
    box.close()
    label = ProblemLabel(page)
    label.show_problems(many)
    assert len(label.text().splitlines()) == 1_001
