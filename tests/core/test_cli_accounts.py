"""``suining-desk init`` and ``user``: a new database with its admin, and commands that
write acting as ``--user NAME`` with a password (prompted, or SUINING_PASSWORD)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

import pytest

from suining_desk.cli import auth, main
from suining_desk.cli.auth import authenticate_cli
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, User
from suining_desk.domain.problems import InvalidInput
from tests.county import build_county

ADMIN_PW = "Admin2018x"


@pytest.fixture
def new_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "town.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", ADMIN_PW)
    assert main(["init", "--db", str(path), "--admin", "wang", "--name", "王主任"]) == 0
    open_database(path)
    build_county()
    close_database()
    return path


def test_init_creates_the_database_with_its_admin(new_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(new_db)
    admin = User.get(User.username == "wang")
    assert (admin.display_name, admin.role, admin.township_id) == ("王主任", "admin", None)
    assert [e.action for e in AuditEntry.select()] == ["admin_created", "database_seeded"]
    close_database()
    assert main(["init", "--db", str(new_db), "--admin", "other"]) == 1
    assert "init 只创建新的数据库" in capsys.readouterr().err


def test_init_prompts_twice_and_refuses_a_weak_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SUINING_PASSWORD", raising=False)
    answers = iter(["Admin2018x", "Admin2018y"])
    monkeypatch.setattr(auth, "has_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    path = tmp_path / "a.sqlite3"
    assert main(["init", "--db", str(path), "--admin", "wang"]) == 1
    assert "两次输入的密码不一致" in capsys.readouterr().err and not path.exists()
    answers = iter(["abcdefgh", "abcdefgh"])
    assert main(["init", "--db", str(path), "--admin", "wang"]) == 1
    assert "至少两类" in capsys.readouterr().err and not path.exists()
    answers = iter(["Admin2018x", "Admin2018x"])
    assert main(["init", "--db", str(path), "--admin", "wang"]) == 0
    assert "管理员：wang（全县范围）" in capsys.readouterr().out


def test_user_commands_need_an_authenticated_admin(new_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(new_db)]
    assert main(["user", "list", *db]) == 1
    assert "请用 --user 指明用户名" in capsys.readouterr().err
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Luru2018x")
    assert main(["user", "add", "luru", "--township", "长铺镇", "--name", "刘录", "--user", "wang", *db]) == 0
    assert "已新增用户 luru（录入员，长铺镇）" in capsys.readouterr().out
    monkeypatch.setenv("SUINING_PASSWORD", "Luru2018x")
    assert main(["user", "add", "x2", "--user", "luru", *db]) == 1  # the admin's password: change it first
    assert "请运行：suining-desk user passwd --user luru --db" in capsys.readouterr().err
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Luru2019y")
    assert main(["user", "passwd", "--user", "luru", *db]) == 0  # one's own password
    monkeypatch.setenv("SUINING_PASSWORD", "Luru2019y")
    assert main(["user", "add", "x2", "--user", "luru", *db]) == 1  # a clerk may not
    assert "此操作需要管理员" in capsys.readouterr().err
    monkeypatch.setenv("SUINING_PASSWORD", ADMIN_PW)
    assert main(["user", "disable", "luru", "--user", "wang", *db]) == 0
    capsys.readouterr()
    assert main(["user", "list", "--user", "wang", *db]) == 0
    listing = capsys.readouterr().out
    assert "luru\t刘录\t录入员\t长铺镇\t已停用" in listing and "wang\t王主任\t管理员\t全县\t在用" in listing
    monkeypatch.setenv("SUINING_PASSWORD", "wrong-password1")
    assert main(["user", "list", "--user", "wang", *db]) == 1
    assert "再输错4次" in capsys.readouterr().err
    open_database(new_db)
    vias = [e.after for e in AuditEntry.select().where(AuditEntry.action == "login_failed")]
    assert vias and all('"via":"cli"' in v for v in vias)
    close_database()


def test_authenticate_cli_prompts_for_the_password(new_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUINING_PASSWORD", raising=False)
    prompts: list[str] = []
    monkeypatch.setattr(auth, "has_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or ADMIN_PW)
    open_database(new_db)
    account = authenticate_cli(argparse.Namespace(user="wang"))
    assert account.username == "wang" and prompts == ["密码："]
    with pytest.raises(InvalidInput) as info:
        authenticate_cli(argparse.Namespace())
    assert info.value.problems[0].code == "cli_user_required"
    close_database()


def test_without_a_terminal_passwords_come_from_standard_input(new_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A script or scheduled task: one line each from stdin, no English echo warning; nothing
    to read is a Chinese refusal (it was EOFError and a crash report)."""
    import io

    monkeypatch.delenv("SUINING_PASSWORD", raising=False)
    monkeypatch.delenv("SUINING_NEW_PASSWORD", raising=False)
    monkeypatch.setattr(auth, "has_terminal", lambda: False)
    db = ["--db", str(new_db)]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["user", "add", "luru", "--user", "wang", *db]) == 1
    assert "没有输入密码" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PW + "\n"))
    assert main(["user", "add", "luru", "--user", "wang", *db]) == 1
    err = capsys.readouterr().err
    assert "没有终端可以输入新密码" in err and "SUINING_NEW_PASSWORD" in err and "Warning" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{ADMIN_PW}\nLuru2018x\nLuru2018x\n"))
    assert main(["user", "add", "luru", "--user", "wang", *db]) == 0
    assert "已新增用户 luru" in capsys.readouterr().out
