"""Spreadsheets as clerks really send them, built with openpyxl for the import tests.

:func:`messy_register` writes the register of five households the way a township's
export looks after a few hands have touched it: a merged title and a 填报单位 line above
the header (which is on row 4, columns in another order and named with synonyms, plus a
备注 column nobody asked for), blank rows, full-width spaces and digits, a lower-case x,
dates as Excel serial numbers and as text in four spellings, an ID number typed as a
number, a household in a village the area tree does not have, a 合计 row and a signature
line at the bottom. :data:`MESSY` says, row by row, what the import must make of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from tests.county import id_number


def _with_x() -> str:
    """A valid ID number whose check character is X (typed here in lower case)."""
    for seq in range(1, 500):
        number = id_number("1968-03-12", seq, male=True)
        if number.endswith("X"):
            return number
    raise AssertionError("no X found")


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


HEAD_X = _with_x()  # 曾伟, household 1 (typed with a lower-case x)
WIFE = id_number("1970-07-01", 202, male=False)  # typed in full-width digits
SON = id_number("1995-10-20", 203, male=True)  # typed with spaces inside
WANG = id_number("1958-02-14", 211, male=True)  # household 2
WANG_SON = id_number("1968-03-12", 212, male=True)  # typed as a number: digits lost
YANG = id_number("1950-01-05", 301, male=False)  # household 3
LONG = id_number("1962-09-09", 401, male=True)  # household 4, 武阳镇
LONG_WIFE = id_number("1966-04-04", 402, male=False)
WU = id_number("1975-05-05", 501, male=True)  # household 5, 新建村 (not in the tree)

HEADER = ["序号", "户编号", "姓名", "身份证号码", "与户主关系", "性别", "民族", "乡(镇)", "村", "组",
          "致贫原因", "脱贫年度", "联系电话", "一卡通账号", "建档日期", "备注"]

# (row number as Excel shows it, values by header)
ROWS: list[tuple[int, dict[str, object]]] = [
    (5, {"户编号": "43052710000101001", "姓名": "曾伟", "身份证号码": HEAD_X.lower(), "与户主关系": "户主",
         "性别": "男", "民族": "苗族", "乡(镇)": "长铺镇", "村": "青石村", "组": "一组", "致贫原因": "因病致贫",
         "脱贫年度": "2018年", "联系电话": "13907391234", "一卡通账号": "6217 0000 1234 5678 901",
         "建档日期": 41820}),  # Excel serial: 2014-06-30
    (6, {"户编号": " 43052710000101001 ", "姓名": "李秀英", "身份证号码": _full_width(WIFE), "与户主关系": "之妻",
         "民族": "苗族"}),
    (7, {"户编号": "43052710000101001", "姓名": "曾　小军", "身份证号码": f" {SON[:6]} {SON[6:14]} {SON[14:]} ",
         "与户主关系": "之子", "性别": "女"}),  # the sex contradicts the ID number: a warning
    (9, {"户编号": "43052710000101002", "姓名": "王　五", "身份证号码": WANG, "与户主关系": "户主",
         "乡(镇)": "长铺镇", "村": "青石村", "组": "一组", "致贫原因": "缺技术", "建档日期": "2018年11月1日"}),
    (10, {"户编号": "43052710000101002", "姓名": "王小五", "身份证号码": int(WANG_SON[:15] + "000"),
          "与户主关系": "之子"}),
    (11, {"户编号": _full_width("43052710000102001"), "姓名": "  杨桂花 ", "身份证号码": YANG,
          "与户主关系": "户主", "乡(镇)": "长铺镇", "村": "青石村", "组": "二组", "致贫原因": "缺劳力",
          "建档日期": "2018/11/1"}),
    (12, {"户编号": "43052710100101001", "姓名": "龙春生", "身份证号码": LONG, "与户主关系": "户主",
          "乡(镇)": "武阳镇", "村": "枫木村", "组": "1组", "致贫原因": "缺资金", "建档日期": "2018.11"}),
    (13, {"户编号": "43052710100101001", "姓名": "吴桂英", "身份证号码": LONG_WIFE, "与户主关系": "配偶",
          "乡(镇)": "武阳镇", "村": "枫木村", "组": "1组", "建档日期": "2018-11-01"}),
    (14, {"户编号": "43052710100201001", "姓名": "吴长寿", "身份证号码": WU, "与户主关系": "户主",
          "乡(镇)": "武阳镇", "村": "新建村", "组": "三组", "致贫原因": "因残", "建档日期": dt.datetime(2016, 9, 1)}),
    (16, {"序号": "合计", "户编号": None, "姓名": "5户9人"}),
    (18, {"序号": "制表人：张三", "村": "审核人：李四"}),
]


def messy_register(path: Path) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "花名册"
    ws["A1"] = "绥宁县2018年建档立卡贫困人口花名册"
    ws.merge_cells("A1:P1")
    ws["A2"] = "填报单位（盖章）：长铺镇人民政府　　　　　　　填报日期：2018年12月1日"
    ws.merge_cells("A2:P2")
    for column, title in enumerate(HEADER, start=1):
        ws.cell(row=4, column=column, value=title)
    ws.cell(row=4, column=4).value = " 身份证号码 "  # spaces around a header too
    for number, values in ROWS:
        for column, title in enumerate(HEADER, start=1):
            if title in values and values[title] is not None:
                ws.cell(row=number, column=column, value=values[title])
    ws.cell(row=5, column=16, value="低保")  # 备注: an unknown column
    book.save(path)
    return path


def register_sheet(path: Path, rows: list[list[object]], *, header: list[str] | None = None,
                   title: str | None = None) -> Path:
    """A plain register: an optional title row, the header, the rows."""
    book = Workbook()
    ws = book.active
    if title:
        ws.append([title])
    ws.append(header or ["户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def as_xls(source: Path, path: Path) -> Path:
    """The same workbook saved in the old Excel 97–2003 format (.xls), cell by cell with xlwt."""
    import xlwt  # type: ignore[import-untyped]
    from openpyxl import load_workbook

    dated = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    book = xlwt.Workbook(encoding="utf-8")
    for ws in load_workbook(source).worksheets:
        out = book.add_sheet(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if isinstance(cell.value, (dt.datetime, dt.date)):
                    out.write(cell.row - 1, cell.column - 1, cell.value, dated)
                else:
                    out.write(cell.row - 1, cell.column - 1, cell.value)
    book.save(str(path))
    return path
