"""Batches, enrolments and batch lines as tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from suining_desk.domain.enums import BATCH_STATUS
from suining_desk.domain.money import format_fen
from suining_desk.domain.periods import period_words
from suining_desk.services.batch_query import BatchColumn, BatchFilter, BatchLine, BatchRow, batch_ids, batch_rows
from suining_desk.services.enrolment_query import (
    EnrolmentColumn,
    EnrolmentFilter,
    EnrolmentRow,
    enrolment_ids,
    enrolment_rows,
)

from ..dates import day_text
from .paged_table import ID_ROLE, RAW_SORT_ROLE, RIGHT, TableSpec

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
CONTEXT = "MoneyTables"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


BC = BatchColumn
BATCH_KINDS = {"one_off": QT_TRANSLATE_NOOP("MoneyTables", "一次性"),
               "reissue": QT_TRANSLATE_NOOP("MoneyTables", "重新发放")}


def _program_and_kind(r: BatchRow) -> str:
    """``低保`` for a monthly batch, ``低保（重新发放）`` for a batch of re-issues."""
    kind = BATCH_KINDS.get(r.kind)
    return r.program if kind is None else QCoreApplication.translate("MoneyTables", "{program}（{kind}）").format(
        program=r.program, kind=_tr(str(kind)))


BATCH_SPEC: TableSpec[BatchRow, BatchFilter] = TableSpec(
    columns=BatchColumn,
    headers={
        BC.BATCH_NO: QT_TRANSLATE_NOOP("MoneyTables", "批次号"),
        BC.PROGRAM: QT_TRANSLATE_NOOP("MoneyTables", "项目"),
        BC.PERIOD: QT_TRANSLATE_NOOP("MoneyTables", "期间"),
        BC.AREA: QT_TRANSLATE_NOOP("MoneyTables", "区域"),
        BC.STATUS: QT_TRANSLATE_NOOP("MoneyTables", "状态"),
        BC.LINES: QT_TRANSLATE_NOOP("MoneyTables", "笔数"),
        BC.TOTAL: QT_TRANSLATE_NOOP("MoneyTables", "金额(元)"),
        BC.CREATED_BY: QT_TRANSLATE_NOOP("MoneyTables", "录入"),
        BC.APPROVED_BY: QT_TRANSLATE_NOOP("MoneyTables", "审核"),
        BC.PAID_DATE: QT_TRANSLATE_NOOP("MoneyTables", "发放日期"),
    },
    display={
        BC.BATCH_NO: lambda r: r.batch_no, BC.PROGRAM: _program_and_kind,
        BC.PERIOD: lambda r: period_words(r.period), BC.AREA: lambda r: r.area,
        BC.STATUS: lambda r: BATCH_STATUS.get(r.status, r.status), BC.LINES: lambda r: r.lines,
        BC.TOTAL: lambda r: format_fen(r.total_fen), BC.CREATED_BY: lambda r: r.created_by,
        BC.APPROVED_BY: lambda r: r.approved_by, BC.PAID_DATE: lambda r: day_text(r.paid_date),
    },
    raw={BC.TOTAL: lambda r: r.total_fen, BC.PERIOD: lambda r: r.period, BC.STATUS: lambda r: r.status},
    ids=batch_ids,
    rows=batch_rows,
    right_aligned=frozenset({BC.LINES, BC.TOTAL}),
    context="MoneyTables",
)

EC = EnrolmentColumn
ENROLMENT_SPEC: TableSpec[EnrolmentRow, EnrolmentFilter] = TableSpec(
    columns=EnrolmentColumn,
    headers={
        EC.PROGRAM: QT_TRANSLATE_NOOP("MoneyTables", "项目"),
        EC.HOUSEHOLD_NO: QT_TRANSLATE_NOOP("MoneyTables", "户编号"),
        EC.VILLAGE: QT_TRANSLATE_NOOP("MoneyTables", "村"),
        EC.HEAD: QT_TRANSLATE_NOOP("MoneyTables", "户主"),
        EC.PERSON: QT_TRANSLATE_NOOP("MoneyTables", "享受人员"),
        EC.CATEGORY: QT_TRANSLATE_NOOP("MoneyTables", "类别"),
        EC.PEOPLE: QT_TRANSLATE_NOOP("MoneyTables", "人数"),
        EC.START: QT_TRANSLATE_NOOP("MoneyTables", "开始日期"),
        EC.END: QT_TRANSLATE_NOOP("MoneyTables", "终止日期"),
        EC.END_REASON: QT_TRANSLATE_NOOP("MoneyTables", "终止原因"),
    },
    display={
        EC.PROGRAM: lambda r: r.program, EC.HOUSEHOLD_NO: lambda r: r.household_no, EC.VILLAGE: lambda r: r.village,
        EC.HEAD: lambda r: r.head_name,
        EC.PERSON: lambda r: r.person_name or QCoreApplication.translate("MoneyTables", "（全户）"),
        EC.CATEGORY: lambda r: r.category, EC.PEOPLE: lambda r: r.people, EC.START: lambda r: day_text(r.start_date),
        EC.END: lambda r: day_text(r.end_date), EC.END_REASON: lambda r: r.end_reason,
    },
    ids=enrolment_ids,
    rows=enrolment_rows,
    right_aligned=frozenset({EC.PEOPLE}),
    context="MoneyTables",
)


class ListModel(QAbstractTableModel, Generic[T]):
    """A short list held in memory (a batch's lines, a preview), shown read-only."""

    def __init__(self, headers: Sequence[str], cells: Sequence[Callable[[T], Any]],
                 raw: dict[int, Callable[[T], Any]] | None = None, right: frozenset[int] = frozenset(),
                 ids: Callable[[T], int] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers, self.cells, self.raw, self.right, self.ids = list(headers), list(cells), raw or {}, right, ids
        self.items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.column()](item)
        if role == RAW_SORT_ROLE:
            return self.raw.get(index.column(), self.cells[index.column()])(item)
        if role == ID_ROLE and self.ids is not None:
            return self.ids(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return RIGHT
        return None


OUTCOMES = {"paid": QT_TRANSLATE_NOOP("MoneyTables", "成功"), "failed": QT_TRANSLATE_NOOP("MoneyTables", "失败")}


def bank_result(line: BatchLine) -> str:
    """失败：户名不符（2018-10-12）: the bank's latest word, its reason and its date."""
    if line.outcome not in OUTCOMES:
        return ""
    text = _tr(str(OUTCOMES[line.outcome])) + (f"：{line.outcome_note}" if line.outcome_note else "")
    return f"{text}（{line.outcome_date.isoformat()}）" if line.outcome_date is not None else text


def line_note(line: BatchLine) -> str:
    if line.reverses_id is not None:
        return QCoreApplication.translate("MoneyTables", "冲销记录 {id}").format(id=line.reverses_id)
    if line.reissue_of_id is not None:
        return QCoreApplication.translate("MoneyTables", "重新发放（原记录 {id}）").format(id=line.reissue_of_id)
    if line.reversed:
        return QCoreApplication.translate("MoneyTables", "已冲销") + (f"；{line.reason}" if line.reason else "")
    return line.reason


def lines_model(parent: Any = None) -> ListModel[BatchLine]:
    headers = [_tr(str(h)) for h in (
        QT_TRANSLATE_NOOP("MoneyTables", "明细号"), QT_TRANSLATE_NOOP("MoneyTables", "户编号"),
        QT_TRANSLATE_NOOP("MoneyTables", "村"), QT_TRANSLATE_NOOP("MoneyTables", "享受人"),
        QT_TRANSLATE_NOOP("MoneyTables", "领款人"), QT_TRANSLATE_NOOP("MoneyTables", "类别"),
        QT_TRANSLATE_NOOP("MoneyTables", "人数"), QT_TRANSLATE_NOOP("MoneyTables", "标准(元)"),
        QT_TRANSLATE_NOOP("MoneyTables", "金额(元)"), QT_TRANSLATE_NOOP("MoneyTables", "账号"),
        QT_TRANSLATE_NOOP("MoneyTables", "银行结果"), QT_TRANSLATE_NOOP("MoneyTables", "备注"),
    )]
    cells: list[Callable[[BatchLine], Any]] = [
        lambda ln: ln.id, lambda ln: ln.household_no, lambda ln: ln.village, lambda ln: ln.beneficiary,
        lambda ln: ln.payee_name, lambda ln: ln.category, lambda ln: ln.people,
        lambda ln: format_fen(ln.standard_fen), lambda ln: format_fen(ln.amount_fen), lambda ln: ln.bank_account,
        bank_result, line_note,
    ]
    return ListModel(headers, cells, raw={7: lambda ln: ln.standard_fen, 8: lambda ln: ln.amount_fen},
                     right=frozenset({6, 7, 8}), ids=lambda ln: ln.id, parent=parent)
