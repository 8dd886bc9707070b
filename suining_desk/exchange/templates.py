"""Empty templates to fill in: one per kind of import.

The data sheet comes first (header on row 1, frozen, the layout's widths, code columns
formatted as text, drop-down lists for enumerations — a warning, not a refusal, so the
national register's spellings like 之子 still go in), a 填写说明 sheet explains every
column, and a hidden 选项 sheet holds the lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from suining_desk.domain.problems import InvalidInput, Problem
from suining_desk.exchange.columns import Layout
from suining_desk.exchange.safe_cells import guard
from suining_desk.exchange.xlsx_out import save_replacing
from suining_desk.storage.output_files import check_output

TEMPLATE_ROWS = 2000  # how far down the drop-down lists and the text format reach
INSTRUCTIONS = "填写说明"
OPTIONS = "选项"


def write_template(layout: Layout, out: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    out = Path(out)
    if not out.parent.is_dir():
        raise InvalidInput([Problem("ledger_out_dir_missing", {"path": str(out.parent)})])
    check_output(out, "xlsx")
    book = Workbook()
    data = book.active
    data.title = layout.sheet_title
    options = book.create_sheet(OPTIONS)
    options.sheet_state = "hidden"
    bold, required_font = Font(bold=True), Font(bold=True, color="C00000")
    fill = PatternFill("solid", fgColor="DDEBF7")
    option_column = 0
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        cell = data.cell(row=1, column=index, value=column.label)
        cell.font = required_font if column.required else bold
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        data.column_dimensions[letter].width = column.width
        if column.text:
            data.column_dimensions[letter].number_format = "@"
            for row in range(2, TEMPLATE_ROWS + 2):
                data.cell(row=row, column=index).number_format = "@"
        if column.choices:
            option_column += 1
            source = get_column_letter(option_column)
            for row, choice in enumerate(column.choices, start=1):
                options.cell(row=row, column=option_column, value=choice)
            rule = DataValidation(type="list", formula1=f"={OPTIONS}!${source}$1:${source}${len(column.choices)}",
                                  allow_blank=True, showErrorMessage=True, errorStyle="warning",
                                  errorTitle=column.label, error=f"“{column.label}”一般应从下拉列表中选择")
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            data.add_data_validation(rule)
    data.freeze_panes = "A2"
    _instructions(book.create_sheet(INSTRUCTIONS, 1), layout)
    for sheet in book.worksheets:  # every text a text, never a formula (the lists are data validations)
        for row in sheet.iter_rows():
            for cell in row:
                guard(cell)
    save_replacing(book, out)
    return out


def _instructions(ws: Any, layout: Layout) -> None:
    from openpyxl.styles import Alignment, Font

    ws.append([f"{layout.title}导入模板 · 填写说明"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    for note in layout.notes:
        ws.append([f"· {note}"])
    ws.append(["· 表头为红色的列必须填写；其余可以不填。"])
    ws.append([])
    ws.append(["列名", "必填", "说明", "示例", "可选值"])
    header_row = ws.max_row
    for cell in ws[header_row]:
        cell.font = Font(bold=True)
    for column in layout.columns:
        synonyms = f"（也认：{'、'.join(column.synonyms)}）" if column.synonyms else ""
        ws.append([column.label, "是" if column.required else "", column.note + synonyms,
                   column.example, "、".join(column.choices)])
    for letter, width in zip("ABCDE", (16, 6, 60, 24, 50), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
