"""No traceback reaches the user: file errors in Chinese (naming the file and why), a
reader that stops reading ends the command quietly, a backup leaves the permissions of
a folder the user chose alone."""

from __future__ import annotations

import errno
import gc
import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from suining_desk.cli import SIGPIPE_EXIT, main
from suining_desk.domain.os_errors import os_problem, os_reason
from tests.payments import CLI_PASSWORD, cli_payment_county

PASSWORD = CLI_PASSWORD
ENGLISH = ("Traceback", "Error", "denied", "directory", "not permitted", "Exception ignored")


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    return target


def _no_english(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, text


def _posted_batch(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    batch = "DB-430527100-2018-10"
    steps = [["batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
              "--pay-date", "2018-10-10", "--user", "luru"],
             ["batch", "submit", batch, "--user", "luru"], ["batch", "approve", batch, "--user", "shenhe"],
             ["batch", "post", batch, "--date", "2018-10-10", "--user", "shenhe"]]
    for argv in steps:
        assert main([*argv, "--db", str(path)]) == 0
    capsys.readouterr()
    return batch


# --- backup --out: the user's folder keeps its permissions -----------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_backup_out_leaves_the_chosen_folders_permissions_alone(
        path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o775)
    assert main(["backup", "--out", str(shared / "b.sqlite3"), "--db", str(path), "--user", "luru"]) == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o775
    assert (shared / "b.sqlite3").is_file()
    assert "完整性检查通过" in capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_automatic_backup_folder_is_still_private(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.storage.backups import backup_folder

    assert main(["backup", "--db", str(path)]) == 0
    assert stat.S_IMODE(backup_folder(path).stat().st_mode) == 0o700


def test_backup_into_a_folder_owned_by_someone_else(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Changing the permissions of another user's folder is not allowed (EPERM): the backup
    does not try, and still succeeds."""
    real_chmod = os.chmod
    shared = tmp_path / "shared"
    shared.mkdir()

    def chmod(target: Any, mode: int, *args: Any, **kwargs: Any) -> None:
        if Path(target) == shared:
            raise PermissionError(errno.EPERM, "Operation not permitted", str(target))
        real_chmod(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "chmod", chmod)
    assert main(["backup", "--out", str(shared / "b.sqlite3"), "--db", str(path), "--user", "luru"]) == 0
    assert (shared / "b.sqlite3").is_file()


def test_backup_that_cannot_be_written_says_why_in_chinese(path: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.sqlite3"
    out.mkdir()  # the backup's name is taken by a folder
    assert main(["backup", "--out", str(out), "--db", str(path), "--user", "luru"]) == 1
    err = capsys.readouterr().err
    assert "无法写入备份" in err and str(out) in err and "文件夹" in err
    _no_english(err)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_backup_out_never_overwrites_a_file(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Another database, an earlier backup, the database itself or a document: refused, left as it was;
    the name must say it is a database copy."""
    other = tmp_path / "other.sqlite3"
    other.write_bytes(b"another county's database")
    for target in (other, path):
        before = target.read_bytes()
        assert main(["backup", "--out", str(target), "--db", str(path), "--user", "luru"]) == 1
        assert "已存在，备份不会覆盖已有的文件" in capsys.readouterr().err
        assert target.read_bytes() == before
    assert main(["backup", "--out", str(tmp_path / "notes.txt"), "--db", str(path), "--user", "luru"]) == 1
    assert ".sqlite3" in capsys.readouterr().err and not (tmp_path / "notes.txt").exists()


# --- file errors: Chinese, with the path and the reason --------------------------------------


def test_bank_file_that_cannot_be_written(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = _posted_batch(path, capsys)
    target = tmp_path / "b.csv"
    target.mkdir()
    assert main(["batch", "export-bank", batch, str(target), "--user", "luru", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and f"“{target}”" in err and "这是一个文件夹，不是文件" in err
    _no_english(err)


def test_a_permission_error_anywhere_is_told_in_chinese(path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.cli.commands import stats

    def denied(_args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/共享/x.xlsx")

    monkeypatch.setattr(stats, "run", denied)
    assert main(["stats", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "错误：无法读写“/srv/共享/x.xlsx”：没有权限"


@pytest.mark.parametrize(("number", "reason"), [
    (errno.EACCES, "没有权限"), (errno.EPERM, "没有权限"), (errno.ENOENT, "不存在"), (errno.EISDIR, "文件夹"),
    (errno.ENOSPC, "磁盘已满"), (errno.EROFS, "只读"), (errno.ENOTDIR, "不是文件夹"), (errno.ENAMETOOLONG, "太长"),
    (errno.ECONNRESET, "系统错误（ECONNRESET）"),
])
def test_error_numbers_read_in_chinese(number: int, reason: str) -> None:
    exc = OSError(number, os.strerror(number), "a.xlsx")
    assert reason in os_reason(exc)
    assert os_problem(exc).params == {"path": "a.xlsx", "reason": os_reason(exc)}


def test_a_rename_names_the_target_not_the_temporary_file() -> None:
    exc = OSError(errno.EACCES, "Permission denied", ".x.xlsx.partial", None, "x.xlsx")
    assert os_problem(exc).params["path"] == "x.xlsx"


def test_an_unforeseen_error_leaves_a_report_not_a_traceback(path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.cli.commands import stats

    def broken(_args: object) -> int:
        raise RuntimeError("430527198001010011 went wrong")

    monkeypatch.setattr(stats, "run", broken)
    assert main(["stats", "--db", str(path)]) == 70
    err = capsys.readouterr().err
    assert "程序内部出错（RuntimeError）" in err and "Traceback" not in err
    report = Path(err.split("保存到：")[1].split("，")[0])
    assert "RuntimeError" in report.read_text("utf-8")
    assert "430527198001010011" not in report.read_text("utf-8")  # masked like every crash report


# --- xlsx that cannot be saved: no "Exception ignored" from openpyxl -------------------------


@pytest.fixture
def unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What Python would print as "Exception ignored in …" (garbage-collected generators)."""
    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(f"{u.object!r}: {u.exc_value!r}"))
    return seen


def test_export_into_an_unwritable_place_is_quiet(path: Path, tmp_path: Path, unraisable: list[str],
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import secrets

    target = tmp_path / "户.xlsx"
    monkeypatch.setattr(secrets, "token_hex", lambda _n: "taken")  # every temporary name …
    (tmp_path / f".{target.name}.taken.partial").mkdir()  # … is a folder: no file can be made there
    assert main(["export", "households", str(target), "--db", str(path), "--user", "luru"]) == 2
    gc.collect()
    assert unraisable == []
    err = capsys.readouterr().err
    assert f"无法写入“{target}”" in err
    _no_english(err)
    assert not target.exists()


def test_an_xlsx_save_failing_part_way_is_quiet(path: Path, tmp_path: Path, unraisable: list[str],
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl.writer.excel import ExcelWriter

    def full(_self: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "write_data", full)
    target = tmp_path / "户.xlsx"
    assert main(["export", "households", str(target), "--db", str(path), "--user", "luru"]) == 2
    gc.collect()
    assert unraisable == []
    assert "磁盘已满" in capsys.readouterr().err
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*partial")) == []


# --- a reader that stops reading (| head) ----------------------------------------------------


class _ClosedPipe(io.StringIO):
    def write(self, _text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize("argv", [["batch", "list"], ["audit", "log", "--limit", "500", "--user", "shenhe"],
                                  ["stats"], ["batch", "preview", "--program", "低保", "--period", "2018-10",
                                              "--area", "长铺镇", "--user", "luru"]])
def test_a_closed_pipe_ends_quietly(path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                    argv: list[str]) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main([*argv, "--db", str(path)]) == SIGPIPE_EXIT
    assert capsys.readouterr().err == ""


def test_a_closed_pipe_in_a_real_process(path: Path) -> None:
    """Like ``suining-desk batch list | head -0``: exit 141, nothing on stderr, even at exit."""
    proc = subprocess.Popen([sys.executable, "-m", "suining_desk.cli", "batch", "list", "--db", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == SIGPIPE_EXIT
    assert err == ""


def test_no_terminal_to_ask_for_the_password(path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """``… --user luru < /dev/null`` without SUINING_PASSWORD: refused, no EOFError traceback."""
    import getpass

    def no_terminal(prompt: str = "") -> str:
        raise EOFError

    from suining_desk.cli import auth

    monkeypatch.delenv("SUINING_PASSWORD")
    monkeypatch.setattr(auth, "has_terminal", lambda: True)  # a terminal that gives nothing
    monkeypatch.setattr(getpass, "getpass", no_terminal)
    assert main(["period", "close", "2018-10", "--user", "shenhe", "--db", str(path)]) == 1
    assert capsys.readouterr().err.strip() == "错误：没有输入密码"


def test_the_command_line_alone_has_no_window(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m suining_desk.cli`` without a command: said, not a window (nor a traceback)."""
    assert main([]) == 2
    assert "不带命令时请用 suining-desk 或 python -m suining_desk 打开窗口" in capsys.readouterr().err


def test_the_program_finds_its_window_by_name_only_when_a_window_is_wanted() -> None:
    """A checkout has the window as ``ui`` (an installed program as ``suining_desk_ui``)."""
    code = ("import sys; from suining_desk import app; "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('ui', 'suining_desk_ui', 'PySide6')]; "
            "print(app.window_module('startup').__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "ui.startup"
