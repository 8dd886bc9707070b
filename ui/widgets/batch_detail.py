"""One batch below the batches list: its summary, the buttons of the steps it may take,
its lines, the beneficiaries left out (drafts) and its history."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.enums import BATCH_STATUS, BatchStatus
from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import period_words
from suining_desk.services.batch_query import BatchLine, BatchRow, HistoryLine

from ..models.exclusions import exclusions_model
from ..models.money_tables import lines_model
from ..models.paged_table import ID_ROLE, RAW_SORT_ROLE
from ..session import Session

BUTTONS = (  # key, label, row
    ("submit", QT_TRANSLATE_NOOP("BatchDetailView", "提交审核"), 0),
    ("return", QT_TRANSLATE_NOOP("BatchDetailView", "退回修改"), 0),
    ("approve", QT_TRANSLATE_NOOP("BatchDetailView", "审核通过"), 0),
    ("post", QT_TRANSLATE_NOOP("BatchDetailView", "发放过账…"), 0),
    ("delete", QT_TRANSLATE_NOOP("BatchDetailView", "删除草稿"), 0),
    ("export", QT_TRANSLATE_NOOP("BatchDetailView", "导出银行文件…"), 0),
    ("import", QT_TRANSLATE_NOOP("BatchDetailView", "导入银行回盘…"), 0),
    ("add_line", QT_TRANSLATE_NOOP("BatchDetailView", "登记一笔…"), 1),
    ("adjust", QT_TRANSLATE_NOOP("BatchDetailView", "调整金额…"), 1),
    ("remove_line", QT_TRANSLATE_NOOP("BatchDetailView", "删除明细…"), 1),
    ("reverse", QT_TRANSLATE_NOOP("BatchDetailView", "冲销…"), 1),
    ("reissue", QT_TRANSLATE_NOOP("BatchDetailView", "重新发放…"), 1),
    ("exclusions", QT_TRANSLATE_NOOP("BatchDetailView", "查看未列入对象"), 1),
)


class BatchDetailView(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.batch: BatchRow | None = None
        self.lines: list[BatchLine] = []
        self.summary = QLabel(objectName="batch_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        columns = [0, 0]
        for key, label, row in BUTTONS:
            button = QPushButton(self.tr(str(label)), objectName=f"{key}_button")
            self.buttons[key] = button
            grid.addWidget(button, row, columns[row])
            columns[row] += 1
        self.line_model = lines_model(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.line_model)
        proxy.setSortRole(RAW_SORT_ROLE)
        self.line_table = QTableView(objectName="batch_lines")
        self.line_table.setModel(proxy)
        self.line_table.setSortingEnabled(True)
        self.line_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.line_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.line_table.verticalHeader().setDefaultSectionSize(22)
        self.line_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((60, 140, 70, 70, 70, 45, 45, 75, 90, 160, 230)):  # 银行结果: reason and date
            self.line_table.setColumnWidth(column, width)
        self.line_table.horizontalHeader().setStretchLastSection(True)
        self.exclusion_model = exclusions_model(self)
        self.exclusion_table = QTableView(objectName="batch_exclusions")
        self.exclusion_table.setModel(self.exclusion_model)
        self.exclusion_table.horizontalHeader().setStretchLastSection(True)
        self.exclusion_table.setColumnWidth(0, 160)
        self.history = QTableWidget(0, 4, objectName="batch_history")
        self.history.setHorizontalHeaderLabels([self.tr("时间"), self.tr("经办人"), self.tr("操作"), self.tr("说明")])
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget(objectName="batch_tabs")
        self.tabs.addTab(self.line_table, self.tr("发放明细"))
        self.tabs.addTab(self.exclusion_table, self.tr("未列入对象"))
        self.tabs.addTab(self.history, self.tr("流程记录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(grid)
        layout.addWidget(self.tabs, 1)
        self.line_table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.show_batch(None, [], [])

    # --- what the page shows ---
    def show_batch(self, batch: BatchRow | None, lines: list[BatchLine], history: list[HistoryLine]) -> None:
        self.batch, self.lines = batch, lines
        self.line_model.set_items(lines)
        self.exclusion_model.set_items([])
        self.history.setRowCount(len(history))
        for r, h in enumerate(history):
            for c, text in enumerate((h.at, h.user, h.action, h.detail)):
                self.history.setItem(r, c, QTableWidgetItem(text))
        if batch is None:
            self.summary.setText(self.tr("在上方列表中选择一个批次。"))
        else:
            self.summary.setText(self.tr(
                "<b>{no}</b>　{program}　{period}　{area}　<b>{status}</b><br>"
                "{lines} 笔，合计 <b>{total}</b> 元　录入：{created}　审核：{approved}　发放：{posted}"
                "　发放日期：{paid}"
            ).format(no=batch.batch_no, program=batch.program, period=period_words(batch.period), area=batch.area,
                     status=BATCH_STATUS.get(batch.status, batch.status), lines=batch.lines,
                     total=format_fen(batch.total_fen), created=batch.created_by, approved=batch.approved_by or "—",
                     posted=batch.posted_by or "—", paid=batch.paid_date or "—"))
        self.update_buttons()

    def selected_line(self) -> BatchLine | None:
        index = self.line_table.currentIndex()
        if not index.isValid() or not self.line_table.selectionModel().hasSelection():
            return None
        line_id = index.siblingAtColumn(0).data(ID_ROLE)
        return next((ln for ln in self.lines if ln.id == line_id), None)

    def select_line(self, line_id: int) -> None:
        model = self.line_table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ID_ROLE) == line_id:
                self.line_table.selectRow(row)
                return

    def update_buttons(self) -> None:
        b, s = self.batch, self.session
        status = b.status if b else ""
        line = self.selected_line()
        reviewer = s.at_least("reviewer")
        standing = line is not None and line.posted and line.amount_fen > 0 and not line.reversed \
            and line.reverses_id is None
        enabled = {
            "submit": status == BatchStatus.DRAFT and bool(b and b.lines),
            "return": status in (BatchStatus.SUBMITTED, BatchStatus.APPROVED) and reviewer,
            "approve": status == BatchStatus.SUBMITTED and reviewer and b is not None and b.created_by != s.username,
            "post": status == BatchStatus.APPROVED and reviewer,
            "delete": status == BatchStatus.DRAFT,
            "export": status == BatchStatus.POSTED,
            "import": status == BatchStatus.POSTED,
            "add_line": status == BatchStatus.DRAFT and b is not None and b.kind == "one_off",
            "adjust": status == BatchStatus.DRAFT and line is not None,
            "remove_line": status == BatchStatus.DRAFT and line is not None,
            "reverse": status == BatchStatus.POSTED and reviewer and standing,
            "reissue": (status == BatchStatus.POSTED and reviewer and standing and line is not None
                        and line.outcome == "failed"),
            # who was left out, and why: for the clerk and for the reviewer before approving
            "exclusions": status != BatchStatus.POSTED and b is not None and b.kind == "regular",
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])
        if b is not None and status == BatchStatus.SUBMITTED and b.created_by == s.username:
            self.buttons["approve"].setToolTip(self.tr("录入人不能审核自己录入的批次"))
        else:
            self.buttons["approve"].setToolTip("")
