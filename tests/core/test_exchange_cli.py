"""``suining-desk import / export / template``: exact forms, exit codes 0/1/2, the summary
line, the xlsx report, a filled-in template and the export → import round trip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Household, Person
from suining_desk.services.accounts import create_first_admin
from tests import exchange_sheets as sheets
from tests.county import build_county

PASSWORD = "suining2018"
GOOD = ["H9", "吴长寿", sheets.WU, "户主", "长铺镇", "青石村", "二组"]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "county.sqlite3"
    open_database(path)
    build_county()
    create_first_admin("admin", "管理员", PASSWORD)
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    yield path
    close_database()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def people(path: Path) -> int:
    open_database(path)
    try:
        return int(Person.select().count())
    finally:
        close_database()


def test_exit_1_when_rows_are_refused_and_nothing_is_written(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = sheets.messy_register(tmp_path / "花名册.xlsx")
    report = tmp_path / "报告.xlsx"
    code, out, err = cli(capsys, "import", "households", str(messy), "--db", str(db), "--user", "admin",
                         "--report", str(report))
    assert code == 1 and people(db) == 0
    assert out.strip() == ("未导入任何数据：2 行有错误（涉及 2 户，这些户共 3 行未导入），"
                           "全部无误才会写入；问题 6 条（错误 2，提醒 4）。"
                           "修正后重新导入，或加 --skip-invalid 只导入无误的户。")
    assert "“花名册”第10行【身份证号码】错误：身份证号码“4.30527E+17”是以数字格式保存的" in err

    book = load_workbook(report)
    copy = book["花名册"]
    assert copy["A1"].value == "绥宁县2018年建档立卡贫困人口花名册"  # the title above the header is kept
    assert copy.cell(row=4, column=17).value == "导入问题"
    problem = copy.cell(row=10, column=17)
    assert "后几位已经丢失" in problem.value and problem.fill.fgColor.rgb.endswith("FFC7CE")
    assert copy.cell(row=7, column=17).fill.fgColor.rgb.endswith("FFEB9C")  # a warning: yellow
    assert copy.cell(row=5, column=17).value is None
    listing = [[c.value for c in row] for row in book["问题清单"].iter_rows(min_row=2, max_row=7)]
    assert [r[1] for r in listing] == [4, 7, 10, 14, 16, 18]
    assert listing[2][:4] == ["花名册", 10, "身份证号码", "错误"]


def test_exit_0_with_skip_invalid_only_when_everything_went_in(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = sheets.messy_register(tmp_path / "花名册.xlsx")
    code, out, _ = cli(capsys, "import", "households", str(messy), "--db", str(db), "--user", "admin",
                       "--skip-invalid")
    assert code == 1 and people(db) == 6
    assert out.startswith("导入完成：新增 3 户 6 人；2 行有错误（涉及 2 户，这些户共 3 行未导入）")
    good = sheets.register_sheet(tmp_path / "good.xlsx", [GOOD])
    code, out, _ = cli(capsys, "import", "households", str(good), "--db", str(db), "--user", "admin")
    assert code == 0 and out.strip() == "导入完成：新增 1 户 1 人；问题 0 条（错误 0，提醒 0）。"


def test_exit_0_when_an_export_is_imported_again_and_everyone_is_already_there(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = sheets.register_sheet(tmp_path / "good.xlsx", [GOOD, ["H9", "吴桂英", sheets.LONG_WIFE, "妻", "长铺镇",
                                                                 "青石村", "二组"]])
    assert cli(capsys, "import", "households", str(good), "--db", str(db), "--user", "admin")[0] == 0
    exported = tmp_path / "导出.xlsx"
    assert cli(capsys, "export", "households", str(exported), "--db", str(db), "--user", "admin")[0] == 0
    for check in (["--check"], [], ["--skip-invalid"], ["--update-duplicates"]):
        code, out, _ = cli(capsys, "import", "households", str(exported), "--db", str(db), "--user", "admin", *check)
        assert code == 0, (check, out)
        assert "新增 0 户 0 人，已在册跳过 2 人；问题 2 条（错误 0，提醒 2）" in out
    assert people(db) == 2


def test_check_only_writes_nothing(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = sheets.register_sheet(tmp_path / "good.xlsx", [GOOD])
    code, out, _ = cli(capsys, "import", "households", str(good),
                       "--db", str(db), "--user", "admin", "--check")
    assert code == 0 and out.startswith("检查完成，未写入：可新增 1 户 1 人") and people(db) == 0


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.xlsx", None, "不存在"),
    ("old.xls", b"\xd0\xcf\x11\xe0", ".xls 格式或文件已损坏"),
    ("web.xls", "<html><body>暂无数据</body></html>".encode(), "实际上是网页文件（网上系统导出时常把网页存成 .xls），"
                                                              "但其中没有表格"),
    ("list.xls", "<html><table><tr><td>序号</td><td>备注</td></tr></table></html>".encode(), "的表头，表头应包含"),
    ("old.wps", b"\xd0\xcf\x11\xe0", ".wps 格式或文件已损坏"),
    ("fake.xlsx", b"not a zip", "不是有效的 .xlsx 文件"),
])
def test_exit_2_for_a_file_that_cannot_be_used(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = cli(capsys, "import", "households", str(path), "--db", str(db), "--user", "admin")
    assert code == 2 and out == "" and message in err


def test_exit_2_for_a_sheet_without_the_register_header(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    book.active.append(["姓名", "年龄"])
    book.save(tmp_path / "x.xlsx")
    code, _, err = cli(capsys, "import", "households", str(tmp_path / "x.xlsx"), "--db", str(db), "--user", "admin")
    assert code == 2 and "找不到建档立卡户花名册的表头" in err
    lacking = sheets.register_sheet(tmp_path / "y.xlsx", [], header=["户编号", "姓名", "证件号码", "村"])
    code, _, err = cli(capsys, "import", "households", str(lacking), "--db", str(db), "--user", "admin")
    assert code == 2 and "第1行的表头缺少必需的列：与户主关系、村民小组" in err


@pytest.mark.parametrize("below", [[], [["合计", "0人"]], [[], ["制表人：张三"]]])
@pytest.mark.parametrize("kind", ["households", "relocations", "renovations", "enrolments", "payments"])
def test_exit_2_for_a_header_with_no_data_rows_below_it(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, below: list[list[object]]) -> None:
    from suining_desk.exchange.layouts import LAYOUTS

    book = Workbook()
    book.active.title = "名单"
    book.active.append(["长铺镇名单"])
    book.active.append([c.label for c in LAYOUTS[kind].columns])
    for row in below:
        book.active.append(row)
    path = tmp_path / "空表.xlsx"
    book.save(path)
    for check in ([], ["--check"]):
        code, out, err = cli(capsys, "import", kind, str(path), "--db", str(db), "--user", "admin", *check)
        assert (code, out) == (2, "")
        assert err.strip() == (f"错误：“{path}”的工作表“名单”只有表头（第2行），下面没有数据行，没有可导入的内容；"
                               "请检查是否选错了文件或工作表")
    assert people(db) == 0


def test_exit_2_for_unusable_arguments(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "cattle", "x.xlsx", "--db", str(db)])
    assert info.value.code == 2 and "无效" in capsys.readouterr().err
    good = sheets.register_sheet(tmp_path / "good.xlsx", [GOOD])
    code, _, err = cli(capsys, "import", "households", str(good), "--db", str(db))
    assert code == 2 and "--user" in err
    code, _, err = cli(capsys, "import", "households", str(good), "--db", str(tmp_path / "none.sqlite3"),
                       "--user", "admin")
    assert code == 2 and "不存在" in err


def test_template_filled_in_imports_cleanly(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "模板.xlsx"
    code, out, _ = cli(capsys, "template", "households", "--out", str(template))
    assert code == 0 and "模板" in out
    book = load_workbook(template)
    assert book.sheetnames == ["花名册", "填写说明", "选项"] and book["选项"].sheet_state == "hidden"
    data = book["花名册"]
    header = [c.value for c in data[1]]
    assert header[:5] == ["户编号", "人编号", "姓名", "证件号码", "与户主关系"]
    id_column = header.index("证件号码") + 1
    assert data.cell(row=2, column=id_column).number_format == "@"  # the ID column is text
    lists = {str(v.sqref): v.formula1 for v in data.data_validations.dataValidation}
    assert any(ref.startswith("E2") for ref in lists)  # 与户主关系 is a drop-down
    assert data.column_dimensions["D"].width > 15
    notes = [row[0] for row in book["填写说明"].iter_rows(values_only=True) if row and row[0]]
    assert "证件号码" in notes and any("文本" in str(n) for n in notes)

    values = {"户编号": "43052710000101005", "姓名": "杨桂花", "证件号码": sheets.YANG, "与户主关系": "户主",
              "乡镇": "长铺镇", "行政村": "青石村", "村民小组": "一组", "户状态": "已脱贫", "脱贫年度": 2017,
              "贫困户属性": "低保贫困户", "主要致贫原因": "因病"}
    for key, value in values.items():
        data.cell(row=2, column=header.index(key) + 1, value=value)
    book.save(template)
    code, out, err = cli(capsys, "import", "households", str(template), "--db", str(db), "--user", "admin")
    assert code == 0 and err == "" and out.startswith("导入完成：新增 1 户 1 人；问题 0 条")
    open_database(db)
    household = Household.get()
    assert (household.status, household.exit_year, household.dibao, household.tekun) == ("exited", 2017, True, False)
    close_database()


def test_export_selects_by_filters(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    messy = sheets.messy_register(tmp_path / "花名册.xlsx")
    cli(capsys, "import", "households", str(messy), "--db", str(db), "--user", "admin", "--skip-invalid")
    out_file = tmp_path / "武阳镇.xlsx"
    code, out, _ = cli(capsys, "export", "households", str(out_file),
                       "--db", str(db), "--user", "admin", "--area", "武阳镇")
    assert code == 0 and "2 行" in out
    rows = list(load_workbook(out_file).active.iter_rows(min_row=2, values_only=True))
    assert {r[2] for r in rows} == {"龙春生", "吴桂英"}
    code, out, _ = cli(capsys, "export", "people", str(tmp_path / "p.xlsx"),
                       "--db", str(db), "--user", "admin", "--search", "zxj")
    assert code == 0 and "1 行" in out
    code, _, err = cli(capsys, "export", "households", str(tmp_path / "e.xlsx"),
                       "--db", str(db), "--user", "admin", "--status", "监测户")
    assert code == 1 and "没有记录" in err
    code, _, err = cli(capsys, "export", "households", str(tmp_path / "e.xlsx"),
                       "--db", str(db), "--user", "admin", "--area", "火星村")
    assert code == 2 and "火星村" in err


@pytest.mark.parametrize("kind", ["households", "relocations", "renovations", "enrolments", "payments"])
def test_every_template_is_read_back_by_its_import(kind: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.exchange.layouts import LAYOUTS
    from suining_desk.exchange.reader import open_rows

    out = tmp_path / f"{kind}.xlsx"
    assert cli(capsys, "template", kind, "--out", str(out))[0] == 0
    layout = LAYOUTS[kind]
    with open_rows(out, layout) as source:
        assert source.header.row == 1 and not source.header.unknown
        assert set(source.header.positions) == {c.key for c in layout.columns}
    book = load_workbook(out)
    assert book.sheetnames[1] == "填写说明"
    texts = [c.number_format for c in book.worksheets[0][2]]
    assert texts.count("@") == sum(1 for c in layout.columns if c.text)


def test_a_report_that_cannot_be_saved_is_refused_before_anything_is_imported(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """QA: the households were imported, then exit 2 with only the report's error."""
    messy = sheets.messy_register(tmp_path / "花名册.xlsx")
    code, out, err = cli(capsys, "import", "households", str(messy), "--db", str(db), "--user", "admin",
                         "--skip-invalid", "--report", str(tmp_path / "no" / "such" / "报告.xlsx"))
    assert code == 2 and people(db) == 0 and out == ""
    assert "报告的文件夹" in err and "未导入" in err
