"""The form that edits one bank profile: the list sent to the bank (代发文件) and the bank's
return file (回盘文件), each with its columns in a small table. What the form holds is read
back as the profile's TOML table and checked by the core (:func:`~suining_desk.exchange.
bank_profile.from_dict`), so the form says exactly what a profile file would be told."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from suining_desk.exchange.bank_profile import (
    AMOUNT_LABELS,
    ENCODING_LABELS,
    ENCODINGS,
    EXPORT_FIELDS,
    KIND_LABELS,
    RETURN_ENCODINGS,
    RETURN_FIELDS,
    TOTALS_LABELS,
    BankProfile,
    from_dict,
    to_dict,
)

SEPARATORS = {"|": QT_TRANSLATE_NOOP("BankProfileForm", "竖线 |"), ",": QT_TRANSLATE_NOOP("BankProfileForm", "逗号 ,"),
              "\t": QT_TRANSLATE_NOOP("BankProfileForm", "制表符"), ";": QT_TRANSLATE_NOOP("BankProfileForm", "分号 ;")}
LINE_ENDS = {"crlf": QT_TRANSLATE_NOOP("BankProfileForm", "Windows（CRLF）"),
             "lf": QT_TRANSLATE_NOOP("BankProfileForm", "Linux（LF）")}
ALIGNS = {"left": QT_TRANSLATE_NOOP("BankProfileForm", "靠左"), "right": QT_TRANSLATE_NOOP("BankProfileForm", "靠右")}
EXPORT_HEADERS = (QT_TRANSLATE_NOOP("BankProfileForm", "内容"), QT_TRANSLATE_NOOP("BankProfileForm", "列名"),
                  QT_TRANSLATE_NOOP("BankProfileForm", "宽度(字节)"), QT_TRANSLATE_NOOP("BankProfileForm", "对齐"),
                  QT_TRANSLATE_NOOP("BankProfileForm", "填充"), QT_TRANSLATE_NOOP("BankProfileForm", "固定文字"))
RETURN_HEADERS = (QT_TRANSLATE_NOOP("BankProfileForm", "内容"),
                  QT_TRANSLATE_NOOP("BankProfileForm", "表头上的列名（多个用、隔开）"),
                  QT_TRANSLATE_NOOP("BankProfileForm", "宽度(字节)"))


def _combo(name: str, items: Mapping[str, object], translate: bool = False) -> QComboBox:
    """A choice of keys shown by their labels (the core's Chinese, or this form's, translated)."""
    box = QComboBox(objectName=name)
    for key, label in items.items():
        box.addItem(QCoreApplication.translate("BankProfileForm", str(label)) if translate else str(label), key)
    return box


def _set(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace("，", "、").replace(",", "、").split("、") if w.strip()]


class ColumnsTable(QTableWidget):
    """A profile's columns in order: a field chosen from a list, then free cells."""

    def __init__(self, name: str, headers: tuple[object, ...], fields: dict[str, str]) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.fields = fields
        self.setHorizontalHeaderLabels([QCoreApplication.translate("BankProfileForm", str(h)) for h in headers])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setStretchLastSection(True)

    def add_row(self, field: str, cells: list[str], at: int | None = None) -> None:
        row = self.rowCount() if at is None else at
        self.insertRow(row)
        box = _combo(f"{self.objectName()}_field_{row}", self.fields)
        _set(box, field)
        self.setCellWidget(row, 0, box)
        for column, text in enumerate(cells, start=1):
            self.setItem(row, column, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, list[str]]]:
        out = []
        for row in range(self.rowCount()):
            box = self.cellWidget(row, 0)
            field = box.currentData() if isinstance(box, QComboBox) else "skip"
            cells = [self._text(row, c) for c in range(1, self.columnCount())]
            out.append((str(field), cells))
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

    def set_rows(self, rows: list[tuple[str, list[str]]]) -> None:
        self.setRowCount(0)
        for field, cells in rows:
            self.add_row(field, cells)
        self.resizeColumnsToContents()

    def move_row(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.rowCount():
            return
        rows = self.rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.selectRow(target)

    def remove_current(self) -> None:
        if self.currentRow() >= 0:
            self.removeRow(self.currentRow())


def _table_with_buttons(table: ColumnsTable, changed: Any) -> QWidget:
    box = QWidget()
    buttons = QHBoxLayout()
    for text, name, action in ((QT_TRANSLATE_NOOP("BankProfileForm", "添加列"), "add", lambda: table.add_row(
            next(iter(table.fields)), [""] * (table.columnCount() - 1))),
            (QT_TRANSLATE_NOOP("BankProfileForm", "删除列"), "remove", table.remove_current),
            (QT_TRANSLATE_NOOP("BankProfileForm", "上移"), "up", lambda: table.move_row(-1)),
            (QT_TRANSLATE_NOOP("BankProfileForm", "下移"), "down", lambda: table.move_row(1))):
        button = QPushButton(QCoreApplication.translate("BankProfileForm", str(text)))
        button.setObjectName(f"{table.objectName()}_{name}")
        button.setAutoDefault(False)
        button.clicked.connect(action)
        button.clicked.connect(changed)
        buttons.addWidget(button)
    buttons.addStretch()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addLayout(buttons)
    return box


def _scrolled(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class BankProfileForm(QTabWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bank_profile_form")
        self.name = ""
        self.editable = False
        self.sheet_title = "代发清单"
        self.title_edit = QLineEdit(objectName="profile_title")
        self.note_edit = QLineEdit(objectName="profile_note")
        # the list sent to the bank
        self.e_kind = _combo("export_kind", KIND_LABELS)
        self.e_encoding = _combo("export_encoding", {k: ENCODING_LABELS[k] for k in ENCODINGS})
        self.e_separator = _combo("export_separator", SEPARATORS, translate=True)
        self.e_line_end = _combo("export_line_end", LINE_ENDS, translate=True)
        self.e_header_lines = QPlainTextEdit(objectName="export_header_lines")
        self.e_header_lines.setPlaceholderText(self.tr("每行一行，如：代发单位：{area}　批次：{batch_no}"))
        self.e_header_lines.setMaximumHeight(60)
        self.e_column_names = QCheckBox(self.tr("数据上方写一行列名"), objectName="export_column_names")
        self.e_totals = _combo("export_totals", TOTALS_LABELS)
        self.e_totals_line = QLineEdit(objectName="export_totals_line")
        self.e_totals_line.setPlaceholderText(self.tr("如：合计|{count}|{total}（{count}笔数，{total}金额）"))
        self.e_amount = _combo("export_amount", AMOUNT_LABELS)
        self.e_date_format = QLineEdit(objectName="export_date_format")
        self.e_columns = ColumnsTable("export_columns", EXPORT_HEADERS, EXPORT_FIELDS)
        # the return file
        self.r_kind = _combo("return_kind", KIND_LABELS)
        self.r_encoding = _combo("return_encoding", {k: ENCODING_LABELS[k] for k in RETURN_ENCODINGS})
        self.r_separator = _combo("return_separator", SEPARATORS, translate=True)
        self.r_skip = QSpinBox(objectName="return_skip_lines")
        self.r_skip.setRange(0, 50)
        self.r_column_names = QCheckBox(self.tr("数据上方有一行列名"), objectName="return_column_names")
        self.r_totals = _combo("return_totals", TOTALS_LABELS)
        self.r_totals_line = QLineEdit(objectName="return_totals_line")
        self.r_amount = _combo("return_amount", AMOUNT_LABELS)
        self.r_date_format = QLineEdit(objectName="return_date_format")
        self.r_paid = QLineEdit(objectName="return_paid")
        self.r_failed = QLineEdit(objectName="return_failed")
        self.r_pending = QLineEdit(objectName="return_pending")
        for edit in (self.r_paid, self.r_failed, self.r_pending):
            edit.setPlaceholderText(self.tr("多个用、隔开；成功和失败都不填时按软件内置的判断"))
        self.r_columns = ColumnsTable("return_columns", RETURN_HEADERS, RETURN_FIELDS)

        export = QWidget()
        form = QFormLayout(export)
        form.addRow(self.tr("名称(&T)："), self.title_edit)
        form.addRow(self.tr("说明："), self.note_edit)
        form.addRow(self.tr("文件类型(&K)："), self.e_kind)
        form.addRow(self.tr("编码："), self.e_encoding)
        form.addRow(self.tr("分隔符："), self.e_separator)
        form.addRow(self.tr("换行："), self.e_line_end)
        form.addRow(self.tr("表头上方的行："), self.e_header_lines)
        form.addRow("", self.e_column_names)
        form.addRow(self.tr("合计行："), self.e_totals)
        form.addRow(self.tr("合计行内容："), self.e_totals_line)
        form.addRow(self.tr("金额："), self.e_amount)
        form.addRow(self.tr("日期格式："), self.e_date_format)
        form.addRow(self.tr("各列（按顺序）："), _table_with_buttons(self.e_columns, self._changed))
        returns = QWidget()
        form = QFormLayout(returns)
        form.addRow(self.tr("文件类型："), self.r_kind)
        form.addRow(self.tr("编码："), self.r_encoding)
        form.addRow(self.tr("分隔符："), self.r_separator)
        form.addRow(self.tr("开头跳过的行数："), self.r_skip)
        form.addRow("", self.r_column_names)
        form.addRow(self.tr("合计行："), self.r_totals)
        form.addRow(self.tr("合计行内容："), self.r_totals_line)
        form.addRow(self.tr("金额："), self.r_amount)
        form.addRow(self.tr("日期格式："), self.r_date_format)
        form.addRow(self.tr("表示成功的状态："), self.r_paid)
        form.addRow(self.tr("表示失败的状态："), self.r_failed)
        form.addRow(self.tr("处理中（不登记）："), self.r_pending)
        form.addRow(self.tr("各列："), _table_with_buttons(self.r_columns, self._changed))
        self.addTab(_scrolled(export), self.tr("代发文件(&E)"))  # a small screen scrolls the form
        self.addTab(_scrolled(returns), self.tr("回盘文件(&R)"))
        for widget in self.findChildren(QLineEdit):
            widget.textEdited.connect(self._changed)
        for box in self.findChildren(QComboBox):
            box.currentIndexChanged.connect(self._changed)
        for check in (self.e_column_names, self.r_column_names):
            check.toggled.connect(self._changed)
        self.r_skip.valueChanged.connect(self._changed)
        self.e_header_lines.textChanged.connect(self._changed)
        for table in (self.e_columns, self.r_columns):
            table.itemChanged.connect(self._changed)
        self._loading = False

    def _changed(self, *_: object) -> None:
        if not getattr(self, "_loading", True):
            self._sync_enabled()
            self.changed.emit()

    def _sync_enabled(self) -> None:
        """Only what the chosen kinds use can be changed (a separator for delimited text …)."""
        if not self.editable:
            return
        for kind, encoding, separator, extra in (
                (self.e_kind, self.e_encoding, self.e_separator, (self.e_line_end,)),
                (self.r_kind, self.r_encoding, self.r_separator, (self.r_skip,))):
            text = kind.currentData() != "xlsx"
            encoding.setEnabled(text)
            separator.setEnabled(kind.currentData() == "delimited")
            for widget in extra:
                widget.setEnabled(text)
        self.e_totals_line.setReadOnly(self.e_totals.currentData() == "none")
        self.r_totals_line.setReadOnly(self.r_totals.currentData() == "none")

    def set_profile(self, profile: BankProfile, *, editable: bool) -> None:
        self._loading = True
        try:
            self.name = profile.name
            self.sheet_title = profile.export.sheet_title  # not on the form: kept as it was
            data = to_dict(profile)
            e, r = data["export"], data["return"]
            self.title_edit.setText(profile.title)
            self.note_edit.setText(profile.note)
            for box, value in ((self.e_kind, e["kind"]), (self.e_encoding, e["encoding"]),
                               (self.e_separator, e["separator"]), (self.e_line_end, e["line_end"]),
                               (self.e_totals, e["totals"]), (self.e_amount, e["amount"]),
                               (self.r_kind, r["kind"]), (self.r_encoding, r["encoding"]),
                               (self.r_separator, r["separator"]), (self.r_totals, r["totals"]),
                               (self.r_amount, r["amount"])):
                _set(box, value)
            self.e_header_lines.setPlainText("\n".join(e["header_lines"]))
            self.e_column_names.setChecked(e["column_names"])
            self.e_totals_line.setText(e["totals_line"])
            self.e_date_format.setText(e["date_format"])
            self.e_columns.set_rows([(c.field, [c.title, str(c.width or ""), self.tr(str(ALIGNS[c.align])),
                                                c.fill, c.text])
                                     for c in profile.export.columns])
            self.r_skip.setValue(r["skip_lines"])
            self.r_column_names.setChecked(r["column_names"])
            self.r_totals_line.setText(r["totals_line"])
            self.r_date_format.setText(r["date_format"])
            self.r_paid.setText("、".join(r["paid"]))
            self.r_failed.setText("、".join(r["failed"]))
            self.r_pending.setText("、".join(r["pending"]))
            self.r_columns.set_rows([(c.field, ["、".join(c.titles), str(c.width or "")])
                                     for c in profile.returns.columns])
        finally:
            self._loading = False
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(not editable)
            elif isinstance(widget, QComboBox | QCheckBox | QSpinBox | QPushButton):
                widget.setEnabled(editable)
        for table in (self.e_columns, self.r_columns):
            table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                                  else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.editable = editable
        self._sync_enabled()

    def data(self) -> dict[str, Any]:
        """What the form holds, as a profile's TOML table."""
        def number(text: str) -> int | str:
            return int(text) if text.strip().isdigit() else (text.strip() or 0)  # a word: the core says what is wrong

        aligns = {self.tr(str(v)): k for k, v in ALIGNS.items()} | {str(v): k for k, v in ALIGNS.items()}
        export_columns = [{"field": field, "title": title, "width": number(width),
                           "align": aligns.get(align.strip(), align.strip() or "left"), "fill": fill or " ",
                           "text": text}
                          for field, (title, width, align, fill, text) in self.e_columns.rows()]
        return_columns = [{"field": field, "titles": _words(titles), "width": number(width)}
                          for field, (titles, width) in self.r_columns.rows()]
        return {
            "title": self.title_edit.text().strip(), "note": self.note_edit.text().strip(),
            "export": {"kind": self.e_kind.currentData(), "encoding": self.e_encoding.currentData(),
                       "separator": self.e_separator.currentData(), "line_end": self.e_line_end.currentData(),
                       "header_lines": [ln for ln in self.e_header_lines.toPlainText().splitlines() if ln.strip()],
                       "column_names": self.e_column_names.isChecked(), "totals": self.e_totals.currentData(),
                       "totals_line": self.e_totals_line.text().strip(), "amount": self.e_amount.currentData(),
                       "date_format": self.e_date_format.text().strip(), "sheet_title": self.sheet_title,
                       "columns": export_columns},
            "return": {"kind": self.r_kind.currentData(), "encoding": self.r_encoding.currentData(),
                       "separator": self.r_separator.currentData(), "skip_lines": self.r_skip.value(),
                       "column_names": self.r_column_names.isChecked(), "totals": self.r_totals.currentData(),
                       "totals_line": self.r_totals_line.text().strip(), "amount": self.r_amount.currentData(),
                       "date_format": self.r_date_format.text().strip(), "paid": _words(self.r_paid.text()),
                       "failed": _words(self.r_failed.text()), "pending": _words(self.r_pending.text()),
                       "columns": return_columns},
        }

    def profile(self, name: str | None = None) -> BankProfile:
        """The profile the form describes, checked (:class:`InvalidInput` says what is wrong)."""
        return from_dict(name or self.name, self.data(), source=self.title_edit.text().strip() or self.name)
