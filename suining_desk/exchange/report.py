"""What an import found and did: the row report, its summary line, its xlsx copy.

Every problem carries the sheet, the row number as Excel shows it, the column (as the
file names it) and a Chinese explanation. The xlsx report is a copy of the imported
sheet's values with a 导入问题 column at the right (red: the row was refused; yellow:
imported or ignored, but worth a look) and a 问题清单 sheet listing every problem.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from suining_desk.domain.messages import describe, shorten
from suining_desk.domain.problems import Problem
from suining_desk.exchange.reader import sheet_rows
from suining_desk.exchange.safe_cells import safe_row, text_cell
from suining_desk.exchange.xlsx_out import save_replacing
from suining_desk.storage.output_files import check_output

PROBLEMS_HEADER = "导入问题"
LIST_SHEET = "问题清单"
ERROR_FILL = "FFC7CE"
WARNING_FILL = "FFEB9C"


@dataclass(frozen=True)
class RowProblem:
    row: int  # as Excel shows it; 0: the file as a whole
    column: str  # the header as written in the file; '' for the whole row
    problem: Problem

    @property
    def is_error(self) -> bool:
        return self.problem.is_error

    @property
    def message(self) -> str:
        return describe(self.problem)

    def line(self, sheet: str) -> str:
        where = f"“{sheet}”第{self.row}行" if self.row else f"“{sheet}”"
        column = f"【{shorten(self.column)}】" if self.column else ""
        kind = "错误" if self.is_error else "提醒"
        return f"{where}{column}{kind}：{self.message}"


@dataclass
class ImportResult:
    kind: str
    path: Path
    sheet: str = ""
    header_row: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # layout key → header in the file
    unknown_columns: tuple[str, ...] = ()
    rows_read: int = 0  # data rows
    problems: list[RowProblem] = field(default_factory=list)
    households_added: int = 0
    people_added: int = 0
    people_updated: int = 0
    households_updated: int = 0  # households on the register whose own fields the sheet changed
    duplicates_skipped: int = 0
    records_added: int = 0  # relocations, renovations, enrolments, payments
    households_rejected: int = 0
    rows_rejected: int = 0
    areas_created: tuple[str, ...] = ()
    dry_run: bool = False
    skip_invalid: bool = False
    written: bool = False

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[RowProblem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def exit_code(self) -> int:
        """0: everything that should be in is in (or would be) — rows already there and
        skipped, 合计 lines, notes and blank rows are not refusals; 1: rows were refused
        for an error (nothing written unless ``skip_invalid``). A file that cannot be
        used at all never gets here: it raises (exit code 2)."""
        return 1 if self.rows_rejected or self.errors else 0

    def sorted_problems(self) -> list[RowProblem]:
        return sorted(self.problems, key=lambda p: (p.row, not p.is_error))

    def summary(self, *, cli: bool = False) -> str:
        counts = f"问题 {len(self.problems)} 条（错误 {len(self.errors)}，提醒 {len(self.warnings)}）"
        done = self._done()
        if self.dry_run:
            if not self.rows_rejected:
                return f"检查完成，未写入：{done}；{counts}。"
            refused = f"{self.rows_rejected} 行有错误{self._households()}"
            if self.skip_invalid:
                return f"检查完成，未写入：{done}（只导入无误的）；{refused}；{counts}。"
            return f"检查完成，未写入：{refused}，有错误时不会导入任何数据（其余{done}）；{counts}。"
        if self.written:
            refused = f"；{self.rows_rejected} 行有错误未导入{self._households()}" if self.rows_rejected else ""
            return f"导入完成：{done}{refused}；{counts}。"
        unit = "户" if self.kind == "households" else "行"
        hint = (f"修正后重新导入，或加 --skip-invalid 只导入无误的{unit}" if cli
                else f"修正后重新导入，或选择“只导入无误的{unit}”")
        return (f"未导入任何数据：{self.rows_rejected} 行有错误{self._households()}，"
                f"全部无误才会写入；{counts}。{hint}。")

    def _households(self) -> str:
        return f"（涉及 {self.households_rejected} 户）" if self.kind == "households" else ""

    def _done(self) -> str:
        verb = "可" if self.dry_run else ""
        if self.kind == "households":
            text = f"{verb}新增 {self.households_added} 户 {self.people_added} 人"
            if self.people_updated:
                text += f"，{verb}更新 {self.people_updated} 人"
            if self.households_updated:
                text += f"，{verb}更新户信息 {self.households_updated} 户"
            if self.duplicates_skipped:
                text += f"，已在册跳过 {self.duplicates_skipped} 人"
        else:
            text = f"{verb}新增 {self.records_added} 条"
            if self.duplicates_skipped:
                text += f"，已有记录跳过 {self.duplicates_skipped} 条"
        if self.areas_created:
            text += f"，{verb}新建区划 {len(self.areas_created)} 个"
        return text


def _problems_by_row(result: ImportResult) -> dict[int, list[RowProblem]]:
    by_row: dict[int, list[RowProblem]] = defaultdict(list)
    for p in result.sorted_problems():
        by_row[p.row].append(p)
    return by_row


def _row_text(problems: list[RowProblem]) -> str:
    return "；".join((f"【{shorten(p.column)}】" if p.column else "") + p.message for p in problems)


def write_report(result: ImportResult, out: Path | str) -> Path:
    """The xlsx report: the imported sheet with a problems column, and the problem list."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    out = Path(out)
    check_output(out, "xlsx", inputs=(result.path,))  # never over the sheet it reports on
    by_row = _problems_by_row(result)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(result.sheet or "数据")
    error_fill = PatternFill("solid", fgColor=ERROR_FILL)
    warning_fill = PatternFill("solid", fgColor=WARNING_FILL)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    rows = _source_rows(result)
    width = max((len(r) for r in _peek_widths(result)), default=1)
    sheet.column_dimensions[_letter(width + 1)].width = 60
    for number, cells in rows:
        values: list[object] = list(cells) + [None] * (width - len(cells))
        if number == result.header_row:
            head = text_cell(sheet, PROBLEMS_HEADER)
            head.font = bold
            values.append(head)
        elif number in by_row:
            found = by_row[number]
            cell = text_cell(sheet, _row_text(found))
            cell.fill = error_fill if any(p.is_error for p in found) else warning_fill
            cell.alignment = wrap
            values.append(cell)
        sheet.append(safe_row(sheet, values))  # a CSV's =cmd|… is copied as text, never as a formula

    listing = book.create_sheet(LIST_SHEET)
    for letter, w in zip("ABCDE", (14, 8, 16, 8, 90), strict=True):
        listing.column_dimensions[letter].width = w
    listing.append([text_cell(listing, h) for h in ("工作表", "行号", "列", "类别", "说明")])
    for row in listing_rows(result):
        listing.append(safe_row(listing, row))
    listing.append([])
    listing.append(safe_row(listing, [result.summary()]))
    save_replacing(book, out)
    return out


def listing_rows(result: ImportResult) -> list[list[object]]:
    return [[result.sheet, p.row or "", p.column, "错误" if p.is_error else "提醒", p.message]
            for p in result.sorted_problems()]


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _peek_widths(result: ImportResult) -> list[tuple[object, ...]]:
    """The first rows of the source, to know how wide it is."""
    found = []
    for number, cells in _source_rows(result):
        found.append(cells)
        if number >= max(result.header_row, 1) + 50:
            break
    return found


def _source_rows(result: ImportResult) -> Iterator[tuple[int, tuple[object, ...]]]:
    """Every row of the imported sheet (streamed), titles above the header included."""
    return sheet_rows(result.path, result.sheet)
