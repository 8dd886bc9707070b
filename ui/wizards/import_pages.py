"""The import wizard's pages: choose → preview → check (the row report) → import.

Checking and importing read the whole file, so both run off the GUI thread
(:mod:`ui.tasks`) with a progress bar and a 取消 button; cancelling the import rolls its
one transaction back, so the database is as it was.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from suining_desk.domain.messages import described
from suining_desk.domain.problems import InvalidInput
from suining_desk.exchange.cells import clean_text
from suining_desk.exchange.imports import IMPORTS, run_import
from suining_desk.exchange.layouts import LAYOUTS
from suining_desk.exchange.reader import no_data_rows, peek
from suining_desk.exchange.report import ImportResult, write_report
from suining_desk.exchange.staging import ImportCancelled, ImportOptions
from suining_desk.exchange.templates import write_template

from .. import tasks
from ..session import Session
from .problems_model import ProblemsModel

FILTER = QT_TRANSLATE_NOOP("ChoosePage", "表格 (*.xlsx *.xlsm *.xls *.et *.csv *.txt);;所有文件 (*)")



def _as_shown(value: object) -> str:
    """A cell as the sheet shows it: a number too long for Excel to keep whole (an ID number
    typed as a number) as Excel writes it, 4.30527E+17 — its last digits are gone, and printing
    430527195001056000 would look like a real ID."""
    if isinstance(value, float) and abs(value) >= 1e15:
        return f"{value:.5E}"
    return clean_text(value)

class ChoosePage(QWizardPage):
    """The kind of data, the file, and how to treat what is not clean."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("选择要导入的表格"))
        self.setSubTitle(self.tr("可以直接导入国办系统导出的花名册或乡镇自己的表格：表头不必在第一行，列的顺序不限。"))
        self.kind = QComboBox(objectName="kind")
        for key, (label, _) in IMPORTS.items():
            self.kind.addItem(label, key)
        self.file = QLineEdit(objectName="file")
        self.file.setPlaceholderText(self.tr("选择或粘贴 .xlsx / .xls / .csv / .txt 文件的路径"))
        self.browse = QPushButton(self.tr("浏览(&B)…"), objectName="browse")
        self.template_button = QPushButton(self.tr("保存空白模板(&T)…"), objectName="save_template")
        self.template_note = QLabel(objectName="template_note", wordWrap=True)
        self.template_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_areas = QCheckBox(self.tr("区划中没有的乡镇、村、组自动创建"), objectName="create_areas")
        self.update_duplicates = QCheckBox(self.tr("已在册的人员和户按表更新，表中空白的不改（默认跳过）"),
                                           objectName="update_duplicates")
        self.skip_invalid = QCheckBox(self.tr("只导入无误的户，有错误的户写入报告（默认有错误就全部不导入）"),
                                      objectName="skip_invalid")
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        form = QFormLayout(self)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.template_button)
        form.addRow(self.tr("数据种类："), kind_row)
        form.addRow(self.tr("文件："), row)
        for box in (self.create_areas, self.update_duplicates, self.skip_invalid):
            form.addRow("", box)
        form.addRow("", self.template_note)
        self.browse.clicked.connect(self.choose_file)
        self.template_button.clicked.connect(self.save_template)
        self.kind.currentIndexChanged.connect(lambda _: self.template_note.clear())
        self.file.textChanged.connect(lambda _: self.completeChanged.emit())

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择要导入的表格"), self.file.text(), self.tr(str(FILTER)))
        if path:
            self.file.setText(path)

    def save_template(self) -> None:
        """An empty template of the chosen kind to fill in (headers, drop-down lists, instructions)."""
        layout = LAYOUTS[str(self.kind.currentData())]
        suggested = str(Path.home() / f"{layout.title}导入模板.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存空白模板"), suggested, self.tr("表格 (*.xlsx)"))
        if not path:
            return
        try:
            write_template(layout, Path(path))
        except InvalidInput as exc:
            self.template_note.setText("\n".join(described(exc.problems)))
            return
        self.template_note.setText(self.tr("模板已保存：{path}。填写后在上面选择该文件导入。").format(path=path))

    def path(self) -> Path:
        return Path(self.file.text().strip().strip('"'))

    def isComplete(self) -> bool:
        text = self.file.text().strip()
        return bool(text) and self.path().is_file()

    def options(self, session: Session, *, dry_run: bool) -> ImportOptions:
        return ImportOptions(skip_invalid=self.skip_invalid.isChecked(),
                             update_duplicates=self.update_duplicates.isChecked(),
                             create_areas=self.create_areas.isChecked(), dry_run=dry_run,
                             user=session.username, today=session.fixed_today)


class PreviewPage(QWizardPage):
    """Which sheet, which header row, which columns were recognised, the first rows."""

    def __init__(self, choose: ChoosePage) -> None:
        super().__init__()
        self.choose = choose
        self.setTitle(self.tr("预览"))
        self.summary = QLabel(objectName="preview_summary", wordWrap=True)
        self.columns = QLabel(objectName="preview_columns", wordWrap=True)
        self.rows = QTableWidget(objectName="preview_rows")
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.verticalHeader().setVisible(False)  # 行号 is the sheet's own row number
        self.ok = False
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.columns, self.rows):
            layout.addWidget(widget)

    def initializePage(self) -> None:
        layout = LAYOUTS[str(self.choose.kind.currentData())]
        self.rows.clear()
        try:
            source, first = peek(self.choose.path(), layout)
            if not first:  # a header and nothing under it: say so here, not after a check that finds nothing
                raise no_data_rows(source)
        except InvalidInput as exc:
            self.ok = False
            self.summary.setText("\n".join(described(exc.problems)))
            self.columns.clear()
            self.rows.setRowCount(0)
            self.completeChanged.emit()
            return
        self.ok = True
        header = source.header
        self.summary.setText(self.tr("工作表“{sheet}”，第{row}行是表头。").format(sheet=source.sheet, row=header.row))
        found = "、".join(f"{header.labels[c.key]}→{c.label}" if header.labels[c.key] != c.label else c.label
                         for c in layout.columns if c.key in header.positions)
        text = self.tr("认出的列：{found}").format(found=found)
        if header.unknown:
            text += "\n" + self.tr("不认识、将忽略的列：{unknown}").format(unknown="、".join(header.unknown))
        self.columns.setText(text)
        shown = [c for c in layout.columns if c.key in header.positions]
        self.rows.setColumnCount(len(shown) + 1)
        self.rows.setHorizontalHeaderLabels([self.tr("行号"), *(header.labels[c.key] for c in shown)])
        self.rows.setRowCount(len(first))
        for r, (number, cells) in enumerate(first):
            self.rows.setItem(r, 0, QTableWidgetItem(str(number)))
            for c, column in enumerate(shown, start=1):
                index = header.positions[column.key]
                value = cells[index] if index < len(cells) else None
                self.rows.setItem(r, c, QTableWidgetItem(_as_shown(value)))
        self.rows.resizeColumnsToContents()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.ok


class _RunPage(QWizardPage):
    """A page that runs the import (checking only, or for real) in the background."""

    finished = Signal(object)  # the ImportResult, or None when cancelled or failed
    dry_run = True

    def __init__(self, choose: ChoosePage, session: Session) -> None:
        super().__init__()
        self.choose, self.session = choose, session
        self.task: tasks.Task | None = None
        self.result: ImportResult | None = None
        self.stage = QLabel(objectName="stage")
        self.progress = QProgressBar(objectName="progress", maximum=1000)
        self.cancel_button = QPushButton(self.tr("取消(&C)"), objectName="cancel_run")
        self.cancel_button.clicked.connect(self.cancel)
        self.outcome = QLabel(objectName="outcome", wordWrap=True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def running(self) -> bool:
        return self.task is not None

    def start(self) -> None:
        path, options = self.choose.path(), self.choose.options(self.session, dry_run=self.dry_run)
        kind = str(self.choose.kind.currentData())
        self.result = None
        self.outcome.clear()
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

        def work(progress: tasks.ProgressFn, cancel: threading.Event) -> Any:
            return run_import(kind, path, options, progress=progress, cancel=cancel)

        task = tasks.Task(work, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        self.task = task
        self.completeChanged.emit()
        tasks.start(task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText(self.tr("正在取消…"))

    def _progressed(self, stage: str, fraction: float) -> None:
        self.stage.setText(stage)
        self.progress.setValue(int(fraction * 1000))

    def _done(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.stage.clear()

    def _succeeded(self, result: object) -> None:
        self._done()
        assert isinstance(result, ImportResult)
        self.result = result
        self.show_result(result)
        self.completeChanged.emit()
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, ImportCancelled):
            text = self.tr("已取消导入，数据库未改动。") if not self.dry_run else self.tr("已取消检查。")
        elif isinstance(exc, InvalidInput):
            text = "\n".join(described(exc.problems))
        else:
            text = self.tr("出错了：{error}").format(error=exc)
        self.outcome.setText(text)
        self.completeChanged.emit()
        self.finished.emit(None)

    def show_result(self, result: ImportResult) -> None:
        raise NotImplementedError


class CheckPage(_RunPage):
    """Every problem of every row, before anything is written; save the report, fix, check again."""

    def __init__(self, choose: ChoosePage, session: Session) -> None:
        super().__init__(choose, session)
        self.setTitle(self.tr("检查"))
        self.setSubTitle(self.tr("逐行检查表格，不写入数据库。"))
        self.model = ProblemsModel()
        self.table = QTableView(objectName="problems")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.save_button = QPushButton(self.tr("保存报告(&S)…"), objectName="save_report")
        self.again_button = QPushButton(self.tr("重新检查(&R)"), objectName="check_again")
        self.save_button.clicked.connect(self.save_report)
        self.again_button.clicked.connect(self.start)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch()
        run = QHBoxLayout()
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage)
        layout.addLayout(run)
        layout.addWidget(self.outcome)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        self.model.set_problems([])
        self.start()

    def show_result(self, result: ImportResult) -> None:
        self.model.set_problems(result.sorted_problems())
        self.table.resizeColumnToContents(0)
        text = result.summary()
        if result.rows_rejected and not self.choose.skip_invalid.isChecked():
            text += "\n" + self.tr("请按报告修正表格后点“重新检查”，或返回上一步选择“只导入无误的户”。")
        self.outcome.setText(text)

    def save_report(self) -> None:
        if self.result is None:
            return
        suggested = self.choose.path().with_name(self.choose.path().stem + "-导入报告.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入报告"), str(suggested), self.tr("表格 (*.xlsx)"))
        if not path:
            return
        try:
            write_report(self.result, Path(path))
        except InvalidInput as exc:
            self.outcome.setText("\n".join(described(exc.problems)))
            return
        self.outcome.setText(self.outcome.text() + "\n" + self.tr("报告已保存：{path}").format(path=path))

    def isComplete(self) -> bool:
        r = self.result
        return (not self.running() and r is not None
                and (r.exit_code == 0 or self.choose.skip_invalid.isChecked())
                and bool(r.households_added or r.people_added or r.people_updated or r.households_updated
                         or r.records_added))


class ImportPage(_RunPage):
    """Say what will be written, write it, say what was written."""

    dry_run = False

    def __init__(self, choose: ChoosePage, check: CheckPage, session: Session) -> None:
        super().__init__(choose, session)
        self.check = check
        self.setTitle(self.tr("导入"))
        self.plan = QLabel(objectName="plan", wordWrap=True)
        self.import_button = QPushButton(self.tr("开始导入(&I)"), objectName="start_import")
        self.import_button.clicked.connect(self.start)
        run = QHBoxLayout()
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.stage)
        layout.addLayout(run)
        layout.addWidget(self.outcome)
        layout.addStretch()
        self.setFinalPage(True)

    def initializePage(self) -> None:
        checked = self.check.result
        self.result = None
        self.plan.setText(self.tr("将导入“{file}”：{summary}").format(
            file=self.choose.path().name, summary=checked.summary() if checked else ""))
        self.import_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.outcome.clear()

    def start(self) -> None:
        self.import_button.setEnabled(False)
        super().start()

    def show_result(self, result: ImportResult) -> None:
        self.outcome.setText(result.summary())

    def _failed(self, exc: BaseException) -> None:
        super()._failed(exc)
        self.import_button.setEnabled(True)

    def isComplete(self) -> bool:
        return not self.running() and self.result is not None
