"""The bank commands from the QA report: a damaged return file (exit 2, Chinese, no crash
report), the lines a return file leaves out named, the bank's result and reason in
``payment show`` and ``batch show --lines``, and no re-issue of a line the bank paid."""

from __future__ import annotations

from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Payment
from tests.payments import CLI_PASSWORD, cli_payment_county

PASSWORD = CLI_PASSWORD
BATCH = "DB-430527100-2018-10"


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    target = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    for argv in (["batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
                  "--pay-date", "2018-10-10", "--user", "luru"], ["batch", "submit", BATCH, "--user", "luru"],
                 ["batch", "approve", BATCH, "--user", "shenhe"],
                 ["batch", "post", BATCH, "--date", "2018-10-10", "--user", "shenhe"]):
        assert main([*argv, "--db", str(target)]) == 0
    capsys.readouterr()
    return target


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _line(path: Path, account: str) -> int:
    open_database(path)
    try:
        return int(Payment.get((Payment.bank_account == account) & (Payment.amount_fen > 0)).id)
    finally:
        close_database()


def test_a_damaged_return_file_exits_2_in_chinese(path: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corrupt = tmp_path / "corrupt-return.xlsx"
    corrupt.write_text("银行回盘下载中断\n", encoding="utf-8")
    code, out, err = run(path, capsys, "batch", "import-bank", BATCH, str(corrupt), "--user", "luru")
    assert code == 2 and out == ""
    assert err.strip() == (f"错误：无法读取银行回盘文件“{corrupt}”：不是有效的 Excel 文件"
                           "（可能已损坏、没有下载完整或被改了扩展名）")
    assert "BadZipFile" not in err and "zip" not in err


def test_missing_lines_are_named_and_results_shown(path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(path, capsys, "batch", "export-bank", BATCH, str(tmp_path / "list.csv"))[0] == 1  # --user needed
    assert run(path, capsys, "batch", "export-bank", BATCH, str(tmp_path / "list.csv"), "--user", "luru")[0] == 0
    answer = tmp_path / "answer.csv"
    answer.write_text("账号,金额,状态,失败原因\n6221880000000002,330.00,交易未成功,户名不符\n", encoding="utf-8")
    code, out, _ = run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--date", "2018-10-12",
                       "--user", "luru")
    zhang, li = _line(path, "6221880000000001"), _line(path, "6221880000000002")
    assert code == 0 and "成功 0 笔，失败 1 笔" in out and "回盘中没有的 1 笔" in out
    assert f"回盘中没有：张建国　账号6221880000000001　960.00元（记录{zhang}）" in out
    code, out, _ = run(path, capsys, "batch", "show", BATCH, "--lines", "--user", "luru")
    assert "失败：户名不符（2018-10-12）" in out
    code, out, _ = run(path, capsys, "payment", "show", str(li), "--user", "luru")
    assert "银行结果：失败：户名不符（2018-10-12）　luru 登记" in out and "不能重新发放" not in out
    code, out, _ = run(path, capsys, "payment", "show", str(zhang), "--user", "luru")
    assert "银行结果：尚无回盘（已随银行代发文件送出）" in out and "不能重新发放：" in out
    # 张建国's line went to the bank and it has not answered: no re-issue.
    code, _, err = run(path, capsys, "payment", "reissue", str(zhang), "--reverse-reason", "误操作",
                       "--reason", "再发一次", "--user", "shenhe", "--date", "2018-10-20")
    assert code == 1 and "银行还没有回盘确认失败" in err


def test_a_line_the_bank_paid_is_not_reissued(path: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    answer = tmp_path / "answer.csv"
    answer.write_text("账号,金额,状态\n6221880000000001,960,成功\n", encoding="utf-8")
    assert run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--date", "2018-10-12",
               "--user", "luru")[0] == 0
    zhang = _line(path, "6221880000000001")
    code, _, err = run(path, capsys, "payment", "reissue", str(zhang), "--reverse-reason", "误操作",
                       "--reason", "再发一次", "--user", "shenhe", "--date", "2018-10-20")
    assert code == 1 and err.strip() == (
        f"错误：银行回盘显示发放记录{zhang}已于2018-10-12成功入账，不能重新发放（否则同一笔钱会发两次）")
    code, out, _ = run(path, capsys, "payment", "show", str(zhang), "--user", "luru")
    assert "银行结果：成功（2018-10-12）" in out and "冲销" not in out
    code, _, err = run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--date", "2030-01-01",
                       "--user", "luru")
    assert code == 1 and "晚于今天" in err


def test_a_second_bank_file_leaves_out_what_the_bank_paid(path: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """QA: exported again after the return, the file paid 张建国 a second time without a word."""
    answer = tmp_path / "answer.csv"
    answer.write_text("账号,金额,状态\n6221880000000001,960,成功\n", encoding="utf-8")
    assert run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--date", "2018-10-12",
               "--user", "luru")[0] == 0
    again = tmp_path / "again.csv"
    code, out, _ = run(path, capsys, "batch", "export-bank", BATCH, str(again), "--user", "luru")
    assert code == 0 and "已导出 1 笔" in out and "已确认成功的 1 笔未再导出" in out
    assert "6221880000000001" not in again.read_text(encoding="utf-8-sig")


def test_export_and_import_with_a_profile(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listed = tmp_path / "list.txt"
    code, _, err = run(path, capsys, "batch", "export-bank", BATCH, str(listed), "--profile", "no-such", "--user",
                       "luru")
    assert code == 1 and err.startswith("错误：没有名为“no-such”的银行文件格式（现有：standard、")
    code, out, _ = run(path, capsys, "batch", "export-bank", BATCH, str(listed), "--profile", "pipe-gbk", "--user",
                       "luru")
    assert code == 0 and out.strip() == f"已导出 2 笔到 {listed}（银行文件格式：竖线分隔文本（GBK））"
    lines = listed.read_bytes().decode("gbk").splitlines()
    assert lines[0].startswith("1|6221880000000001|张建国|4305") and lines[0].endswith("|960.00|低保")
    answer = tmp_path / "answer.txt"
    answer.write_bytes("1|6221880000000001|张建国|960.00|00||20181012\r\n2|6221880000000002|李德明|330.00|01|"
                       "户名不符|20181012\r\n".encode("gbk"))
    code, out, _ = run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--profile", "pipe-gbk",
                       "--user", "luru")
    assert code == 0 and "成功 1 笔，失败 1 笔" in out
    wrong = tmp_path / "wrong.txt"
    wrong.write_bytes("1|6221880000000001|张建国|96000|00||20181012\r\n".encode("gbk"))
    code, out, err = run(path, capsys, "batch", "import-bank", BATCH, str(wrong), "--profile", "fixed-gbk",
                         "--user", "luru")
    assert code == 2 and out == "" and "与银行文件格式“定长文本（GBK，首行合计）”不符，整份未导入：第1行" in err
    code, out, err = run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--user", "luru")
    assert code == 2 and "缺少“账号、金额、状态”列" in err  # the standard profile finds no header in it


def test_a_return_file_of_many_bad_rows_lists_a_thousand(path: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F11: each bad row of a return file was a line of the report, so a
    file of a million bad rows made a million-line output (and message box). A thousand are
    listed, then how many more; only those shown are described."""
    from suining_desk.domain import messages

    rows = 2_500
    answer = tmp_path / "回盘.csv"
    answer.write_text("账号,金额,状态,失败原因\n" + "6221880000000001,960.00,处理中,\n" * rows, encoding="utf-8")
    described: list[object] = []
    original = messages.describe
    monkeypatch.setattr(messages, "describe", lambda p: described.append(p) or original(p))
    code, out, _ = run(path, capsys, "batch", "import-bank", BATCH, str(answer), "--user", "luru")
    assert code == 3
    listed = [line for line in out.splitlines() if "不是明确的成功或失败" in line]
    assert len(listed) == messages.SHOWN_PROBLEMS == 1_000
    assert f"  ……还有{rows - 1_000:,}个问题未列出" in out.splitlines()
    assert len(described) < 1_100  # not one call per row


def test_an_error_of_many_problems_is_told_in_a_thousand_lines(capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.cli import _tell
    from suining_desk.domain.messages import described
    from suining_desk.domain.problems import Problem

    many = [Problem("bank_bad_result", {"row": n, "value": "处理中"}) for n in range(1_000_000)]
    _tell(*many)
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1_001 and err[0].startswith("错误：第0行") and err[-1] == "……还有999,000个问题未列出"
    assert described(many[:3]) == [line.removeprefix("错误：") for line in err[:3]]
