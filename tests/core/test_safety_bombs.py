"""Issue 13, item 5 (and the damaged files of item 10): files built to exhaust the PC are
refused early, in Chinese, with memory bounded, and never echoed.

The attacks: a 17.9 MB .xlsx of 1.5 million rows took 537 s and 5.4 GB before it was refused;
a sheet with one 200 MB string took 1.5 GB and printed the whole value to stderr. The
limits (:mod:`suining_desk.exchange.limits`) are lowered here so the bombs stay small; one
real bomb — gigabytes unpacked from a few megabytes, its headers honest or lying — is
refused in a separate process whose time and peak memory are measured.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Person
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import Problem
from suining_desk.exchange import csv_sheet, limits
from suining_desk.exchange.reader import FileUnreadable, open_rows
from suining_desk.exchange.register_layout import REGISTER
from suining_desk.services.accounts import create_first_admin
from tests import bombs
from tests import exchange_sheets as sheets
from tests.county import build_county

PASSWORD = "suining2018"
ROOT = Path(__file__).resolve().parents[2]


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


def imported(db: Path, capsys: pytest.CaptureFixture[str], source: Path) -> tuple[int, str]:
    """Import ``source`` (it is removed afterwards: no bomb is left for others to open)."""
    try:
        code = main(["import", "households", str(source), "--db", str(db), "--user", "admin"])
    finally:
        source.unlink()
    err = capsys.readouterr().err
    open_database(db)
    try:
        assert Person.select().count() == 0
    finally:
        close_database()
    return code, err


def refused(source: Path) -> Problem:
    try:
        with pytest.raises(FileUnreadable) as caught:
            with open_rows(source, REGISTER) as rows:
                for _ in rows.rows:
                    pass
    finally:
        source.unlink()
    [problem] = caught.value.problems
    return problem


def test_too_many_rows_are_refused_before_any_row_is_imported(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 1_000)
    source = bombs.xlsx_with_sheet(tmp_path / "many.xlsx", (bombs.person_row(n) for n in range(2, 20_000)))
    calls: list[int] = []
    import suining_desk.exchange.register_rows as register_rows

    original = register_rows.RowParser.parse
    monkeypatch.setattr(register_rows.RowParser, "parse",
                        lambda self, number, values: calls.append(number) or original(self, number, values))
    code, err = imported(db, capsys, source)
    assert code == 2 and calls == []  # refused by the count before the first row was read
    assert err.strip() == (f"错误：“{source}”的工作表“Sheet”超过1,000行（可以导入的上限），未导入。"
                           "请按乡镇或村分成几个文件再导入")


def test_rows_are_also_counted_as_they_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick count can be fooled (rows hidden from it); the reading is not."""
    from openpyxl import load_workbook

    from suining_desk.exchange.fast_xlsx import fast_rows

    source = bombs.xlsx_with_sheet(tmp_path / "many.xlsx", (bombs.person_row(n) for n in range(2, 3_000)))
    monkeypatch.setattr(limits, "MAX_ROWS", 1_000)
    book = load_workbook(source, read_only=True)
    with pytest.raises(limits.TooLarge) as caught:
        for _ in fast_rows(book.worksheets[0]):
            pass
    book.close()
    assert (caught.value.code, caught.value.params["row"]) == ("file_too_many_rows", 1001)


def test_one_huge_shared_string_is_refused_and_never_echoed(db: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    huge = "危" * 2_000_000  # 6 MB of text in one cell
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
              f'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{huge}</t></si></sst>')
    source = bombs.xlsx_with_sheet(tmp_path / "string.xlsx", ['<row r="2"><c r="A2" t="s"><v>0</v></c></row>'],
                                   shared=shared)
    code, err = imported(db, capsys, source)
    assert code == 2 and len(err) < 300 and "危危危" not in err
    assert "中有一段文字超过32,767个字（Excel 单元格的上限）" in err


def test_one_huge_inline_string_is_refused_as_it_streams(tmp_path: Path) -> None:
    cell = f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"x" * 5_000_000}</t></is></c></row>'
    problem = refused(bombs.xlsx_with_sheet(tmp_path / "inline.xlsx", [cell]))
    assert problem.code == "file_cell_too_long" and problem.params["row"] == 2
    assert len(describe(problem)) < 200


def test_a_wide_row_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 100_000)
    far = (f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(2, 100))
    problem = refused(bombs.xlsx_with_sheet(tmp_path / "wide.xlsx", far))
    assert problem.code == "file_too_many_cells"
    beyond = ['<row r="2"><c r="ZZZZZZZZZZ2"><v>1</v></c></row>']  # no spreadsheet has such a column
    problem = refused(bombs.xlsx_with_sheet(tmp_path / "beyond.xlsx", beyond))
    assert problem.code == "file_too_many_columns"


def test_xml_that_holds_no_cells_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_QUIET_BYTES", 1 << 20)
    junk = [f"<!-- {'x' * (3 << 20)} -->"]  # a giant comment (or tag) in the middle of the data
    problem = refused(bombs.xlsx_with_sheet(tmp_path / "quiet.xlsx", junk))
    assert problem.code == "file_xml_quiet"


def test_declared_sizes_are_checked_before_anything_is_unpacked(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 2 << 20)
    source = bombs.xlsx_with_sheet(tmp_path / "big.xlsx", (bombs.person_row(n) for n in range(2, 30_000)))
    problem = refused(source)
    assert problem.code == "file_unpacked_too_big_declared"
    assert describe(problem).endswith(
        "超过可以导入的上限2 MB，未导入：文件可能是恶意构造的“压缩炸弹”；正常的表格请分成几个较小的文件")


SCRIPT = """
import resource, sys
from suining_desk.exchange.reader import open_rows, FileUnreadable
from suining_desk.exchange.register_layout import REGISTER
from suining_desk.domain.messages import describe
try:
    with open_rows(sys.argv[1], REGISTER) as source:
        sum(1 for _ in source.rows)
except FileUnreadable as e:
    print(describe(e.problems[0]))
    try:  # this process's peak, in MB (VmHWM: ru_maxrss would carry the parent's across fork and exec)
        with open("/proc/self/status") as status:
            print(next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) // 1024)
    except OSError:
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    sys.exit(2)
"""


@pytest.mark.parametrize("lie", [False, True])
def test_a_real_bomb_is_refused_fast_with_memory_bounded(tmp_path: Path, lie: bool) -> None:
    """1.5 GB of rows from a few megabytes on disk, with true headers (refused by its declared
    size) or headers that say 200 KB (the zip reader gives no more: refused as damaged)."""
    source = tmp_path / "bomb.xlsx"
    try:
        size = bombs.huge_zip(source, rows=13_000_000, declared=200_000 if lie else None)
        assert size > 1_500_000_000 and source.stat().st_size < 8_000_000
        started = time.monotonic()
        child = subprocess.run([sys.executable, "-c", SCRIPT, str(source)], cwd=ROOT, capture_output=True,
                               text=True, timeout=120)
        seconds = time.monotonic() - started
    finally:
        source.unlink(missing_ok=True)  # nobody else opens it (the suite's last scan reads every file)
    assert child.returncode == 2, child.stderr
    message, peak_mb = child.stdout.splitlines()
    expected = "不是有效的 .xlsx 文件" if lie else "解压后有1.4 GB，超过可以导入的上限1 GB"
    assert expected in message
    assert seconds < 20 and int(peak_mb) < 300, (seconds, peak_mb)


def test_csv_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header = "户编号,姓名,证件号码,与户主关系,乡镇,行政村,村民小组\n"
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    many = tmp_path / "many.csv"
    many.write_text(header + "H1,吴长寿,,户主,长铺镇,青石村,二组\n" * 500, encoding="utf-8")
    assert refused(many).code == "file_too_many_rows"
    monkeypatch.setattr(csv_sheet, "MAX_LINE_CHARS", 10_000)
    line = tmp_path / "line.csv"
    line.write_text(header + "H1," + "吴" * 50_000, encoding="utf-8")  # one line, never ending
    assert refused(line).code == "file_line_too_long"
    cell = tmp_path / "cell.csv"
    cell.write_text(header + 'H1,"' + "吴\n" * 40_000 + '",,户主,长铺镇,青石村,二组\n', encoding="utf-8")
    monkeypatch.setattr(csv_sheet, "MAX_LINE_CHARS", 1 << 21)
    assert refused(cell).code == "file_cell_too_long"
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_text(header + "H1,吴长寿,,户主,长铺镇,青石村,二组\n" * 50, encoding="utf-8")
    assert refused(big).code == "file_too_big"


def test_a_web_page_saved_as_xls_is_read_within_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = ("户编号", "姓名", "证件号码", "与户主关系", "乡镇", "行政村", "村民小组")
    header = "".join(f"<th>{h}</th>" for h in labels)
    merges = "<tr>" + '<td colspan="1000" rowspan="1000">x</td>' * 20 + "</tr>"  # 20 million cells from 1 KB
    monkeypatch.setattr(limits, "MAX_CELLS", 5_000_000)
    page = tmp_path / "page.xls"
    page.write_text(f"<html><table><tr>{header}</tr>{merges}</table></html>", encoding="utf-8")
    assert refused(page).code == "file_too_many_cells"
    monkeypatch.undo()
    page.write_text(f"<html><table><tr>{header}</tr>{merges}</table></html>", encoding="utf-8")
    assert refused(page).code == "file_too_many_cells"  # merges held for the rows below: a million at most
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 1000)
    page.write_text(f"<html><table><tr>{header}</tr><tr><td>{'x' * 5000}</td></tr></table></html>", encoding="utf-8")
    assert refused(page).code == "file_cell_too_long"
    monkeypatch.setattr(limits, "MAX_WHOLE_FILE_BYTES", 100)
    page.write_text(f"<html><table><tr>{header}</tr></table></html>", encoding="utf-8")
    assert refused(page).code == "file_too_big"


def test_an_old_xls_is_read_within_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = sheets.register_sheet(tmp_path / "r.xlsx", [["H1", "吴" * 3000, "", "户主", "长铺镇", "青石村", "二组"]])
    xls = sheets.as_xls(source, tmp_path / "r.xls")
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 1000)
    assert refused(xls).code == "file_cell_too_long"
    xls = sheets.as_xls(source, tmp_path / "r.xls")
    monkeypatch.setattr(limits, "MAX_WHOLE_FILE_BYTES", 1000)
    assert refused(xls).code == "file_too_big"


def test_a_bank_return_file_is_read_within_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.exchange.bank_return import read_return
    from suining_desk.exchange.bank_sheets import BankFileUnusable

    def read_return_file(path: Path, profile: str = "standard") -> object:
        return read_return(path, get_profile(profile))

    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    for name, text, profile in (("r.csv", "账号,金额,状态\n" + "6221880000000001,960,成功\n" * 500, "standard"),
                                ("r.txt", "1|6221880000000001|张三|960.00|00||20181012\n" * 500, "pipe-gbk")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(BankFileUnusable) as caught:
            read_return_file(path, profile)
        assert caught.value.problems[0].code == "file_too_many_rows"
    huge = tmp_path / "r.xlsx"
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
              f'spreadsheetml/2006/main"><si><t>{"x" * 100_000}</t></si></sst>')
    bombs.xlsx_with_sheet(huge, [], shared=shared)
    with pytest.raises(BankFileUnusable) as caught:
        read_return_file(huge)
    assert caught.value.problems[0].code == "file_shared_text_too_long"
    huge.unlink()


def test_a_huge_value_is_never_echoed_whole() -> None:
    text = describe(Problem("bad_choice", {"label": "户状态", "value": "危" * 1_000_000}))
    assert len(text) < 200 and text.endswith("……（共1,000,000个字，未全部显示）”不在可选范围内")


@pytest.mark.parametrize("block", [7, 100, 1 << 20])
def test_the_quick_row_count_sees_every_row_however_the_blocks_fall(monkeypatch: pytest.MonkeyPatch,
                                                                    block: int) -> None:
    import io

    from suining_desk.exchange import xlsx_guard

    monkeypatch.setattr(xlsx_guard, "BLOCK", block)
    body = "".join(bombs.person_row(n) for n in range(2, 300)) + '<row r="300"/><row r="301">' + "</row>"
    plain = (bombs.HEAD + bombs.HEADER_ROW + body + "<rowBreaks/>" + bombs.TAIL).encode()
    prefixed = plain.replace(b"<worksheet", b"<x:worksheet").replace(b"<row", b"<x:row").replace(b"</row", b"</x:row")
    for xml in (plain, prefixed):
        assert xlsx_guard.count_rows(io.BytesIO(xml), 10_000) == 301  # the header, 298 people, 2 empty rows


def test_every_limit_has_its_chinese_message() -> None:
    import re

    import suining_desk
    from suining_desk.domain.messages import MESSAGES

    root = Path(suining_desk.__file__).parent
    codes = {code for f in root.rglob("*.py")
             for code in re.findall(r'(?:TooLarge|unreadable)\(\s*"([a-z_]+)"', f.read_text("utf-8"))}
    assert {"file_too_many_rows", "file_cell_too_long", "file_damaged_at"} <= codes
    assert sorted(codes - MESSAGES.keys()) == []
