"""Issue 19, item 3: a log a county IT person can read — what was opened, imported, exported,
printed and backed up, with times and counts, in logs/ of the data folder, never a full ID
or bank number; ``--verbose`` shows it on the screen too."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.storage import activity_log
from tests.exchange_sheets import YANG
from tests.payments import cli_payment_county
from tests.pii_scan import findings

BATCH = "DB-430527100-2018-10"
ID = "430527196005012014"
CARD = "6221880000000001"


@pytest.fixture
def county(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    activity_log.close()  # nothing of this test's folder stays attached


def _log() -> str:
    path = activity_log.log_dir() / activity_log.FILE_NAME
    return path.read_text(encoding="utf-8")


def test_the_log_says_what_was_done_with_counts_and_no_full_numbers(county: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(county)]
    for argv in (["batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
                  "--pay-date", "2018-10-10", "--user", "luru"], ["batch", "submit", BATCH, "--user", "luru"],
                 ["batch", "approve", BATCH, "--user", "shenhe"],
                 ["batch", "post", BATCH, "--date", "2018-10-10", "--user", "shenhe"],
                 ["batch", "export-bank", BATCH, str(tmp_path / "list.txt"), "--profile", "pipe-gbk", "--user", "luru"],
                 ["backup", "--out", str(tmp_path / "copy.sqlite3"), "--user", "admin"],
                 ["ledger", "payments", "--program", "低保", "--year", "2018", "--month", "10", "--township",
                  "长铺镇", "--out", str(tmp_path / "ledger.pdf"), "--user", "luru"]):
        assert main([*argv, *db]) == 0, capsys.readouterr().err
    answer = tmp_path / "answer.csv"
    answer.write_text(f"账号,金额,状态,失败原因\n{CARD},960,成功,\n", encoding="utf-8")
    assert main(["batch", "import-bank", BATCH, str(answer), "--date", "2018-10-12", "--user", "luru", *db]) == 0
    logging.getLogger("suining_desk.test").info("a stray number %s on card %s", ID, CARD)
    text = _log()
    stamp = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO "
    assert re.search(stamp + r"suining_desk\.db\.connection: database opened: .*county\.sqlite3$", text, re.M)
    assert "bank list exported: batch DB-430527100-2018-10, 2 lines, profile pipe-gbk, file list.txt" in text
    assert "bank return imported: batch DB-430527100-2018-10, profile standard, file answer.csv: 1 paid" in text
    assert re.search(r"backed up \(manual\): county\.sqlite3 -> .*copy\.sqlite3, \d+ bytes", text)
    assert "command: batch export-bank" in text
    assert re.search(r"ledger printed to PDF: .*低保.*, 2 rows, 1 pages, code \S+, .*ledger\.pdf", text)
    assert f"a stray number 430527********2014 on card ************{CARD[-4:]}" in text
    assert findings(text) == []  # the same scan the suite runs over every file it leaves
    path = activity_log.log_dir() / activity_log.FILE_NAME
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_imports_exports_and_ledgers_are_logged(county: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    register = tmp_path / "名单.csv"
    register.write_text(f"户编号,姓名,身份证号码,与户主关系,乡镇,村,组\nH9,杨桂花,{YANG},户主,长铺镇,青石村,1组\n",
                        encoding="utf-8")
    db = ["--db", str(county)]
    assert main(["import", "households", str(register), "--user", "admin", *db]) == 0, capsys.readouterr().err
    assert main(["export", "households", str(tmp_path / "out.xlsx"), "--user", "admin", *db]) == 0
    text = _log()
    assert "import households: " in text and "import households 名单.csv: 1 rows read, 0 rejected, written" in text
    assert re.search(r"exported 花名册: .*out\.xlsx, \d+ rows", text)
    assert YANG not in text


def test_verbose_shows_the_log_on_the_screen(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "list", "--db", str(county), "--verbose"]) == 0
    err = capsys.readouterr().err
    assert "INFO suining_desk.db.connection: database opened:" in err
    assert main(["batch", "list", "--db", str(county)]) == 0
    assert "database opened" not in capsys.readouterr().err  # only with --verbose


def test_the_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(activity_log, "MAX_BYTES", 2000)
    path = activity_log.configure(folder=tmp_path / "logs")
    assert path == tmp_path / "logs" / "suining-desk.log"
    log = logging.getLogger("suining_desk.test")
    try:
        for n in range(200):
            log.info("line %d of the test", n)
    finally:
        activity_log.close()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["suining-desk.log", *(f"suining-desk.log.{n}" for n in range(1, activity_log.BACKUPS + 1))]
    assert "line 199 of the test" in path.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_never_stops_the_program(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert activity_log.configure(folder=blocked / "logs") is None
    logging.getLogger("suining_desk.test").info("still fine")
