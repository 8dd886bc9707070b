"""``suining-desk area list|add|rename|retire`` (issue 17, item 2): a new office database has
the county and its townships only; an admin adds the villages and groups by hand, a clerk
then registers the first household, and an import without --create-areas finds them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from suining_desk.cli import main
from suining_desk.db import close_database, open_database
from suining_desk.db.models import Area, AuditEntry, Household
from suining_desk.rules.household import HouseholdInput, PersonInput
from suining_desk.services import households
from suining_desk.services.areas import group_choices
from tests import exchange_sheets as sheets
from tests.county import id_number

ADMIN_PW = "Admin2018x"
ADD = ["area", "add", "--township", "长铺镇", "--village", "青石村"]


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "office.sqlite3"
    monkeypatch.setenv("SUINING_PASSWORD", ADMIN_PW)
    assert main(["init", "--db", str(path), "--admin", "wang", "--name", "王主任"]) == 0
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--db", str(db)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_admin_adds_a_village_and_its_groups_and_lists_them(office: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, office, "area", "list")  # the database as init left it: townships only
    code, out, err = run(capsys, office, *ADD, "--group", "一组", "--user", "wang")
    assert (code, err) == (0, "") and out.strip() == "已新增：长铺镇青石村、长铺镇青石村一组"
    code, out, _ = run(capsys, office, *ADD, "--group", "二组", "--code", "43052710000107", "--user", "wang")
    assert code == 0 and out.strip() == "已新增：长铺镇青石村二组"  # the village was there: the group only
    code, out, _ = run(capsys, office, "area", "list", "--township", "长铺镇")
    lines = out.splitlines()
    assert lines[0] == "代码\t级别\t名称\t状态\t在册户数"
    assert lines[1:] == ["430527100\t乡镇\t长铺镇\t在用\t0", "430527100001\t行政村\t长铺镇青石村\t在用\t0",
                         "43052710000101\t村民小组\t长铺镇青石村一组\t在用\t0",
                         "43052710000107\t村民小组\t长铺镇青石村二组\t在用\t0"]
    code, out, _ = run(capsys, office, "area", "list")
    assert "430527101\t乡镇\t武阳镇\t在用\t0" in out and out.count("\t乡镇\t") == 17

    # the same group again (by another spelling of its number), a bad code, a missing township
    code, _, err = run(capsys, office, *ADD, "--group", "第1组", "--user", "wang")
    assert code == 1 and "长铺镇青石村已有“一组”" in err
    code, _, err = run(capsys, office, *ADD[:-1], "枫木村", "--code", "4305271009", "--user", "wang")
    assert code == 1 and "应为上级代码430527100后加3位数字" in err
    code, _, err = run(capsys, office, "area", "add", "--township", "北京镇", "--village", "x", "--user", "wang")
    assert code == 1 and "北京镇" in err
    code, _, err = run(capsys, office, *ADD, "--group", "三组")  # no --user
    assert code == 1 and "--user" in err

    open_database(office)
    logged = [(e.action, e.username) for e in AuditEntry.select().where(AuditEntry.action == "area_added")]
    assert logged == [("area_added", "wang")] * 3
    close_database()


def test_only_an_admin_changes_areas(office: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUINING_NEW_PASSWORD", "Clerk2018x")
    assert run(capsys, office, "user", "add", "li", "--role", "clerk", "--user", "wang")[0] == 0
    open_database(office)
    from suining_desk.db.models import User

    User.update(must_change_password=False).where(User.username == "li").execute()
    close_database()
    monkeypatch.setenv("SUINING_PASSWORD", "Clerk2018x")
    code, _, err = run(capsys, office, *ADD, "--user", "li")
    assert code == 1 and "管理员" in err
    open_database(office)
    assert not Area.select().where(Area.name == "青石村").exists()
    close_database()


def _register(group_id: int, no: str) -> int:
    head = PersonInput(name="曾伟", id_number=id_number("1968-03-12", 7, male=True), relation="户主")
    return households.register_household(HouseholdInput(household_no=no, group_id=group_id,
                                                        registered_on=dt.date(2018, 3, 1)),
                                         [head], user="wang", today=dt.date(2018, 12, 1))


def test_rename_and_retire_keep_the_records(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, office, *ADD, "--group", "1组", "--user", "wang")[0] == 0
    assert run(capsys, office, *ADD, "--group", "二组", "--user", "wang")[0] == 0
    code, out, _ = run(capsys, office, "area", "rename", "--township", "长铺镇", "--village", "青石村",
                       "--group", "一组", "--to", "青石一组", "--user", "wang")
    assert code == 0 and out.strip() == "已改名：长铺镇青石村1组 → 长铺镇青石村青石一组"
    open_database(office)
    group = Area.get(Area.name == "青石一组")
    assert [label for _, label in group_choices()] == ["长铺镇 青石村 青石一组", "长铺镇 青石村 二组"]
    household_id = _register(group.id, "43052710000101001")  # the first household, by hand
    close_database()

    code, _, err = run(capsys, office, "area", "retire", "--township", "长铺镇", "--village", "青石村",
                       "--user", "wang")
    assert code == 1 and "“长铺镇青石村”还有1户在册" in err  # never while households live there
    open_database(office)
    households.remove_household(household_id, date=dt.date(2018, 12, 1), reason="整户迁出", user="wang",
                                today=dt.date(2018, 12, 1))
    close_database()
    code, out, _ = run(capsys, office, "area", "retire", "--township", "长铺镇", "--village", "青石村",
                       "--user", "wang")
    assert code == 0 and out.startswith("已撤销：长铺镇青石村")
    code, out, _ = run(capsys, office, "area", "list", "--township", "长铺镇")
    assert out.count("已撤销") == 3  # the village and both its groups

    open_database(office)
    assert Household.get_by_id(household_id).group_id == group.id  # the record keeps its area
    assert group_choices() == []  # nothing retired is offered for a new household
    assert [label for _, label in group_choices(keep=group.id)] == ["长铺镇 青石村 青石一组（已撤销）"]
    with pytest.raises(Exception, match="area_retired"):
        _register(group.id, "43052710000101002")
    actions = [e.action for e in AuditEntry.select().where(AuditEntry.table_name == "area").order_by(AuditEntry.seq)]
    assert actions[-2:] == ["area_renamed", "area_retired"]
    close_database()
    code, _, err = run(capsys, office, *ADD, "--group", "三组", "--user", "wang")
    assert code == 1 and "已撤销" in err
    code, _, err = run(capsys, office, "area", "rename", "--township", "长铺镇", "--village", "长铺镇",
                       "--to", "x", "--user", "wang")
    assert code == 1 and "没有名称或代码为“长铺镇长铺镇”的区域" in err


def test_an_import_without_create_areas_finds_the_new_village_and_group(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = sheets.register_sheet(tmp_path / "花名册.xlsx", [["43052710000101001", "吴长寿", sheets.WU, "户主",
                                                             "长铺镇", "新建村", "2组"]])
    code, _, err = run(capsys, office, "import", "households", str(sheet), "--user", "wang")
    assert code == 1 and "区划中没有“长铺镇新建村”" in err and "区划管理" in err
    assert run(capsys, office, "area", "add", "--township", "长铺镇", "--village", "新建村", "--group", "二组",
               "--user", "wang")[0] == 0
    code, out, err = run(capsys, office, "import", "households", str(sheet), "--user", "wang")
    assert (code, err) == (0, "") and "新增 1 户 1 人" in out
    open_database(office)
    household = Household.get()
    assert (household.group.name, household.village.name) == ("二组", "新建村")
    close_database()
