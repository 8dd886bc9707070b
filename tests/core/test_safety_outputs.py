"""Issue 13, item 10 (the file parts): nothing is destroyed by where a command writes, and a
file that cannot be used says so (exit 2), never "程序内部出错" (exit 70).

- a damaged .xlsx (a zip cut short or scrambled, a zip that is no workbook, a workbook whose
  sheet, styles or sheet XML is missing or broken) is refused in Chinese with exit 2;
- ``verify`` on a file that merely starts with ``%PDF`` exits 2 (not one of our ledgers);
- ``import … --report`` naming the sheet being imported — also through a link or another
  spelling of the same path — is refused before anything is imported, the sheet intact;
- ``--out`` (ledger, export, template, report, bank file) replaces an earlier file of the
  same kind, and refuses any other: a database, a workbook under a PDF's name, a PDF under a
  workbook's name, a folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Person
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


def people(path: Path) -> int:
    open_database(path)
    try:
        return int(Person.select().count())
    finally:
        close_database()


def _rewritten(good: Path, path: Path, change: dict[str, bytes | None]) -> Path:
    """``good`` with some parts replaced (``None``: left out)."""
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = change.get(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return path


def damaged_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = sheets.register_sheet(tmp_path / "good.xlsx", [GOOD] * 3)
    raw = good.read_bytes()
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    scrambled = bytearray(raw)
    for i in range(200, 800):
        scrambled[i] ^= 0x5A
    files = {
        "cut": (raw[: len(raw) // 2], "不是有效的 .xlsx 文件"),
        "scrambled": (bytes(scrambled), "不是有效的 .xlsx 文件"),
        "text": ("户编号,姓名\n".encode(), "不是有效的 .xlsx 文件"),
    }
    found = {name: (tmp_path / f"{name}.xlsx", text) for name, (_, text) in files.items()}
    for name, (data, _) in files.items():
        found[name][0].write_bytes(data)
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("hello.txt", "a zip, but no workbook")
    found["zip"] = (other, "不是有效的 .xlsx 文件")
    found["no sheet"] = (_rewritten(good, tmp_path / "nosheet.xlsx", {"xl/worksheets/sheet1.xml": None}),
                         "已损坏：工作表“Sheet”的内容缺失")
    found["no workbook"] = (_rewritten(good, tmp_path / "nobook.xlsx", {"xl/workbook.xml": None}),
                            "不是有效的 .xlsx 文件")
    found["sheet cut"] = (_rewritten(good, tmp_path / "sheetcut.xlsx",
                                     {"xl/worksheets/sheet1.xml": sheet[: len(sheet) * 2 // 3]}),
                          "已损坏：工作表“Sheet”开头的内容无法读取")
    found["styles"] = (_rewritten(good, tmp_path / "styles.xlsx", {"xl/styles.xml": b"<garbage"}),
                       "不是有效的 .xlsx 文件")
    return found


def test_damaged_workbooks_are_refused_in_chinese_with_exit_2(db: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    for name, (path, text) in damaged_files(tmp_path).items():
        code = main(["import", "households", str(path), "--db", str(db), "--user", "admin"])
        err = capsys.readouterr().err
        assert code == 2, (name, err)
        assert err.startswith("错误：") and text in err and "程序内部出错" not in err, (name, err)
    assert people(db) == 0


def test_a_sheet_damaged_half_way_down_names_the_row_reached(db: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows = [[f"H{n}", "吴长寿", "", "户主", "长铺镇", "青石村", "二组"] for n in range(2, 400)]
    good = sheets.register_sheet(tmp_path / "long.xlsx", rows)
    sheet = zipfile.ZipFile(good).read("xl/worksheets/sheet1.xml")
    cut = sheet[: sheet.index(b'<row r="300"') + 20]  # the XML stops inside row 300
    path = _rewritten(good, tmp_path / "cut.xlsx", {"xl/worksheets/sheet1.xml": cut})
    assert main(["import", "households", str(path), "--db", str(db), "--user", "admin"]) == 2
    err = capsys.readouterr().err
    assert f"“{path}”已损坏：工作表“Sheet”第299行之后的内容无法读取" in err
    assert people(db) == 0


def test_verify_says_a_file_that_only_starts_with_pdf_is_not_a_ledger(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in (("text.pdf", b"%PDF-1.4\nnot really a PDF\n"), ("short.pdf", b"%PDF"),
                       ("html.pdf", b"%PDF-1.7\n<html>a web page</html>\n%%EOF\n")):
        path = tmp_path / name
        path.write_bytes(data)
        assert main(["verify", str(path), "--db", str(tmp_path / "none.sqlite3")]) == 2, name
        assert "不是本软件生成的台账" in capsys.readouterr().err


def test_verify_still_says_a_ledger_cut_short_is_damaged(small_demo: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    ledger = tmp_path / "台账.pdf"
    assert main(["ledger", "payments", "--program", "低保", "--year", "2018", "--db", str(small_demo),
                 "--user", "admin", "--out", str(ledger)]) == 0
    capsys.readouterr()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(ledger.read_bytes()[:20_000])
    assert main(["verify", str(cut), "--db", str(small_demo)]) == 1
    assert "不完整或已损坏" in capsys.readouterr().out


@pytest.mark.parametrize("spelling", ["same", "dot", "parent", "link"])
def test_a_report_over_the_sheet_being_imported_is_refused(db: Path, tmp_path: Path, spelling: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = sheets.register_sheet(tmp_path / "花名册.xlsx", [GOOD])
    before = source.read_bytes()
    report = {"same": str(source), "dot": str(tmp_path / "." / "花名册.xlsx"),
              "parent": str(tmp_path / "sub" / ".." / "花名册.xlsx"), "link": str(tmp_path / "link.xlsx")}[spelling]
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.xlsx").symlink_to(source)
    code = main(["import", "households", str(source), "--db", str(db), "--user", "admin", "--report", report])
    assert code == 2
    assert "就是要读取的文件" in capsys.readouterr().err
    assert source.read_bytes() == before and people(db) == 0  # refused before anything was imported


def _other_kinds(tmp_path: Path, db: Path) -> dict[str, Path]:
    """Files a clerk keeps, under the names an output might be given."""
    workbook = sheets.register_sheet(tmp_path / "keep.xlsx", [GOOD])
    found = {"keep.xlsx": workbook}
    for suffix in (".pdf", ".xlsx", ".csv"):
        found[f"database{suffix}"] = tmp_path / f"database{suffix}"
        shutil.copy(db, found[f"database{suffix}"])
    found["workbook.pdf"] = tmp_path / "workbook.pdf"
    shutil.copy(workbook, found["workbook.pdf"])
    found["workbook.csv"] = tmp_path / "workbook.csv"
    shutil.copy(workbook, found["workbook.csv"])
    found["scan.xlsx"] = tmp_path / "scan.xlsx"
    found["scan.xlsx"].write_bytes(b"%PDF-1.4\n% a scan of a contract\n%%EOF\n")
    found["scan.csv"] = tmp_path / "scan.csv"
    found["scan.csv"].write_bytes(b"%PDF-1.4\n\x00\x01\x02 binary\n%%EOF\n")
    found["linked.pdf"] = tmp_path / "linked.pdf"
    found["linked.pdf"].symlink_to(found["database.xlsx"])  # a link to a copy of the database
    found["folder.xlsx"] = tmp_path / "folder.xlsx"
    found["folder.xlsx"].mkdir()
    return found


def test_outputs_never_replace_another_kind_of_file(small_demo: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    kept = _other_kinds(tmp_path, small_demo)
    before = {name: (path.read_bytes() if path.is_file() else None) for name, path in kept.items()}
    batch = sqlite3.connect(small_demo).execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    db = ["--db", str(small_demo)]
    source = sheets.register_sheet(tmp_path / "in.xlsx", [GOOD])
    commands = {
        ".pdf": lambda out: ["ledger", "payments", "--program", "低保", "--year", "2018", *db, "--user", "admin",
                             "--out", out],
        ".xlsx": lambda out: ["export", "households", out, *db, "--user", "admin"],
    }
    refusals = [
        (commands[".pdf"], "database.pdf", 1), (commands[".pdf"], "workbook.pdf", 1),
        (commands[".pdf"], "linked.pdf", 1),
        (commands[".xlsx"], "database.xlsx", 2), (commands[".xlsx"], "scan.xlsx", 2),
        (commands[".xlsx"], "folder.xlsx", 2),
        (lambda out: ["template", "households", "--out", out], "scan.xlsx", 2),
        (lambda out: ["template", "households", "--out", out], "database.xlsx", 2),
        (lambda out: ["import", "households", str(source), *db, "--user", "admin", "--report", out,
                      "--check"], "scan.xlsx", 2),
        (lambda out: ["batch", "export-bank", batch, out, *db, "--user", "admin"], "database.csv", 1),
        (lambda out: ["batch", "export-bank", batch, out, *db, "--user", "admin"], "workbook.csv", 1),
        (lambda out: ["batch", "export-bank", batch, out, *db, "--user", "admin"], "scan.csv", 1),
        (lambda out: ["batch", "export-bank", batch, out, *db, "--user", "admin"], "database.xlsx", 1),
        (commands[".pdf"], "keep.xlsx", 1), (commands[".xlsx"], "database.pdf", 2),  # the suffix says it first
    ]
    for argv, name, code in refusals:
        got = main(argv(str(kept[name])))
        err = capsys.readouterr().err
        assert got == code, (name, argv(name), err)
        assert any(text in err for text in ("不会覆盖", "这是一个文件夹，不是文件", "的扩展名应为")), (name, err)
    after = {name: (path.read_bytes() if path.is_file() else None) for name, path in kept.items()}
    assert after == before
    assert os.path.islink(kept["linked.pdf"])


def test_an_earlier_output_of_the_same_kind_is_replaced(small_demo: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    db = ["--db", str(small_demo)]
    ledger, export, bank, empty = (tmp_path / "台账.pdf", tmp_path / "花名册.xlsx", tmp_path / "代发.csv",
                                   tmp_path / "空.xlsx")
    batch = sqlite3.connect(small_demo).execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    empty.touch()
    for _ in range(2):
        assert main(["ledger", "summary", "--year", "2018", *db, "--user", "admin", "--out", str(ledger)]) == 0
        assert main(["export", "people", str(export), *db, "--user", "admin"]) == 0
        assert main(["batch", "export-bank", batch, str(bank), *db, "--user", "admin"]) == 0
    assert main(["template", "households", "--out", str(export)]) == 0  # a workbook over a workbook
    assert main(["template", "households", "--out", str(empty)]) == 0  # an empty file holds nothing
    capsys.readouterr()
    assert ledger.read_bytes().startswith(b"%PDF-") and zipfile.is_zipfile(export) and zipfile.is_zipfile(empty)
    assert bank.read_text(encoding="utf-8-sig").startswith("序号,姓名")


def test_the_report_of_an_old_xls_copies_its_sheet(db: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """It crashed (InvalidFileException: openpyxl was given the .xls)."""
    from openpyxl import load_workbook

    wrong = ["H9", "吴长寿", "123", "户主", "长铺镇", "青石村", "二组"]
    source = sheets.as_xls(sheets.register_sheet(tmp_path / "r.xlsx", [wrong]), tmp_path / "花名册.xls")
    report = tmp_path / "报告.xlsx"
    assert main(["import", "households", str(source), "--db", str(db), "--user", "admin", "--report",
                 str(report)]) == 1
    assert "程序内部出错" not in capsys.readouterr().err
    rows = [[c.value for c in row] for row in load_workbook(report)["Sheet"].iter_rows()]
    assert rows[0][:2] == ["户编号", "姓名"] and rows[0][-1] == "导入问题"
    assert rows[1][:3] == ["H9", "吴长寿", "123"] and "身份证号码" in rows[1][-1]


def test_the_bank_file_replaces_only_its_own_kind(small_demo: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """F9: ``batch export-bank`` writes .csv or .xlsx over a file of that kind only. A PDF
    renamed, whose ``%PDF-`` comes after a byte-order mark or a line break (PDF readers open
    it), was taken for text and replaced by the CSV; a database renamed either way is kept too."""
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    batch = sqlite3.connect(small_demo).execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    kept = {"bom.csv": b"\xef\xbb\xbf" + pdf, "newline.csv": b"\r\n" + pdf, "junk.xlsx": b"junk " + pdf,
            "database.csv": small_demo.read_bytes(), "database.xlsx": small_demo.read_bytes()}
    for name, content in kept.items():
        (tmp_path / name).write_bytes(content)
        code = main(["batch", "export-bank", batch, str(tmp_path / name), "--db", str(small_demo), "--user", "admin"])
        err = capsys.readouterr().err
        assert code == 1 and "不会覆盖" in err, (name, err)
        assert (tmp_path / name).read_bytes() == content, name
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no partial left
    for name in ("earlier.csv", "earlier.xlsx"):  # its own kind is replaced, as before
        out = tmp_path / name
        for _ in range(2):
            assert main(["batch", "export-bank", batch, str(out), "--db", str(small_demo), "--user", "admin"]) == 0


def test_a_link_planted_at_a_temporary_or_target_name_never_redirects_the_write(
        small_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F5: exports and bank files were written to ``.NAME.partial`` beside
    the target, opened as it came — a link planted under that name sent the whole export into
    whatever it pointed to (a database). Temporary names are random now and created exclusively
    (never through a link); a link at the target itself is replaced, its file left alone."""
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", PASSWORD)
    db = ["--db", str(small_demo)]
    victim = tmp_path / "victim.sqlite3"
    shutil.copy(small_demo, victim)
    before = victim.read_bytes()
    batch = sqlite3.connect(small_demo).execute(
        "SELECT batch_no FROM payment_batch WHERE status = 'posted' ORDER BY id DESC LIMIT 1").fetchone()[0]
    for name, argv in (("花名册.xlsx", ["export", "households"]), ("代发.csv", ["batch", "export-bank", batch]),
                       ("代发.xlsx", ["batch", "export-bank", batch])):
        (tmp_path / f".{name}.partial").symlink_to(victim)  # the old, predictable name
        assert main([*argv, str(tmp_path / name), *db, "--user", "admin"]) == 0, capsys.readouterr().err
        assert victim.read_bytes() == before and (tmp_path / name).stat().st_size > 0
    kept = sheets.register_sheet(tmp_path / "keep.xlsx", [GOOD])
    kept_bytes = kept.read_bytes()
    (tmp_path / "link.xlsx").symlink_to(kept)  # a workbook, so the output may replace it: the link, not the file
    assert main(["export", "people", str(tmp_path / "link.xlsx"), *db, "--user", "admin"]) == 0
    assert kept.read_bytes() == kept_bytes and not (tmp_path / "link.xlsx").is_symlink()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".") and not p.is_symlink())
    assert left == []  # no temporary file left behind


def test_temporary_names_are_random_and_taken_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import secrets

    from suining_desk.storage import tempfiles

    target = tmp_path / "out.csv"
    first, fh = tempfiles.exclusive_beside(target)
    fh.close()
    second, fh = tempfiles.exclusive_beside(target)
    fh.close()
    assert first != second and first.name.startswith(".out.csv.") and first.suffix == ".partial"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    names = iter(["aaaa", "bbbb"])
    monkeypatch.setattr(secrets, "token_hex", lambda _n: next(names))
    (tmp_path / ".out.csv.aaaa.partial").symlink_to(victim)  # someone guessed the first name
    path, fh = tempfiles.exclusive_beside(target)
    with fh:
        fh.write(b"new")
    assert path.name == ".out.csv.bbbb.partial" and victim.read_text(encoding="utf-8") == "keep"
