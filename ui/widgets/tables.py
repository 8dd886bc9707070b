"""Small read-only tables of a few rows (a household's members, a record's history, the
settlement sites): a plain QTableWidget is right for these. Data that grows is a
QAbstractTableModel over paged SQL instead (ui/models)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


def fill_table(table: QTableWidget, rows: list[list[str]]) -> None:
    """The rows as read-only text (a few rows: members, a record's history, the sites)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def read_only_table(headers: tuple[str, ...], name: str) -> QTableWidget:
    """A small table of whole rows, one selected at a time (:func:`fill_table` fills it)."""
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table
