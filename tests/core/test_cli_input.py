"""The command line checks input the same way everywhere: one checker for years and
periods, full-width digits (typed with a Chinese input method) read like ASCII, and output
files whose suffix says what they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.cli.args import date_arg, plain
from tests.payments import CLI_PASSWORD, cli_payment_county

PASSWORD = CLI_PASSWORD


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    monkeypatch.chdir(tmp_path)
    return target


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _post(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = "DB-430527100-2018-10"
    for argv in (["batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
                  "--pay-date", "2018-10-10", "--user", "luru"], ["batch", "submit", batch, "--user", "luru"],
                 ["batch", "approve", batch, "--user", "shenhe"],
                 ["batch", "post", batch, "--date", "2018-10-10", "--user", "shenhe"]):
        assert run(path, capsys, *argv)[0] == 0


# --- one checker for years and periods ---------------------------------------------------------


@pytest.mark.parametrize(("argv", "message"), [
    (["payment", "totals", "--period", "2018-13"], "期间“2018-13”格式不对"),
    (["payment", "totals", "--period", "1999-11"], "期间“1999-11”格式不对"),
    (["payment", "totals", "--period", "十一月"], "期间“十一月”格式不对"),
    (["payment", "totals", "--program", "助学补助", "--period", "2018-11"], "期间“2018-11”格式不对，应如 2018-T1"),
    (["payment", "totals", "--program", "低保", "--period", "2018-Q5"], "期间“2018-Q5”格式不对"),
    (["payment", "totals", "--year", "99999"], "年度“99999”无效，应为2000到2100之间的四位年份"),
    (["payment", "totals", "--year", "18"], "年度“18”无效"),
    (["batch", "list", "--year", "99999"], "年度“99999”无效"),
    (["batch", "create", "--program", "低保", "--period", "2018-13", "--area", "长铺镇", "--user", "luru"],
     "期间“2018-13”格式不对"),
    (["ledger", "payments", "--program", "低保", "--year", "99999", "--out", "x.pdf"], "年度“99999”无效"),
    (["period", "close", "9999-11", "--user", "shenhe"], "月份“9999-11”格式不对"),
])
def test_years_and_periods_are_refused_alike(path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                             message: str) -> None:
    code, out, err = run(path, capsys, *argv)
    assert code == 1, out
    assert message in err and out == ""


def test_export_refuses_a_year_out_of_range(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(path, capsys, "export", "payments", "p.xlsx", "--year", "99999")
    assert code == 2 and "年度“99999”无效" in err
    assert not Path("p.xlsx").exists()


# --- full-width digits -----------------------------------------------------------------------


def test_plain_reads_full_width_forms() -> None:
    assert plain("　２０１８－１１ ") == "2018-11"
    assert plain("２０１８－Ｔ１") == "2018-T1"
    assert date_arg("２０１８－１１－２０") == dt.date(2018, 11, 20)


def test_full_width_digits_mean_the_same_as_ascii(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _post(path, capsys)
    for period, year in (("2018-10", "2018"), ("２０１８－１０", "２０１８")):
        code, out, _ = run(path, capsys, "payment", "totals", "--period", period, "--json")
        assert code == 0 and json.loads(out)["payments"] == 2
        code, out, _ = run(path, capsys, "payment", "totals", "--year", year, "--program", "低保", "--json")
        assert code == 0 and json.loads(out)["payments"] == 2
        code, out, _ = run(path, capsys, "batch", "list", "--year", year, "--json")
        assert code == 0 and [b["batch_no"] for b in json.loads(out)] == ["DB-430527100-2018-10"]
    code, out, err = run(path, capsys, "ledger", "payments", "--program", "低保", "--year", "２０１８",
                         "--month", "１０", "--date", "２０１８－１２－０１", "--out", "l.pdf", "--user", "luru")
    assert code == 0, err
    assert "2018年10月" in out and Path("l.pdf").is_file()


def test_full_width_period_and_dates_in_batches(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(path, capsys, "batch", "preview", "--program", "低保", "--period", "２０１８－１０",
                         "--area", "长铺镇", "--pay-date", "２０１８－１０－１０", "--user", "luru")
    assert code == 0, err
    assert "2018-10：应发 2 笔" in out
    code, out, err = run(path, capsys, "period", "close", "２０１８－０９", "--user", "shenhe")
    assert code == 0 and "2018-09 已关账" in out


# --- output files say what they are ------------------------------------------------------------


@pytest.mark.parametrize(("argv", "code", "suffix"), [
    (["ledger", "payments", "--program", "低保", "--year", "2018", "--out", "x.txt"], 1, ".pdf"),
    (["ledger", "summary", "--year", "2018", "--out", "x"], 1, ".pdf"),
    (["export", "households", "x.txt"], 2, ".xlsx"),
    (["template", "households", "--out", "x.csv"], 2, ".xlsx"),
    (["import", "households", "none.xlsx", "--report", "r.txt", "--user", "luru"], 2, ".xlsx"),
])
def test_an_output_file_with_the_wrong_suffix_is_refused(path: Path, capsys: pytest.CaptureFixture[str],
                                                         argv: list[str], code: int, suffix: str) -> None:
    before = set(Path().iterdir())
    got, _, err = run(path, capsys, *argv)
    assert got == code
    assert f"的扩展名应为 {suffix}" in err
    assert set(Path().iterdir()) == before


def test_an_upper_case_suffix_is_fine(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _post(path, capsys)
    code, _, err = run(path, capsys, "ledger", "payments", "--program", "低保", "--year", "2018", "--out", "X.PDF",
                       "--user", "luru")
    assert code == 0, err
    assert Path("X.PDF").is_file()
