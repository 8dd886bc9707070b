"""Issue 13, item 4b: the four-eyes rule and accounts an admin made. The attack: one admin
created a second admin and approved their own batch with it, and ``check --only
chk_self_approved`` reported nothing. Approval now refuses an approver whose password the
batch's creator set (a new account, a reset), and the check
``chk_approver_set_by_creator`` finds batches approved that way before."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import PaymentBatch
from suining_desk.domain.messages import describe
from suining_desk.domain.problems import InvalidInput
from suining_desk.services import accounts
from suining_desk.services import batch_workflow as wf
from suining_desk.services.batches import create_batch
from suining_desk.services.checks import run_checks
from tests.payments import CLI_PASSWORD, TODAY, PaymentCounty, build_payment_county, cli_payment_county

CODE = "chk_approver_set_by_creator"
BATCH = "DB-430527100-2018-10"


def run(path: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_admin_cannot_approve_their_own_batch_through_an_admin_they_created(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    # The admin enters and submits a batch, then makes a second admin and takes its password.
    assert run(path, capsys, "batch", "create", "--program", "低保", "--period", "2018-10", "--area", "长铺镇",
               "--pay-date", "2018-10-10", "--user", "admin")[0] == 0
    assert run(path, capsys, "batch", "submit", BATCH, "--user", "admin")[0] == 0
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Second2018x")
    assert run(path, capsys, "user", "add", "admin2", "--role", "admin", "--user", "admin")[0] == 0
    monkeypatch.setenv("SUINING_PASSWORD", "Second2018x")
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Second2019y")  # the "first login", done by the same person
    assert run(path, capsys, "user", "passwd", "--user", "admin2")[0] == 0
    monkeypatch.setenv("SUINING_PASSWORD", "Second2019y")
    code, _, err = run(path, capsys, "batch", "approve", BATCH, "--user", "admin2")
    assert code == 1
    assert err.strip().startswith(f"错误：用户“admin2”的密码是批次{BATCH}的录入人admin于")
    assert err.strip().endswith("新增用户时设置的，录入人可能知道这个密码，所以admin2不能审核此批次。"
                                "请由另一位审核员审核；或由另一位管理员重置admin2的密码、admin2本人改密后再审核")
    open_database(path)
    try:
        assert PaymentBatch.get(PaymentBatch.batch_no == BATCH).status == "submitted"
    finally:
        close_database()
    # Another reviewer (whose password the creator did not set) approves as usual.
    monkeypatch.setenv("SUINING_PASSWORD", CLI_PASSWORD)
    assert run(path, capsys, "batch", "approve", BATCH, "--user", "shenhe")[0] == 0


def test_the_check_finds_batches_approved_before_approval_refused_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = cli_payment_county(tmp_path / "county.sqlite3", monkeypatch)
    open_database(path)
    try:
        batch = _submitted("2018-10")
        accounts.create_user("admin2", "", "admin", None, "Second2018x", by="admin")
        accounts.change_password("admin2", "Second2018x", "Second2019y")
        # An older version of the program approved it (no refusal then).
        monkeypatch.setattr(wf, "password_set", lambda _user: None)
        wf.approve_batch(batch, user="admin2")
        wf.post_batch(batch, TODAY.replace(month=10, day=10), user="admin2", today=TODAY)
    finally:
        close_database()
    code, out, _ = run(path, capsys, "check", "--only", "chk_self_approved", "--user", "admin")
    assert code == 0 and "【录入人自己审核】0 条" in out  # what the attack saw: nothing
    code, out, err = run(path, capsys, "check", "--only", CODE, "--user", "admin")
    assert code == 3 and "【审核人的密码由录入人设置】1 条" in out
    assert f"批次{BATCH}由admin录入、admin2审核，而admin2的密码是admin于" in out
    assert "新增用户时设置的：录入人可能知道审核人的密码，等于自己审核了自己录入的批次" in out
    assert f"发放批次 {BATCH}" in out and "共发现 1 条问题" in err
    code, out, _ = run(path, capsys, "check", "--json", "--user", "shenhe")  # a township reviewer: theirs
    found = {c["code"]: c["findings"] for c in json.loads(out)["checks"]}
    assert code == 3 and [f["records"][0]["label"] for f in found[CODE]] == [BATCH]


@pytest.fixture
def county(tmp_path: Path) -> Iterator[PaymentCounty]:
    open_database(tmp_path / "duties.sqlite3")
    yield build_payment_county()
    close_database()


def _submitted(period: str, creator: str = "admin") -> int:
    from suining_desk.db.models import Area
    from suining_desk.services.programs import find_program

    batch = create_batch(find_program("低保").id, period, int(Area.get(Area.name == "长铺镇").id), user=creator,
                         pay_date=TODAY).batch_id
    wf.submit_batch(batch, user=creator)
    return batch


def _found() -> list[str]:
    [result] = run_checks([CODE])
    return [f.params["batch"] for f in result.findings]


def _set_password(user: str, by: str) -> None:
    """``by`` sets ``user``'s password; ``user`` then changes it at the first login."""
    accounts.reset_password(user, "Given2018x", by=by)
    accounts.change_password(user, "Given2018x", f"Own{by}2019x")


def test_only_the_last_password_set_before_the_approval_counts(county: PaymentCounty,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    before = _submitted("2018-08")
    wf.approve_batch(before, user="shenhe")  # approved before the admin set shenhe's password: fine
    _set_password("shenhe", by="admin")
    refused_batch = _submitted("2018-09")
    with pytest.raises(InvalidInput) as refused:
        wf.approve_batch(refused_batch, user="shenhe")
    assert [p.code for p in refused.value.problems] == ["approver_set_by_creator"]
    assert "录入人可能知道这个密码" in describe(refused.value.problems[0])
    wf.approve_batch(_submitted("2018-10", creator="luru"), user="shenhe")  # luru did not set it: fine
    # Another admin sets it again: then shenhe may approve the first admin's batch.
    accounts.update_user("luru2", display_name="二号管理员", role="admin", township_id=None, by="admin")
    _set_password("shenhe", by="luru2")
    wf.approve_batch(refused_batch, user="shenhe")
    assert _found() == []

    # Approved before approval refused it (an older version): the check names that batch.
    _set_password("shenhe", by="admin")
    monkeypatch.setattr(wf, "password_set", lambda _user: None)
    old = _submitted("2018-11")
    wf.approve_batch(old, user="shenhe")
    assert _found() == [PaymentBatch.get_by_id(old).batch_no]
    [result] = run_checks([CODE])
    assert [(r.kind, r.id) for r in result.findings[0].records] == [("batch", old)]


def test_control_follows_the_chain_of_password_setters(county: PaymentCounty,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The outside tester's F4: A resets B's password, B resets C's, C approves A's batch.
    A knows B's password, so A can set C's as B: C's approval is A's own."""
    from suining_desk.services.checks.approver_set_by_creator import CODE_CHAIN

    accounts.update_user("luru2", display_name="二号管理员", role="admin", township_id=None, by="admin")
    batch = _submitted("2018-10")
    _set_password("luru2", by="admin")
    with pytest.raises(InvalidInput) as direct:  # B approves A's batch
        wf.approve_batch(batch, user="luru2")
    assert [p.code for p in direct.value.problems] == ["approver_set_by_creator"]
    _set_password("shenhe", by="luru2")
    with pytest.raises(InvalidInput) as chained:  # C approves A's batch, through B
        wf.approve_batch(batch, user="shenhe")
    [problem] = chained.value.problems
    assert problem.code == "approver_controlled_by_creator"
    text = describe(problem)
    assert text.startswith(f"批次{BATCH}的录入人admin可能知道用户“shenhe”的密码：admin于")
    assert "重置密码时设置了luru2的密码，luru2于" in text and "重置密码时设置了shenhe的密码。所以shenhe不能审核" in text
    assert PaymentBatch.get_by_id(batch).status == "submitted"
    wf.approve_batch(_submitted("2018-11", creator="luru"), user="shenhe")  # luru controls no one: fine
    assert _found() == []

    # Approved before the chain was followed: the check names it, with the chain.
    monkeypatch.setattr(wf, "password_set", lambda _user: None)
    wf.approve_batch(batch, user="shenhe")
    [result] = run_checks([CODE])
    [finding] = result.findings
    assert finding.code == CODE_CHAIN and [(r.kind, r.id) for r in finding.records] == [("batch", batch)]
    assert finding.text.startswith(f"批次{BATCH}由admin录入、shenhe审核，而admin于")
    assert finding.text.endswith("时设置了shenhe的密码：录入人可能知道审核人的密码，等于自己审核了自己录入的批次")

    # Another admin, outside the chain, resets C's password: the chain is broken for later batches.
    monkeypatch.undo()
    accounts.update_user("wuyang_clerk", display_name="三号管理员", role="admin", township_id=None, by="admin")
    _set_password("shenhe", by="wuyang_clerk")
    wf.approve_batch(_submitted("2018-12"), user="shenhe")
    assert len(_found()) == 1  # only the batch approved while the chain held


def test_a_loop_of_password_setters_ends() -> None:
    from suining_desk.services.access import PasswordSet, control_chain, controlled_by

    setters = {"a": PasswordSet("b", "password_reset", "2018-10-01T09:00", 1),
               "b": PasswordSet("c", "password_reset", "2018-10-02T09:00", 2),
               "c": PasswordSet("a", "password_reset", "2018-10-03T09:00", 3)}
    chain = control_chain("a", setters.get)
    assert [(account, link.by) for account, link in chain] == [("a", "b"), ("b", "c"), ("c", "a")]
    assert controlled_by(chain, "c") == chain[:2] and controlled_by(chain, "d") is None
