"""Issue 19, item 2: every encoding a Chinese office writes a CSV or TXT in — UTF-8 with and
without a byte-order mark, GB18030 and GBK, UTF-16 LE and BE with a mark (Excel's "Unicode
文本", tab-separated) — is read, for every kind of import and for bank return files. The files
are written here, one per encoding."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.db import close_database, open_database
from suining_desk.db.models import Person
from suining_desk.exchange.imports import run_import
from suining_desk.exchange.layouts import LAYOUTS
from suining_desk.exchange.reader import FileUnreadable, peek
from suining_desk.exchange.staging import ImportOptions
from suining_desk.exchange.text_encoding import NotText, detect, detect_file
from tests import exchange_sheets as sheets
from tests.county import build_county

# (name, codec, byte-order mark written first, cell separator)
ENCODINGS = [
    ("utf-8", "utf-8", b"", ","),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8, ","),
    ("gb18030", "gb18030", b"", ","),
    ("gbk", "gbk", b"", ","),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE, "\t"),  # Excel: 另存为 Unicode 文本
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE, "\t"),
]
IDS = [e[0] for e in ENCODINGS]


def write(path: Path, rows: list[list[str]], encoding: tuple[str, str, bytes, str]) -> Path:
    _, codec, mark, separator = encoding
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    path.write_bytes(mark + out.getvalue().encode(codec))
    return path


def _sample(kind: str) -> tuple[list[str], list[str]]:
    """A header naming the layout's required columns (and 姓名 where it has one) and one row."""
    layout = LAYOUTS[kind]
    columns = [c for c in layout.columns if c.required or c.key == "name"]
    values = {"name": "曾伟", "village": "青石村", "group": "一组", "program": "低保", "relation": "户主"}
    row = [values.get(c.key) or c.example or "修缮加固" for c in columns]
    return [c.label for c in columns], row


@pytest.mark.parametrize("encoding", ENCODINGS, ids=IDS)
@pytest.mark.parametrize("kind", sorted(LAYOUTS))
@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_every_import_reads_every_encoding(tmp_path: Path, kind: str, encoding: tuple[str, str, bytes, str],
                                           suffix: str) -> None:
    header, row = _sample(kind)
    path = write(tmp_path / f"{kind}{suffix}", [["绥宁县长铺镇" + LAYOUTS[kind].title], header, row], encoding)
    source, first = peek(path, LAYOUTS[kind])
    assert source.header.row == 2 and not LAYOUTS[kind].missing_required(source.header)
    assert first == [(3, tuple(row))]  # every Chinese character as written


@pytest.fixture
def county(tmp_path: Path) -> Iterator[object]:
    open_database(tmp_path / "county.sqlite3")
    yield build_county()
    close_database()


@pytest.mark.parametrize("encoding", ENCODINGS, ids=IDS)
def test_a_register_imports_in_every_encoding(county: object, tmp_path: Path,
                                              encoding: tuple[str, str, bytes, str]) -> None:
    rows = [["户编号", "姓名", "身份证号码", "与户主关系", "乡镇", "村", "组", "家庭住址"],
            ["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "1组", "鹅公岭侗族苗族乡𠀾屋场"]]
    if encoding[0] == "gbk":
        rows[1][-1] = "鹅公岭侗族苗族乡"  # GBK has no 𠀾
    path = write(tmp_path / "名单.csv", rows, encoding)
    result = run_import("households", path, ImportOptions(user="admin", today=dt.date(2018, 12, 1)))
    assert result.exit_code == 0 and result.people_added == 1, result.problems
    person = Person.get()
    assert (person.name, person.household.address) == ("杨桂花", rows[1][-1])


def test_detection_by_mark_then_utf8_then_the_detector() -> None:
    text = "账号\t金额\t状态\r\n6221880000000001\t960.00\t成功\r\n"
    assert detect(codecs.BOM_UTF8 + text.encode()) == "utf-8-sig"
    assert detect(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == "utf-16"
    assert detect(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == "utf-16"
    assert detect(codecs.BOM_UTF32_LE + text.encode("utf-32-le")) == "utf-32"
    assert detect(text.encode()) == "utf-8"
    assert detect(text.encode()[:-5] + "成".encode()[:2]) == "utf-8"  # a character cut by the sample's end
    assert detect(text.encode("gbk")) == "gb18030"
    assert detect(text.encode("utf-16-le")) == "utf-16-le"  # no mark: charset-normalizer
    assert detect(text.encode("gbk"), "gbk") == "gb18030"  # a profile's GBK reads as its superset
    with pytest.raises(NotText):
        detect(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8, whole=True)


def test_a_workbook_renamed_csv_is_refused_as_no_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "名单.csv"
    sheets.register_sheet(tmp_path / "名单.xlsx", [["H1", "杨桂花", sheets.YANG, "户主", "长铺镇", "青石村", "一组"]]
                          ).rename(path)
    with pytest.raises(FileUnreadable) as refused:
        peek(path, LAYOUTS["households"])
    assert [p.code for p in refused.value.problems] == ["file_not_spreadsheet"]
    with pytest.raises(NotText):
        detect_file(path)


@pytest.mark.parametrize("encoding", ENCODINGS, ids=IDS)
@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_a_bank_return_file_in_every_encoding(tmp_path: Path, encoding: tuple[str, str, bytes, str],
                                              suffix: str) -> None:
    from suining_desk.exchange.bank_profiles import get_profile
    from suining_desk.exchange.bank_return import read_return

    path = write(tmp_path / f"回盘{suffix}", [["账号", "户名", "金额", "处理结果", "失败原因"],
                                            ["6221880000000001", "张建国", "960.00", "成功", ""],
                                            ["6221880000000002", "李德明", "330.00", "失败", "户名不符"]], encoding)
    lines, problems = read_return(path, get_profile("standard"))
    assert problems == []
    assert [(ln.account, ln.amount_fen, ln.result, ln.note) for ln in lines] == [
        ("6221880000000001", 96000, "paid", ""), ("6221880000000002", 33000, "failed", "户名不符")]
