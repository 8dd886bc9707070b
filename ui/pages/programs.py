"""项目与标准: the aid programs, each one's standards over time (a new amount is a new
row from a date; nothing is overwritten) and its allocations (资金下达: what each level of
government allotted for a year, by document; voided, never edited)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import FREQUENCIES, PROGRAM_BASIS
from suining_desk.domain.money import format_fen
from suining_desk.services.allocations import AllocationView, allocations_of
from suining_desk.services.programs import ProgramView, StandardTable, programs, standards_of

from ..dialogs.allocation_dialog import AllocationDialog, VoidAllocationDialog
from ..dialogs.program_dialogs import ProgramDialog, StandardDialog
from ..session import Session


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ProgramsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.items: list[ProgramView] = []
        self.programs = _table("programs_table", [
            self.tr("项目"), self.tr("代码"), self.tr("发放对象"), self.tr("发放周期"), self.tr("现行标准(元)"),
            self.tr("资金来源")])
        self.standards = _table("standards_table", [self.tr("类别"), self.tr("执行起始日期"), self.tr("标准(元)")])
        self.allocations = _table("allocations_table", [
            self.tr("年度"), self.tr("级别"), self.tr("金额(元)"), self.tr("文号"), self.tr("文件日期"),
            self.tr("状态")])
        self.allocation_items: list[AllocationView] = []
        self.allocate_button = QPushButton(self.tr("登记下达(&G)…"), objectName="allocate_button")
        self.void_button = QPushButton(self.tr("作废(&V)…"), objectName="void_allocation_button")
        self.add_button = QPushButton(self.tr("新增标准(&A)…"), objectName="add_standard_button")
        self.new_program_button = QPushButton(self.tr("新增项目(&N)…"), objectName="new_program_button")
        self.edit_program_button = QPushButton(self.tr("修改项目(&E)…"), objectName="edit_program_button")
        self.note = QLabel(self.tr("标准是每人（户）每期的金额；一次性救助的标准是单笔上限。"
                                   "标准不修改：调整时从新的日期起另设一条。项目和标准由管理员设置。"))
        self.note.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.programs, 1)
        program_bar = QHBoxLayout()
        program_bar.addStretch()
        program_bar.addWidget(self.new_program_button)
        program_bar.addWidget(self.edit_program_button)
        left_layout.addLayout(program_bar)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("补助标准")))
        right_layout.addWidget(self.standards, 1)
        bar = QHBoxLayout()
        bar.addStretch()
        bar.addWidget(self.add_button)
        right_layout.addLayout(bar)
        right_layout.addWidget(QLabel(self.tr("资金下达（台账表头列出所属年度的下达文号，汇总台账计算结余）")))
        right_layout.addWidget(self.allocations, 1)
        funds_bar = QHBoxLayout()
        funds_bar.addStretch()
        funds_bar.addWidget(self.allocate_button)
        funds_bar.addWidget(self.void_button)
        right_layout.addLayout(funds_bar)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.programs.currentCellChanged.connect(lambda *_: self.show_standards())
        self.add_button.clicked.connect(self.new_standard)
        self.allocate_button.clicked.connect(self.new_allocation)
        self.void_button.clicked.connect(self.void_allocation)
        self.new_program_button.clicked.connect(lambda: self.edit_program(None))
        self.edit_program_button.clicked.connect(lambda: self.edit_program(self.current()))
        admin = session.at_least("admin")  # the core refuses anyone else as well
        for button in (self.add_button, self.new_program_button, self.edit_program_button, self.allocate_button,
                       self.void_button):
            button.setEnabled(admin)
            button.setToolTip("" if admin else self.tr("项目和标准由管理员设置"))
        self.refresh()

    def refresh(self) -> None:
        current = self.programs.currentRow()
        self.items = programs()
        today = self.session.today()
        self.programs.setRowCount(len(self.items))
        for r, p in enumerate(self.items):
            table = StandardTable(p.id)
            now = "　".join(f"{c + ' ' if c else ''}{format_fen(v)}" for c in table.categories
                           if (v := table.on(c, today)) is not None)
            for c, text in enumerate((p.name, p.code, PROGRAM_BASIS.get(p.basis, p.basis),
                                      FREQUENCIES.get(p.frequency, p.frequency), now, p.funding_source)):
                self.programs.setItem(r, c, QTableWidgetItem(text))
        self.programs.resizeColumnsToContents()
        self.programs.selectRow(max(current, 0))
        self.show_standards()

    def current(self) -> ProgramView | None:
        row = self.programs.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_standards(self) -> None:
        program = self.current()
        rows = standards_of(program.id) if program else []
        rows.sort(key=lambda s: (s.category, s.effective_from), reverse=False)
        self.standards.setRowCount(len(rows))
        for r, s in enumerate(rows):
            for c, text in enumerate((s.category or "—", s.effective_from.isoformat(), format_fen(s.amount_fen))):
                self.standards.setItem(r, c, QTableWidgetItem(text))
        self.show_allocations()

    def show_allocations(self) -> None:
        program = self.current()
        self.allocation_items = allocations_of(program.id) if program else []
        self.allocations.setRowCount(len(self.allocation_items))
        for r, a in enumerate(self.allocation_items):
            state = self.tr("已作废：{reason}").format(reason=a.void_reason) if a.voided else self.tr("有效")
            texts = (str(a.year), a.level_label, format_fen(a.amount_fen), a.doc_no,
                     a.issued_on.isoformat() if a.issued_on else "", state)
            for c, text in enumerate(texts):
                self.allocations.setItem(r, c, QTableWidgetItem(text))
        self.allocations.resizeColumnsToContents()

    def new_allocation(self) -> None:
        program = self.current()
        if program is None:
            return
        dialog = AllocationDialog(program, user=self.session.username, today=self.session.today(), parent=self)
        if dialog.exec():
            self.show_allocations()

    def void_allocation(self) -> None:
        row = self.allocations.currentRow()
        if not 0 <= row < len(self.allocation_items) or self.allocation_items[row].voided:
            return
        dialog = VoidAllocationDialog(self.allocation_items[row], user=self.session.username, parent=self)
        if dialog.exec():
            self.show_allocations()

    def new_standard(self) -> None:
        program = self.current()
        if program is None:
            return
        dialog = StandardDialog(program, user=self.session.username, today=self.session.today(), parent=self)
        if dialog.exec():
            self.refresh()

    def edit_program(self, program: ProgramView | None) -> None:
        dialog = ProgramDialog(user=self.session.username, program=program, parent=self)
        if dialog.exec():
            self.items = programs()
            self.refresh()
            ids = [p.id for p in self.items]
            if dialog.program_id in ids:
                self.programs.selectRow(ids.index(dialog.program_id))
