"""Issue 13, item 4a: a password an admin set (a new account, ``user reset``) must be changed
by its owner before the account does anything. The attack: a fresh reviewer account approved
and posted a batch with the initial password its admin gave it."""

from __future__ import annotations

from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import PaymentBatch
from suining_desk.domain.messages import describe
from suining_desk.services import accounts
from suining_desk.services.access import AccessDenied, account_of
from suining_desk.services.batch_workflow import approve_batch
from tests.payments import CLI_PASSWORD, cli_payment_county

BATCH = "DB-430527100-2018-10"


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def submitted_batch(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(path, capsys, "batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
               "--pay-date", "2018-10-10", "--user", "luru")[0] == 0
    assert run(path, capsys, "batch", "submit", BATCH, "--user", "luru")[0] == 0
    return BATCH


def status(path: Path) -> str:
    open_database(path)
    try:
        return str(PaymentBatch.get(PaymentBatch.batch_no == BATCH).status)
    finally:
        close_database()


def refusal(user: str, path: Path) -> str:
    return (f"错误：用户“{user}”的密码是管理员设置的（新建账户或重置密码），"
            "须先改成只有自己知道的密码才能使用其他命令。"
            f"请运行：suining-desk user passwd --user {user} --db {path}（先输入现在的密码，再输入两次新密码；"
            "窗口登录时也会要求修改）")


def test_a_new_account_cannot_approve_with_the_password_its_admin_gave_it(
        path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Initial2018x")
    code, out, _ = run(path, capsys, "user", "add", "shenhe2", "--role", "reviewer", "--township", "长铺镇",
                       "--user", "admin")
    assert code == 0 and "首次登录须修改密码" in out
    submitted_batch(path, capsys)
    monkeypatch.setenv("SUINING_PASSWORD", "Initial2018x")  # the admin's password for the account
    code, _, err = run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe2")
    assert (code, err.strip()) == (1, refusal("shenhe2", path))
    assert status(path) == "submitted"
    for reading in (("batch", "show", BATCH), ("export", "people", str(path.with_name("p.xlsx"))),
                    ("user", "list")):  # nothing else either
        code, _, err = run(path, capsys, *reading, "--user", "shenhe2")
        assert code == 1 and "suining-desk user passwd --user shenhe2" in err, reading
    # Another door than the command line (a script calling the services) is shut too.
    open_database(path)
    try:
        with pytest.raises(AccessDenied) as refused:
            approve_batch(PaymentBatch.get(PaymentBatch.batch_no == BATCH).id, user="shenhe2")
        assert [p.code for p in refused.value.problems] == ["access_must_change_password"]
        assert "suining-desk user passwd --user shenhe2" in describe(refused.value.problems[0])
    finally:
        close_database()

    # The command the refusal names works for this account, and then the account works.
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Mine2018y")
    code, out, _ = run(path, capsys, "user", "passwd", "--user", "shenhe2")
    assert (code, out.strip()) == (0, "密码已修改，以后请用新密码登录。")
    code, _, err = run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe2")  # the admin's: gone
    assert code == 1 and "用户名或密码错误" in err
    monkeypatch.setenv("SUINING_PASSWORD", "Mine2018y")
    assert run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe2")[0] == 0
    assert run(path, capsys, "batch", "post", BATCH, "--date", "2018-10-10", "--user", "shenhe2")[0] == 0
    assert status(path) == "posted"


def test_after_an_admin_reset_the_password_must_be_changed_again(
        path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    submitted_batch(path, capsys)
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Reset2018x")
    code, out, _ = run(path, capsys, "user", "reset", "shenhe", "--user", "admin")
    assert code == 0 and "下次登录须修改密码" in out
    monkeypatch.setenv("SUINING_PASSWORD", "Reset2018x")
    code, _, err = run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe")
    assert (code, err.strip()) == (1, refusal("shenhe", path)) and status(path) == "submitted"
    code, _, err = run(path, capsys, "user", "passwd", "--user", "shenhe")  # the new one must differ
    assert code == 1 and "新密码不能与原密码相同" in err
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Shenhe2019z")
    assert run(path, capsys, "user", "passwd", "--user", "shenhe")[0] == 0
    monkeypatch.setenv("SUINING_PASSWORD", "Shenhe2019z")
    assert run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe")[0] == 0


def test_passwd_asks_the_current_password_once_and_counts_a_wrong_one(
        path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from suining_desk.cli import auth

    monkeypatch.delenv("SUINING_PASSWORD")
    monkeypatch.delenv("SUINING_NEW_PASSWORD", raising=False)
    monkeypatch.setattr(auth, "has_terminal", lambda: True)
    prompts: list[str] = []
    answers = iter(["wrong-pass1", CLI_PASSWORD, "Luru2019x", "Luru2019x"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": prompts.append(prompt) or next(answers))
    code, _, err = run(path, capsys, "user", "passwd", "--user", "luru")
    assert code == 1 and "再输错4次" in err and prompts == ["现在的密码："]
    assert run(path, capsys, "user", "passwd", "--user", "luru")[0] == 0
    assert prompts == ["现在的密码：", "现在的密码：", "新密码：", "再输入一次新密码："]


def test_an_admin_who_resets_their_own_password_knows_it(path: Path) -> None:
    open_database(path)
    try:
        accounts.reset_password("admin", "Admin2019x", by="admin")
        accounts.reset_password("luru", "Luru2019x", by="admin")
        assert not accounts.login("admin", "Admin2019x").must_change_password
        assert accounts.login("luru", "Luru2019x").must_change_password
    finally:
        close_database()


def test_the_first_admin_and_the_demo_accounts_need_no_change(
        tmp_path: Path, small_demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from suining_desk.demo.generate import DEMO_PASSWORD, DEMO_USERS

    for username, *_ in DEMO_USERS:  # the README's accounts: admin / shenhe / luru, suining2018
        account = accounts.login(username, DEMO_PASSWORD)
        assert not account.must_change_password, username
    close_database()
    new = tmp_path / "new.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", "Wang2018x")
    assert main(["init", "--db", str(new), "--admin", "wang"]) == 0
    open_database(new)
    try:
        account = account_of("wang")
        assert account is not None and not account.must_change_password
    finally:
        close_database()


def test_restore_is_refused_to_an_admin_who_must_change_the_password(
        path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """``restore`` checks the admin's password itself (the database may be damaged): a new
    admin with the password another admin gave may not put a backup in place either."""
    backup = tmp_path / "kept.sqlite3"
    assert run(path, capsys, "backup", "--out", str(backup), "--user", "admin")[0] == 0
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Initial2018x")
    assert run(path, capsys, "user", "add", "admin2", "--role", "admin", "--user", "admin")[0] == 0
    monkeypatch.setenv("SUINING_PASSWORD", "Initial2018x")
    code, out, err = run(path, capsys, "restore", str(backup), "--user", "admin2")
    assert (code, out) == (1, "") and "请运行：suining-desk user passwd --user admin2" in err


def test_passwd_never_touches_another_users_password(
        path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F10: ``user passwd luru --user admin`` ignored ``luru`` and changed
    the admin's own password. Naming another user is refused — for an admin too, who is shown
    ``user reset`` — before any password is asked or anything changes."""
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Other2019x")
    for me in ("shenhe", "admin"):
        code, _, err = run(path, capsys, "user", "passwd", "luru", "--user", me)
        assert code == 1 and f"只修改登录者（{me}）自己的密码，不能修改“luru”的" in err
        assert "suining-desk user reset luru --user 管理员" in err
    open_database(path)
    try:  # every password as it was
        for user in ("admin", "shenhe", "luru"):
            assert accounts.login(user, CLI_PASSWORD).username == user
    finally:
        close_database()
    assert run(path, capsys, "user", "passwd", "admin", "--user", "admin")[0] == 0  # oneself, named: fine
