"""审计日志: the log with filters, one entry in full, any record's history, and the check
of the whole chain and of today's records against it. Numbers are masked."""

from __future__ import annotations

import threading
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from suining_desk.domain.messages import describe
from suining_desk.services import audit_query as aq
from suining_desk.services.audit_query import VerifyReport, action_label, report_problems, table_label, verify_log

from ..dates import from_qdate
from ..models.paged_table import PagedTableModel, TableSpec
from ..session import Session
from ..tasks import ProgressFn, run_with_progress, show_error
from ..widgets.date_edits import date_edit


class Col(IntEnum):
    SEQ = 0
    AT = 1
    USER = 2
    ACTION = 3
    RECORD = 4
    SUMMARY = 5


HEADERS = {
    Col.SEQ: QT_TRANSLATE_NOOP("AuditPage", "序号"), Col.AT: QT_TRANSLATE_NOOP("AuditPage", "时间"),
    Col.USER: QT_TRANSLATE_NOOP("AuditPage", "用户"), Col.ACTION: QT_TRANSLATE_NOOP("AuditPage", "操作"),
    Col.RECORD: QT_TRANSLATE_NOOP("AuditPage", "记录"), Col.SUMMARY: QT_TRANSLATE_NOOP("AuditPage", "内容"),
}


def _record(r: aq.LogRow) -> str:
    return f"{r.table_label} {r.record_id}".strip() if r.table else ""


SPEC: TableSpec[aq.LogRow, aq.LogFilter] = TableSpec(
    columns=Col, headers=HEADERS, context="AuditPage",
    display={Col.SEQ: lambda r: r.seq, Col.AT: lambda r: r.at, Col.USER: lambda r: r.user_name or r.username,
             Col.ACTION: lambda r: r.action_label, Col.RECORD: _record, Col.SUMMARY: lambda r: r.summary},
    ids=lambda f, _sort, descending: aq.entry_seqs(f, descending=not descending),
    rows=aq.rows_by_seq, right_aligned=frozenset({Col.SEQ}), widths=(60, 150, 80, 130, 120, 400),
)


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox(objectName=name)
    box.addItem(QCoreApplication.translate("AuditPage", "全部"), "")
    for label, data in items:
        box.addItem(label, data)
    return box


def _who(r: aq.LogRow) -> str:
    return r.user_name if r.user_name in (r.username, "系统") else f"{r.user_name}（{r.username}）"


class AuditPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_page")
        self.session = session
        self.user = _combo("audit_user", [])
        # users are listed by full name and login (王建国（admin）): the box keeps a fixed width on a small screen
        self.user.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.user.setMinimumContentsLength(8)
        self.action = _combo("audit_action", [])
        self.table_box = _combo("audit_table", [(table_label(t), t) for t in aq.audited_tables()])
        self.record = QLineEdit(objectName="audit_record")
        self.record.setPlaceholderText(self.tr("记录编号"))
        self.use_dates = QCheckBox(self.tr("日期"), objectName="audit_use_dates")
        self.since = date_edit("audit_since", from_qdate(QDate.currentDate().addMonths(-1)), minimum=None)
        self.until = date_edit("audit_until", from_qdate(QDate.currentDate()), minimum=None)
        self.count_label = QLabel(objectName="audit_count")
        self.history_button = QPushButton(self.tr("该记录的全部历史"), objectName="audit_history")
        self.verify_button = QPushButton(self.tr("核验审计日志"), objectName="audit_verify")
        self.verify_result = QLabel(objectName="audit_verify_result")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: PagedTableModel[aq.LogRow, aq.LogFilter] = PagedTableModel(SPEC, aq.LogFilter(), self)
        self.view = QTableView(objectName="audit_table_view")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for column, width in enumerate(SPEC.widths):
            self.view.setColumnWidth(column, width)
        self.detail = QPlainTextEdit(objectName="audit_detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr(
            "选中上面的一条日志，这里显示它的全部内容：谁、什么时候、做了什么，改了哪些内容（改前 → 改后），"
            "以及这次写入的各条记录和日志的校验值。\n“该记录的全部历史”列出所选记录从建立起的每一次改动。"))
        self.history: list[aq.LogRow] = []
        self.error_box: QWidget | None = None

        filters = QHBoxLayout()
        for label, widget in ((self.tr("用户"), self.user), (self.tr("操作"), self.action),
                              (self.tr("记录类别"), self.table_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.record)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.until)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.history_button)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.verify_result, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(split, 1)

        for box in (self.user, self.action, self.table_box):
            box.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.record.editingFinished.connect(self.apply_filter)
        self.history_button.clicked.connect(self.show_history)
        self.verify_button.clicked.connect(self.run_verify)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _p: self.show_entry(current.row()))
        self.refresh()

    def refresh(self) -> None:
        users = aq.user_choices()
        actions = [(action_label(a), a) for a in aq.distinct_values("action")]
        for box, items in ((self.user, users), (self.action, actions)):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for label, value in items:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> aq.LogFilter:
        dates = self.use_dates.isChecked()
        return aq.LogFilter(
            username=str(self.user.currentData() or ""), action=str(self.action.currentData() or ""),
            table=str(self.table_box.currentData() or ""), record_id=self.record.text().strip(),
            since=from_qdate(self.since.date()) if dates else None,
            until=from_qdate(self.until.date()) if dates else None)

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self.count_label.setText(self.tr("共 {n} 条").format(n=self.model.rowCount()))
        self.detail.clear()

    def show_entry(self, row: int) -> None:
        if row < 0:
            self.detail.clear()
            return
        d = aq.entry_detail(self.model.record_id(row))
        parts = [f"#{d.row.seq}  {d.row.at}  {_who(d.row)}  {d.row.action_label}  {_record(d.row)}"]
        if d.lines:
            parts += [self.tr("内容：")] + [f"  {line}" for line in d.lines]
        if d.rows:
            parts += [self.tr("写入的记录：")] + [f"  {line}" for line in aq.written_lines(d.rows)]
        if d.digests:
            parts.append(self.tr("批量写入：{n} 条记录（逐条校验值）").format(n=sum(int(x["rows"]) for x in d.digests)))
        parts.append(self.tr("校验值：{hash}（上一条：{prev}）").format(hash=d.hash, prev=d.prev_hash))
        self.detail.setPlainText("\n".join(parts))

    def show_history(self) -> None:
        """The selected entry's record (or the typed category and number): every entry."""
        table, rid = str(self.table_box.currentData() or ""), self.record.text().strip()
        rows = self.view.selectionModel().selectedRows()
        if rows and not (table and rid):
            value = self.model.row_value(rows[0].row())
            if value is not None:
                table, rid = value.table, value.record_id
        if not (table and rid):
            self.detail.setPlainText(self.tr("请先选中一条日志，或选择记录类别并填写记录编号。"))
            return
        self.history = aq.record_history(table, rid)
        lines = [self.tr("{table} {id} 的历史（{n} 条）：").format(
            table=table_label(table), id=rid, n=len(self.history))]
        lines += [f"#{r.seq}  {r.at}  {_who(r)}  {r.action_label}  {r.summary}" for r in self.history]
        self.detail.setPlainText("\n".join(lines))

    def run_verify(self) -> None:
        """The whole check on a worker thread (about 10 s at county scale), with progress
        and 取消; the page stays responsive and nothing is written."""
        self.verify_button.setEnabled(False)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(self.tr("正在核验……"))

        def work(progress: ProgressFn, cancel: threading.Event) -> VerifyReport:
            return verify_log(progress, cancel)

        def failed(exc: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.verify_result.setText("")
            self.error_box = show_error(self, self.tr("核验审计日志"), exc)

        run_with_progress(self, self.tr("核验审计日志"), work, self.show_verify, on_error=failed,
                          on_cancel=self.verify_cancelled)

    def verify_cancelled(self) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setText(self.tr("已取消核验。"))

    def show_verify(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        if report.ok:
            anchors = self.tr("，与{k}个备份时记下的锚点一致").format(k=report.anchors_checked) \
                if report.anchors_checked else ""
            self.verify_result.setStyleSheet("color: #1e8449;")
            self.verify_result.setText(self.tr("审计日志共{n}条，日志链完整{anchors}；核对了{rows}条记录，都与日志一致。").format(
                n=report.entries, anchors=anchors, rows=report.rows_checked))
        else:
            self.verify_result.setStyleSheet("color: #c0392b;")
            self.verify_result.setText("\n".join(describe(p) for p in report_problems(report, limit=5)))
