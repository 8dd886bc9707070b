"""Accounts through the core: password policy, lockout, own password, the admin's list,
and roles and township scope enforced by the household services themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from peewee import IntegrityError

from suining_desk.db import capture as audit_capture
from suining_desk.db import close_database, open_database
from suining_desk.db.models import AuditEntry, Household, User, database
from suining_desk.domain.problems import InvalidInput
from suining_desk.rules.accounts import check_password
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import accounts
from suining_desk.services import households as hs
from suining_desk.services.access import AccessDenied, require
from tests.county import TODAY, FixtureCounty, build_county, id_number

T0 = dt.datetime(2018, 12, 1, 9, 0, 0)
GOOD = "suining2018"
OWN = "Mine2018x"  # the password each user chose at the first login


@pytest.fixture
def county(tmp_path: Path) -> Iterator[FixtureCounty]:
    """The fixture county with admin (whole county), luru (clerk, 长铺镇), shenhe
    (reviewer, 长铺镇) and wuyang (clerk, 武阳镇), who have each changed the password the
    admin gave them to OWN."""
    open_database(tmp_path / "accounts.sqlite3")
    areas = build_county()
    accounts.create_first_admin("admin", "管理员", GOOD)
    for name, role, town in (("luru", "clerk", areas.changpu), ("shenhe", "reviewer", areas.changpu),
                             ("wuyang", "clerk", areas.wuyang)):
        accounts.create_user(name, name, role, town.id, GOOD, by="admin")
        accounts.change_password(name, GOOD, OWN)
    yield areas
    close_database()


def codes(info: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [p.code for p in info.value.problems]


@pytest.mark.parametrize(("password", "code"), [
    ("short1", "password_too_short"), ("abcdefgh", "password_one_kind"), ("12345678", "password_one_kind"),
    ("luru2018", "password_is_username"),
])
def test_password_policy_refuses(password: str, code: str) -> None:
    assert code in [p.code for p in check_password(password, username="luru2018")]


@pytest.mark.parametrize("password", ["suining2018", "Abcdefgh", "abcdefg!", "密码很安全的12"])
def test_password_policy_accepts_two_kinds_of_eight(password: str) -> None:
    assert check_password(password, username="luru") == []


def test_login_is_logged_and_the_hash_is_argon2id(county: FixtureCounty) -> None:
    account = accounts.login("luru", OWN, now=T0)
    assert (account.username, account.role, account.township_name) == ("luru", "clerk", "长铺镇")
    assert account.label == "luru（录入员）"
    assert User.get(User.username == "luru").password_hash.startswith("$argon2id$")
    last = AuditEntry.select().order_by(AuditEntry.seq.desc()).first()
    assert (last.action, last.username, last.table_name) == ("login", "luru", "user")
    assert "argon2" not in last.states  # the hash is logged only as its SHA-256


def test_five_failures_lock_the_account_for_fifteen_minutes(county: FixtureCounty) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(InvalidInput) as info:
            accounts.login("luru", "wrong-pass1", now=T0)
        assert codes(info) == ["login_failed_left"] and info.value.problems[0].params["left"] == left
    with pytest.raises(InvalidInput) as info:
        accounts.login("luru", "wrong-pass1", now=T0)
    assert codes(info) == ["login_now_locked"]
    with pytest.raises(InvalidInput) as info:  # even the right password, while locked
        accounts.login("luru", OWN, now=T0 + dt.timedelta(minutes=14))
    assert codes(info) == ["login_locked"] and info.value.problems[0].params["until"] == "09:15"
    assert accounts.login("luru", OWN, now=T0 + dt.timedelta(minutes=15, seconds=1)).username == "luru"
    assert User.get(User.username == "luru").failed_attempts == 0
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.username == "luru")]
    assert actions.count("login_failed") == 5 and "login_refused_locked" in actions and actions[-1] == "login"


def test_unknown_user_and_disabled_user(county: FixtureCounty) -> None:
    with pytest.raises(InvalidInput) as info:
        accounts.login("nobody", GOOD, now=T0)
    assert codes(info) == ["login_failed"]
    assert AuditEntry.select().where((AuditEntry.action == "login_failed")
                                     & (AuditEntry.username == "nobody")).exists()
    accounts.set_active("luru", False, by="admin")
    with pytest.raises(InvalidInput) as info:
        accounts.login("luru", OWN, now=T0)
    assert codes(info) == ["login_disabled"]


def test_change_own_password(county: FixtureCounty) -> None:
    accounts.create_user("luru2", "", "clerk", county.changpu.id, GOOD, by="admin")
    with pytest.raises(InvalidInput) as info:
        accounts.change_password("luru2", "not-it-1", "NewPass2019")
    assert codes(info) == ["password_wrong"]
    with pytest.raises(InvalidInput) as info:
        accounts.change_password("luru2", GOOD, "weak")
    assert codes(info) == ["password_too_short"]
    with pytest.raises(InvalidInput) as info:
        accounts.change_password("luru2", GOOD, GOOD)
    assert codes(info) == ["password_same"]
    assert User.get(User.username == "luru2").must_change_password  # created by an admin
    accounts.change_password("luru2", GOOD, "NewPass2019")
    assert not accounts.login("luru2", "NewPass2019").must_change_password
    with pytest.raises(InvalidInput):
        accounts.login("luru2", GOOD)


def test_only_admins_manage_users_and_nobody_is_deleted(county: FixtureCounty) -> None:
    with pytest.raises(AccessDenied) as info:
        accounts.create_user("new1", "", "clerk", None, GOOD, by="shenhe")
    assert codes(info) == ["access_role"]  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as info:
        accounts.create_user("luru", "", "clerk", None, GOOD, by="admin")
    assert codes(info) == ["username_taken"]
    with pytest.raises(AccessDenied):
        accounts.set_active("admin", False, by="admin")  # not oneself
    accounts.update_user("shenhe", display_name="审核员甲", role="admin", township_id=None, by="admin")
    accounts.set_active("admin", False, by="shenhe")
    with pytest.raises(AccessDenied) as info:
        accounts.update_user("shenhe", display_name="x", role="clerk", township_id=None, by="shenhe")
    assert codes(info) == ["last_admin"]  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):  # the database refuses too
        User.delete().where(User.username == "luru").execute()
    assert User.select().count() == 4


def test_reset_lifts_the_lock_and_forces_a_new_password(county: FixtureCounty) -> None:
    for _ in range(5):
        with pytest.raises(InvalidInput):
            accounts.login("luru", "wrong-pass1", now=T0)
    accounts.reset_password("luru", "Reset2019x", by="admin")
    account = accounts.login("luru", "Reset2019x", now=T0)
    assert account.must_change_password
    assert [e.username for e in AuditEntry.select().where(AuditEntry.action == "password_reset")] == ["admin"]


def test_first_admin_only_on_an_empty_database(county: FixtureCounty) -> None:
    with pytest.raises(InvalidInput) as info:
        accounts.create_first_admin("second", "", GOOD)
    assert codes(info) == ["accounts_exist"]


def _household(county: FixtureCounty, group_id: int, no: str, seq: int) -> HouseholdInput:
    return HouseholdInput(household_no=no, group_id=group_id, main_cause="因病", registered_on=TODAY)


def _head(seq: int) -> list[PersonInput]:
    return [PersonInput(name="刘德华", id_number=id_number("1970-05-06", seq, male=True), relation="户主")]


def test_household_services_enforce_role_and_township(county: FixtureCounty) -> None:
    changpu = _household(county, county.qingshi_1.id, "43052710000101901", 1)
    wuyang = _household(county, county.fengmu_1.id, "43052710100101901", 2)
    hid = hs.register_household(changpu, _head(11), user="luru", today=TODAY)
    with pytest.raises(AccessDenied) as info:
        hs.register_household(wuyang, _head(12), user="luru", today=TODAY)
    assert codes(info) == ["access_scope"]  # type: ignore[arg-type]
    assert info.value.problems[0].params["other"] == "武阳镇"
    with pytest.raises(AccessDenied):  # nor move a household out of the clerk's township
        hs.update_household(hid, _household(county, county.fengmu_1.id, "43052710000101901", 1),
                            user="luru", today=TODAY)
    with pytest.raises(AccessDenied):  # a clerk of 武阳镇 cannot touch a 长铺镇 household
        hs.change_status(hid, status="exited", year=2018, date=TODAY, reason="稳定脱贫", user="wuyang", today=TODAY)
    hs.change_status(hid, status="exited", year=2018, date=TODAY, reason="稳定脱贫", user="shenhe", today=TODAY)
    hs.register_household(wuyang, _head(12), user="admin", today=TODAY)  # the county admin: anywhere
    for who, code in (("ghost", "access_unknown_user"), ("", "access_no_user")):
        with pytest.raises(AccessDenied) as info:
            hs.register_household(_household(county, county.qingshi_2.id, "43052710000102901", 3), _head(13),
                                  user=who, today=TODAY)
        assert codes(info) == [code]  # type: ignore[arg-type]
    accounts.set_active("luru", False, by="admin")
    with pytest.raises(AccessDenied) as info:
        hs.change_status(hid, status="poor", year=None, date=TODAY, reason="返贫", user="luru", today=TODAY)
    assert codes(info) == ["access_disabled"]  # type: ignore[arg-type]
    assert Household.select().count() == 2
    assert audit_capture.pending(database.obj) == []  # every write was logged


def test_require_ranks_and_county_wide_actions(county: FixtureCounty) -> None:
    assert require("shenhe", role="clerk") is not None  # a reviewer may enter
    with pytest.raises(AccessDenied):
        require("luru", role="reviewer")
    with pytest.raises(AccessDenied) as info:
        require("shenhe", role="reviewer", county=True)
    assert codes(info) == ["access_county_only"]  # type: ignore[arg-type]
    assert require("admin", role="admin", county=True) is not None
