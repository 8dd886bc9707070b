"""Fill a households template (made by ``suining-desk template households``) with one new
household of two people, for the Windows check's import. Run with the project's Python:

    python fill_sheet.py TEMPLATE.xlsx OUT.xlsx
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.county import id_number  # noqa: E402 - the repository's own test helper

HOUSEHOLD = "43052799990001001"
PEOPLE = [
    {"户编号": HOUSEHOLD, "姓名": "试装甲", "证件号码": id_number("1971-05-06", 881, male=True), "与户主关系": "户主",
     "乡镇": "长铺镇", "行政村": "试装村", "村民小组": "一组", "主要致贫原因": "因病", "建档日期": "2018-06-01"},
    {"户编号": HOUSEHOLD, "姓名": "试装乙", "证件号码": id_number("1973-02-03", 882, male=False), "与户主关系": "配偶"},
]


def main(template: Path, out: Path) -> None:
    book = load_workbook(template)
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for offset, person in enumerate(PEOPLE, start=2):
        for key, value in person.items():
            sheet.cell(row=offset, column=header.index(key) + 1, value=value)
    book.save(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
