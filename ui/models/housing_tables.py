"""Relocations and renovations as tables: how each column shows a row and sorts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from suining_desk.domain.enums import (
    RELOCATION_STATUS,
    RENOVATION_BUILD_MODES,
    RENOVATION_GRADES,
    RENOVATION_STATUS,
    SETTLEMENT_MODES,
)
from suining_desk.domain.money import format_fen
from suining_desk.rules.housing import m2
from suining_desk.services.relocation_query import (
    RelocationColumn,
    RelocationFilter,
    RelocationRow,
    relocation_ids,
    relocation_rows,
)
from suining_desk.services.renovation_query import (
    RenovationColumn,
    RenovationFilter,
    RenovationRow,
    renovation_ids,
    renovation_rows,
)

from ..dates import day_text
from .paged_table import PagedTableModel, TableSpec


def _household_no(number: str) -> str:
    return QCoreApplication.translate("HousingTables", "户编号 {no}").format(no=number)


RC = RelocationColumn
RELOCATION_SPEC: TableSpec[RelocationRow, RelocationFilter] = TableSpec(
    columns=RelocationColumn,
    headers={
        RC.BATCH_YEAR: QT_TRANSLATE_NOOP("HousingTables", "批次"),
        RC.TOWNSHIP: QT_TRANSLATE_NOOP("HousingTables", "乡镇"),
        RC.VILLAGE: QT_TRANSLATE_NOOP("HousingTables", "村"),
        RC.HEAD: QT_TRANSLATE_NOOP("HousingTables", "户主姓名"),
        RC.ID_NUMBER: QT_TRANSLATE_NOOP("HousingTables", "身份证号"),
        RC.PEOPLE: QT_TRANSLATE_NOOP("HousingTables", "搬迁人口"),
        RC.MODE: QT_TRANSLATE_NOOP("HousingTables", "安置方式"),
        RC.SITE: QT_TRANSLATE_NOOP("HousingTables", "安置点"),
        RC.AREA: QT_TRANSLATE_NOOP("HousingTables", "安置房面积(㎡)"),
        RC.SUBSIDY: QT_TRANSLATE_NOOP("HousingTables", "补助金额(元)"),
        RC.SELF_RAISED: QT_TRANSLATE_NOOP("HousingTables", "自筹(元)"),
        RC.MOVED_IN: QT_TRANSLATE_NOOP("HousingTables", "入住日期"),
        RC.DEMOLISHED: QT_TRANSLATE_NOOP("HousingTables", "旧房拆除"),
        RC.STATUS: QT_TRANSLATE_NOOP("HousingTables", "状态"),
        RC.FLAGS: QT_TRANSLATE_NOOP("HousingTables", "提示"),
    },
    display={
        RC.BATCH_YEAR: lambda r: r.batch_year, RC.TOWNSHIP: lambda r: r.township, RC.VILLAGE: lambda r: r.village,
        RC.HEAD: lambda r: r.head_name, RC.ID_NUMBER: lambda r: r.head_id_number, RC.PEOPLE: lambda r: r.people,
        RC.MODE: lambda r: SETTLEMENT_MODES.get(r.mode, r.mode), RC.SITE: lambda r: r.site,
        RC.AREA: lambda r: m2(r.house_area_x100), RC.SUBSIDY: lambda r: format_fen(r.subsidy_fen),
        RC.SELF_RAISED: lambda r: format_fen(r.self_raised_fen), RC.MOVED_IN: lambda r: day_text(r.moved_in_date),
        RC.DEMOLISHED: lambda r: day_text(r.demolished_date),
        RC.STATUS: lambda r: RELOCATION_STATUS.get(r.status, r.status),
        RC.FLAGS: lambda r: "；".join(r.flags),
    },
    raw={RC.MODE: lambda r: r.mode, RC.AREA: lambda r: r.house_area_x100, RC.SUBSIDY: lambda r: r.subsidy_fen,
         RC.SELF_RAISED: lambda r: r.self_raised_fen, RC.STATUS: lambda r: r.status, RC.FLAGS: lambda r: r.flags},
    ids=relocation_ids,
    rows=relocation_rows,
    right_aligned=frozenset({RC.PEOPLE, RC.AREA, RC.SUBSIDY, RC.SELF_RAISED}),
    tooltips={RC.HEAD: lambda r: _household_no(r.household_no)},
    context="HousingTables",
    widths=(50, 70, 70, 70, 160, 65, 75, 170, 95, 95, 80, 85, 85, 80, 120),
)

NC = RenovationColumn
RENOVATION_SPEC: TableSpec[RenovationRow, RenovationFilter] = TableSpec(
    columns=RenovationColumn,
    headers={
        NC.YEAR: QT_TRANSLATE_NOOP("HousingTables", "年度"),
        NC.TOWNSHIP: QT_TRANSLATE_NOOP("HousingTables", "乡镇"),
        NC.VILLAGE: QT_TRANSLATE_NOOP("HousingTables", "村"),
        NC.HEAD: QT_TRANSLATE_NOOP("HousingTables", "户主姓名"),
        NC.ID_NUMBER: QT_TRANSLATE_NOOP("HousingTables", "身份证号"),
        NC.MEMBERS: QT_TRANSLATE_NOOP("HousingTables", "家庭人口"),
        NC.BENEFICIARY: QT_TRANSLATE_NOOP("HousingTables", "户类型"),
        NC.GRADE: QT_TRANSLATE_NOOP("HousingTables", "危房等级"),
        NC.METHOD: QT_TRANSLATE_NOOP("HousingTables", "改造方式"),
        NC.BUILD_MODE: QT_TRANSLATE_NOOP("HousingTables", "建设方式"),
        NC.STANDARD: QT_TRANSLATE_NOOP("HousingTables", "补助标准(元)"),
        NC.SUBSIDY: QT_TRANSLATE_NOOP("HousingTables", "补助金额(元)"),
        NC.STARTED: QT_TRANSLATE_NOOP("HousingTables", "开工日期"),
        NC.COMPLETED: QT_TRANSLATE_NOOP("HousingTables", "竣工日期"),
        NC.ACCEPTED: QT_TRANSLATE_NOOP("HousingTables", "验收日期"),
        NC.STATUS: QT_TRANSLATE_NOOP("HousingTables", "状态"),
        NC.FLAGS: QT_TRANSLATE_NOOP("HousingTables", "提示"),
    },
    display={
        NC.YEAR: lambda r: r.year, NC.TOWNSHIP: lambda r: r.township, NC.VILLAGE: lambda r: r.village,
        NC.HEAD: lambda r: r.head_name, NC.ID_NUMBER: lambda r: r.head_id_number,
        NC.MEMBERS: lambda r: r.member_count, NC.BENEFICIARY: lambda r: r.beneficiary_type,
        NC.GRADE: lambda r: RENOVATION_GRADES.get(r.grade, r.grade), NC.METHOD: lambda r: r.method,
        NC.BUILD_MODE: lambda r: RENOVATION_BUILD_MODES.get(r.build_mode, r.build_mode),
        NC.STANDARD: lambda r: format_fen(r.standard_fen), NC.SUBSIDY: lambda r: format_fen(r.subsidy_fen),
        NC.STARTED: lambda r: day_text(r.start_date), NC.COMPLETED: lambda r: day_text(r.completed_date),
        NC.ACCEPTED: lambda r: day_text(r.accepted_date),
        NC.STATUS: lambda r: RENOVATION_STATUS.get(r.status, r.status),
        NC.FLAGS: lambda r: "；".join(r.flags),
    },
    raw={NC.GRADE: lambda r: r.grade, NC.BUILD_MODE: lambda r: r.build_mode, NC.STANDARD: lambda r: r.standard_fen,
         NC.SUBSIDY: lambda r: r.subsidy_fen, NC.STATUS: lambda r: r.status, NC.FLAGS: lambda r: r.flags},
    ids=renovation_ids,
    rows=renovation_rows,
    right_aligned=frozenset({NC.MEMBERS, NC.STANDARD, NC.SUBSIDY}),
    tooltips={NC.HEAD: lambda r: _household_no(r.household_no)},
    context="HousingTables",
    widths=(50, 70, 70, 70, 160, 65, 115, 65, 95, 70, 90, 90, 85, 85, 85, 65, 120),
)


def relocation_model(parent: Any = None) -> PagedTableModel[RelocationRow, RelocationFilter]:
    return PagedTableModel(RELOCATION_SPEC, RelocationFilter(), parent)


def renovation_model(parent: Any = None) -> PagedTableModel[RenovationRow, RenovationFilter]:
    return PagedTableModel(RENOVATION_SPEC, RenovationFilter(), parent)
