"""Households as a lazy table (the shared :class:`PagedTableModel` over the core's query)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from suining_desk.domain.enums import HOUSEHOLD_STATUS
from suining_desk.services.household_query import (
    HouseholdColumn,
    HouseholdFilter,
    HouseholdRow,
    household_ids,
    household_rows,
)

from .paged_table import PagedTableModel, TableSpec

HEADERS = {
    HouseholdColumn.HOUSEHOLD_NO: QT_TRANSLATE_NOOP("HouseholdTableModel", "户编号"),
    HouseholdColumn.VILLAGE: QT_TRANSLATE_NOOP("HouseholdTableModel", "行政村"),
    HouseholdColumn.GROUP: QT_TRANSLATE_NOOP("HouseholdTableModel", "村民小组"),
    HouseholdColumn.HEAD: QT_TRANSLATE_NOOP("HouseholdTableModel", "户主"),
    HouseholdColumn.ID_NUMBER: QT_TRANSLATE_NOOP("HouseholdTableModel", "户主身份证号"),
    HouseholdColumn.MEMBERS: QT_TRANSLATE_NOOP("HouseholdTableModel", "人数"),
    HouseholdColumn.STATUS: QT_TRANSLATE_NOOP("HouseholdTableModel", "户状态"),
    HouseholdColumn.CAUSES: QT_TRANSLATE_NOOP("HouseholdTableModel", "致贫原因"),
    HouseholdColumn.AID: QT_TRANSLATE_NOOP("HouseholdTableModel", "低保/特困"),
    HouseholdColumn.PHONE: QT_TRANSLATE_NOOP("HouseholdTableModel", "联系电话"),
}


def _aid_text(row: HouseholdRow) -> str:
    labels = ((row.dibao, QCoreApplication.translate("HouseholdTableModel", "低保")),
              (row.tekun, QCoreApplication.translate("HouseholdTableModel", "特困")))
    return "、".join(label for flag, label in labels if flag)


def _causes_text(row: HouseholdRow) -> str:
    return "、".join(c for c in [row.main_cause, *row.other_causes.split("、")] if c)


_DISPLAY = {
    HouseholdColumn.HOUSEHOLD_NO: lambda r: r.household_no,
    HouseholdColumn.VILLAGE: lambda r: r.village,
    HouseholdColumn.GROUP: lambda r: r.group,
    HouseholdColumn.HEAD: lambda r: r.head_name,
    HouseholdColumn.ID_NUMBER: lambda r: r.head_id_number,
    HouseholdColumn.MEMBERS: lambda r: r.member_count,
    HouseholdColumn.STATUS: lambda r: HOUSEHOLD_STATUS.get(r.status, r.status),
    HouseholdColumn.CAUSES: _causes_text,
    HouseholdColumn.AID: _aid_text,
    HouseholdColumn.PHONE: lambda r: r.phone,
}

_RAW = {
    **_DISPLAY,
    HouseholdColumn.STATUS: lambda r: r.status,
    HouseholdColumn.AID: lambda r: (r.dibao, r.tekun),
}

SPEC: TableSpec[HouseholdRow, HouseholdFilter] = TableSpec(
    columns=HouseholdColumn, headers=HEADERS, display=_DISPLAY, raw=_RAW, ids=household_ids,
    rows=household_rows, right_aligned=frozenset({HouseholdColumn.MEMBERS}), context="HouseholdTableModel",
    widths=(150, 80, 70, 70, 160, 45, 80, 150, 80, 110),
)


class HouseholdTableModel(PagedTableModel[HouseholdRow, HouseholdFilter]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(SPEC, HouseholdFilter(), parent)

    def household_id(self, row: int) -> int:
        return self.record_id(row)
