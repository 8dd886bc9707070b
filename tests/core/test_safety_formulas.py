"""Issue 13, item 2: text that reads like a formula never comes out of the program as one.

The attack: ``=HYPERLINK("http://…","点我")`` or ``=cmd|' /C calc'!A0`` in 家庭住址 or 开户银行
(imported from a CSV, or in a database received from elsewhere) was written by ``export``
as a live formula (``<f>…</f>``) that Excel or WPS runs. Here the database is poisoned in
every text field an export shows, and every export kind, the templates, the import report
and the bank file (.xlsx and .csv) are unzipped or read: no ``<f>`` anywhere, every payload
still there as text (so the check cannot pass by losing it), and CSV cells neutralised.
"""

from __future__ import annotations

import csv
import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from suining_desk.cli import main
from suining_desk.db import close_database, database
from suining_desk.exchange.exports import EXPORTS
from suining_desk.exchange.layouts import LAYOUTS
from suining_desk.exchange.records import Row
from suining_desk.exchange.safe_cells import csv_text, formula_problem
from tests.payments import TODAY

HYPERLINK = '=HYPERLINK("http://evil.example/x","点我")'
DDE = "=cmd|' /C calc'!A0"
PLUS = "+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
AT = "@SUM(1+1)*cmd|' /C calc'!A0"
# The outside tester's F8: behind a space, a tab or a line break, or with a full-width sign
SPACED = ' =HYPERLINK("http://evil.example/y","点我")'
TABBED = "\t=cmd|' /C calc'!A0"
WIDE = "＝cmd|' /C calc'!A0"
WIDE_AT = "＠SUM(1+1)*cmd|' /C calc'!A0"
HIDDEN = (SPACED, TABBED, WIDE, WIDE_AT)
PAYLOADS = (HYPERLINK, DDE, PLUS, MINUS, AT, *HIDDEN)
PASSWORD = "suining2018"


def _unfrozen(sql: str, params: tuple[object, ...] = ()) -> None:
    """Change payment lines as a database from elsewhere could hold them (the payment
    table's triggers dropped for the change and put back as they were)."""
    triggers = database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'payment'").fetchall()
    with database.atomic():
        for name, _ in triggers:
            database.execute_sql(f"DROP TRIGGER {name}")
        database.execute_sql(sql, params)
        for _, trigger in triggers:
            database.execute_sql(trigger)


@pytest.fixture
def poisoned(small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small demo with formulas in every kind of text an export shows."""
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    with database.atomic():
        database.execute_sql("UPDATE area SET name = ? || ' ' || id WHERE level = 3", (HYPERLINK,))
        database.execute_sql("UPDATE household SET address = ?, bank_name = ?", (DDE, AT))
        database.execute_sql("UPDATE person SET name = ? WHERE id % 3 = 0", (PLUS,))
        database.execute_sql("UPDATE relocation SET notes = ?, origin = ?", (MINUS, DDE))
        database.execute_sql("UPDATE renovation SET notes = ?, accepted_by = ?", (HYPERLINK, AT))
        database.execute_sql("UPDATE enrolment SET end_reason = ?", (DDE,))
        database.execute_sql("UPDATE person SET name = ? WHERE id % 3 = 1", (WIDE,))
        database.execute_sql("UPDATE household SET address = ?, bank_name = ? WHERE id % 2 = 0", (SPACED, TABBED))
        database.execute_sql("UPDATE renovation SET accepted_by = ? WHERE id % 2 = 0", (WIDE_AT,))
    _unfrozen("UPDATE payment SET payee_name = ?, reason = ?", (HYPERLINK, DDE))
    _unfrozen("UPDATE payment SET payee_id_number = ? WHERE id = (SELECT MIN(id) FROM payment WHERE posted = 1)",
              (DDE,))  # an invalid ID number: a finding of the audit checks
    close_database()
    return small_demo


def no_formulas(path: Path) -> list[str]:
    """Every string of the workbook, after checking that no part of the file holds a formula
    and that text starting like one is a string with Excel's quote prefix."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml and b":f>" not in xml, name
    found = []
    book = load_workbook(path)  # not read-only: the cells' types and styles
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str):
                    continue
                if len(shown := cell.value.lstrip(" \t\r\n\u3000")) > 1 and shown[0] in "=+-@＝＋－＠":
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)  # stays text when edited
                found.append(cell.value)
    return found


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_every_export_kind_writes_formula_text_as_text(poisoned: Path, tmp_path: Path, kind: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"{kind}.xlsx"
    code = main(["export", kind, str(out), "--db", str(poisoned), "--user", "admin"])
    assert code == 0, capsys.readouterr().err
    found = no_formulas(out)
    if kind == "findings":  # its cells start with the check's own words; the payload is inside
        assert any(DDE in v for v in found)
    else:
        assert any(v.startswith(PAYLOADS) for v in found), f"no poisoned text reached the {kind} export"


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
def test_templates_hold_no_formula_cells(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    assert main(["template", kind, "--out", str(out)]) == 0
    no_formulas(out)  # its drop-down lists are data validations, not cells
    assert load_workbook(out).worksheets[0]["A1"].value  # the header is there


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_bank_file_writes_names_as_text(poisoned: Path, tmp_path: Path, suffix: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    batch = sqlite3.connect(poisoned).execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    out = tmp_path / f"bank{suffix}"
    code = main(["batch", "export-bank", batch, str(out), "--db", str(poisoned), "--user", "admin"])
    assert code == 0, capsys.readouterr().err
    if suffix == ".xlsx":
        assert HYPERLINK in no_formulas(out)
        return
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["序号", "姓名", "身份证号", "账号", "金额"]
    assert {r[1] for r in rows[1:]} == {"'" + HYPERLINK}  # neutralised as OWASP says
    assert all(r[0].isdigit() and r[4].replace(".", "").isdigit() for r in rows[1:])  # numbers as they are


def test_csv_cells_are_neutralised_and_numbers_are_not_text() -> None:
    for payload in (*PAYLOADS, "\tcmd", "\rcmd", "-"):
        assert csv_text(payload) == "'" + payload
    assert csv_text("杨桂花") == "杨桂花"
    assert csv_text(-320) == -320 and csv_text("6217000012345678901") == "6217000012345678901"


REGISTER_CSV = """户编号,姓名,证件号码,与户主关系,乡镇,行政村,村民小组,家庭住址,开户银行,备注
H9,吴长寿,{id},户主,长铺镇,青石村,二组,"{address}","{bank}","{note}"
"""


def test_a_register_csv_with_formulas_is_refused_and_its_report_holds_them_as_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.db import open_database
    from suining_desk.db.models import Person
    from suining_desk.services.accounts import create_first_admin
    from tests import exchange_sheets as sheets
    from tests.county import build_county

    db = tmp_path / "county.sqlite3"
    open_database(db)
    build_county()
    create_first_admin("admin", "管理员", PASSWORD)
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    source = tmp_path / "花名册.csv"
    source.write_text(REGISTER_CSV.format(id=sheets.WU, address=HYPERLINK.replace('"', '""'), bank=DDE,
                                          note="=同上") + f"{DDE},{PLUS},,,,,,,,\n", encoding="utf-8")
    report = tmp_path / "报告.xlsx"
    code = main(["import", "households", str(source), "--db", str(db), "--user", "admin", "--report", str(report)])
    err = capsys.readouterr().err
    assert code == 1
    assert "【家庭住址】错误：家庭住址“=HYPERLINK" in err and "以“=”开头，是表格公式的写法，不能导入" in err
    assert "【开户银行】错误：开户银行“=cmd|" in err
    open_database(db)
    assert Person.select().count() == 0
    close_database()
    found = no_formulas(report)
    assert {HYPERLINK, DDE, PLUS, "=同上"} <= set(found)  # the sheet's copy keeps what it held, as text


@pytest.mark.parametrize(("key", "text", "refused"), [
    ("origin", DDE, True), ("site", PLUS, True), ("accepted_by", AT, True), ("origin", MINUS, True),
    ("notes", "=1+1", True), ("notes", "-已核实", False), ("notes", "+1人", False), ("origin", "-", False),
    ("origin", "长铺镇青石村", False),
])
def test_record_imports_refuse_formula_text(key: str, text: str, refused: bool) -> None:
    row = Row(7, {key: text}, {key: "表头"}, TODAY)
    assert row.text(key) == text
    assert [p.code for _, p in row.issues] == (["cell_formula"] if refused else [])
    assert (formula_problem(text, "x", note=key == "notes") is not None) == refused


def test_formulas_behind_spaces_or_in_full_width_come_out_as_text(
        poisoned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """F8: a leading space, tab or line break before = + - @, or the full-width ＝＋－＠, got no
    quote prefix in a workbook nor a ``'`` in the bank CSV (Excel trims, a CSV reader trims, a
    Chinese input method's ＝ is a formula)."""
    found: set[str] = set()
    for kind in ("people", "households", "renovations"):
        out = tmp_path / f"{kind}.xlsx"
        assert main(["export", kind, str(out), "--db", str(poisoned), "--user", "admin"]) == 0
        found |= set(no_formulas(out))  # each of them a string with the quote prefix
    assert set(HIDDEN) <= found
    connection = sqlite3.connect(poisoned)
    batch = connection.execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    connection.close()
    from suining_desk.db import open_database

    open_database(poisoned)
    for n, payload in enumerate(HIDDEN):
        _unfrozen("UPDATE payment SET payee_name = ? WHERE id % 4 = ?", (payload, n))
    close_database()
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"bank{suffix}"
        code = main(["batch", "export-bank", batch, str(out), "--db", str(poisoned), "--user", "admin"])
        assert code == 0, capsys.readouterr().err
        if suffix == ".xlsx":
            assert set(no_formulas(out)) & set(HIDDEN)
            continue
        with out.open(encoding="utf-8-sig", newline="") as fh:
            names = [r[1] for r in list(csv.reader(fh))[1:]]
        assert names and all(name.startswith("'") for name in names), names
        assert {name[1:] for name in names} & set(HIDDEN)


def test_csv_and_import_see_past_spaces_and_full_width_signs() -> None:
    for payload in (*HIDDEN, " +1", "\n-1", "\u3000@x", "＋cmd", "－1+1"):
        assert csv_text(payload) == "'" + payload
    assert csv_text(" 杨桂花") == " 杨桂花" and csv_text("1＋1") == "1＋1"
    for text, note, refused in ((SPACED, False, True), (TABBED, True, True), (WIDE, True, True),
                                (WIDE_AT, False, True), ("\u3000＋cmd", False, True), (" -2+3", False, True),
                                ("＋1人", True, False), (" -已核实", True, False), ("＠", False, False)):
        problem = formula_problem(text, "家庭住址", note=note)
        assert (problem is not None) == refused, text
        if problem is not None:  # the message names the sign as written
            assert problem.params["first"] == text.lstrip(" \t\r\n\u3000")[0]


@pytest.mark.parametrize("text", [SPACED, WIDE, "＝1+1", "\u3000=1+1"])
def test_record_imports_refuse_hidden_formulas(text: str) -> None:
    row = Row(7, {"origin": text, "notes": text}, {"origin": "迁出地", "notes": "备注"}, TODAY)
    row.text("origin")
    row.text("notes")
    assert [(k, p.code) for k, p in row.issues] == [("origin", "cell_formula"), ("notes", "cell_formula")]


def test_a_bank_failure_reason_that_reads_as_a_formula_is_not_recorded(tmp_path: Path) -> None:
    """The bank return file's 失败原因 is stored and shown again: ``=…`` there (behind a space,
    or full-width) is refused for that line, named by its row; other lines are read."""
    from suining_desk.domain.messages import describe
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.exchange.bank_return import read_return

    path = tmp_path / "回盘.csv"
    path.write_text("账号,金额,状态,失败原因\n"
                    "6221880000000001,960.00,失败,余额不足\n"
                    f'6221880000000002,330.00,失败,"{HYPERLINK.replace(chr(34), chr(34) * 2)}"\n'
                    f'6221880000000003,500.00,失败,"{SPACED.replace(chr(34), chr(34) * 2)}"\n'
                    f"6221880000000004,200.00,失败,{WIDE}\n"
                    "6221880000000005,100.00,失败,-账户冻结\n", encoding="utf-8")
    lines, problems = read_return(path, get_profile("standard"))
    assert [(ln.account, ln.note) for ln in lines] == [("6221880000000001", "余额不足"),
                                                       ("6221880000000005", "-账户冻结")]
    assert [(p.code, p.params["row"]) for p in problems] == [("bank_note_formula", n) for n in (3, 4, 5)]
    assert describe(problems[2]).startswith(
        "第5行：失败原因“＝cmd|' /C calc'!A0”以“＝”开头，是表格公式的写法，这一行没有登记")
