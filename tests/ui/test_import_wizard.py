"""A clerk imports a township's spreadsheet through 文件 → 导入表格…: picks the file, reads
the report, fixes the sheet, checks again, imports — and can cancel without a trace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, AuditEntry, Household, MemberChange, Person
from tests import exchange_sheets as sheets
from tests.county import FixtureCounty, build_county, id_number
from tests.ui.typing import type_text
from tests.ui.waits import PATIENCE_MS
from ui.main_window import MainWindow
from ui.wizards.import_wizard import ImportWizard
from ui.wizards.problems_model import ProblemsModel

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def county(tmp_path: Path) -> Iterator[tuple[Path, FixtureCounty]]:
    path = tmp_path / "county.sqlite3"
    open_database(path)
    yield path, build_county()
    close_database()


@pytest.fixture
def window(qtbot: QtBot, county: tuple[Path, FixtureCounty]) -> MainWindow:
    window = MainWindow(county[0], demo=False, user_label="luru（录入员）")
    qtbot.addWidget(window)
    window.show()
    return window


def open_wizard(qtbot: QtBot, window: MainWindow) -> ImportWizard:
    assert window.import_action.text() == "导入表格(&I)…"  # type: ignore[attr-defined]
    assert window.import_action in window.file_menu.actions()  # type: ignore[attr-defined]
    window.import_action.trigger()  # type: ignore[attr-defined]
    wizard = window.import_wizard  # type: ignore[attr-defined]
    assert isinstance(wizard, ImportWizard)
    qtbot.waitUntil(wizard.isVisible, timeout=PATIENCE_MS)
    return wizard


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, LEFT)


def wait_for_run(qtbot: QtBot, page: object) -> None:
    qtbot.waitUntil(lambda: not page.running() and (page.result is not None or bool(page.outcome.text())),  # type: ignore[attr-defined]
                    timeout=PATIENCE_MS)


def test_a_clerk_reads_the_report_fixes_the_sheet_and_imports(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    messy = sheets.messy_register(tmp_path / "长铺镇花名册.xlsx")
    wizard = open_wizard(qtbot, window)

    choose = wizard.choose
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no file yet
    type_text(qtbot, choose.file, str(messy))
    assert choose.kind.currentText() == "建档立卡户花名册"
    next_page(qtbot, wizard)

    preview = wizard.preview
    assert preview.summary.text() == "工作表“花名册”，第4行是表头。"
    assert "身份证号码→证件号码" in preview.columns.text() and "乡(镇)→乡镇" in preview.columns.text()
    assert "不认识、将忽略的列：序号、备注" in preview.columns.text()
    assert [preview.rows.item(r, 0).text() for r in range(preview.rows.rowCount())] == [  # as Excel numbers them
        "5", "6", "7", "9", "10", "11", "12", "13", "14", "16", "18"]
    id_column = next(c for c in range(preview.rows.columnCount())
                     if preview.rows.horizontalHeaderItem(c).text() == "身份证号码")
    assert preview.rows.item(4, id_column).text() == "4.30527E+17"  # row 10: an ID kept as a number, as Excel shows it
    next_page(qtbot, wizard)

    check = wizard.check
    wait_for_run(qtbot, check)
    model = check.table.model()
    assert isinstance(model, ProblemsModel)
    rows = [(model.index(r, 0).data(), model.index(r, 2).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]
    assert ("10", "错误", rows[2][2]) == rows[2] and "后几位已经丢失" in rows[2][2]
    assert ("14", "错误") == rows[3][:2] and "新建村" in rows[3][2]
    assert check.outcome.text().startswith(
        "检查完成，未写入：3 行有错误（涉及 2 户），有错误时不会导入任何数据（其余可新增 3 户 6 人）")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # errors: nothing to import yet
    assert Household.select().count() == 0

    report = tmp_path / "报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    qtbot.mouseClick(check.save_button, LEFT)
    sheet = load_workbook(report)["花名册"]
    assert "后几位已经丢失" in sheet.cell(row=10, column=17).value

    # The clerk retypes the ID number as text, and agrees to the new village.
    book = load_workbook(messy)
    book["花名册"].cell(row=10, column=4).value = sheets.WANG_SON
    book.save(messy)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), LEFT)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), LEFT)
    qtbot.mouseClick(choose.create_areas, LEFT, pos=QPoint(8, choose.create_areas.height() // 2))
    assert choose.create_areas.isChecked()
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_for_run(qtbot, check)
    assert check.outcome.text().startswith("检查完成，未写入：可新增 5 户 9 人，可新建区划 2 个；问题")
    assert all(model.index(r, 2).data() == "提醒" for r in range(model.rowCount()))
    next_page(qtbot, wizard)

    run = wizard.run
    assert run.plan.text().startswith("将导入“长铺镇花名册.xlsx”：检查完成")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=PATIENCE_MS):
        qtbot.mouseClick(run.import_button, LEFT)
    wait_for_run(qtbot, run)
    assert run.outcome.text().startswith("导入完成：新增 5 户 9 人，新建区划 2 个")
    assert (Household.select().count(), Person.select().count()) == (5, 9)
    assert Person.get(Person.id_number == sheets.WANG_SON).name == "王小五"
    assert Area.select().where(Area.name == "新建村").exists()
    assert window.area_tree.index_of(Area.get(Area.name == "新建村").id).isValid()  # the tree shows it
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), LEFT)
    assert not wizard.isVisible()


def test_cancelling_the_import_leaves_the_database_untouched(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    rows = []
    for h in range(3000):
        no = f"4305271000010{h:04d}"
        rows.append([no, "杨桂花", id_number("1950-01-01", h % 500, male=False, area=f"4305{27 + h // 500:02d}"),
                     "户主", "长铺镇", "青石村", "一组"])
    big = sheets.register_sheet(tmp_path / "big.xlsx", rows)
    before = (Household.select().count(), MemberChange.select().count(), AuditEntry.select().count())
    wizard = open_wizard(qtbot, window)
    type_text(qtbot, wizard.choose.file, str(big))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_for_run(qtbot, wizard.check)
    assert wizard.check.outcome.text().startswith("检查完成，未写入：可新增 3000 户 3000 人")
    next_page(qtbot, wizard)

    run = wizard.run
    qtbot.mouseClick(run.import_button, LEFT)
    qtbot.waitUntil(lambda: run.progress.value() > 0 or not run.running(), timeout=PATIENCE_MS)
    assert run.running(), "the import finished before it could be cancelled"
    qtbot.mouseClick(run.cancel_button, LEFT)
    wait_for_run(qtbot, run)
    assert run.outcome.text() == "已取消导入，数据库未改动。"
    assert (Household.select().count(), MemberChange.select().count(), AuditEntry.select().count()) == before
    assert run.import_button.isEnabled()  # the clerk may start again


def test_a_sheet_with_only_a_header_is_said_so_and_nothing_is_written(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    empty = sheets.register_sheet(tmp_path / "空表.xlsx", [], title="长铺镇花名册")
    before = (Household.select().count(), AuditEntry.select().count())
    wizard = open_wizard(qtbot, window)
    type_text(qtbot, wizard.choose.file, str(empty))
    next_page(qtbot, wizard)
    assert wizard.preview.summary.text() == (f"“{empty}”的工作表“Sheet”只有表头（第2行），下面没有数据行，"
                                             "没有可导入的内容；请检查是否选错了文件或工作表")
    assert wizard.preview.rows.rowCount() == 0
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    # Only a 合计 line under the header: the preview shows it, the check says there is nothing to import.
    only_total = sheets.register_sheet(tmp_path / "合计.xlsx", [["合计", "0人"]])
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), LEFT)
    wizard.choose.file.clear()
    type_text(qtbot, wizard.choose.file, str(only_total))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_for_run(qtbot, wizard.check)
    assert wizard.check.outcome.text().startswith(f"“{only_total}”的工作表“Sheet”只有表头（第1行）")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert (Household.select().count(), AuditEntry.select().count()) == before


def test_problems_model_passes_qt_model_tester(qtbot: QtBot) -> None:
    from PySide6.QtTest import QAbstractItemModelTester

    from suining_desk.domain.problems import Problem, Severity
    from suining_desk.exchange.report import RowProblem

    model = ProblemsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_problems([RowProblem(3, "姓名", Problem("required", {"label": "姓名"})),
                        RowProblem(0, "", Problem("import_total_row", {}, Severity.WARNING))])
    assert model.index(0, 3).data() == "姓名不能为空" and model.index(1, 0).data() == ""


def test_the_households_list_exports_what_it_shows(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.exchange.imports import run_import
    from suining_desk.exchange.staging import ImportOptions
    from ui.pages.households import HouseholdsPage

    run_import("households", sheets.messy_register(tmp_path / "花名册.xlsx"),
               ImportOptions(user="admin", skip_invalid=True, create_areas=True))
    window.show_page("households")
    page = window.current_page()
    assert isinstance(page, HouseholdsPage)
    page.set_area(None)
    page.status_filter.setCurrentIndex(page.status_filter.findData("exited"))  # only 曾伟's household
    assert page.model.rowCount() == 1
    out = tmp_path / "导出.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_action.trigger()  # type: ignore[attr-defined]  # 文件 → 导出当前列表
    qtbot.waitUntil(lambda: getattr(page, "export_box", None) is not None and page.export_box.isVisible(),
                    timeout=PATIENCE_MS)
    assert page.export_box.text() == f"已导出 1 户、3 人：{out}"
    rows = list(load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in rows] == ["曾伟", "李秀英", "曾小军"]


def test_other_lists_export_through_the_file_menu(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "搬迁.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.show_page("relocations")
    window.export_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: getattr(window.current_page(), "error_box", None) is not None, timeout=PATIENCE_MS)
    assert window.current_page().error_box.text() == "所选范围内没有记录，未生成文件"  # type: ignore[union-attr]
    window.show_page("overview")
    window.export_action.trigger()  # type: ignore[attr-defined]
    assert window.error_box.objectName() == "export_unavailable"


def test_a_payments_export_is_refused_in_the_preview_and_the_template_is_at_hand(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.db.models import Payment
    from suining_desk.exchange.aid_export import export_payments
    from tests.payments import build_payment_county

    path = tmp_path / "payments.sqlite3"
    open_database(path)
    try:
        county = build_payment_county()
        zhang = Household.get_by_id(county.zhang)
        Payment.create(program=county.programs["medical"], household=zhang, township=zhang.township_id,
                       village=zhang.village_id, period="2018-10", amount_fen=200_000, reason="住院", posted=True,
                       payee_name=zhang.head_name, payee_id_number=zhang.head_id_number)
        listing = export_payments(tmp_path / "发放明细.xlsx").path
        window = MainWindow(path, demo=False, user_label="luru（录入员）")
        qtbot.addWidget(window)
        window.show()
        wizard = open_wizard(qtbot, window)
        choose = wizard.choose
        choose.kind.setCurrentIndex(choose.kind.findData("payments"))
        assert choose.kind.currentText() == "一次性救助发放（草稿批次）"

        template = tmp_path / "一次性救助模板.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(template), ""))
        qtbot.mouseClick(choose.template_button, LEFT)
        assert choose.template_note.text() == f"模板已保存：{template}。填写后在上面选择该文件导入。"
        assert load_workbook(template).sheetnames[:2] == ["发放", "填写说明"]

        type_text(qtbot, choose.file, str(listing))
        next_page(qtbot, wizard)
        assert wizard.preview.summary.text().startswith(f"“{listing}”是导出的资金发放明细（工作表“资金发放明细”第2行"
                                                        "表头有“批次号”列），记录的是已编入发放批次的资金，再导入会重复发放")
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        assert Payment.select().count() == 1
        wizard.reject()
    finally:
        close_database()
