"""Issue 13, item 9: personal data without a login. The attack: ``ledger`` and ``export``
without ``--user`` ran as the operating-system user — printed another township's ledger and
exported 21,353 people with full ID numbers. Every command that shows people (names, ID and
bank numbers) now logs in as the window does and keeps to the account's township; aggregate
and public output stays open."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, Payment, PaymentBatch
from suining_desk.ledgers import make_spec, write_ledger
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import create_batch
from suining_desk.storage import paths
from tests.payments import TODAY, cli_payment_county

CHANGPU = "DB-430527100-2018-10"
WUYANG = "DB-430527101-2018-10"
NEEDS_LOGIN = "此命令会读出个人信息（姓名、身份证号、银行账号等），须先登录：请用 --user 指明用户名"


@pytest.fixture
def county(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The payment county with a posted 低保 batch in 长铺镇 (luru, shenhe) and one in 武阳镇
    (wuyang_clerk, admin), and a printed 武阳镇 ledger (wuyang.pdf) to verify."""
    path = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    monkeypatch.chdir(tmp_path)
    open_database(path)
    try:
        for township, clerk, reviewer in (("changpu", "luru", "shenhe"), ("wuyang", "wuyang_clerk", "admin")):
            area = Area.get(Area.name == ("长铺镇" if township == "changpu" else "武阳镇")).id
            batch = create_batch(_dibao(), "2018-10", area, user=clerk, pay_date=dt.date(2018, 10, 10)).batch_id
            wf.submit_batch(batch, user=clerk)
            wf.approve_batch(batch, user=reviewer)
            wf.post_batch(batch, dt.date(2018, 10, 10), user=reviewer, today=TODAY)
        spec = make_spec("payments", {"program": "低保", "year": 2018, "township": "武阳镇"}, date=TODAY)
        write_ledger(spec, tmp_path / "wuyang.pdf", username="admin")
    finally:
        close_database()
    monkeypatch.delenv("SUINING_USER", raising=False)
    return path


def _dibao() -> int:
    from suining_desk.services.programs import find_program

    return find_program("低保").id


def payment_in(path: Path, batch_no: str) -> str:
    open_database(path)
    try:
        return str(Payment.select(Payment.id).join(PaymentBatch).where(PaymentBatch.batch_no == batch_no)
                   .order_by(Payment.id).scalar())
    finally:
        close_database()


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


READING = [
    ["ledger", "payments", "--program", "低保", "--year", "2018", "--out", "l.pdf"],
    ["ledger", "summary", "--year", "2018", "--out", "l.pdf"],
    ["ledger", "relocations", "--year", "2017", "--out", "l.pdf"],
    ["ledger", "renovations", "--year", "2016", "--out", "l.pdf"],
    ["ledger", "household", "43052710100101001", "--out", "l.pdf"],
    *[["export", kind, "l.xlsx"] for kind in
      ("households", "people", "relocations", "renovations", "enrolments", "payments", "findings")],
    ["batch", "preview", "--program", "低保", "--period", "2018-11", "--area", "武阳镇"],
    ["batch", "show", WUYANG],
    ["batch", "show", WUYANG, "--lines"],
    ["check"],
    ["audit", "log"],
    ["verify", "wuyang.pdf"],
    ["backup", "--out", "copy.sqlite3"],
]


@pytest.mark.parametrize("argv", READING, ids=[" ".join(a[:2]) for a in READING])
def test_without_a_login_nothing_personal_comes_out(county: Path, capsys: pytest.CaptureFixture[str],
                                                   argv: list[str]) -> None:
    code, out, err = run(county, capsys, *argv)
    assert (code, out) == (1, "")
    assert err.strip() == f"错误：{NEEDS_LOGIN}（密码会提示输入，或取自环境变量 SUINING_PASSWORD）"
    assert not [p for p in ("l.pdf", "l.xlsx", "copy.sqlite3") if Path(p).exists()]  # no file written


def test_payment_show_needs_a_login_too(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(county, capsys, "payment", "show", payment_in(county, WUYANG))
    assert (code, out) == (1, "") and NEEDS_LOGIN in err


def test_a_wrong_password_is_refused_and_counted(county: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUINING_PASSWORD", "wrong-pass1")
    code, out, err = run(county, capsys, "export", "people", "p.xlsx", "--user", "admin")
    assert (code, out) == (1, "") and "再输错4次" in err and not Path("p.xlsx").exists()


def test_a_township_user_reads_only_their_township(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """luru (长铺镇) may not print, export, show or verify 武阳镇's people."""
    refused = [
        (["ledger", "payments", "--program", "低保", "--year", "2018", "--township", "武阳镇", "--out", "l.pdf"],
         "用户“luru”只管理长铺镇，不能打印武阳镇的台账"),
        (["ledger", "household", "43052710100101001", "--out", "l.pdf"], "不能打印武阳镇的台账"),
        (["export", "people", "p.xlsx", "--area", "武阳镇"], "用户“luru”只管理长铺镇，不能导出武阳镇的数据"),
        (["export", "people", "p.xlsx", "--area", "430527"], "不能导出绥宁县的数据"),
        (["batch", "show", WUYANG, "--lines"], "用户“luru”只管理长铺镇，不能查看武阳镇的数据"),
        (["batch", "preview", "--program", "低保", "--period", "2018-11", "--area", "武阳镇"], "不能查看武阳镇的数据"),
        (["payment", "show", payment_in(county, WUYANG)], "不能查看武阳镇的数据"),
        (["verify", "wuyang.pdf"], "用户“luru”只管理长铺镇，不能核验武阳镇的台账"),
    ]
    for argv, message in refused:
        code, out, err = run(county, capsys, *argv, "--user", "luru")
        assert code == 1 and message in err and "杨桂花" not in out, argv
        assert not Path("l.pdf").exists() and not Path("p.xlsx").exists(), argv
    # Left out, the area is their township: 长铺镇's people only.
    code, out, err = run(county, capsys, "export", "people", "p.xlsx", "--user", "luru")
    assert code == 0, err
    names = {str(cell) for row in load_workbook("p.xlsx").active.iter_rows(min_row=2, values_only=True)
             for cell in row}
    assert "杨桂花" not in names and "张建国" in names
    # Their own batch, payment and findings: shown.
    code, out, _ = run(county, capsys, "batch", "show", CHANGPU, "--lines", "--user", "luru")
    assert code == 0 and "张建国" in out
    code, out, _ = run(county, capsys, "payment", "show", payment_in(county, CHANGPU), "--user", "luru")
    assert code == 0 and "领款人" in out
    # A county-wide user reads everywhere.
    code, out, _ = run(county, capsys, "batch", "show", WUYANG, "--lines", "--user", "admin")
    assert code == 0 and "杨桂花" in out
    assert run(county, capsys, "verify", "wuyang.pdf", "--user", "admin")[0] == 0


def test_findings_and_the_audit_log_follow_the_window(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from suining_desk.db.models import Household

    open_database(county)
    try:  # both families paid in October were removed before it: a finding in each township
        Household.update(removed_on=dt.date(2018, 9, 1), removal_reason="清退").where(
            Household.household_no.in_(["43052710000101001", "43052710100101001"])).execute()
    finally:
        close_database()
    code, out, _ = run(county, capsys, "check", "--only", "chk_paid_after_removal", "--user", "admin")
    assert code == 3 and "43052710000101001" in out and "43052710100101001" in out
    code, out, _ = run(county, capsys, "check", "--only", "chk_paid_after_removal", "--user", "luru")
    assert code == 3 and "43052710000101001" in out and "43052710100101001" not in out
    code, _, err = run(county, capsys, "export", "findings", "f.xlsx", "--user", "luru")
    rows = list(load_workbook("f.xlsx").active.iter_rows(min_row=2, values_only=True))
    assert code == 0 and rows and all("43052710100101001" not in str(r) for r in rows), err
    code, _, err = run(county, capsys, "audit", "log", "--user", "luru")  # as the window: reviewers and admins
    assert code == 1 and "用户“luru”是录入员，此操作需要审核员或更高的权限" in err
    code, out, _ = run(county, capsys, "audit", "log", "--user", "shenhe")
    assert code == 0 and "审核批次" in out


OPEN = [
    ["stats"], ["batch", "list"], ["payment", "totals"], ["program", "list"], ["program", "standards", "低保"],
    ["period", "list"], ["audit", "verify"], ["backup"], ["template", "households", "--out", "t.xlsx"],
    ["ledger", "payments", "--program", "低保", "--year", "2018", "--public", "--out", "notice.pdf"],
]


@pytest.mark.parametrize("argv", OPEN, ids=[" ".join(a[:2]) for a in OPEN])
def test_counts_totals_templates_and_public_notices_stay_open(county: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             argv: list[str]) -> None:
    import getpass

    monkeypatch.delenv("SUINING_PASSWORD")
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": pytest.fail("no password is asked"))
    code, out, err = run(county, capsys, *argv)
    if argv == ["audit", "verify"]:  # it ran: the fixture's password hashes were set by hand, unlogged
        assert code == 1 and "审计日志共" in err and "password_hash" in err
    else:
        assert code == 0, err
    assert "6221880000000005" not in out and "杨桂花" not in out  # a bank account, a name


def test_the_demo_database_logs_in_as_its_admin_like_the_window(
        small_demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``--demo`` (the demo database of invented people) needs no --user while the demo admin's
    password is suining2018; the print is logged under admin."""
    from suining_desk.db.models import AuditEntry
    from suining_desk.services import accounts

    monkeypatch.delenv("SUINING_USER", raising=False)
    monkeypatch.delenv("SUINING_PASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)
    paths.demo_database().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(small_demo_path, paths.demo_database())
    assert main(["ledger", "summary", "--year", "2018", "--out", "s.pdf", "--demo"]) == 0
    assert main(["export", "people", "p.xlsx", "--demo"]) == 0
    open_database(paths.demo_database())
    try:
        entry = AuditEntry.select().where(AuditEntry.action == "ledger_printed").get()
        assert entry.username == "admin"
        accounts.change_password("admin", "suining2018", "Changed2019x")
    finally:
        close_database()
    capsys.readouterr()
    assert main(["export", "people", "q.xlsx", "--demo"]) == 1
    assert "演示数据库的 admin 密码已不是 suining2018" in capsys.readouterr().err and not Path("q.xlsx").exists()
    # Any other database asks, even one holding the demo data.
    shutil.copy(small_demo_path, tmp_path / "copy.sqlite3")
    assert main(["export", "people", "r.xlsx", "--db", str(tmp_path / "copy.sqlite3")]) == 1
    assert NEEDS_LOGIN in capsys.readouterr().err


def test_demo_logs_in_by_itself_only_on_a_demo_database(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F6: a real database at the demo path (copied there, or made there by
    ``init``) whose admin uses the demo password was opened by ``--demo`` as its admin, without
    a login. Only a demo database (the generator's mark) logs in by itself; the real one asks,
    and ``--demo`` tries no password on it (no failure counts towards the admin's lock)."""
    from suining_desk.db.models import AuditEntry, User

    monkeypatch.chdir(tmp_path)
    real = paths.demo_database()
    real.parent.mkdir(parents=True, exist_ok=True)
    cli_payment_county(real, monkeypatch)  # every account's password is the demo's
    monkeypatch.delenv("SUINING_USER", raising=False)
    monkeypatch.delenv("SUINING_PASSWORD", raising=False)
    open_database(real)
    try:
        before = AuditEntry.select().count()
    finally:
        close_database()
    assert main(["export", "people", "p.xlsx", "--demo"]) == 1
    assert NEEDS_LOGIN in capsys.readouterr().err and not Path("p.xlsx").exists()
    assert main(["ledger", "summary", "--year", "2018", "--out", "s.pdf", "--demo"]) == 1
    assert not Path("s.pdf").exists()
    open_database(real)
    try:
        assert AuditEntry.select().count() == before  # no login, no failed try
        assert User.get(User.username == "admin").failed_attempts == 0
    finally:
        close_database()
    monkeypatch.setenv("SUINING_PASSWORD", "suining2018")  # a login as usual works
    assert main(["export", "people", "p.xlsx", "--demo", "--user", "admin"]) == 0
